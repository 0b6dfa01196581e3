"""The order sink (``pos.ports.OrderSink``) over Medusa v2's admin API: a store sale becomes one
draft order -> order -> paid -> fulfilled at the store's location, and its promotions count
against their campaigns' budgets (the omnipos route in ``app/src/api/admin/pos/promotion-usage``),
once per idempotency key, whatever step a lost answer interrupted.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from typing import Any

from integrations.medusa.calls import (admin, fulfil_the_rest, local_instant, sales_channel,
                                       utc_param)
from integrations.medusa.catalog_feed import variant_ids_by_sku
from integrations.medusa.client import MedusaClient, MedusaError
from integrations.medusa.invoices import MedusaInvoices
from integrations.medusa.mapping import expect_list, expect_object, to_remote_order
from integrations.medusa.web_carts import MedusaWebCarts
from pos.commerce import RemoteOrder, StoreOrder, StoreOrderLine
from pos.money import to_major_decimal

log = logging.getLogger(__name__)

# Orders read per request when looking for the one a lost answer may have created (and, without
# the sale's time, the newest this many only).
RECENT_ORDERS_SCANNED = 200
# How much earlier than the sale's own time an order for it is looked for: the till's clock may be
# off.
KEY_LOOKUP_MARGIN = timedelta(days=1)


class MedusaOrderSink:
    """``location_key``: the till's location, whose sales channel's orders a key is looked for in
    (a sale's order is made in the channel of the sale's own ``location_id``)."""

    PROMOTION_USAGE_PATH = "/admin/pos/promotion-usage"

    def __init__(self, client: MedusaClient, ids: dict[str, Any], location_key: str = "store-gbg"):
        self.client = client
        self.ids = ids
        self.location_key = location_key

    def create_store_order(self, order: StoreOrder, idempotency_key: str) -> str:
        """Draft order -> order -> paid -> fulfilled at the store's location, once per key.

        Every step first checks whether it already happened, so a retry after a lost answer at any
        step finishes the same order instead of making another."""
        since = _sale_time(order.completed_at)
        existing = self.find_order_by_key(idempotency_key, since)
        if existing is not None:
            order_id = existing.id
        else:
            draft_id = self._find_draft_by_key(idempotency_key, since)
            if draft_id is None:
                order_id = self._create_order(order, idempotency_key)
            else:  # the draft was made but its answer or its conversion was lost
                order_id = self._convert(draft_id)
        if order.invoice:  # paid by invoice: the payment stays open until the invoice is paid
            number, ocr, due = order.invoice
            MedusaInvoices(self.client).open_on_order(order_id, number, ocr, due, order.total,
                                                      order.customer_id)
        else:
            self._ensure_paid(order_id)
        self._ensure_fulfilled(order_id, order.location_id)
        self._count_promotion_usage(order_id, order)
        if order.web_cart_id:  # the web cart it continued is bought now (once; see web_carts.py)
            MedusaWebCarts(self.client).close_web_cart(order.web_cart_id, idempotency_key,
                                                       order_id)
        return order_id

    def find_order_by_key(self, idempotency_key: str,
                          since: datetime | None = None) -> RemoteOrder | None:
        """The order made with ``idempotency_key``. Medusa cannot filter on metadata, so orders
        are read and compared: with ``since`` (no order for a sale is older than the sale) every
        order of the channel created from then on, oldest first, page by page to the end;
        without it only the newest ``RECENT_ORDERS_SCANNED``. ``since`` is an instant (a naive
        one is taken as UTC)."""
        found = self._scan_for_key("/admin/orders", "orders", idempotency_key, since, {
            "sales_channel_id[]": [sales_channel(self.ids, self.location_key)],
            "fields": "id,display_id,status,payment_status,fulfillment_status,total,metadata"})
        return to_remote_order(found) if found is not None else None

    def order(self, order_id: str) -> RemoteOrder:
        """The order ``order_id`` as the central store holds it now (total in öre)."""
        o = admin(self.client, "GET", f"/admin/orders/{order_id}", params={
            "fields": "id,display_id,status,payment_status,fulfillment_status,total,metadata"})
        return to_remote_order(o.get("order") or {})

    def _scan_for_key(self, path: str, list_key: str, key: str, since: datetime | None,
                      params: dict[str, Any]) -> dict[str, Any] | None:
        if since is None:
            page = admin(self.client, "GET", path, params={
                **params, "limit": RECENT_ORDERS_SCANNED, "order": "-created_at"})
            return next((o for o in expect_list(page, list_key)
                         if (o.get("metadata") or {}).get("pos_key") == key), None)
        # Oldest first: orders made while this scan pages on come after it, none is skipped.
        query = {**params, "limit": RECENT_ORDERS_SCANNED, "order": "created_at",
                 "created_at[$gte]": utc_param(since - KEY_LOOKUP_MARGIN)}
        offset = 0
        while True:
            page = admin(self.client, "GET", path, params={**query, "offset": offset})
            rows = expect_list(page, list_key)
            for o in rows:
                if (o.get("metadata") or {}).get("pos_key") == key:
                    return o
            offset += len(rows)
            if not rows or offset >= int(page.get("count", 0)):
                return None

    def _count_promotion_usage(self, order_id: str, order: StoreOrder) -> None:
        """Count the sale's promotions against their campaigns' budgets and usage limits, as a
        completed web cart does (the omnipos route in ``app/src``; once per order, the server
        keeps the outcome on the order). A central store without that route (404) does not
        count store sales; the order stands."""
        if not order.promotion_lines:
            return
        try:
            admin(self.client, "POST", self.PROMOTION_USAGE_PATH, json={
                "order_id": order_id, "customer_id": order.customer_id
                if (order.customer_id or "").startswith("cus_") else None,
                "customer_email": order.customer_email,
                "adjustments": [{"promotion_id": i, "amount_ore": a, "vat_rate": r}
                                for i, a, r in order.promotion_lines]})
        except MedusaError as e:
            if e.status != 404:
                raise
            log.warning("the central store does not count store sales' promotion usage (%s)", e)

    def _create_order(self, order: StoreOrder, key: str) -> str:
        variant_ids = variant_ids_by_sku(self.client, [line.sku for line in order.lines])
        missing = [line.sku for line in order.lines if line.sku not in variant_ids]
        if missing:
            raise MedusaError(f"articles unknown to the central store: {', '.join(missing)}")
        corrections = self._make_room_in_stock(order)
        items = [_item(variant_ids[line.sku], line, no)
                 for no, line in enumerate(order.lines, 1)]
        draft = admin(self.client, "POST", "/admin/draft-orders", json={
            "region_id": self.ids["region_id"],
            "sales_channel_id": sales_channel(self.ids, order.location_id),
            "email": order.customer_email or f"kassa-{order.register_id.lower()}@butik.omnipos.invalid",
            # Medusa's own customer ids only (a demo till's made-up ones would be refused; the
            # e-mail still names the customer)
            **({"customer_id": order.customer_id}
               if (order.customer_id or "").startswith("cus_") else {}),
            "items": items,
            "metadata": {"pos_key": key, "pos_sale_id": order.sale_id,
                         "pos_receipt_no": order.receipt_no, "pos_register_id": order.register_id,
                         "pos_location": order.location_id, "pos_total_ore": order.total,
                         "pos_tenders": [list(t) for t in order.tenders],
                         **({"pos_tender_refs": list(order.tender_refs)}
                            if any(order.tender_refs) else {}),
                         "pos_completed_at": local_instant(order.completed_at),
                         "pos_promotions": dict(order.promotions),
                         "pos_stock_corrections": corrections,
                         **({"pos_web_cart_id": order.web_cart_id} if order.web_cart_id else {}),
                         # the digital receipt page (app/src/api/receipts/[id]) shows these
                         **({"pos_control_code": order.control_code}
                            if order.control_code else {}),
                         **({"pos_tender_labels": list(order.tender_labels)}
                            if order.tender_labels else {}),
                         **({"pos_vat": [list(v) for v in order.vat]} if order.vat else {})}})
        return self._convert(expect_object(draft, "draft_order")["id"])

    def _convert(self, draft_id: str) -> str:
        converted = admin(self.client, "POST", f"/admin/draft-orders/{draft_id}/convert-to-order")
        return str(expect_object(converted, "order")["id"])

    def _find_draft_by_key(self, key: str, since: datetime | None = None) -> str | None:
        found = self._scan_for_key("/admin/draft-orders", "draft_orders", key, since,
                                   {"fields": "id,metadata"})
        return str(found["id"]) if found is not None else None

    def _make_room_in_stock(self, order: StoreOrder) -> dict[str, int]:
        """The goods left the store in the customer's bag, so the central stock must allow the
        sale: where it shows less than was sold, raise it to what was sold (a stock correction,
        recorded on the order) so the order can be created and fulfilled from this location."""
        location = self.ids["stock_locations"][order.location_id]
        needed: dict[str, int] = {}
        for line in order.lines:
            needed[line.sku] = needed.get(line.sku, 0) + line.quantity
        page = admin(self.client, "GET", "/admin/inventory-items", params={
            "sku[]": list(needed), "limit": len(needed), "fields": "id,sku,*location_levels"})
        corrections: dict[str, int] = {}
        for item in expect_list(page, "inventory_items"):
            level = next((lv for lv in item.get("location_levels") or []
                          if lv["location_id"] == location), None)
            stocked = int(level["stocked_quantity"]) if level else 0
            reserved = int(level["reserved_quantity"]) if level else 0
            want = reserved + needed[item["sku"]]
            if stocked >= want:
                continue
            if level is None:
                admin(self.client, "POST", f"/admin/inventory-items/{item['id']}/location-levels",
                      json={"location_id": location, "stocked_quantity": want})
            else:
                admin(self.client, "POST",
                      f"/admin/inventory-items/{item['id']}/location-levels/{location}",
                      json={"stocked_quantity": want})
            corrections[item["sku"]] = want - stocked
        return corrections

    def _ensure_paid(self, order_id: str) -> None:
        o = expect_object(admin(self.client, "GET", f"/admin/orders/{order_id}", params={
            "fields": "id,total,payment_status,*payment_collections"}), "order")
        if o.get("payment_status") in ("captured", "authorized"):
            return
        collections = [pc for pc in o.get("payment_collections") or []
                       if pc.get("status") not in ("canceled",)]
        if collections:
            pc_id = collections[0]["id"]
        else:
            pc = admin(self.client, "POST", "/admin/payment-collections",
                       json={"order_id": order_id, "amount": o["total"]})
            pc_id = expect_object(pc, "payment_collection")["id"]
        admin(self.client, "POST", f"/admin/payment-collections/{pc_id}/mark-as-paid",
              json={"order_id": order_id})

    def _ensure_fulfilled(self, order_id: str, location_key: str) -> None:
        o = expect_object(admin(self.client, "GET", f"/admin/orders/{order_id}", params={
            "fields": "id,fulfillment_status,*items,items.detail.*"}), "order")
        if o.get("fulfillment_status") in ("fulfilled", "shipped", "delivered"):
            return
        fulfil_the_rest(self.client, o, self.ids["stock_locations"][location_key])


def _item(variant_id: str, line: StoreOrderLine, position: int = 1) -> dict[str, Any]:
    """One order item. Medusa counts whole units: a weighed line is quantity 1 at the line's
    amount, its weight (kg) and price per kg (kronor) in the item's metadata. The metadata also
    names the sale's line (``pos_line_no``: a return names a store sale's line by it; the line's
    place among the order's lines when the message came without it), what the customer paid
    for it in öre (``pos_total_ore``: exact, where Medusa's unit price of a line that does not
    divide by its quantity is not) and its VAT rate (``pos_vat_rate``)."""
    meta: dict[str, Any] = {"pos_line_no": line.line_no if line.line_no is not None else position,
                            "pos_name": line.name,  # as the receipt names it (the receipt page)
                            "pos_total_ore": line.total, "pos_vat_rate": line.vat_rate}
    if line.weight_kg is not None:
        meta.update({"pos_weight_kg": line.weight_kg,
                     "pos_price_per_kg": str(to_major_decimal(line.unit_price))})
    return {"variant_id": variant_id, "quantity": line.quantity,
            "unit_price": to_major_decimal(line.total) / line.quantity, "metadata": meta}


def _sale_time(text: str) -> datetime | None:
    """A sale's ``completed_at`` as an instant in UTC for Medusa's filter (None if unreadable:
    then only the newest orders are searched); one without an offset is the till's local time."""
    try:
        t = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return (t if t.tzinfo is not None else t.astimezone()).astimezone(timezone.utc)
