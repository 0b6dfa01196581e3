"""The catalogue records when a price changed and from what (migration 0019), on both databases:
what "labels of the prices changed since ..." reads after a sync. And the net content (for the
comparison price) is stored exactly."""
from __future__ import annotations

import time
from dataclasses import replace
from datetime import datetime, timezone
from decimal import Decimal

from pos.catalog import Variant
from pos.db.catalog_repository import CatalogRepository
from pos.vat import VatRate

COFFEE = Variant("v1", "KAF-450", "", "Kaffe, 450 g", 5990, VatRate.FOOD,
                 net_quantity=Decimal("0.45"), net_unit="kg")
JUICE = Variant("v2", "SAF-150", "", "Saft, 1,5 l", 3490, VatRate.FOOD,
                net_quantity=Decimal("1.5"), net_unit="l")
SHIRT = Variant("v3", "TSH-M", "", "T-shirt, M", 19900, VatRate.STANDARD)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _upsert(session_factory, variants):
    with session_factory() as s, s.begin():
        CatalogRepository(s).bulk_upsert(variants)


def _changes(session_factory, since):
    with session_factory() as s:
        return [(v.sku, prev) for v, prev in CatalogRepository(s).price_changes_since(since)]


def test_net_content_is_kept_exactly(session_factory):
    _upsert(session_factory, [COFFEE, JUICE, SHIRT])
    with session_factory() as s:
        repo = CatalogRepository(s)
        assert repo.by_id("v1") == COFFEE
        assert repo.by_id("v2").net_quantity == Decimal("1.5")
        assert repo.by_id("v3").net_quantity is None and repo.by_id("v3").net_unit == ""


def test_a_changed_price_is_recorded_with_the_price_before(session_factory):
    _upsert(session_factory, [COFFEE, JUICE, SHIRT])
    time.sleep(0.01)
    after_first = _now()
    time.sleep(0.01)
    # a second sync: the coffee's price changed, the juice's name changed (not its price)
    _upsert(session_factory, [replace(COFFEE, price=6490), replace(JUICE, name="Saft Fläder"),
                              SHIRT])
    assert _changes(session_factory, after_first) == [("KAF-450", 5990)]
    time.sleep(0.01)
    after_second = _now()
    time.sleep(0.01)
    # a third sync with the same prices changes nothing; the earlier change and price stay
    _upsert(session_factory, [replace(COFFEE, price=6490), JUICE, SHIRT])
    assert _changes(session_factory, after_second) == []
    assert _changes(session_factory, after_first) == [("KAF-450", 5990)]
    with session_factory() as s:
        assert CatalogRepository(s).previous_prices(["v1", "v2", "v3"]) == {"v1": 5990}


def test_a_new_article_counts_as_changed_and_has_no_price_before(session_factory):
    _upsert(session_factory, [COFFEE])
    time.sleep(0.01)
    since = _now()
    time.sleep(0.01)
    _upsert(session_factory, [COFFEE, SHIRT])
    assert _changes(session_factory, since) == [("TSH-M", None)]
