from collections import Counter

from pos.db.catalog_repository import CatalogRepository
from pos.demo.catalog import (HOME_LOCATION, LOCATIONS, DemoProduct, demo_catalog, demo_stock,
                              load_demo_catalog)
from pos.gtin import parse_gtin
from pos.vat import VatRate


def variants():
    return [v for p in demo_catalog() for v in p.variants]


def test_the_demo_catalogue_is_the_same_every_time():
    assert demo_catalog() == demo_catalog()
    assert demo_stock() == demo_stock()
    assert demo_catalog() is not demo_catalog()  # callers may change their list


def test_it_is_a_department_store_of_two_thousand_variants():
    vs = variants()
    assert len(vs) >= 2000
    assert all(isinstance(p, DemoProduct) and p.variants for p in demo_catalog())
    rates = Counter(v.vat_rate for v in vs)
    assert {VatRate.STANDARD, VatRate.FOOD, VatRate.REDUCED} <= set(rates)
    assert all(v.vat_rate is p.vat_rate for p in demo_catalog() for v in p.variants)
    assert any(ch in v.name for v in vs for ch in "åäö")
    assert {"XS", "XL", "36", "46"} <= {v.size for v in vs}
    assert {"svart", "vit", "blå", "grön", "röd", "grå", "beige"} <= {v.colour for v in vs}


def test_every_ean_is_a_valid_swedish_ean13_and_codes_are_unique():
    vs = variants()
    for v in vs:
        assert parse_gtin(v.ean).kind == "EAN-13" and v.ean.startswith("73")
    assert len({v.ean for v in vs}) == len(vs)
    assert len({v.sku for v in vs}) == len(vs)
    assert len({v.id for v in vs}) == len(vs)
    assert len({p.id for p in demo_catalog()}) == len({p.handle for p in demo_catalog()}) \
        == len(demo_catalog())


def test_prices_are_whole_ore_that_look_like_shelf_prices():
    for v in variants():
        assert type(v.price) is int and 1000 <= v.price <= 500000
        assert v.price % 10 == 0


def test_stock_covers_every_variant_everywhere_with_gaps_like_a_real_store():
    by_variant: dict[str, dict[str, int]] = {}
    for s in demo_stock():
        by_variant.setdefault(s.variant_id, {})[s.location_id] = s.available
    assert set(by_variant) == {v.id for v in variants()}
    locs = {loc for loc, _ in LOCATIONS}
    assert all(set(m) == locs for m in by_variant.values())
    sold_out = [m for m in by_variant.values() if not any(m.values())]
    only_online = [m for m in by_variant.values() if m["web-warehouse"] and not m[HOME_LOCATION]
                   and not m["store-sthlm"]]
    only_other_store = [m for m in by_variant.values() if m["store-sthlm"] and not m[HOME_LOCATION]
                        and not m["web-warehouse"]]
    here = [m for m in by_variant.values() if m[HOME_LOCATION]]
    assert sold_out and only_online and only_other_store
    assert len(here) > len(by_variant) / 2


def test_load_demo_catalog_writes_variants_and_stock(session_factory):
    with session_factory() as s, s.begin():
        n = load_demo_catalog(s)
    vs = variants()
    assert n == len(vs)
    with session_factory() as s:
        repo = CatalogRepository(s)
        assert repo.count() == len(vs)
        assert repo.by_code(vs[0].ean) == vs[0]
        assert len(repo.stock_for(vs[0].id)) == len(LOCATIONS)
        assert all("röd" in v.name.lower() for v in repo.search("röd"))
        assert repo.search("kaffe mö")
    with session_factory() as s, s.begin():  # loading again updates, never duplicates
        assert load_demo_catalog(s) == len(vs)
    with session_factory() as s:
        assert CatalogRepository(s).count() == len(vs)
