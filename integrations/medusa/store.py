"""The central store over Medusa v2 (``pos.ports.CommerceStore``): one small adapter per capability,
all over one ``MedusaClient`` and the ids of ``medusa.json``, built in one place.

    store = MedusaStore.from_state(location_key="store-gbg")   # the local Medusa of medusa.sh
    store.catalog      # CatalogFeed + PromotionFeed  (catalog_feed.py)
    store.orders       # OrderSink                    (order_sink.py)
    store.web_carts    # WebCarts                     (web_carts.py)
    store.customers    # CustomerDirectory            (customers.py)
    store.ping()

A new capability (pickups, returns, gift cards...) is a module beside these with a class over the
same client and ids, and one more attribute here. Medusa's objects become domain objects in
``mapping.py``; HTTP, retries and Medusa's errors are ``client.py``'s.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from integrations.medusa.catalog_feed import MedusaCatalogFeed
from integrations.medusa.client import MedusaClient
from integrations.medusa.customers import MedusaCustomers
from integrations.medusa.order_sink import MedusaOrderSink
from integrations.medusa.web_carts import MedusaWebCarts

STATE_FILE = Path(__file__).with_name(".state") / "medusa.json"


class MedusaStore:
    """``ids``: medusa.json (region, sales channels and stock locations by the till's location
    keys, ...); ``location_key``: the till's location (its sales channel, its promotions' context,
    where its orders are looked for)."""

    def __init__(self, client: MedusaClient, ids: dict[str, Any], location_key: str = "store-gbg"):
        self.client = client
        self.ids = ids
        self.location_key = location_key
        self.catalog = MedusaCatalogFeed(client, ids, location_key)
        self.orders = MedusaOrderSink(client, ids, location_key)
        self.web_carts = MedusaWebCarts(client)
        self.customers = MedusaCustomers(client)

    @classmethod
    def from_state(cls, path: Path = STATE_FILE, location_key: str = "store-gbg",
                   **client_kw: Any) -> "MedusaStore":
        """Connect to the Medusa a ``medusa.json`` names (default: the local one ``medusa.sh``
        started); ``client_kw`` go to ``MedusaClient`` (timeout, retries, backoff...)."""
        ids = json.loads(Path(path).read_text(encoding="utf-8"))
        client = MedusaClient(ids["url"], ids["admin_email"], ids["admin_password"],
                              ids.get("publishable_key", ""), **client_kw)
        return cls(client, ids, location_key)

    def ping(self) -> bool:
        return self.client.health()
