"""Web orders for the demo: placed through the store API as a shopper would (cart, address,
shipping method, payment with ``pp_system_default``, complete), then moved on with the admin API.

- ``return``: delivered home from the web warehouse, paid (captured) and fulfilled, so the customer
  can bring it back to a store (a cross-channel return). ``web-return-promo`` took the code
  HOST10 (10 % off the order, spread over its lines): what each line paid is not its price.
- ``pickup``: click & collect at a store, paid online (authorized), waiting to be fetched.
- ``pay-in-store``: click & collect from the store's stock, to be paid when collected (the
  cart's metadata ``pay_in_store``; its ``pp_system_default`` payment authorized, not captured).
- ``ship-to-store``: to be collected at a store, sent there from the web warehouse (a fulfilment
  from the warehouse, shipped: on its way), paid in store; ``ship-to-store-waiting``: not sent
  yet. Their articles are ones only the warehouse has.
Each order carries ``metadata.demo_web_order`` so a second seed run finds it and makes no other.
"""
from __future__ import annotations

from typing import Any

from integrations.medusa.client import MedusaClient

# (key, customer e-mail, kind, location key, [(nth article well stocked at that location, qty)])
WEB_ORDERS = [
    ("web-return-1", "anna.svensson@example.se", "return", "web-warehouse", [(0, 1), (40, 2)]),
    ("web-return-2", "erik.lindqvist@example.se", "return", "web-warehouse", [(120, 1)]),
    ("web-return-promo", "sara.nilsson@example.se", "return", "web-warehouse", [(5, 3), (61, 1)]),
    ("web-pickup-gbg-1", "sara.nilsson@example.se", "pickup", "store-gbg", [(7, 1), (300, 1)]),
    ("web-pickup-gbg-2", "johan.berg@example.se", "pickup", "store-gbg", [(55, 3)]),
    ("web-pickup-sthlm-1", "anna.svensson@example.se", "pickup", "store-sthlm", [(9, 1)]),
    ("web-pickup-gbg-3", "sara.nilsson@example.se", "pay-in-store", "store-gbg", [(12, 1), (80, 1)]),
    ("web-ship-to-store-gbg-1", "johan.berg@example.se", "ship-to-store", "store-gbg", [(3, 2)]),
    ("web-ship-to-store-gbg-2", "erik.lindqvist@example.se", "ship-to-store-waiting", "store-gbg",
     [(9, 1)]),
]
# codes applied to an order's cart before it is placed
PROMO_CODES = {"web-return-promo": ["HOST10"]}
PAY_IN_STORE = ("pay-in-store", "ship-to-store", "ship-to-store-waiting")
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
    def sku(kind: str, location: str, nth: int) -> str:
        source = (f"web-warehouse-only:{location}" if kind.startswith("ship-to-store")
                  else location)
        return stocked[source][nth % len(stocked[source])]

    variant_ids = _variant_ids(c, [sku(kind, loc, i) for _, _, kind, loc, lines in WEB_ORDERS
                                   for i, _ in lines])
    out = dict(existing)
    for key, email, kind, location, lines in WEB_ORDERS:
        if key in existing:
            continue
        items = [{"variant_id": variant_ids[sku(kind, location, i)], "quantity": q}
                 for i, q in lines]
        order_id = _place(c, ids, key, email, kind, location, items)
        if kind == "return":
            _deliver(c, ids, order_id)
        elif kind == "ship-to-store":
            _send_from_warehouse(c, ids, order_id)
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
        "metadata": {"demo_web_order": key, "fulfilment": kind, "location": location,
                     **({"pay_in_store": True} if kind in PAY_IN_STORE else {})}})["cart"]
    if PROMO_CODES.get(key):
        c.store("POST", f"/store/carts/{cart['id']}/promotions",
                json={"promo_codes": PROMO_CODES[key]})
    option = ids["shipping_options"][f"shipping-{location}" if kind == "return"
                                     else f"pickup-{location}"]
    c.store("POST", f"/store/carts/{cart['id']}/shipping-methods", json={"option_id": option})
    pc = c.store("POST", "/store/payment-collections", json={"cart_id": cart["id"]})
    c.store("POST", f"/store/payment-collections/{pc['payment_collection']['id']}/payment-sessions",
            json={"provider_id": "pp_system_default"})
    done = c.store("POST", f"/store/carts/{cart['id']}/complete")
    if done.get("type") != "order":
        raise RuntimeError(f"web order {key} was not placed: {done.get('error') or done}")
    return str(done["order"]["id"])


def _send_from_warehouse(c: MedusaClient, ids: dict[str, Any], order_id: str) -> None:
    """The web warehouse sends the parcel to the store: a fulfilment from the warehouse, shipped."""
    order = c.admin("GET", f"/admin/orders/{order_id}", params={"fields": "id,*items"})["order"]
    items = [{"id": it["id"], "quantity": it["quantity"]} for it in order["items"]]
    c.admin("POST", f"/admin/orders/{order_id}/fulfillments", json={
        "location_id": ids["stock_locations"]["web-warehouse"], "items": items})
    sent = c.admin("GET", f"/admin/orders/{order_id}", params={"fields": "id,*fulfillments"})
    fulfilment = sent["order"]["fulfillments"][-1]
    c.admin("POST", f"/admin/orders/{order_id}/fulfillments/{fulfilment['id']}/shipments",
            json={"items": items})


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
