"""Shifts (a register's working session) and the X and Z reports computed from them.

Lifecycle as in Odoo's pos.session: opened with a float, cash moved in and out with a reason,
closed with a counted cash amount and the variance against what the drawer should hold.
An X report is a reading that closes nothing; a Z report closes the day and carries a number.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from pos.errors import UserError, messages
from pos.payment_methods import PaymentMethod
from pos.sales import GIFT_CARD, INVOICE_PAYMENT, Sale
from pos.vat import VatLine, vat_breakdown, vat_of_receipts


MESSAGES = messages({
    "shift.open_first": "Open a shift first (F10)",
    "shift.negative_float": "The float cannot be negative",
    "shift.already_open": "A shift is already open on this register",
    "shift.enter_amount": "Enter an amount",
    "shift.movement_reason": "Give a reason for the cash movement",
    "shift.negative_count": "Counted cash cannot be negative",
    "shift.sale_in_progress": "Finish or void the sale in progress before closing",
    "shift.drawer_reason": "Give a reason for opening the drawer",
    "shift.cash_out_exceeds": "{amount} kr cannot be taken out: the drawer should hold "
                              "{available} kr",
})


class ShiftError(UserError, ValueError):
    """A shift, cash or report step refused."""


@dataclass(frozen=True)
class CashMovement:
    amount: int  # positive in, negative out
    reason: str
    by: str
    at: datetime


@dataclass(frozen=True)
class ShiftInfo:
    id: int
    register_id: str
    opened_by: str
    opened_at: datetime
    opening_float: int
    closed_at: datetime | None = None
    counted_cash: int | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class Report:
    kind: str  # "X" or "Z"
    register_id: str
    shift_id: int
    z_number: int | None
    opened_at: datetime
    printed_at: datetime
    sales_count: int
    item_count: int
    gross_sales: int  # incl. VAT, after discounts
    vat: tuple[VatLine, ...]
    returns_count: int
    returns_total: int
    discounts_total: int
    rounding_total: int
    tenders: tuple[tuple[str, int], ...]  # (payment method id, öre), by id
    opening_float: int
    cash_in: int
    cash_out: int
    expected_cash: int
    counted_cash: int | None
    variance: int | None
    copies: int
    drawer_openings: int
    price_overrides: int
    voids: int
    grand_total: int  # everything ever sold on this register (never resets)
    first_receipt: int | None = None
    last_receipt: int | None = None
    extra: dict[str, int] = field(default_factory=dict)
    # (code, öre) the central store's promotions gave, part of ``discounts_total``
    promotions: tuple[tuple[str, int], ...] = ()
    method_labels: tuple[tuple[str, str], ...] = ()  # (payment method id, its label)
    cash_count: tuple[tuple[int, int], ...] = ()  # Z: (denomination öre, count) counted
    parked_count: int = 0  # sales parked on the register, left for the next shift
    parked_total: int = 0
    variance_approved_by: str | None = None  # Z: the manager who accepted a variance over the limit
    # returned articles per VAT rate (gross and VAT given back, positive) and money given back
    # per payment method (öre, positive): ``tenders`` are net of these
    returns_vat: tuple[VatLine, ...] = ()
    refunds: tuple[tuple[str, int], ...] = ()
    # öre taken for invoices paid at the till and for gift cards sold: no sales (not in
    # ``gross_sales`` nor ``vat``), but in ``tenders`` and the drawer's cash
    invoice_payments: int = 0
    gift_cards_sold: int = 0

    @property
    def promotions_total(self) -> int:
        return sum(amount for _, amount in self.promotions)

    def tender_total(self, method: PaymentMethod | str) -> int:
        """Öre taken with ``method`` (a method or its id)."""
        key = method if isinstance(method, str) else method.id
        return dict(self.tenders).get(key, 0)


@dataclass(frozen=True)
class ShiftCounters:
    """Events the journal counts that a sale list does not show."""

    copies: int = 0
    drawer_openings: int = 0
    price_overrides: int = 0
    voids: int = 0


def build_report(kind: str, shift: ShiftInfo, sales: Iterable[Sale],
                 movements: Iterable[CashMovement], counters: ShiftCounters,
                 grand_total_before: int, printed_at: datetime, z_number: int | None = None,
                 counted_cash: int | None = None) -> Report:
    sales = list(sales)
    movements = list(movements)
    # a receipt that sold something counts as a sale, one that took something back as a
    # return (an exchange is both); the amounts are the lines' own
    # (goods only: an invoice paid here or a gift card sold is no sale, ``pos.sales.line_kind``)
    selling = [s for s in sales if s.sells_goods]
    returns = [s for s in sales if s.return_lines]
    tenders: dict[str, int] = {}
    refunds: dict[str, int] = {}
    labels: dict[str, str] = {}
    cash_tendered = 0
    for s in sales:
        for t in s.tenders:
            tenders[t.method.id] = tenders.get(t.method.id, 0) + t.amount
            if t.amount < 0:
                refunds[t.method.id] = refunds.get(t.method.id, 0) - t.amount
            labels[t.method.id] = t.method.label
            if t.method.counts_as_cash:
                cash_tendered += t.amount
    cash_in = sum(m.amount for m in movements if m.amount > 0)
    cash_out = -sum(m.amount for m in movements if m.amount < 0)
    expected = shift.opening_float + cash_tendered + cash_in - cash_out
    gross = sum(s.total for s in sales)
    receipts = [s.receipt_no for s in sales]
    promotions: dict[str, int] = {}
    for s in sales:
        for line in s.lines:
            for p in line.promotions:
                promotions[p.code] = promotions.get(p.code, 0) + p.amount
    return Report(
        kind=kind, register_id=shift.register_id, shift_id=shift.id, z_number=z_number,
        opened_at=shift.opened_at, printed_at=printed_at,
        sales_count=len(selling), item_count=sum(s.goods_count for s in sales),
        gross_sales=sum(s.goods_sold for s in sales),
        vat=tuple(vat_of_receipts(s.goods_vat for s in sales)),
        invoice_payments=sum(s.taken_for(INVOICE_PAYMENT) for s in sales),
        gift_cards_sold=sum(s.taken_for(GIFT_CARD) for s in sales),
        returns_count=len(returns), returns_total=sum(s.refunded for s in returns),
        returns_vat=tuple(vat_of_receipts(
            vat_breakdown((ln.vat_rate, -ln.total) for ln in s.return_lines) for s in returns)),
        refunds=tuple(sorted(refunds.items())),
        discounts_total=sum(s.discount for s in sales),
        rounding_total=sum(s.rounding for s in sales),
        tenders=tuple(sorted(tenders.items())),
        opening_float=shift.opening_float, cash_in=cash_in, cash_out=cash_out,
        expected_cash=expected, counted_cash=counted_cash,
        variance=None if counted_cash is None else counted_cash - expected,
        copies=counters.copies, drawer_openings=counters.drawer_openings,
        price_overrides=counters.price_overrides, voids=counters.voids,
        grand_total=grand_total_before + gross,
        first_receipt=min(receipts) if receipts else None,
        last_receipt=max(receipts) if receipts else None,
        promotions=tuple(sorted(promotions.items())),
        method_labels=tuple(sorted(labels.items())),
    )
