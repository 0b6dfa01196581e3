import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from pos.catalog import Variant
from pos.db.catalog_repository import CatalogRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.stock import StockLevel
from pos.sync.catalog_sync import OVERLAP, CatalogSync
from pos.vat import VatRate

N = 50_000
T0 = datetime(2026, 11, 1, 8, 0, 0)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


class GeneratedStore:
    """A central store of ``n`` generated variants; remembers when each last changed, answers
    ``updated_since`` like Medusa's ``updated_at[$gte]``, pages like its offset paging."""

    def __init__(self, n: int, clock: Clock) -> None:
        self.clock = clock
        self.variants: dict[str, Variant] = {}
        self.changed: dict[str, datetime] = {}
        rates = list(VatRate)
        for i in range(n):
            v = Variant(id=f"variant_{i:07d}", sku=f"GEN-{i:07d}", ean="",
                        name=f"Artikel {i} {('röd', 'blå', 'grön')[i % 3]} storlek {i % 7}",
                        price=1000 + (i * 37) % 100_000, vat_rate=rates[i % 3],
                        product_id=f"prod_{i // 5:06d}", product_name=f"Artikel {i // 5}")
            self.variants[v.id] = v
            self.changed[v.id] = clock() - timedelta(days=1)
        self.requests: list[datetime | None] = []

    def change(self, variant_id: str, **fields) -> None:
        self.variants[variant_id] = replace(self.variants[variant_id], **fields)
        self.changed[variant_id] = self.clock()

    def count_variants(self, updated_since: datetime | None) -> int:
        return sum(1 for _ in self._matching(updated_since))

    def _matching(self, since: datetime | None) -> Iterator[Variant]:
        for vid, v in self.variants.items():
            if since is None or self.changed[vid] >= since:
                yield v

    def iter_variants(self, updated_since=None, page_size=200):
        self.requests.append(updated_since)
        rows = list(self._matching(updated_since))
        for i in range(0, len(rows), page_size):
            yield rows[i:i + page_size]

    def stock_levels(self, skus):
        return [StockLevel(sku, "store-gbg", "Göteborg", int(sku[-3:]) % 11) for sku in skus]


def test_full_then_delta_then_deletions_with_50k_variants(session_factory, engine):
    clock = Clock()
    store = GeneratedStore(N, clock)
    sync = CatalogSync(SqlUnitOfWork(session_factory), store, clock=clock, page_size=1000, commit_every=20_000)
    progress: list[tuple[int, int | None]] = []
    t0 = time.perf_counter()
    report = sync.run(on_progress=lambda done, total: progress.append((done, total)))
    seconds = time.perf_counter() - t0
    print(f"\n[{engine.dialect.name}] full sync of {N:,} variants: {seconds:.2f} s "
          f"({N / seconds:,.0f} variants/s)")
    assert report.mode == "full" and report.variants == N and report.deactivated == 0
    assert progress[-1] == (N, N) and len(progress) == N // 1000
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)
    with session_factory() as s:
        repo = CatalogRepository(s)
        assert repo.count() == N
        v = repo.by_code("GEN-0012345")
        assert v is not None and v.price == store.variants["variant_0012345"].price
        assert repo.search("artikel 12345")[0].sku == "GEN-0012345"
    assert sync.cursor() == T0 - OVERLAP

    # an hour later two prices change and one article is renamed: a delta sync fetches only those
    clock.now = T0 + timedelta(hours=1)
    store.change("variant_0000042", price=4242)
    store.change("variant_0049999", price=1)
    store.change("variant_0031337", name="Elit tröja")
    clock.now = T0 + timedelta(hours=2)
    t0 = time.perf_counter()
    report = sync.run()
    print(f"[{engine.dialect.name}] delta sync of {report.variants} variants: "
          f"{time.perf_counter() - t0:.3f} s")
    assert report.mode == "delta" and report.variants == 3
    assert store.requests[-1] == T0 - OVERLAP
    with session_factory() as s:
        repo = CatalogRepository(s)
        assert repo.by_id("variant_0000042").price == 4242
        assert repo.by_id("variant_0049999").price == 1
        assert repo.search("elit")[0].id == "variant_0031337"
        assert repo.count() == N
    assert sync.cursor() == T0 + timedelta(hours=2) - OVERLAP

    # 100 variants are deleted centrally: only a full sync can see that; they are deactivated
    for i in range(100):
        del store.variants[f"variant_{i * 500:07d}"]
    clock.now = T0 + timedelta(hours=3)
    t0 = time.perf_counter()
    report = sync.full()
    print(f"[{engine.dialect.name}] second full sync (update of {N - 100:,}): "
          f"{time.perf_counter() - t0:.2f} s")
    assert report.variants == N - 100 and report.deactivated == 100
    with session_factory() as s:
        repo = CatalogRepository(s)
        gone = repo.by_id("variant_0000500")
        assert gone is not None and not gone.active
        assert repo.by_id("variant_0000501").active
        assert repo.count() == N  # deactivated, not deleted
        assert all(v.active for v in repo.search("artikel 500"))


def test_stock_comes_along_when_asked(session_factory):
    clock = Clock()
    store = GeneratedStore(2500, clock)
    report = CatalogSync(SqlUnitOfWork(session_factory), store, clock=clock, page_size=1000,
                         with_stock=True).full()
    assert report.stock_levels == 2500
    with session_factory() as s:
        levels = CatalogRepository(s).stock_for("variant_0000123")
    assert [(lv.location_id, lv.stocked) for lv in levels] == [("store-gbg", 123 % 11)]


def test_delta_needs_a_first_full_sync(session_factory):
    sync = CatalogSync(SqlUnitOfWork(session_factory), GeneratedStore(10, Clock()))
    with pytest.raises(ValueError):
        sync.delta()
    assert sync.run().mode == "full"  # no cursor yet: run() does a full sync
    assert sync.run().mode == "delta"


def test_the_till_writes_while_the_sync_waits_for_the_central_store(session_factory, engine):
    """While the central store is answering (between pages, stock calls), no sync transaction is
    open: a till selling on the same SQLite database writes at once instead of waiting for the
    write lock (and failing after the busy timeout)."""
    from pos.db.repositories import SyncStateRepository
    from pos.sync.catalog_refresh import refresh

    store = GeneratedStore(3_000, Clock())
    waits: list[float] = []

    def write_as_the_till() -> None:
        t = time.perf_counter()
        with session_factory() as s, s.begin():
            SyncStateRepository(s).set("till.heartbeat", str(t), datetime.now())
        waits.append(time.perf_counter() - t)

    pages = store.iter_variants
    levels = store.stock_levels

    def iter_variants(updated_since=None, page_size=200):
        for page in pages(updated_since, page_size):
            write_as_the_till()
            yield page

    def stock_levels(skus):
        write_as_the_till()
        return levels(skus)

    store.iter_variants = iter_variants
    store.stock_levels = stock_levels
    report = refresh(SqlUnitOfWork(session_factory), store, commit_every=1_000)
    assert report.catalog.variants == 3_000 and report.catalog.stock_levels == 3_000
    assert report.promotions is None  # this store offers none
    assert len(waits) >= 2 * (3_000 // 500) and max(waits) < 1.0, max(waits)
