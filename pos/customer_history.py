"""A customer's history as the till shows it: web orders and store sales together, newest first,
each with its channel, its lines, what was returned of it and whether its payment is still open
(an invoice not yet paid, a payment authorised but not captured).

Read from the central store (every channel's orders are there: a store sale with a customer is
an order of that customer), one page at a time.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

# Medusa's order payment statuses that mean "not paid yet" (an invoice's payment stays open
# until the customer pays: authorised, not captured)
OPEN_PAYMENT = frozenset({"not_paid", "awaiting", "authorized", "partially_authorized",
                          "requires_action", "partially_captured"})


class Channel(Enum):
    STORE = "store"
    WEB = "web"


@dataclass(frozen=True)
class HistoryLine:
    name: str
    quantity: int
    total: int  # öre
    returned: int = 0  # units returned in any channel


@dataclass(frozen=True)
class HistoryReturn:
    id: str
    status: str  # Medusa's return status: requested, received, ...
    created_at: datetime | None
    refund: int = 0  # öre refunded with it


@dataclass(frozen=True)
class HistoryEntry:
    order_id: str
    display_id: int
    channel: Channel
    bought_at: datetime | None
    total: int  # öre, what the order cost
    currency: str
    payment_status: str
    lines: tuple[HistoryLine, ...] = ()
    returns: tuple[HistoryReturn, ...] = ()
    receipt_code: str = ""  # a store sale's receipt (R-K1-000042)
    location: str = ""  # the store that sold it, or "web"
    # an invoice on the order, when there is one (its number and OCR reference): filled from
    # the order's metadata by the invoice flow (``invoice_number``, ``invoice_ocr``)
    invoice_number: str = ""
    invoice_ocr: str = ""

    @property
    def payment_open(self) -> bool:
        """Not paid yet: an open invoice, or a payment authorised but not captured."""
        return self.payment_status in OPEN_PAYMENT

    @property
    def return_code(self) -> str:
        """What the returns flow finds this purchase by: the receipt code of a store sale, the
        order's id of a web order."""
        return self.receipt_code or self.order_id

    @property
    def returned_units(self) -> int:
        return sum(ln.returned for ln in self.lines)


@dataclass(frozen=True)
class HistoryPage:
    entries: tuple[HistoryEntry, ...]
    offset: int
    limit: int
    count: int  # all the customer's orders

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.entries) < self.count
