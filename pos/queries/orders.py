"""The read side of the back office's Orders page (and ``main.py orders``): what this store
knows locally of the orders it placed and the returns it took, to be joined with what the
central store says of them (``pos.ports.OrderStatuses``, read separately on the network lane).

- **Ship-to-home orders placed here**: each sale's delivery part (receipt, register, cashier,
  customer, what the delivered goods and shipping cost) with its outbox message (pending,
  failed, dead, sent) and, once sent, the central order's id and number.
- **Returns taken here**: one row per return receipt and purchase returned from (a store sale's
  receipt or a web order), with what it returned and refunded, and its outbox message (the
  central return's id once sent). A return without a receipt has nothing to tell centrally.
- **Detail**: a sale's lines and payments with the journal entries that name it (or a web
  order's journal entries, by its id).

Dates are the store's (naive local, as sales are stored): ``first``..``last`` inclusive.
Amounts are öre.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from pos.delivery import Delivery
from pos.journal import JournalEntry
from pos.payment_methods import WEB_PAYMENT
from pos.returns import PurchaseKind
from pos.sales import Sale
from pos.services.ship_to_home import delivery_key
from pos.services.unit_of_work import UnitOfWork
from pos.sync.delivery_events import parse_remote_ref
from pos.sync.return_events import return_key

LIMIT = 500  # rows a list reads at most


@dataclass(frozen=True)
class Outbox:
    """A row's message to the central store: ``status`` pending, failed, sent, dead ("" none
    queued); ``message_id`` its outbox number (the Sync page's), ``error`` its last error."""

    status: str = ""
    message_id: int | None = None
    error: str = ""
    remote_id: str = ""

    @property
    def local_only(self) -> bool:
        """Not in the central store yet (waiting, failing or set aside)."""
        return self.status in ("pending", "failed", "dead")

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "message_id": self.message_id, "error": self.error,
                "remote_id": self.remote_id}


@dataclass(frozen=True)
class ShipToHomeRow:
    sale_id: str
    order_ref: str  # the till's reference (also on the central order's metadata)
    register_id: str
    receipt_no: int
    cashier: str
    completed_at: datetime
    customer: str  # the customer's name (the address's when no customer was identified)
    customer_email: str
    amount: int  # öre: the delivered goods and the shipping fee
    shipping_fee: int
    location_id: str  # where it is sent from
    location_name: str
    expected_on: date
    outbox: Outbox
    central_order_id: str = ""
    display_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"sale_id": self.sale_id, "order_ref": self.order_ref,
                "register": self.register_id, "receipt_no": self.receipt_no,
                "cashier": self.cashier, "completed_at": self.completed_at.isoformat(),
                "customer": self.customer, "customer_email": self.customer_email,
                "amount_ore": self.amount, "shipping_fee_ore": self.shipping_fee,
                "from_location": self.location_id, "expected_on": self.expected_on.isoformat(),
                "outbox": self.outbox.to_dict(), "central_order_id": self.central_order_id,
                "display_id": self.display_id}


@dataclass(frozen=True)
class ReturnOrderRow:
    sale_id: str  # the return receipt's sale
    register_id: str
    receipt_no: int
    cashier: str
    completed_at: datetime
    purchase: str  # the code returned from: R-K1-12 (a store sale) or a web order's number
    kind: str  # store_sale, web_order, no_receipt
    order_id: str  # the web order's central id ("" for a store sale until the central store says)
    units: int
    amount: int  # öre of goods returned (positive)
    refunded: int  # öre paid back for this purchase (at the till and centrally)
    refund_central: int  # öre of it refunded through the central store's payment
    outbox: Outbox

    @property
    def return_id(self) -> str:
        """The central return's id once the outbox sent it."""
        return self.outbox.remote_id if self.outbox.status == "sent" else ""

    def to_dict(self) -> dict[str, Any]:
        return {"sale_id": self.sale_id, "register": self.register_id,
                "receipt_no": self.receipt_no, "cashier": self.cashier,
                "completed_at": self.completed_at.isoformat(), "purchase": self.purchase,
                "kind": self.kind, "order_id": self.order_id, "units": self.units,
                "amount_ore": self.amount, "refunded_ore": self.refunded,
                "refund_central_ore": self.refund_central, "outbox": self.outbox.to_dict(),
                "return_id": self.return_id}


@dataclass(frozen=True)
class SaleDetail:
    sale: Sale
    delivery: Delivery | None
    journal: tuple[JournalEntry, ...]


def day_span(first: date | None, last: date | None) -> tuple[datetime, datetime]:
    """``first`` 00:00 to the day after ``last`` 00:00 (open ends: all of time)."""
    start = datetime.combine(first, time()) if first else datetime(1970, 1, 1)
    end = datetime.combine(last + timedelta(days=1), time()) if last else datetime(9999, 1, 1)
    return start, end


