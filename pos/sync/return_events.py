"""Returns reach the central store through the outbox: what a completed sale returned of each
purchase becomes one ``pos.returns.CentralReturn`` on that purchase's order (the goods received
at this store's location, a web payment's refund), exactly once by its key."""
from __future__ import annotations

from datetime import datetime

from pos.payment_methods import WEB_PAYMENT
from pos.returns import CentralReturn, CentralReturnLine, PurchaseKind, ReturnOf
from pos.sales import Sale, SaleLine
from pos.services.unit_of_work import UnitOfWork
from pos.sync.outbox import enqueue
from pos.sync.sale_events import instant

RETURN_KIND = "return"  # the outbox kind of a return recorded on the purchase's order



def return_key(sale_id: str, code: str) -> str:
    """The outbox key of what sale ``sale_id`` returned of the purchase ``code``."""
    return f"return:{sale_id}:{code}"


def central_returns(sale: Sale, location_id: str) -> list[CentralReturn]:
    """What the sale returned, one central return per purchase (a store sale's or web order's
    order; an article returned without a receipt has none)."""
    by_code: dict[str, list[tuple[SaleLine, ReturnOf]]] = {}
    for ln in sale.return_lines:
        of = ln.returned_from
        if of is None or of.kind is PurchaseKind.NO_RECEIPT:
            continue
        by_code.setdefault(of.code, []).append((ln, of))
    refunds = [t for t in sale.tenders if t.amount < 0 and t.refund_for]
    out = []
    for code, lines in by_code.items():
        first = lines[0][1]
        out.append(CentralReturn(
            kind=first.kind, code=code, order_id=first.order_id, sale_id=first.sale_id,
            location_id=location_id,
            lines=tuple(CentralReturnLine(of.line_key, ln.sku, of.units, of.reason, of.restock)
                        for ln, of in lines),
            refund_central=-sum(t.amount for t in refunds
                                if t.method.id == WEB_PAYMENT.id and t.refund_for == code),
            return_sale_id=sale.id, register_id=sale.register_id, receipt_no=sale.receipt_no,
            completed_at=instant(sale.completed_at).isoformat(),
            refunded_at_till=tuple((t.method.id, t.refund_of, -t.amount) for t in refunds
                                   if t.method.id != WEB_PAYMENT.id and t.refund_for == code)))
    return out


def enqueue_returns(uow: UnitOfWork, sale: Sale, location_id: str, now: datetime) -> list[str]:
    """Queue each of the sale's returns for the central store, in the caller's transaction."""
    keys = []
    for ret in central_returns(sale, location_id):
        key = return_key(sale.id, ret.code)
        enqueue(uow.outbox, RETURN_KIND, key, ret.to_dict())
        keys.append(key)
    return keys
