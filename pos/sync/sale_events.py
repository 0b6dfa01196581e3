"""A completed sale as the outbox message that records it in the central store as an order.

Times leave the till as instants: ISO 8601 with their UTC offset. The till keeps a sale's time as
its local wall-clock time (what the receipt prints); the central store is elsewhere and keeps
UTC, so a time without an offset would be read in the wrong zone there.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from pos.commerce import StoreOrder, StoreOrderLine
from pos.invoices import invoice_of_tender
from pos.db.repositories import OutboxRepository
from pos.sales import Sale, SaleLine, is_goods_line
from pos.sync.outbox import STORE_ORDER, enqueue
from pos.vat import vat_breakdown


def sale_key(sale_id: str) -> str:
    """The idempotency key of a sale's order (the central store deduplicates on it)."""
    return f"sale:{sale_id}"


def instant(t: datetime) -> datetime:
    """``t`` with its UTC offset: a naive time is the till's local wall-clock time, read with the
    offset the till's zone had at that date (summer or winter time)."""
    return t if t.tzinfo is not None else t.astimezone()


def is_store_order_line(ln: SaleLine) -> bool:
    """Whether ``ln`` is goods of the sale's own store order: not a web order's line paid here
    (that order has it), not a returned article (a return on its purchase's order), not an
    invoice paid here (``pos.invoices``: no goods), not a gift card sold (its own outbox message,
    ``pos.sync.gift_card_events``)."""
    return is_goods_line(ln) and not (ln.order_id or ln.is_return)


def store_order(sale: Sale, location_id: str, customer_email: str | None = None) -> StoreOrder:
    """The order for ``sale`` (its customer, when known, by the central store's id and e-mail).
    Lines of a web order paid here are left out: their goods are that order's already
    (``pos.sync.pickup_events`` marks it paid and handed over); so are returned articles (a
    return on their purchase's order, ``pos.services.returns``); ``total`` is the rest's. Each
    line keeps its number in the sale (``line_no``: what a return of it names)."""
    numbered = [(no, ln) for no, ln in enumerate(sale.lines, 1) if is_store_order_line(ln)]
    lines = tuple(ln for _, ln in numbered)
    promotions: dict[str, int] = {}
    for ln in lines:
        for p in ln.promotions:
            promotions[p.code] = promotions.get(p.code, 0) + p.amount
    return StoreOrder(
        sale_id=sale.id, register_id=sale.register_id, receipt_no=sale.receipt_no,
        completed_at=instant(sale.completed_at).isoformat(), location_id=location_id,
        lines=tuple(StoreOrderLine(sku=ln.sku, ean=ln.ean, name=ln.name, quantity=ln.quantity,
                                   unit_price=ln.unit_price, total=ln.total,
                                   vat_rate=ln.vat_rate.value,
                                   weight_kg=None if ln.weight is None else str(ln.weight),
                                   line_no=no)
                    for no, ln in numbered),
        tenders=tuple((t.method.id, t.amount) for t in sale.tenders),
        tender_refs=(tuple(t.terminal_ref or "" for t in sale.tenders)
                     if any(t.terminal_ref for t in sale.tenders) else ()),
        total=sum(ln.total for ln in lines) if len(lines) < len(sale.lines) else sale.total,
        customer_email=customer_email, customer_id=sale.customer_id,
        promotions=tuple(promotions.items()),
        promotion_lines=tuple((p.promotion_id, p.amount, ln.vat_rate.value)
                              for ln in lines for p in ln.promotions),
        web_cart_id=sale.web_cart_id, control_code=sale.control_code,
        tender_labels=tuple(t.method.label for t in sale.tenders),
        vat=tuple((v.rate.value, v.gross, v.vat)
                  for v in vat_breakdown((ln.vat_rate, ln.total) for ln in lines)),
        invoice=next((inv for t in sale.tenders if t.method.id == "invoice"
                      for inv in [invoice_of_tender(t.receipt_lines)] if inv), ()))


def sale_order_payload(sale: Sale, location_id: str, sales_channel: str | None = None,
                       customer_email: str | None = None) -> dict[str, Any]:
    """The outbox payload: ``StoreOrder.to_dict()`` (plus the sales channel key when given; the
    adapter maps ``location_id`` to its channel when it is absent)."""
    payload = store_order(sale, location_id, customer_email).to_dict()
    if sales_channel:
        payload["sales_channel"] = sales_channel
    return payload


def enqueue_sale(outbox: OutboxRepository, sale: Sale, location_id: str, sales_channel: str | None = None,
                 customer_email: str | None = None) -> str:
    """Queue the sale's order in the caller's transaction (call it where the sale is stored);
    returns the key. Queueing the same sale twice is harmless. A sale of web orders' goods only
    makes no store order (returns "")."""
    if sale.lines and not any(is_store_order_line(ln) for ln in sale.lines):
        return ""
    key = sale_key(sale.id)
    enqueue(outbox, STORE_ORDER, key,
            sale_order_payload(sale, location_id, sales_channel, customer_email))
    return key
