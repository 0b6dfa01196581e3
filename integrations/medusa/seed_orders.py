"""Web orders for the demo: placed through the store API as a shopper would (cart, address,
shipping method, payment with ``pp_system_default``, complete), then moved on with the admin API.

- ``return``: delivered home from the web warehouse, paid (captured) and fulfilled, so the customer
  can bring it back to a store (a cross-channel return).
- ``pickup``: click & collect at a store, paid online (authorized), waiting to be fetched.
Each order carries ``metadata.demo_web_order`` so a second seed run finds it and makes no other.
"""
from __future__ import annotations

from typing import Any

from integrations.medusa.client import MedusaClient

# (key, customer e-mail, kind, location key, [(nth article well stocked at that location, qty)])
WEB_ORDERS = [
    ("web-return-1", "anna.svensson@example.se", "return", "web-warehouse", [(0, 1), (40, 2)]),
    ("web-return-2", "erik.lindqvist@example.se", "return", "web-warehouse", [(120, 1)]),
    ("web-pickup-gbg-1", "sara.nilsson@example.se", "pickup", "store-gbg", [(7, 1), (300, 1)]),
    ("web-pickup-gbg-2", "johan.berg@example.se", "pickup", "store-gbg", [(55, 3)]),
    ("web-pickup-sthlm-1", "anna.svensson@example.se", "pickup", "store-sthlm", [(9, 1)]),
]
ADDRESSES = {
    "anna.svensson@example.se": ("Anna", "Svensson", "Linnégatan 5", "Göteborg", "41304", "+46701234567"),
    "erik.lindqvist@example.se": ("Erik", "Lindqvist", "Sveavägen 20", "Stockholm", "11157", "+46702345678"),
    "sara.nilsson@example.se": ("Sara", "Nilsson", "Vasagatan 9", "Göteborg", "41124", "+46703456789"),
    "johan.berg@example.se": ("Johan", "Berg", "Avenyn 1", "Göteborg", "41136", "+46704567890"),
}


def seed_web_orders(c: MedusaClient, ids: dict[str, Any], stocked: dict[str, list[str]],
                    log: Any = print) -> dict[str, str]:
    """Place the demo web orders not placed yet; returns {key: order id}.

    ``stocked`` lists, per location key, SKUs with enough stock there to be ordered from it."""
    existing: dict[str, str] = {}
    page = c.admin("GET", "/admin/orders", params={
        "sales_channel_id[]": [ids["sales_channels"]["web"]], "limit": 500,
        "fields": "id,metadata"})
    for o in page["orders"]:
        key = (o.get("metadata") or {}).get("demo_web_order")
        if key:
            existing[key] = o["id"]
    def sku(location: str, nth: int) -> str:
        return stocked[location][nth % len(stocked[location])]

    variant_ids = _variant_ids(c, [sku(loc, i) for _, _, _, loc, lines in WEB_ORDERS
                                   for i, _ in lines])
    out = dict(existing)
    for key, email, kind, location, lines in WEB_ORDERS:
        if key in existing:
            continue
        items = [{"variant_id": variant_ids[sku(location, i)], "quantity": q} for i, q in lines]
        order_id = _place(c, ids, key, email, kind, location, items)
        if kind == "return":
            _deliver(c, ids, order_id)
        out[key] = order_id
    log(f"web orders: {len(out) - len(existing)} placed, {len(existing)} already there")
    return out


def _variant_ids(c: MedusaClient, skus: list[str]) -> dict[str, str]:
    page = c.admin("GET", "/admin/product-variants",
                   params={"sku[]": sorted(set(skus)), "limit": 100, "fields": "id,sku"})
    return {v["sku"]: v["id"] for v in page["variants"]}


def _place(c: MedusaClient, ids: dict[str, Any], key: str, email: str, kind: str,
           location: str, items: list[dict[str, Any]]) -> str:
    first, last, street, city, postal, phone = ADDRESSES[email]
    address = {"first_name": first, "last_name": last, "address_1": street, "city": city,
               "postal_code": postal, "country_code": "se", "phone": phone}
    cart = c.store("POST", "/store/carts", json={
        "region_id": ids["region_id"], "sales_channel_id": ids["sales_channels"]["web"],
        "email": email, "items": items, "shipping_address": address, "billing_address": address,
        "metadata": {"demo_web_order": key, "fulfilment": kind, "location": location}})["cart"]
    option = ids["shipping_options"][f"pickup-{location}" if kind == "pickup"
                                     else f"shipping-{location}"]
    c.store("POST", f"/store/carts/{cart['id']}/shipping-methods", json={"option_id": option})
    pc = c.store("POST", "/store/payment-collections", json={"cart_id": cart["id"]})
    c.store("POST", f"/store/payment-collections/{pc['payment_collection']['id']}/payment-sessions",
            json={"provider_id": "pp_system_default"})
    done = c.store("POST", f"/store/carts/{cart['id']}/complete")
    if done.get("type") != "order":
        raise RuntimeError(f"web order {key} was not placed: {done.get('error') or done}")
    return str(done["order"]["id"])


def _deliver(c: MedusaClient, ids: dict[str, Any], order_id: str) -> None:
    """Capture the payment and fulfil from the web warehouse: a delivered web order."""
    order = c.admin("GET", f"/admin/orders/{order_id}", params={
        "fields": "id,*items,*payment_collections,*payment_collections.payments"})["order"]
    for pc in order.get("payment_collections") or []:
        for payment in pc.get("payments") or []:
            if not payment.get("captured_at"):
                c.admin("POST", f"/admin/payments/{payment['id']}/capture", json={})
    c.admin("POST", f"/admin/orders/{order_id}/fulfillments", json={
        "location_id": ids["stock_locations"]["web-warehouse"],
        "items": [{"id": it["id"], "quantity": it["quantity"]} for it in order["items"]]})
