"""Web carts (``pos.ports.WebCarts``) over Medusa v2: the cart a QR code names, with the central
store's prices and promotions applied (the store API, with the publishable key), its status
(open, or bought online or at a till, with its order) and its closing by a till's sale (the
omnipos routes in ``app/src/api/admin/pos/web-carts``)."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from integrations.medusa.calls import admin, reaching_the_store
from integrations.medusa.client import MedusaClient, MedusaError
from integrations.medusa.mapping import CART_FIELDS, expect_object, to_customer, to_web_cart
from pos.commerce import WebCart
from pos.web_carts import WebCartConflict, order_label

STATUS_PATH = "/admin/pos/web-carts/{id}"


class MedusaWebCarts:
    def __init__(self, client: MedusaClient):
        self.client = client

    def get_web_cart(self, cart_id: str) -> WebCart | None:
        try:
            with reaching_the_store():
                body = self.client.store("GET", f"/store/carts/{cart_id}",
                                         params={"fields": CART_FIELDS})
        except MedusaError as e:
            if e.status in (400, 404):
                return None
            raise
        raw = expect_object(body, "cart")
        cart = to_web_cart(raw)
        if isinstance(raw.get("customer"), dict) and raw["customer"].get("id"):
            cart = replace(cart, customer=to_customer(raw["customer"]))
        status = self.web_cart_status(cart.id)
        if status is None or status.get("status") != "bought":
            return cart
        return replace(cart, completed=True, order_id=status.get("order_id"),
                       order_display_id=_int(status.get("display_id")),
                       bought_at=status.get("bought_at"), sale_key=status.get("sale_key"))

    def web_cart_status(self, cart_id: str) -> dict[str, Any] | None:
        """The omnipos route's status of the cart, or None when it has no such cart (or the
        central store has not the route: then the cart's own ``completed_at`` is all we know)."""
        try:
            body = admin(self.client, "GET", STATUS_PATH.format(id=cart_id))
        except MedusaError as e:
            if e.status == 404:
                return None
            raise
        return expect_object(body, "web_cart")

    def close_web_cart(self, cart_id: str, sale_key: str, order_id: str) -> None:
        try:
            admin(self.client, "POST", STATUS_PATH.format(id=cart_id) + "/close",
                  json={"sale_key": sale_key, "order_id": order_id}, idempotent=True)
        except MedusaError as e:
            if e.status != 409:
                raise
            status = self.web_cart_status(cart_id) or {}
            raise WebCartConflict(cart_id, order_label(status.get("order_id"),
                                                       _int(status.get("display_id"))),
                                  order_id) from e


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None
