"""The catalogue cache follows the central store: full and delta sync of variants (names, prices,
range) and, optionally, their stock per location.

- Full sync: every variant the store has, page by page, written with ``CatalogRepository.bulk_upsert``
  in transactions of ``commit_every`` rows, each batch read from the store before its transaction
  opens (a huge catalogue never sits in memory, an interrupted sync keeps what it wrote, and the
  database is never held while the network answers). Variants the store no longer has are deactivated (never
  deleted: old sales and returns still point at them). Deactivation is by stamp: every variant
  written in this run gets ``updated_at`` at or after the run's start, so anything active and older
  was not in the store's answer.
- Delta sync: only what changed since the cursor ``catalog.updated_since`` in ``sync_state``. The
  next cursor is the time the run *started* minus ``OVERLAP`` (clock skew between till and store,
  changes made while the run was reading); an upsert is idempotent, so seeing a change twice is
  harmless, missing one is not.
- ``on_progress(done, total)``: called after every page; ``total`` is what the feed's
  ``count_variants(updated_since)`` said before the first page.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone


from pos.catalog import Variant
from pos.ports import CatalogFeed
from pos.services.unit_of_work import UnitOfWork
from pos.stock import StockLevel

CURSOR = "catalog.updated_since"
LAST_FULL = "catalog.last_full"
OVERLAP = timedelta(minutes=5)

Progress = Callable[[int, "int | None"], None]


def _utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass(frozen=True)
class CatalogSyncReport:
    mode: str  # "full" | "delta"
    variants: int  # written (inserted or updated)
    deactivated: int
    stock_levels: int
    seconds: float
    cursor: datetime  # the updated_since the next delta sync will use

    def summary(self) -> str:
        rate = self.variants / self.seconds if self.seconds > 0 else 0
        return (f"catalogue {self.mode} sync: {self.variants} variants, {self.deactivated} "
                f"deactivated, {self.stock_levels} stock levels in {self.seconds:.1f} s "
                f"({rate:,.0f} variants/s)")


class CatalogSync:
    def __init__(self, uow: UnitOfWork, store: CatalogFeed, *,
                 clock: Callable[[], datetime] = _utc_now, page_size: int = 500,
                 commit_every: int = 100_000, with_stock: bool = False) -> None:
        self.uow = uow
        self.store = store
        self.clock = clock
        self.page_size = page_size
        self.commit_every = commit_every
        self.with_stock = with_stock

    def cursor(self) -> datetime | None:
        with self.uow:
            value = self.uow.sync_state.get(CURSOR)
        return datetime.fromisoformat(value) if value else None

    def run(self, full: bool | None = None, on_progress: Progress | None = None) -> CatalogSyncReport:
        """Delta when there is a cursor (``full=None``), else full; or force one with ``full``."""
        since = None if full else self.cursor()
        if full is False and since is None:
            raise ValueError("no delta sync before a first full sync")
        return self._sync(since, on_progress)

    def full(self, on_progress: Progress | None = None) -> CatalogSyncReport:
        return self._sync(None, on_progress)

    def delta(self, on_progress: Progress | None = None) -> CatalogSyncReport:
        return self.run(full=False, on_progress=on_progress)

    # --- internals -------------------------------------------------------------------------------

    def _sync(self, since: datetime | None, on_progress: Progress | None) -> CatalogSyncReport:
        t0 = time.perf_counter()
        started = self.clock()
        stamp_floor = _utc_now()  # what bulk_upsert stamps rows with is at or after this
        total = self.store.count_variants(since)
        pages = self.store.iter_variants(updated_since=since, page_size=self.page_size)
        done = 0
        levels = 0
        exhausted = False
        while not exhausted:
            # Read a batch from the central store first (its pages, and their stock), then write
            # it in one short transaction: the database is never held while the network answers,
            # so a till selling on the same database never waits for the sync.
            batch: list[list[Variant]] = []
            n = 0
            for page in pages:
                batch.append(page)
                n += len(page)
                done += len(page)
                if on_progress is not None:
                    on_progress(done, total)
                if n >= self.commit_every:
                    break
            else:
                exhausted = True
            stock = [self._stock(page) for page in batch] if self.with_stock else []
            with self.uow:
                self.uow.catalog.bulk_upsert(v for page in batch for v in page)
                for page_levels in stock:
                    levels += self.uow.catalog.set_stock(page_levels)
                self.uow.commit()
        deactivated = 0
        with self.uow:
            if since is None:
                deactivated = self.uow.catalog.deactivate_not_updated_since(stamp_floor)
                self.uow.sync_state.set(LAST_FULL, started.isoformat(), started)
            cursor = started - OVERLAP
            self.uow.sync_state.set(CURSOR, cursor.isoformat(), started)
            self.uow.commit()
        return CatalogSyncReport("delta" if since else "full", done, deactivated, levels,
                                 time.perf_counter() - t0, cursor)

    def _stock(self, page: list[Variant]) -> list[StockLevel]:
        """The store's levels for a page, keyed by the local variant id (stores answer by SKU)."""
        by_sku = {v.sku: v.id for v in page}
        ids = set(by_sku.values())
        out = []
        for lvl in self.store.stock_levels(list(by_sku)):
            vid = lvl.variant_id if lvl.variant_id in ids else by_sku.get(lvl.variant_id)
            if vid is not None:
                out.append(StockLevel(vid, lvl.location_id, lvl.location_name, lvl.stocked,
                                      lvl.reserved))
        return out
