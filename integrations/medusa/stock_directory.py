"""Stock everywhere (``pos.ports.StockDirectory``) over Medusa v2's admin API: an article's
stocked, reserved and available units at every stock location, named as the central store names
them; the till's location keys come from medusa.json's ``stock_locations``.
"""
from __future__ import annotations

import threading
from typing import Any

from integrations.medusa.calls import admin
from integrations.medusa.client import MedusaClient
from integrations.medusa.mapping import expect_list
from pos.stock import StockLevel


class MedusaStockDirectory:
    def __init__(self, client: MedusaClient, ids: dict[str, Any]):
        self.client = client
        self.ids = ids
        self._keys = {v: k for k, v in (ids.get("stock_locations") or {}).items()}
        self._names: dict[str, str] | None = None
        self._lock = threading.Lock()

    def location_names(self) -> dict[str, str]:
        """Medusa's stock location names by the till's location keys (read once)."""
        with self._lock:
            if self._names is None:
                page = admin(self.client, "GET", "/admin/stock-locations",
                             params={"limit": 200, "fields": "id,name"})
                self._names = {self._keys.get(loc["id"], loc["id"]): str(loc.get("name") or "")
                               for loc in expect_list(page, "stock_locations")}
            return dict(self._names)

    def stock_of(self, sku: str) -> list[StockLevel]:
        page = admin(self.client, "GET", "/admin/inventory-items", params={
            "sku": sku, "limit": 10, "fields": "id,sku,*location_levels"})
        names = self.location_names()
        levels: list[StockLevel] = []
        for item in expect_list(page, "inventory_items"):
            if item.get("sku") != sku:
                continue
            for lvl in item.get("location_levels") or []:
                key = self._keys.get(lvl["location_id"], lvl["location_id"])
                levels.append(StockLevel(variant_id=sku, location_id=key,
                                         location_name=names.get(key, key),
                                         stocked=int(lvl.get("stocked_quantity") or 0),
                                         reserved=int(lvl.get("reserved_quantity") or 0)))
        return sorted(levels, key=lambda lv: lv.location_id)
