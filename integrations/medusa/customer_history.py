"""A customer's history (``pos.ports.CustomerHistory``) over Medusa v2's admin API: their
orders of every channel (``GET /admin/orders?customer_id=``: a store sale with a customer is
an order of that customer, made by the order sink), newest first, a page at a time, with lines,
returns and payment status. A store sale is told from a web order by the till's metadata
(``pos_key``/``pos_sale_id``, see ``purchases.is_store_sale``)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from integrations.medusa.calls import admin
from integrations.medusa.client import MedusaClient
from integrations.medusa.mapping import expect_list, ore
from integrations.medusa.purchases import returned_units
from pos.customer_history import (Channel, HistoryEntry, HistoryLine, HistoryPage,
                                  HistoryReturn)
from pos.sales import receipt_code

FIELDS = ",".join((
    "id", "display_id", "created_at", "status", "payment_status", "total", "currency_code",
    "metadata", "*items", "items.total", "items.detail.*", "*returns"))


class MedusaCustomerHistory:
    def __init__(self, client: MedusaClient):
        self.client = client

    def history(self, customer_id: str, offset: int = 0, limit: int = 10) -> HistoryPage:
        if not customer_id.startswith("cus_"):
            return HistoryPage((), offset, limit, 0)
        page = admin(self.client, "GET", "/admin/orders", params={
            "customer_id": customer_id, "limit": limit, "offset": offset,
            "order": "-created_at", "fields": FIELDS})
        rows = expect_list(page, "orders")
        return HistoryPage(tuple(to_entry(o) for o in rows), offset, limit,
                           int(page.get("count", len(rows))))


def to_entry(o: dict[str, Any]) -> HistoryEntry:
    meta = o.get("metadata") or {}
    store = bool(meta.get("pos_key") or meta.get("pos_sale_id"))
    code = ""
    if store and meta.get("pos_register_id") and str(meta.get("pos_receipt_no") or "").isdigit():
        code = receipt_code(str(meta["pos_register_id"]), int(meta["pos_receipt_no"]))
    total = meta.get("pos_total_ore")
    lines = []
    for it in o.get("items") or []:
        im = it.get("metadata") or {}
        exact = im.get("pos_total_ore")
        lines.append(HistoryLine(
            name=str(it.get("product_title") or it.get("title") or ""),
            quantity=int(float(str(it.get("quantity") or 0))),
            total=int(str(exact)) if str(exact or "").isdigit() else ore(it.get("total")),
            returned=returned_units(it)))
    returns = tuple(
        HistoryReturn(id=str(r.get("id")), status=str(r.get("status") or ""),
                      created_at=_instant(r.get("created_at")),
                      refund=ore(r.get("refund_amount")) if r.get("refund_amount") else 0)
        for r in o.get("returns") or [] if r.get("status") != "canceled")
    return HistoryEntry(
        order_id=str(o["id"]), display_id=int(o.get("display_id") or 0),
        channel=Channel.STORE if store else Channel.WEB,
        bought_at=_instant(meta.get("pos_completed_at")) or _instant(o.get("created_at")),
        total=int(str(total)) if store and str(total or "").lstrip("-").isdigit()
        else ore(o.get("total")),
        currency=str(o.get("currency_code") or "sek").upper(),
        payment_status=str(o.get("payment_status") or ""),
        lines=tuple(lines), returns=returns, receipt_code=code,
        location=str(meta.get("pos_location") or "") if store else "web",
        invoice_number=str(meta.get("invoice_number") or ""),
        invoice_ocr=str(meta.get("invoice_ocr") or ""))


def _instant(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
