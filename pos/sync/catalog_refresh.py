"""Bring the till's copy of the central store up to date in one call: the catalogue (delta, or full
the first time) with stock per location, then the promotions. Run by the till's background sync
worker while the cashier sells, so it writes in small transactions: the till's own writes (the
sale in progress is saved after every scan) never wait long for the database.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from pos.ports import CatalogFeed, PromotionFeed
from pos.services.unit_of_work import UnitOfWork
from pos.sync.catalog_sync import CatalogSync, CatalogSyncReport, Progress
from pos.sync.promotion_sync import sync_promotions

# Rows per transaction in the background: SQLite writes about 20-50k rows a second, so a
# transaction holds the write lock for well under the till's 5 s busy timeout.
BACKGROUND_COMMIT_EVERY = 5_000


@dataclass(frozen=True)
class RefreshReport:
    catalog: CatalogSyncReport
    promotions: int | None  # None: the feed offers no promotions (not a ``PromotionFeed``)
    seconds: float

    def summary(self) -> str:
        promotions = "" if self.promotions is None else f", {self.promotions} promotions"
        return f"{self.catalog.summary()}{promotions}"


def refresh(uow: UnitOfWork, store: CatalogFeed, *,
            full: bool | None = None, with_stock: bool = True,
            commit_every: int = BACKGROUND_COMMIT_EVERY,
            on_progress: Progress | None = None) -> RefreshReport:
    """Catalogue and stock (delta when a full sync was done before, unless ``full``), then the
    promotions with what their rules may ask of this store's sales. Raises ``CommerceUnavailable``
    when the central store cannot be reached; what was written before stays (upserts)."""
    t0 = time.perf_counter()
    catalog = CatalogSync(uow, store, with_stock=with_stock,
                          commit_every=commit_every).run(full=full, on_progress=on_progress)
    promotions = None
    if isinstance(store, PromotionFeed):
        promotions = sync_promotions(uow, store.promotions, store.promotion_context())
    return RefreshReport(catalog, promotions, time.perf_counter() - t0)
