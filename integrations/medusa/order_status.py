"""The central status of the orders and returns the back office lists
(``pos.ports.OrderStatuses``) over Medusa v2's admin API, in batches: one
``GET /admin/orders?id[]=...`` for a page of orders, one ``GET /admin/returns?id[]=...`` plus
one read of their orders' payments for a page of returns (``BATCH`` ids a request).

A return's central refund is what its refunds carry under the return's note
(``returns.refund_note`` of its key, kept in the return's metadata as ``pos_key``), measured
against what it asked (``pos_refund_central_ore``): a web order's refund through its payment.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from integrations.medusa.calls import admin
from integrations.medusa.client import MedusaClient
from integrations.medusa.mapping import expect_list, ore
from integrations.medusa.returns import refund_note
from pos.central_orders import (CentralFulfilment, CentralLine, CentralOrderStatus, CentralPayment,
                                CentralReturnStatus)

BATCH = 100  # ids per request (the query string stays a few kB)

ORDER_FIELDS = ",".join((
    "id", "display_id", "status", "payment_status", "fulfillment_status", "total",
    "*items", "*fulfillments", "*fulfillments.labels", "*payment_collections",
    "*payment_collections.payments", "*payment_collections.payments.refunds",
    "*payment_collections.payments.captures"))
RETURN_FIELDS = "id,order_id,status,refund_amount,received_at,canceled_at,metadata"
REFUND_FIELDS = ("id,display_id,*payment_collections,*payment_collections.payments,"
                 "*payment_collections.payments.refunds")


def _chunks(ids: Sequence[str]) -> Iterator[list[str]]:
    unique = list(dict.fromkeys(i for i in ids if i))
    for start in range(0, len(unique), BATCH):
        yield unique[start:start + BATCH]


class MedusaOrderStatuses:
    def __init__(self, client: MedusaClient, ids: dict[str, Any]):
        self.client = client
        self._locations = {str(v): k for k, v in (ids.get("stock_locations") or {}).items()}

    def order_statuses(self, order_ids: Sequence[str]) -> dict[str, CentralOrderStatus]:
        out: dict[str, CentralOrderStatus] = {}
        for chunk in _chunks(order_ids):
            for o in self._orders(chunk, ORDER_FIELDS):
                out[str(o["id"])] = self._status(o)
        return out

    def return_statuses(self, return_ids: Sequence[str]) -> dict[str, CentralReturnStatus]:
        out: dict[str, CentralReturnStatus] = {}
        for chunk in _chunks(return_ids):
            page = admin(self.client, "GET", "/admin/returns", params={
                "id[]": chunk, "limit": len(chunk), "fields": RETURN_FIELDS})
            returns = expect_list(page, "returns")
            orders = {str(o["id"]): o for o in self._orders(
                [str(r["order_id"]) for r in returns if r.get("order_id")], REFUND_FIELDS)}
            for r in returns:
                o = orders.get(str(r.get("order_id")), {})
                meta = r.get("metadata") or {}
                note = refund_note(str(meta.get("pos_key") or r["id"]))
                refunded = sum(ore(rf.get("amount")) for p in _payments(o)
                               for rf in p.get("refunds") or [] if rf.get("note") == note)
                asked = meta.get("pos_refund_central_ore")
                out[str(r["id"])] = CentralReturnStatus(
                    return_id=str(r["id"]), order_id=str(r.get("order_id") or ""),
                    display_id=int(o.get("display_id") or 0),
                    status="canceled" if r.get("canceled_at") else str(r.get("status") or ""),
                    refund_amount=int(asked) if asked is not None else ore(r.get("refund_amount")),
                    refunded=refunded, received_at=str(r.get("received_at") or ""))
        return out

    def _orders(self, ids: list[str], fields: str) -> list[dict[str, Any]]:
        if not ids:
            return []
        page = admin(self.client, "GET", "/admin/orders", params={
            "id[]": ids, "limit": len(ids), "fields": fields})
        return expect_list(page, "orders")

    def _status(self, o: dict[str, Any]) -> CentralOrderStatus:
        return CentralOrderStatus(
            order_id=str(o["id"]), display_id=int(o.get("display_id") or 0),
            status=str(o.get("status") or ""), payment_status=str(o.get("payment_status") or ""),
            fulfillment_status=str(o.get("fulfillment_status") or ""), total=ore(o.get("total")),
            lines=tuple(CentralLine(
                name=str(it.get("variant_title") or it.get("title") or ""),
                sku=str(it.get("variant_sku") or ""), quantity=int(it.get("quantity") or 0),
                total=ore(it["total"]) if it.get("total") is not None
                else ore(it.get("unit_price")) * int(it.get("quantity") or 0))
                for it in o.get("items") or []),
            payments=tuple(CentralPayment(
                provider=str(p.get("provider_id") or ""), amount=ore(p.get("amount")),
                captured=bool(p.get("captured_at") or p.get("captures")),
                refunded=sum(ore(rf.get("amount")) for rf in p.get("refunds") or []))
                for p in _payments(o)),
            fulfilments=tuple(CentralFulfilment(
                id=str(f["id"]), location_key=self._locations.get(str(f.get("location_id")), ""),
                shipped_at=str(f.get("shipped_at") or ""),
                delivered_at=str(f.get("delivered_at") or ""),
                canceled_at=str(f.get("canceled_at") or ""),
                tracking=tuple(str(lb.get("tracking_number") or lb.get("tracking_url") or "")
                               for lb in f.get("labels") or []
                               if lb.get("tracking_number") or lb.get("tracking_url")))
                for f in o.get("fulfillments") or []))


def _payments(o: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for pc in o.get("payment_collections") or [] if pc.get("status") != "canceled"
            for p in pc.get("payments") or [] if not p.get("canceled_at")]
