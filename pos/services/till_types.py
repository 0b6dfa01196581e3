"""The till facade's plain types: its configuration, its devices, what its calls return, and
the errors whose ``str()`` is a message for the cashier (``USER_ERRORS``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from pos.cart import CartError, DiscountPolicy
from pos.catalog import UnknownCode
from pos.gtin import GtinError
from pos.payments import PaymentError, Tender
from pos.ports import CardTerminal, ControlUnit, CustomerDisplay, PrinterError, ReceiptPrinter
from pos.receipt_layout import StoreInfo
from pos.sales import Sale
from pos.shifts import ShiftError
from pos.staff import AuthError

USER_ERRORS: tuple[type[Exception], ...] = (CartError, PaymentError, AuthError, GtinError,
                                            UnknownCode, ShiftError, PrinterError)


class ScanNotForSale(CartError):
    """A scan that is valid but is not an article (a receipt, a web cart ...): the message says what."""

    def __init__(self, message: str, kind: str, value: str):
        super().__init__(message)
        self.kind = kind
        self.value = value


class CustomerSearchError(CartError):
    """Customers cannot be searched now (no central store, or it cannot be reached)."""


@dataclass(frozen=True)
class TillConfig:
    register_id: str = "K1"
    store: StoreInfo = field(default_factory=StoreInfo)
    location_id: str = "store-gbg"
    discount_policy: DiscountPolicy = field(default_factory=DiscountPolicy)
    card_status_polls: int = 5
    card_status_interval: float = 0.5
    thanks_text: str = "Tack för ditt köp!"  # the customer display's last words


@dataclass(frozen=True)
class Devices:
    printer: ReceiptPrinter
    terminal: CardTerminal
    control_unit: ControlUnit
    display: CustomerDisplay | None = None


@dataclass(frozen=True)
class PaymentView:
    total: int
    paid: int
    remaining: int
    cash_due: int
    rounding: int
    tenders: tuple[Tender, ...]
    change: int
    sale: Sale | None = None  # set when this payment completed the sale


@dataclass(frozen=True)
class PrintOutcome:
    ok: bool
    message: str = ""


@dataclass(frozen=True)
class ParkedInfo:
    id: int
    parked_at: datetime
    parked_by: str
    note: str
    total: int
    item_count: int

