"""What sync needs of Medusa beyond the ``CommerceStore`` port: how many variants a sync will
bring (for its progress bar) and the promotions (for the till's local engine).
``SyncingMedusaStore`` is the adapter plus those two.

    store = SyncingMedusaStore.from_state(location_key="store-gbg")
    CatalogSync(session_factory, store).run(on_progress=...)
"""
from __future__ import annotations

from datetime import datetime

from integrations.medusa.adapter import MedusaCommerceStore
from integrations.medusa.client import MedusaUnavailable
from integrations.medusa.promotion_api import fetch_promotions
from pos.ports import CommerceUnavailable
from pos.promotions import Promotion


class SyncingMedusaStore(MedusaCommerceStore):
    def count_variants(self, updated_since: datetime | None = None) -> int:
        """How many variants ``iter_variants(updated_since)`` will yield (one cheap request)."""
        params: dict[str, object] = {"limit": 1, "fields": "id"}
        if updated_since is not None:
            params["updated_at[$gte]"] = updated_since.isoformat()
        page = self._call("GET", "/admin/product-variants", params=params)
        return int(page.get("count", 0))

    def promotion_context(self) -> dict[str, str]:
        """What Medusa's order-scope promotion rules see of this store's sales besides lines."""
        return {"sales_channel_id": self._channel(self.location_key)}

    def promotions(self) -> list[Promotion]:
        """Every promotion, with rules and campaign dates."""
        try:
            return fetch_promotions(self.c)
        except MedusaUnavailable as e:
            raise CommerceUnavailable(str(e)) from e
