"""A shopper on the web shop, through Medusa's store API only (the publishable key and the
customer's own login), as the web shop's browser would: register, log in, fill a cart, choose
"collect in store" and "pay in store" (or pay online), complete it."""
from __future__ import annotations

import uuid
from typing import Any

import requests


class Shopper:
    def __init__(self, ids: dict[str, Any], email: str | None = None, password: str = "hemligt-1"):
        self.url = ids["url"].rstrip("/")
        self.ids = ids
        self.email = email or f"shopper-{uuid.uuid4().hex[:10]}@example.se"
        self.password = password
        self.http = requests.Session()
        self.http.headers["x-publishable-api-key"] = ids["publishable_key"]
        self.token = ""

    def call(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        r = self.http.request(method, self.url + path, headers=headers, timeout=30, **kw)
        assert r.status_code < 400, f"{method} {path}: {r.status_code} {r.text[:500]}"
        return r.json() if r.content else {}

    def register(self, first: str = "Lisa", last: str = "Ek") -> "Shopper":
        """A new customer account: identity, then the customer, then a login."""
        r = self.http.post(self.url + "/auth/customer/emailpass/register",
                           json={"email": self.email, "password": self.password}, timeout=30)
        assert r.status_code == 200, r.text
        self.token = r.json()["token"]
        self.call("POST", "/store/customers", json={
            "email": self.email, "first_name": first, "last_name": last, "phone": "+46705551234"})
        return self.login()

    def login(self) -> "Shopper":
        r = self.http.post(self.url + "/auth/customer/emailpass",
                           json={"email": self.email, "password": self.password}, timeout=30)
        assert r.status_code == 200, r.text
        self.token = r.json()["token"]
        return self

    def variant_id(self, sku: str) -> str:
        found = self.call("GET", "/store/products", params={
            "fields": "id,*variants", "limit": 500, "region_id": self.ids["region_id"]})
        for p in found["products"]:
            for v in p.get("variants") or []:
                if v.get("sku") == sku:
                    return str(v["id"])
        raise AssertionError(f"the web shop does not sell {sku}")

    def order_for_pickup(self, items: list[tuple[str, int]], location_key: str,
                         pay_in_store: bool) -> dict[str, Any]:
        """A cart in the web channel with ``items`` ((SKU, quantity)), collected at
        ``location_key``'s store; completed with the manual provider ``pp_system_default``.
        ``pay_in_store``: the customer pays when collecting (the cart's metadata says so)."""
        address = {"first_name": "Lisa", "last_name": "Ek", "address_1": "Kungsgatan 1",
                   "city": "Göteborg", "postal_code": "41119", "country_code": "se",
                   "phone": "+46705551234"}
        cart = self.call("POST", "/store/carts", json={
            "region_id": self.ids["region_id"], "sales_channel_id": self.ids["sales_channels"]["web"],
            "items": [{"variant_id": self.variant_id(sku), "quantity": q} for sku, q in items],
            "shipping_address": address, "billing_address": address,
            "metadata": {"pay_in_store": True} if pay_in_store else {}})["cart"]
        option = self.ids["shipping_options"][f"pickup-{location_key}"]
        self.call("POST", f"/store/carts/{cart['id']}/shipping-methods", json={"option_id": option})
        pc = self.call("POST", "/store/payment-collections", json={"cart_id": cart["id"]})
        self.call("POST", f"/store/payment-collections/{pc['payment_collection']['id']}"
                          "/payment-sessions", json={"provider_id": "pp_system_default"})
        done = self.call("POST", f"/store/carts/{cart['id']}/complete")
        assert done.get("type") == "order", done
        return dict(done["order"])

    def my_orders(self) -> list[dict[str, Any]]:
        return list(self.call("GET", "/store/orders", params={"fields": "id,display_id,total"})
                    ["orders"])
