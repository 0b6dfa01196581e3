"""Product interest counted by the central store (``pos.ports.CentralInterest``): the Medusa
app's ``GET /admin/pos/product-interest`` (module ``product-interest``: shelf-label QR scans per
SKU, store key, day and source)."""
from __future__ import annotations

from datetime import date
from typing import Any

from integrations.medusa.calls import admin
from integrations.medusa.client import MedusaClient
from integrations.medusa.mapping import expect_list
from pos.interest import CentralInterestCount


class MedusaProductInterest:
    def __init__(self, client: MedusaClient):
        self.client = client

    def interest_between(self, first: date, last: date,
                         store: str | None = None) -> list[CentralInterestCount]:
        params: dict[str, Any] = {"from": first.isoformat(), "to": last.isoformat()}
        if store is not None:
            params["store"] = store
        page = admin(self.client, "GET", "/admin/pos/product-interest", params=params)
        return [CentralInterestCount(sku=str(r["sku"]), store=str(r.get("store_key") or ""),
                                     day=date.fromisoformat(str(r["day"])),
                                     source=str(r["source"]), count=int(r["count"]))
                for r in expect_list(page, "interest")]
