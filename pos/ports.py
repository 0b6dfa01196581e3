"""The Protocols the outside world implements. ``pos/`` depends only on these.

Adapters live in ``hardware/`` (printers, terminals, displays, scanners) and ``integrations/``
(the central commerce store); ``main.py`` wires concrete ones in. Every port call may block: the
UI calls them from workers, never from the GUI thread.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Protocol, runtime_checkable

from pos.catalog import Variant
from pos.commerce import RemoteOrder, StoreOrder
from pos.errors import UserError, messages
from pos.receipt import ReceiptDocument
from pos.stock import StockLevel


# --- receipt printer and cash drawer -------------------------------------------------------------


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


# --- card terminal -------------------------------------------------------------------------------


class CardOutcome(Enum):
    APPROVED = "approved"
    DECLINED = "declined"
    CANCELLED = "cancelled"  # by the customer or the cashier on the terminal
    BUSY = "busy"  # terminal is doing something else; nothing was charged
    UNKNOWN = "unknown"  # no answer: ask transaction_status before doing anything else
    NOT_FOUND = "not_found"  # transaction_status: the terminal never saw this attempt


@dataclass(frozen=True)
class CardRequest:
    """``attempt_id`` is the till's own idempotency key (stored before sending); ``amount`` in öre."""

    attempt_id: str
    amount: int
    currency: str = "SEK"
    sale_ref: str = ""  # receipt/transaction reference shown on the terminal's records


@dataclass(frozen=True)
class CardResult:
    outcome: CardOutcome
    attempt_id: str
    amount: int = 0
    auth_code: str = ""
    masked_pan: str = ""
    brand: str = ""
    terminal_ref: str = ""  # the terminal's own transaction reference (for refunds/reversals)
    message: str = ""  # for the cashier
    receipt_lines: tuple[str, ...] = ()  # the terminal's receipt text, printed on the sale receipt

    @property
    def approved(self) -> bool:
        return self.outcome is CardOutcome.APPROVED


@runtime_checkable
class CardTerminal(Protocol):
    name: str

    def purchase(self, request: CardRequest) -> CardResult:
        """Charge the card. Must not raise for protocol-level outcomes; UNKNOWN when no answer."""

    def refund(self, request: CardRequest) -> CardResult: ...

    def transaction_status(self, attempt_id: str) -> CardResult:
        """What became of ``attempt_id``: its final result, UNKNOWN if still running, or NOT_FOUND."""

    def abort(self, attempt_id: str) -> None:
        """Ask the terminal to stop a transaction still in progress (best effort)."""


# --- customer display ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DisplayLine:
    name: str
    quantity: int
    amount: int  # öre the customer pays for the line
    saving: int = 0  # öre the line's promotions took off it (shown as the campaign's saving)


@runtime_checkable
class CustomerDisplay(Protocol):
    def show_cart(self, lines: Sequence[DisplayLine], total: int, vat: int) -> None: ...

    def show_payment(self, total: int, paid: int, change: int) -> None: ...

    def show_thanks(self, message: str, qr_data: str = "") -> None: ...

    def clear(self) -> None: ...


# --- control unit (kontrollenhet) ----------------------------------------------------------------


@dataclass(frozen=True)
class ControlRecord:
    """What the register reports to its control unit for each receipt (SKVFS 2014:9, simplified)."""

    register_id: str
    receipt_no: int
    timestamp: str  # ISO 8601, local time
    kind: str  # "normal", "copy", "training", "proforma", "return"
    total: int
    vat_by_rate: tuple[tuple[str, int], ...] = field(default_factory=tuple)


class ControlUnit(Protocol):
    serial: str

    def sign(self, record: ControlRecord) -> str:
        """Register the receipt and return its control code; raise if the unit does not answer."""


# --- central commerce store ----------------------------------------------------------------------


CENTRAL_MESSAGES = messages({
    "central.unreachable": "The central store cannot be reached now: {detail}",
})


class CommerceUnavailable(UserError):
    """The central store cannot be reached now; the caller keeps the work and tries later.
    ``detail``: what the connection said (for the log; a screen shows it after the sentence)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__("central.unreachable", detail=detail)
        self.detail = detail


@runtime_checkable
class CommerceStore(Protocol):
    """The retailer's central store (Medusa v2 in ``integrations/medusa``)."""

    def ping(self) -> bool:
        """True when the store answers its health check."""

    def iter_variants(self, updated_since: datetime | None = None,
                      page_size: int = 200) -> Iterator[list[Variant]]:
        """The catalogue (or what changed since ``updated_since``), page by page."""

    def stock_levels(self, skus: Sequence[str]) -> list[StockLevel]:
        """Stock of these articles at every location (stores and the web warehouse)."""

    def create_store_order(self, order: StoreOrder, idempotency_key: str) -> str:
        """Record a completed store sale as one paid, fulfilled order; returns the order id.

        Idempotent by ``idempotency_key``: a retry after a lost answer returns the first order's id
        and never creates a second one. Raises CommerceUnavailable when the store is down."""

    def find_order_by_key(self, idempotency_key: str) -> RemoteOrder | None:
        """The order created with ``idempotency_key``, if any."""

    def get_web_cart(self, cart_id: str) -> WebCart | None:
        """The cart a QR code names, with the central store's prices and promotions applied;
        None when there is no such cart."""

    def find_customers(self, query: str, limit: int = 20) -> list[CustomerRef]:
        """Customers whose e-mail, name or phone contains ``query`` (a Swedish phone written
        0701234567 also finds +46701234567)."""




class CustomerDirectory(Protocol):
    """Where the till finds customers: the central store (``CommerceStore``), or the demo's list."""

    def find_customers(self, query: str, limit: int = 20) -> list[CustomerRef]:
        """Customers whose e-mail, name or phone contains ``query``."""

    def customer_by_card(self, number: str) -> CustomerRef | None:
        """The customer whose loyalty card has ``number`` (digits), or None if nobody's has."""


from pos.commerce import CustomerRef, WebCart  # noqa: E402  (appended with the methods above)