def matches(text: str, *fields: Any) -> bool:
    """Whether ``text`` (case-insensitive; "#1042" as "1042") is in any of ``fields``."""
    needle = text.strip().lstrip("#").strip().casefold()
    return not needle or any(needle in str(f).casefold() for f in fields if f is not None)


def _outbox(uow: UnitOfWork, key: str) -> Outbox:
    row = uow.outbox.by_key(key)
    if row is None:
        return Outbox()
    return Outbox(str(row.status), row.id, row.last_error or "", row.remote_id or "")


def ship_to_home_orders(uow: UnitOfWork, first: date | None = None, last: date | None = None,
                        text: str = "", limit: int = LIMIT) -> list[ShipToHomeRow]:
    """The ship-to-home orders sold here ``first``..``last``, newest first; ``text`` matches the
    order reference, receipt number, central order number, customer, e-mail or cashier."""
    start, end = day_span(first, last)
    out = []
    with uow:
        for d in uow.deliveries.between(start, end, limit):
            sale = uow.sales.get(d.sale_id)
            if sale is None:
                continue
            box = _outbox(uow, delivery_key(d.sale_id))
            order_id, display_id = parse_remote_ref(box.remote_id or None)
            amount = sum(sale.lines[i - 1].total for i in d.line_nos if i <= len(sale.lines))
            customer = sale.customer_name or d.address.name
            row = ShipToHomeRow(
                sale_id=sale.id, order_ref=d.order_ref, register_id=sale.register_id,
                receipt_no=sale.receipt_no, cashier=sale.cashier_name,
                completed_at=sale.completed_at, customer=customer,
                customer_email=d.customer_email or "", amount=amount, shipping_fee=d.shipping_fee,
                location_id=d.location_id, location_name=d.location_name,
                expected_on=d.expected_on, outbox=box, central_order_id=order_id or "",
                display_id=display_id)
            if matches(text, row.order_ref, row.receipt_no, row.display_id, row.customer,
                       row.customer_email, row.cashier, row.central_order_id,
                       f"{row.register_id} {row.receipt_no}"):
                out.append(row)
    return out


def store_returns(uow: UnitOfWork, first: date | None = None, last: date | None = None,
                  text: str = "", limit: int = LIMIT) -> list[ReturnOrderRow]:
    """The returns taken here ``first``..``last``, newest first, one row per purchase a return
    receipt returned from; ``text`` matches the receipt number, the purchase's code (a receipt
    code or a web order number), the cashier and the customer."""
    start, end = day_span(first, last)
    out = []
    with uow:
        for sale in uow.sales.returns(start, limit):
            if sale.completed_at >= end:
                continue
            by_code: dict[str, list[Any]] = {}
            for ln in sale.return_lines:
                if ln.returned_from is not None:
                    by_code.setdefault(ln.returned_from.code, []).append(ln)
            for code, lines in by_code.items():
                of = lines[0].returned_from
                kind = of.kind
                refunded = -sum(t.amount for t in sale.tenders
                                if t.amount < 0 and t.refund_for == code)
                central = -sum(t.amount for t in sale.tenders if t.amount < 0
                               and t.refund_for == code and t.method.id == WEB_PAYMENT.id)
                box = (Outbox() if kind is PurchaseKind.NO_RECEIPT
                       else _outbox(uow, return_key(sale.id, code)))
                row = ReturnOrderRow(
                    sale_id=sale.id, register_id=sale.register_id, receipt_no=sale.receipt_no,
                    cashier=sale.cashier_name, completed_at=sale.completed_at, purchase=code,
                    kind=kind.value, order_id=of.order_id or "",
                    units=sum(ln.returned_from.units for ln in lines),
                    amount=-sum(ln.total for ln in lines), refunded=refunded,
                    refund_central=central, outbox=box)
                if matches(text, code, sale.receipt_no, f"{sale.register_id} {sale.receipt_no}",
                           sale.cashier_name, sale.customer_name, row.order_id):
                    out.append(row)
    return out


def sale_detail(uow: UnitOfWork, sale_id: str, journal_limit: int = 50) -> SaleDetail | None:
    """A sale (a ship-to-home order's or a return's) with its delivery part and the journal
    entries that name it, newest first."""
    with uow:
        sale = uow.sales.get(sale_id)
        if sale is None:
            return None
        return SaleDetail(sale, uow.deliveries.for_sale(sale_id),
                          tuple(uow.journal.search(text=sale_id, limit=journal_limit)))


def journal_about(uow: UnitOfWork, needle: str, limit: int = 50) -> list[JournalEntry]:
    """The journal entries whose payload names ``needle`` (a web order's id), newest first."""
    if not needle:
        return []
    with uow:
        return list(uow.journal.search(text=needle, limit=limit))
