"""Posted stock counts at the central store (``pos.ports.StockAdjustments``): each count line's
difference (or, for a line whose expected figure was not fresh, its counted figure set as the
stocked quantity: ``fresh`` False) added to this store's stocked quantity by the Medusa app's own route
``POST /admin/pos/stock-adjustments`` (src/api/admin/pos/stock-adjustments), which applies it
with the inventory module's adjustment (never an absolute overwrite) and keeps it on record,
idempotent by the till's key. A 4xx other than unavailability is Medusa's error (the outbox
counts it towards ``dead``): an unknown SKU, say, needs a person."""
from __future__ import annotations

from typing import Any

from integrations.medusa.calls import admin
from integrations.medusa.client import MedusaClient
from pos.stock_count import Adjustment


class MedusaStockAdjustments:
    def __init__(self, client: MedusaClient, ids: dict[str, Any]):
        self.client = client
        self.ids = ids

    def location(self, key: str) -> str:
        return str((self.ids.get("stock_locations") or {}).get(key) or key)

    def adjust_stock(self, adjustment: Adjustment, idempotency_key: str) -> str:
        body = {"key": idempotency_key, "sku": adjustment.sku,
                "location_id": self.location(adjustment.location_id),
                "delta": adjustment.delta, "expected": adjustment.expected,
                "counted": adjustment.counted, "fresh": adjustment.fresh,
                "reason": "stock_count"}
        made = admin(self.client, "POST", "/admin/pos/stock-adjustments", json=body)
        return str(made["stock_adjustment"]["id"])

    def find(self, idempotency_key: str) -> dict[str, Any] | None:
        """The central record of an adjustment (tests, support)."""
        found = admin(self.client, "GET", "/admin/pos/stock-adjustments",
                      params={"key": idempotency_key})
        return found.get("stock_adjustment")
