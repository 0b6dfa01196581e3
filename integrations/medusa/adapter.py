"""``MedusaCommerceStore``: the ``CommerceStore`` port over Medusa v2's admin API.

Medusa's objects become domain objects here and nowhere else: prices in major units become öre,
the product's VAT class becomes a ``VatRate``, Medusa's location ids become the till's location keys.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from integrations.medusa.client import (MalformedResponse, MedusaClient, MedusaError,
                                        MedusaUnavailable)
from integrations.medusa.mapping import CART_FIELDS, to_customer, to_web_cart
from pos.catalog import CentralRefs, Variant
from pos.commerce import CustomerRef, RemoteOrder, StoreOrder, WebCart, customer_query
from pos.money import MoneyError, from_major, to_major_decimal
from pos.ports import CommerceUnavailable
from pos.stock import StockLevel
from pos.vat import VatRate

log = logging.getLogger(__name__)

STATE_FILE = Path(__file__).with_name(".state") / "medusa.json"
# Orders read per request when looking for the one a lost answer may have created (and, without
# the sale's time, the newest this many only).
RECENT_ORDERS_SCANNED = 200
# How much earlier than the sale's own time an order for it is looked for: the till's clock may be
# off, and its times are local while Medusa's are UTC.
KEY_LOOKUP_MARGIN = timedelta(days=1)
VARIANT_FIELDS = ("id,sku,ean,barcode,title,updated_at,metadata,*prices,*options,options.option.title,"
                  "product.id,product.title,product.metadata,product.status,"
                  "product.collection_id,product.type_id,product.categories.id,product.tags.id")


class MedusaCommerceStore:
    def __init__(self, client: MedusaClient, ids: dict[str, Any], location_key: str = "store-gbg"):
        self.c = client
        self.ids = ids
        self.location_key = location_key
        self._location_names = {v: k for k, v in ids.get("stock_locations", {}).items()}

    @classmethod
    def from_state(cls, path: Path = STATE_FILE, location_key: str = "store-gbg",
                   **client_kw: Any) -> "MedusaCommerceStore":
        """Connect to the local Medusa started by ``medusa.sh`` (ids from its ``medusa.json``)."""
        ids = json.loads(Path(path).read_text(encoding="utf-8"))
        client = MedusaClient(ids["url"], ids["admin_email"], ids["admin_password"],
                              ids.get("publishable_key", ""), **client_kw)
        return cls(client, ids, location_key)

    # --- health ----------------------------------------------------------------------------------

    def ping(self) -> bool:
        return self.c.health()

    # --- catalogue and stock ---------------------------------------------------------------------

    def iter_variants(self, updated_since: datetime | None = None,
                      page_size: int = 200) -> Iterator[list[Variant]]:
        # Ordered by id, which is unique and stable: with updated_at (equal for a whole batch)
        # offset pages skipped some variants and repeated others.
        params: dict[str, Any] = {"limit": page_size, "fields": VARIANT_FIELDS, "order": "id"}
        if updated_since is not None:
            params["updated_at[$gte]"] = updated_since.isoformat()
        offset = 0
        while True:
            page = self._call("GET", "/admin/product-variants", params={**params, "offset": offset})
            rows = _list(page, "variants")
            yield [to_variant(v) for v in rows]
            offset += len(rows)
            if not rows or offset >= int(page.get("count", 0)):
                return

    def variant_ids_by_sku(self, skus: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for i in range(0, len(skus), 100):
            page = self._call("GET", "/admin/product-variants",
                              params={"sku[]": list(skus[i:i + 100]), "limit": 100,
                                      "fields": "id,sku"})
            out.update({v["sku"]: v["id"] for v in _list(page, "variants")})
        return out

    def stock_levels(self, skus: Sequence[str]) -> list[StockLevel]:
        levels: list[StockLevel] = []
        for i in range(0, len(skus), 100):
            page = self._call("GET", "/admin/inventory-items", params={
                "sku[]": list(skus[i:i + 100]), "limit": 100,
                "fields": "id,sku,*location_levels"})
            for item in _list(page, "inventory_items"):
                for lvl in item.get("location_levels") or []:
                    key = self._location_names.get(lvl["location_id"], lvl["location_id"])
                    levels.append(StockLevel(variant_id=item["sku"], location_id=key,
                                             location_name=key,
                                             stocked=int(lvl.get("stocked_quantity") or 0),
                                             reserved=int(lvl.get("reserved_quantity") or 0)))
        return levels

    # --- store sales as orders -------------------------------------------------------------------

    def find_order_by_key(self, idempotency_key: str,
                          since: datetime | None = None) -> RemoteOrder | None:
        """The order made with ``idempotency_key``. Medusa cannot filter on metadata, so orders
        are read and compared: with ``since`` (no order for a sale is older than the sale) every
        order of the channel created from then on, oldest first, page by page to the end;
        without it only the newest ``RECENT_ORDERS_SCANNED``."""
        found = self._scan_for_key("/admin/orders", "orders", idempotency_key, since, {
            "sales_channel_id[]": [self._channel(self.location_key)],
            "fields": "id,display_id,status,payment_status,fulfillment_status,total,metadata"})
        return _remote(found) if found is not None else None

    def _scan_for_key(self, path: str, list_key: str, key: str, since: datetime | None,
                      params: dict[str, Any]) -> dict[str, Any] | None:
        if since is None:
            page = self._call("GET", path, params={**params, "limit": RECENT_ORDERS_SCANNED,
                                                   "order": "-created_at"})
            return next((o for o in _list(page, list_key)
                         if (o.get("metadata") or {}).get("pos_key") == key), None)
        # Oldest first: orders made while this scan pages on come after it, none is skipped.
        query = {**params, "limit": RECENT_ORDERS_SCANNED, "order": "created_at",
                 "created_at[$gte]": (since - KEY_LOOKUP_MARGIN).isoformat()}
        offset = 0
        while True:
            page = self._call("GET", path, params={**query, "offset": offset})
            rows = _list(page, list_key)
            for o in rows:
                if (o.get("metadata") or {}).get("pos_key") == key:
                    return o
            offset += len(rows)
            if not rows or offset >= int(page.get("count", 0)):
                return None

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
        self._ensure_paid(order_id)
        self._ensure_fulfilled(order_id, order.location_id)
        self._count_promotion_usage(order_id, order)
        return order_id

    PROMOTION_USAGE_PATH = "/admin/pos/promotion-usage"

    def _count_promotion_usage(self, order_id: str, order: StoreOrder) -> None:
        """Count the sale's promotions against their campaigns' budgets and usage limits, as a
        completed web cart does (the omnipos route in ``app/src``; once per order, the server
        keeps the outcome on the order). A central store without that route (404) does not
        count store sales; the order stands."""
        if not order.promotion_lines:
            return
        try:
            self._call("POST", self.PROMOTION_USAGE_PATH, json={
                "order_id": order_id, "customer_id": order.customer_id
                if (order.customer_id or "").startswith("cus_") else None,
                "customer_email": order.customer_email,
                "adjustments": [{"promotion_id": i, "amount_ore": a, "vat_rate": r}
                                for i, a, r in order.promotion_lines]})
        except MedusaError as e:
            if e.status != 404:
                raise
            log.warning("the central store does not count store sales' promotion usage (%s)", e)

    def order(self, order_id: str) -> RemoteOrder:
        o = self._call("GET", f"/admin/orders/{order_id}", params={
            "fields": "id,display_id,status,payment_status,fulfillment_status,total,metadata"})
        return _remote(o.get("order") or {})

    def _create_order(self, order: StoreOrder, key: str) -> str:
        variant_ids = self.variant_ids_by_sku([line.sku for line in order.lines])
        missing = [line.sku for line in order.lines if line.sku not in variant_ids]
        if missing:
            raise MedusaError(f"articles unknown to the central store: {', '.join(missing)}")
        corrections = self._make_room_in_stock(order)
        items = [{"variant_id": variant_ids[line.sku], "quantity": line.quantity,
                  "unit_price": to_major_decimal(line.total) / line.quantity}
                 for line in order.lines]
        draft = self._call("POST", "/admin/draft-orders", json={
            "region_id": self.ids["region_id"],
            "sales_channel_id": self._channel(order.location_id),
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
                         "pos_completed_at": order.completed_at,
                         "pos_promotions": dict(order.promotions),
                         "pos_stock_corrections": corrections}})
        return self._convert(_obj(draft, "draft_order")["id"])

    def _convert(self, draft_id: str) -> str:
        converted = self._call("POST", f"/admin/draft-orders/{draft_id}/convert-to-order")
        return str(_obj(converted, "order")["id"])

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
        page = self._call("GET", "/admin/inventory-items", params={
            "sku[]": list(needed), "limit": len(needed), "fields": "id,sku,*location_levels"})
        corrections: dict[str, int] = {}
        for item in _list(page, "inventory_items"):
            level = next((lv for lv in item.get("location_levels") or []
                          if lv["location_id"] == location), None)
            stocked = int(level["stocked_quantity"]) if level else 0
            reserved = int(level["reserved_quantity"]) if level else 0
            want = reserved + needed[item["sku"]]
            if stocked >= want:
                continue
            if level is None:
                self._call("POST", f"/admin/inventory-items/{item['id']}/location-levels",
                           json={"location_id": location, "stocked_quantity": want})
            else:
                self._call("POST", f"/admin/inventory-items/{item['id']}/location-levels/{location}",
                           json={"stocked_quantity": want})
            corrections[item["sku"]] = want - stocked
        return corrections

    def _ensure_paid(self, order_id: str) -> None:
        o = _obj(self._call("GET", f"/admin/orders/{order_id}", params={
            "fields": "id,total,payment_status,*payment_collections"}), "order")
        if o.get("payment_status") in ("captured", "authorized"):
            return
        collections = [pc for pc in o.get("payment_collections") or []
                       if pc.get("status") not in ("canceled",)]
        if collections:
            pc_id = collections[0]["id"]
        else:
            pc = self._call("POST", "/admin/payment-collections",
                            json={"order_id": order_id, "amount": o["total"]})
            pc_id = _obj(pc, "payment_collection")["id"]
        self._call("POST", f"/admin/payment-collections/{pc_id}/mark-as-paid",
                   json={"order_id": order_id})

    def _ensure_fulfilled(self, order_id: str, location_key: str) -> None:
        o = _obj(self._call("GET", f"/admin/orders/{order_id}", params={
            "fields": "id,fulfillment_status,*items,items.detail.*"}), "order")
        if o.get("fulfillment_status") in ("fulfilled", "shipped", "delivered"):
            return
        items = []
        for it in o.get("items") or []:
            detail = it.get("detail") or {}
            left = int(it["quantity"]) - int(detail.get("fulfilled_quantity") or 0)
            if left > 0:
                items.append({"id": it["id"], "quantity": left})
        if items:
            self._call("POST", f"/admin/orders/{order_id}/fulfillments", json={
                "location_id": self.ids["stock_locations"][location_key], "items": items})

    # --- web carts and customers ----------------------------------------------------------------

    def get_web_cart(self, cart_id: str) -> WebCart | None:
        try:
            body = self.c.store("GET", f"/store/carts/{cart_id}", params={"fields": CART_FIELDS})
        except MedusaUnavailable as e:
            raise CommerceUnavailable(str(e)) from e
        except MedusaError as e:
            if e.status in (400, 404):
                return None
            raise
        return to_web_cart(_obj(body, "cart"))

    def find_customers(self, query: str, limit: int = 20) -> list[CustomerRef]:
        if not query.strip():
            return []
        page = self._call("GET", "/admin/customers", params={
            "q": customer_query(query), "limit": limit,
            "fields": "id,email,first_name,last_name,phone,groups.id"})
        return [to_customer(c) for c in _list(page, "customers")]

    def customer_by_card(self, number: str) -> CustomerRef | None:
        """By the omnipos route in ``app/src`` (the card is in the customer's metadata)."""
        try:
            body = self._call("GET", "/admin/pos/customer-card", params={"number": number})
        except MedusaError as e:
            if e.status == 404 and "No customer has card" in str(e):
                return None
            if e.status == 404:
                raise MedusaError("the central store cannot look up customer cards (no omnipos "
                                  "route)", e.status, e.body) from e
            raise
        return to_customer(_obj(body, "customer"))

    # --- internals -------------------------------------------------------------------------------

    def _channel(self, location_key: str) -> str:
        return str(self.ids["sales_channels"].get(location_key) or self.ids["sales_channels"]["web"])

    def _call(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        try:
            return self.c.admin(method, path, **kw)
        except MedusaUnavailable as e:
            raise CommerceUnavailable(str(e)) from e


def to_variant(v: dict[str, Any]) -> Variant:
    """A Medusa product variant as the till's ``Variant`` (SEK price in öre, VAT from the product)."""
    try:
        product = v.get("product") or {}
        prices = [p for p in v.get("prices") or [] if p.get("currency_code") == "sek"]
        if not prices:
            raise MalformedResponse(f"variant {v.get('id')} has no SEK price")
        rate = (product.get("metadata") or {}).get("vat_rate", "25")
        meta = v.get("metadata") or {}
        options = {o.get("option", {}).get("title", ""): o.get("value", "")
                   for o in v.get("options") or []}
        return Variant(id=str(meta.get("pos_variant_id") or v["id"]), sku=str(v["sku"]),
                       ean=str(v.get("ean") or v.get("barcode") or ""), name=str(v["title"]),
                       price=from_major(prices[0]["amount"]), vat_rate=VatRate(str(rate)),
                       product_id=str((product.get("metadata") or {}).get("pos_product_id")
                                      or product.get("id", "")),
                       product_name=str(product.get("title", "")),
                       size=options.get("Storlek", "") if options.get("Storlek") != "-" else "",
                       colour=options.get("Färg", "") if options.get("Färg") != "-" else "",
                       active=product.get("status", "published") == "published",
                       refs=CentralRefs(
                           variant_id=str(v["id"]), product_id=str(product.get("id", "")),
                           category_ids=tuple(sorted(str(c["id"]) for c in
                                                     product.get("categories") or ())),
                           collection_id=product.get("collection_id"),
                           type_id=product.get("type_id"),
                           tag_ids=tuple(sorted(str(t["id"]) for t in product.get("tags") or ()))))
    except (KeyError, TypeError, ValueError, MoneyError) as e:
        raise MalformedResponse(f"variant {v.get('id')!r} cannot be read: {e}") from e


def _sale_time(text: str) -> datetime | None:
    """A sale's ``completed_at`` as naive UTC-ish time for Medusa's filter (None if unreadable:
    then only the newest orders are searched)."""
    try:
        t = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return t.astimezone(timezone.utc).replace(tzinfo=None) if t.tzinfo else t


def _list(body: dict[str, Any], key: str) -> list[dict[str, Any]]:
    rows = body.get(key)
    if not isinstance(rows, list):
        raise MalformedResponse(f"expected a list '{key}' in the answer")
    return rows


def _obj(body: dict[str, Any], key: str) -> dict[str, Any]:
    obj = body.get(key)
    if not isinstance(obj, dict):
        raise MalformedResponse(f"expected an object '{key}' in the answer")
    return obj


def _remote(o: dict[str, Any]) -> RemoteOrder:
    return RemoteOrder(id=str(o.get("id")), display_id=o.get("display_id"),
                       status=str(o.get("status")), payment_status=str(o.get("payment_status")),
                       fulfillment_status=str(o.get("fulfillment_status")),
                       total=from_major(o.get("total") or 0), metadata=o.get("metadata") or {})
