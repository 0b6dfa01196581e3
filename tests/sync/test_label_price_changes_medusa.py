"""Shelf labels after a real catalogue sync from the local Medusa, on SQLite and PostgreSQL: the
net content comes from the variant's metadata ("450 g", seeded), and "prices changed since"
finds exactly the article whose price the central store changed, with its price before and the
new comparison price. The price is put back afterwards."""
from __future__ import annotations

import time
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from pos.db.unit_of_work import SqlUnitOfWork
from pos.services.shelf_labels import LabelSelection, make_labels
from pos.shelf_labels import LabelSettings
from pos.sync.catalog_sync import OVERLAP, CatalogSync
from tests.medusa_server import start_local_medusa, unavailable

pytestmark = [pytest.mark.medusa, pytest.mark.slow, pytest.mark.timeout(900)]
SKU = "KAF-MEL-450G"


@pytest.fixture(scope="module")
def medusa_store():
    from integrations.medusa.store import MedusaStore

    start_local_medusa()
    store = MedusaStore.from_state(timeout=(3.05, 120.0))
    if not store.ping():
        unavailable("/health does not answer")
    return store


def _utc() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _set_price(client, sku: str, kronor: Decimal) -> None:
    [v] = client.admin("GET", "/admin/product-variants",
                       params={"sku[]": [sku], "fields": "id,product_id"})["variants"]
    client.admin("POST", f"/admin/products/{v['product_id']}/variants/{v['id']}",
                 json={"prices": [{"currency_code": "sek", "amount": float(kronor)}]})


def test_labels_of_prices_changed_by_a_sync(medusa_store, session_factory):
    c = medusa_store.client
    uow = SqlUnitOfWork(session_factory)
    sync = CatalogSync(uow, medusa_store.catalog, page_size=500,
                       clock=lambda: _utc() + OVERLAP)  # the delta: only what changes below
    sync.run(full=True)
    with uow:
        coffee = uow.catalog.by_code(SKU)
    assert coffee is not None and coffee.price == 5990
    assert (coffee.net_quantity, coffee.net_unit) == (Decimal("0.45"), "kg")
    time.sleep(0.05)
    between = _utc()
    time.sleep(0.05)
    try:
        _set_price(c, SKU, Decimal("64.90"))
        report = sync.run()
        assert report.mode == "delta"
        labels = make_labels(uow, LabelSelection(changed_since=between),
                             LabelSettings("https://shop.example.se/shelf", "store-gbg"),
                             _utc(), date.today())
        assert [(lb.sku, lb.previous_price, lb.price) for lb in labels] == [(SKU, 5990, 6490)]
        assert labels[0].comparison == 14422  # 6 490 öre / 0.45 kg = 14 422.2
        assert "sku=KAF-MEL-450G&store=store-gbg" in labels[0].qr
        # a full sync writes every article again: only a changed price counts as a change
        sync.run(full=True)
        again = make_labels(uow, LabelSelection(changed_since=between), LabelSettings(),
                            _utc(), date.today())
        assert [(lb.sku, lb.previous_price, lb.price) for lb in again] == [(SKU, 5990, 6490)]
    finally:
        _set_price(c, SKU, Decimal("59.90"))
