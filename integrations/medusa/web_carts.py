"""Web carts (``pos.ports.WebCarts``) over Medusa v2's store API: the cart a QR code names, with
the central store's prices and promotions applied (read with the publishable key)."""
from __future__ import annotations

from integrations.medusa.calls import reaching_the_store
from integrations.medusa.client import MedusaClient, MedusaError
from integrations.medusa.mapping import CART_FIELDS, expect_object, to_web_cart
from pos.commerce import WebCart


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
        return to_web_cart(expect_object(body, "cart"))
