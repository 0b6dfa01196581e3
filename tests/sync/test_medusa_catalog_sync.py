"""Catalogue sync from the real local Medusa into a SQLite till database: full (with stock), a
price change seen by a delta, a product deleted centrally deactivated by the next full sync.

Starts Medusa with ``integrations/medusa/medusa.sh start``; skips when it cannot, fails when
``CI=true``. The probe product it creates is in no sales channel (no storefront sees it) and is deleted
at the end.
"""
from __future__ import annotations

import time
import uuid
from datetime import datetime, timezone

import pytest

from pos.db.catalog_repository import CatalogRepository
from pos.db.engine import make_engine
from pos.db.migrate import upgrade
from pos.db.session import session_factory as make_factory
from pos.db.unit_of_work import SqlUnitOfWork
from pos.sync.catalog_sync import OVERLAP, CatalogSync
from tests.medusa_server import start_local_medusa, unavailable

pytestmark = [pytest.mark.medusa, pytest.mark.slow, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def medusa_store():
    from integrations.medusa.store import MedusaStore

    start_local_medusa()
    store = MedusaStore.from_state(timeout=(3.05, 120.0))
    if not store.ping():
        unavailable("/health does not answer")
    return store


def test_full_delta_and_deletion_against_medusa(medusa_store, tmp_path):
    c = medusa_store.client
    engine = make_engine(f"sqlite:///{tmp_path}/pos.sqlite3")
    upgrade(engine)
    sf = make_factory(engine)
    # The delta's cursor is the full sync's start less OVERLAP (for clock skew). Medusa runs on
    # this machine (one clock) and was seeded minutes ago: without this, the seed's own changes
    # fall inside the overlap and the delta brings the whole catalogue again.
    sync = CatalogSync(SqlUnitOfWork(sf), medusa_store.catalog, page_size=500, with_stock=True,
                       clock=lambda: datetime.now(timezone.utc).replace(tzinfo=None) + OVERLAP)
    expected = medusa_store.catalog.count_variants()
    progress = []
    t0 = time.perf_counter()
    report = sync.run(on_progress=lambda d, t: progress.append((d, t)))
    print(f"\nMedusa full sync: {report.summary()}; wall {time.perf_counter() - t0:.1f} s")
    assert report.variants == expected and progress[-1] == (expected, expected)
    assert report.stock_levels > 0
    with sf() as s:
        repo = CatalogRepository(s)
        assert repo.count() == expected
        some = repo.search("jeans", limit=1)[0]
        assert repo.stock_for(some.id)

    sku = f"SYNC-PROBE-{uuid.uuid4().hex[:8].upper()}"
    product = c.admin("POST", "/admin/products", json={
        "title": "Synkprov", "status": "published", "options": [{"title": "Variant", "values": ["A"]}],
        "variants": [{"title": "Synkprov A", "sku": sku, "manage_inventory": False,
                      "options": {"Variant": "A"},
                      "prices": [{"currency_code": "sek", "amount": 100}]}]})["product"]
    variant_id = product["variants"][0]["id"]
    try:
        c.admin("POST", f"/admin/products/{product['id']}/variants/{variant_id}",
                json={"prices": [{"currency_code": "sek", "amount": 129.5}]})
        report = sync.run()
        assert report.mode == "delta" and 1 <= report.variants < expected
        with sf() as s:
            v = CatalogRepository(s).by_code(sku)
        assert v is not None and v.price == 12950 and v.active
    finally:
        c.admin("DELETE", f"/admin/products/{product['id']}")
    report = sync.full()
    assert report.deactivated == 1 and report.variants == expected
    with sf() as s:
        assert CatalogRepository(s).count() == expected + 1
    engine.dispose()
