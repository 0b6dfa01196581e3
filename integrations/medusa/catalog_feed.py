"""The catalogue feed (``pos.ports.CatalogFeed`` and ``PromotionFeed``) over Medusa v2's admin
API: variants page by page, how many, stock per location, and the promotions.

    feed = MedusaStore.from_state(location_key="store-gbg").catalog
    CatalogSync(session_factory, feed).run(on_progress=...)
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from integrations.medusa.calls import admin, reaching_the_store, sales_channel, utc_param
from integrations.medusa.client import MedusaClient
from integrations.medusa.mapping import expect_list, to_variant
from integrations.medusa.promotion_api import fetch_promotions
from pos.catalog import Variant
from pos.promotions import Promotion
from pos.stock import StockLevel

VARIANT_FIELDS = ("id,sku,ean,barcode,title,updated_at,metadata,*prices,*options,options.option.title,"
                  "product.id,product.title,product.metadata,product.status,"
                  "product.collection_id,product.type_id,product.categories.id,product.tags.id")


class MedusaCatalogFeed:
    def __init__(self, client: MedusaClient, ids: dict[str, Any], location_key: str = "store-gbg"):
        self.client = client
        self.ids = ids
        self.location_key = location_key
        self._location_keys = {v: k for k, v in ids.get("stock_locations", {}).items()}

    def iter_variants(self, updated_since: datetime | None = None,
                      page_size: int = 200) -> Iterator[list[Variant]]:
        # Ordered by id, which is unique and stable: with updated_at (equal for a whole batch)
        # offset pages skipped some variants and repeated others.
        params: dict[str, Any] = {"limit": page_size, "fields": VARIANT_FIELDS, "order": "id"}
        if updated_since is not None:
            params["updated_at[$gte]"] = utc_param(updated_since)
        offset = 0
        while True:
            page = admin(self.client, "GET", "/admin/product-variants",
                         params={**params, "offset": offset})
            rows = expect_list(page, "variants")
            yield [to_variant(v) for v in rows]
            offset += len(rows)
            if not rows or offset >= int(page.get("count", 0)):
                return

    def count_variants(self, updated_since: datetime | None = None) -> int:
        """How many variants ``iter_variants(updated_since)`` will yield (one cheap request)."""
        params: dict[str, object] = {"limit": 1, "fields": "id"}
        if updated_since is not None:
            params["updated_at[$gte]"] = utc_param(updated_since)
        page = admin(self.client, "GET", "/admin/product-variants", params=params)
        return int(page.get("count", 0))

    def variant_ids_by_sku(self, skus: Sequence[str]) -> dict[str, str]:
        """Medusa's variant id of each SKU it knows."""
        return variant_ids_by_sku(self.client, skus)

    def stock_levels(self, skus: Sequence[str]) -> list[StockLevel]:
        levels: list[StockLevel] = []
        for i in range(0, len(skus), 100):
            page = admin(self.client, "GET", "/admin/inventory-items", params={
                "sku[]": list(skus[i:i + 100]), "limit": 100,
                "fields": "id,sku,*location_levels"})
            for item in expect_list(page, "inventory_items"):
                for lvl in item.get("location_levels") or []:
                    key = self._location_keys.get(lvl["location_id"], lvl["location_id"])
                    levels.append(StockLevel(variant_id=item["sku"], location_id=key,
                                             location_name=key,
                                             stocked=int(lvl.get("stocked_quantity") or 0),
                                             reserved=int(lvl.get("reserved_quantity") or 0)))
        return levels

    def promotions(self) -> list[Promotion]:
        """Every promotion, with rules and campaign dates."""
        with reaching_the_store():
            return fetch_promotions(self.client)

    def promotion_context(self) -> dict[str, str]:
        """What Medusa's order-scope promotion rules see of this store's sales besides lines."""
        return {"sales_channel_id": sales_channel(self.ids, self.location_key)}


def variant_ids_by_sku(client: MedusaClient, skus: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for i in range(0, len(skus), 100):
        page = admin(client, "GET", "/admin/product-variants",
                     params={"sku[]": list(skus[i:i + 100]), "limit": 100, "fields": "id,sku"})
        out.update({v["sku"]: v["id"] for v in expect_list(page, "variants")})
    return out
