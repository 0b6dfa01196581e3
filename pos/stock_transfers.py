"""Transfers of goods between the chain's stock locations (another store or the web warehouse
sends articles to this store): the sender's stock went down when it sent them; receiving adds
what came to this store's stock, and a line that came short keeps its shortfall."""
from __future__ import annotations

from dataclasses import dataclass

from pos.errors import UserError, messages

MESSAGES = messages({
    "transfer.not_found": "No transfer on its way here is called {code}",
    "transfer.not_in_transfer": "{code} is not in transfer {number}",
    "transfer.too_many": "{name}: {received} received, but only {sent} were sent",
    "transfer.already_received": "Transfer {number} was already received",
})


class TransferError(UserError):
    pass


@dataclass(frozen=True)
class TransferLine:
    sku: str
    quantity: int  # units sent
    received: int | None = None  # units received (None until received)
    name: str = ""  # the local catalogue's name, when it knows the SKU
    ean: str = ""

    @property
    def shortfall(self) -> int:
        return 0 if self.received is None else self.quantity - self.received


@dataclass(frozen=True)
class Transfer:
    id: str
    number: str
    from_location: str  # the till's location key (or the central store's id when unknown)
    to_location: str
    status: str  # "sent" | "received"
    sent_at: str
    lines: tuple[TransferLine, ...]
    received_at: str = ""
    from_name: str = ""

    @property
    def units(self) -> int:
        return sum(ln.quantity for ln in self.lines)

    @property
    def received(self) -> bool:
        return self.status == "received"

    @property
    def shortfall(self) -> int:
        return sum(ln.shortfall for ln in self.lines)

    def line_for(self, code: str) -> TransferLine | None:
        code = code.strip()
        return next((ln for ln in self.lines if code and code in (ln.sku, ln.ean)), None)
