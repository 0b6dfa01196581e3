"""The devices at a register, as ``pos/`` sees them: the receipt printer and cash drawer, the
customer display and the control unit (kontrollenhet, SKVFS 2014:9). Adapters and simulators are
in ``hardware/``; every call may block, so the UI calls them from workers."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from pos.errors import UserError, messages
from pos.receipt import ReceiptDocument




PRINTER_MESSAGES = messages({
    "printer.paper_out": "The receipt printer ({name}) is out of paper. Put in a new roll and "
                         "close the cover; then print again.",
    "printer.cover_open": "The receipt printer ({name}) has its cover open. Close the cover; "
                          "then print again.",
    "printer.offline": "The receipt printer ({name}) is offline{detail}. Check the printer's "
                       "lights, paper and cover; then print again.",
    "printer.no_answer": "The receipt printer ({name}) does not answer: {what}. Check that it is "
                         "switched on and connected; the sale is saved and the receipt can be "
                         "printed again. [{error}]",
    "printer.cannot_prepare": "The receipt could not be prepared for printing: {detail}",
})


class PrinterError(UserError):
    """Base of printer failures (raised where the OS or the printer's status says so)."""


class PrinterOffline(PrinterError):
    pass


class PaperOut(PrinterError):
    pass


class CoverOpen(PrinterError):
    pass


@dataclass(frozen=True)
class PrinterStatus:
    online: bool
    paper: str = "ok"  # "ok" | "near_end" | "out" | "unknown"
    cover_open: bool = False
    drawer_open: bool | None = None  # None: the transport cannot tell
    detail: str = ""

    @property
    def ready(self) -> bool:
        return self.online and self.paper != "out" and not self.cover_open


@runtime_checkable
class ReceiptPrinter(Protocol):
    name: str

    def print_document(self, doc: ReceiptDocument) -> None:
        """Print ``doc`` (cut, and kick the drawer if ``doc.open_drawer``); raise PrinterError."""

    def status(self) -> PrinterStatus:
        """Read the printer's real-time status where the transport allows, else a best guess."""

    def open_drawer(self) -> None:
        """Kick the cash drawer connected to this printer; raise PrinterError."""




@dataclass(frozen=True)
class DisplayLine:
    name: str
    quantity: int
    amount: int  # öre the customer pays for the line
    saving: int = 0  # öre the line's promotions took off it (shown as the campaign's saving)
    # öre everything took off the line: promotions, the cashier's line discount and the line's
    # share of a discount on the whole sale (what "you save" adds up); at least ``saving``
    discount: int = 0

    @property
    def saved(self) -> int:
        return max(self.discount, self.saving)


@runtime_checkable
class CustomerDisplay(Protocol):
    def show_cart(self, lines: Sequence[DisplayLine], total: int, vat: int) -> None: ...

    def show_payment(self, total: int, paid: int, change: int) -> None: ...

    def show_thanks(self, message: str, qr_data: str = "") -> None: ...

    def clear(self) -> None: ...




@dataclass(frozen=True)
class ControlRecord:
    """What the register reports to its control unit for each receipt (SKVFS 2014:9, simplified)."""

    register_id: str
    receipt_no: int
    timestamp: str  # ISO 8601, local time
    kind: str  # "normal", "copy", "training", "proforma", "return"
    total: int
    vat_by_rate: tuple[tuple[str, int], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ControlRegistration:
    """What a control unit remembers of a register's newest receipt (it keeps its own memory,
    outside the register's database, as a certified unit does)."""

    register_id: str
    count: int  # receipts registered so far
    receipt_no: int  # the newest one's number
    code: str  # and its control code


class ControlUnit(Protocol):
    serial: str

    def sign(self, record: ControlRecord) -> str:
        """Register the receipt and return its control code; raise if the unit does not answer."""

    def last(self, register_id: str) -> ControlRegistration | None:
        """The register's newest registration, or None when the unit never registered one."""
