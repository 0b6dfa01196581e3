"""The catalogue cache on SQLite and PostgreSQL: lookups by code, type-ahead search, imports, stock."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from pos.catalog import Variant
from pos.db.catalog_repository import CANDIDATES, CatalogRepository
from pos.gtin import with_check_digit
from pos.stock import StockLevel
from pos.vat import VatRate

EAN_TSHIRT = with_check_digit("735012900001")
UPC_MUG = with_check_digit("04210000526")  # UPC-A, 12 digits
ARTICLES = [
    Variant("v1", "TSH-BAS-BLA-M", EAN_TSHIRT, "T-shirt Bas, blå, M", 19900, VatRate.STANDARD,
            "p1", "T-shirt Bas", "M", "blå"),
    Variant("v2", "TSH-BAS-SVA-M", with_check_digit("735012900002"), "T-shirt Bas, svart, M", 19900,
            VatRate.STANDARD, "p1", "T-shirt Bas", "M", "svart"),
    Variant("v3", "BLA-SKJ-L", with_check_digit("735012900003"), "Blåsippa skjorta, grön, L", 44900,
            VatRate.STANDARD),
    Variant("v4", "OST-SKA", with_check_digit("735012900004"), "Ostskärare Äkta stål", 24900,
            VatRate.STANDARD),
    Variant("v5", "KAF-MOR", with_check_digit("735012900005"), "Kaffe Mörkrost 450 g", 5990,
            VatRate.FOOD),
    Variant("v6", "MUG-US", UPC_MUG, "Mugg Import", 9900, VatRate.STANDARD),
    Variant("v7", "BOK-RR", with_check_digit("735012900007"), "Röda rummet, pocket", 9900,
            VatRate.REDUCED),
    Variant("v8", "GAMMAL-1", with_check_digit("735012900008"), "Blå kopp utgått", 4900,
            VatRate.STANDARD, active=False),
]


@pytest.fixture
def repo_with(session_factory):
    """A session with ARTICLES imported and committed; the repository on that session."""
    with session_factory() as s, s.begin():
        assert CatalogRepository(s).bulk_upsert(ARTICLES) == len(ARTICLES)
    with session_factory() as s:
        yield CatalogRepository(s)


def test_an_ean13_scan_finds_its_variant_as_a_domain_object(repo_with):
    v = repo_with.by_code(EAN_TSHIRT)
    assert v == ARTICLES[0]
    assert type(v) is Variant


def test_upca_and_its_ean13_form_are_the_same_article(repo_with):
    assert repo_with.by_code(UPC_MUG).id == "v6"
    assert repo_with.by_code("0" + UPC_MUG).id == "v6"  # the same article printed as EAN-13
    assert repo_with.by_code("00" + UPC_MUG).id == "v6"  # and as GTIN-14


def test_a_sku_is_found_whatever_the_case_and_spaces(repo_with):
    assert repo_with.by_code("tsh-bas-sva-m").id == "v2"
    assert repo_with.by_code("  TSH-BAS-SVA-M ").id == "v2"


def test_unknown_codes_give_none(repo_with):
    assert repo_with.by_code(with_check_digit("735012999999")) is None
    assert repo_with.by_code("NO-SUCH-SKU") is None
    assert repo_with.by_code("") is None


def test_by_id_and_count(repo_with):
    assert repo_with.by_id("v5").name == "Kaffe Mörkrost 450 g"
    assert repo_with.by_id("nope") is None
    assert repo_with.count() == len(ARTICLES)


def ids(found):
    return [v.id for v in found]


def test_search_every_word_is_a_prefix_in_any_case(repo_with):
    assert ids(repo_with.search("t-sh bas sv")) == ["v2"]
    assert set(ids(repo_with.search("T BAS"))) == {"v1", "v2"}
    assert ids(repo_with.search("bas mörk")) == []  # every word must match


def test_search_finds_swedish_names_with_or_without_their_diacritics(repo_with):
    """Issue 9, item 10: a cashier who leaves out å, ä, ö still finds the article (until then
    "akt" and "rod" found nothing: å, ä and ö were letters of their own)."""
    assert ids(repo_with.search("blå")) == ["v1", "v3"]  # shorter name first; not the inactive one
    assert ids(repo_with.search("BLÅS")) == ["v3"]  # Blåsippa, not "blå"
    assert ids(repo_with.search("mö kaf")) == ["v5"]
    assert ids(repo_with.search("äkt")) == ["v4"]
    assert ids(repo_with.search("akt")) == ["v4"]  # the ä left out
    assert ids(repo_with.search("röd")) == ["v7"]
    assert ids(repo_with.search("rod")) == ["v7"]
    assert ids(repo_with.search("mo kaf")) == ["v5"]
    assert ids(repo_with.search("OSTSKARARE akta STAL")) == ["v4"]
    assert ids(repo_with.search("bla")) == ["v1", "v3"]


def test_search_respects_the_limit_and_ignores_punctuation(repo_with):
    assert len(repo_with.search("t", limit=1)) == 1
    assert repo_with.search("t", limit=0) == []
    assert repo_with.search("   ") == []
    assert ids(repo_with.search('"ka* (mö')) == ["v5"]  # FTS/LIKE syntax is not interpreted
    assert ids(repo_with.search("kaf_mö%")) == ["v5"]  # _ and % are separators, not wildcards


def test_an_exact_code_comes_first_in_search(repo_with):
    assert ids(repo_with.search("tsh-bas-sva-m"))[0] == "v2"
    assert ids(repo_with.search(EAN_TSHIRT)) == ["v1"]


def test_search_ranks_a_bounded_candidate_set(session_factory):
    many = [Variant(f"w{i:04d}", f"W-{i:04d}", "", f"Vante {'x' * (i % 7)} nummer {i}", 100,
                    VatRate.STANDARD) for i in range(CANDIDATES + 50)]
    with session_factory() as s, s.begin():
        CatalogRepository(s).bulk_upsert(many)
    with session_factory() as s:
        found = CatalogRepository(s).search("van num", limit=30)
    assert len(found) == 30
    assert [len(v.name) for v in found] == sorted(len(v.name) for v in found)


def test_reimport_updates_price_and_name_and_keeps_search_in_step(session_factory):
    with session_factory() as s, s.begin():
        CatalogRepository(s).bulk_upsert(ARTICLES)
    changed = [Variant("v5", "KAF-MOR", ARTICLES[4].ean, "Kaffe Ljusrost 450 g", 6490, VatRate.FOOD)]
    with session_factory() as s, s.begin():
        assert CatalogRepository(s).bulk_upsert(changed) == 1
    with session_factory() as s:
        repo = CatalogRepository(s)
        assert repo.by_code("KAF-MOR").price == 6490
        assert repo.count() == len(ARTICLES)
        assert ids(repo.search("ljus kaf")) == ["v5"]
        assert repo.search("mörkrost") == []


def test_the_last_duplicate_in_one_import_wins(session_factory):
    first = ARTICLES[0]
    again = Variant(first.id, first.sku, first.ean, first.name, 14900, first.vat_rate)
    with session_factory() as s, s.begin():
        assert CatalogRepository(s).bulk_upsert([first, again]) == 2
    with session_factory() as s:
        assert CatalogRepository(s).by_id(first.id).price == 14900


def test_a_float_price_is_refused(session_factory):
    bad = Variant("f1", "F-1", "", "Flyt", 199.0, VatRate.STANDARD)  # type: ignore[arg-type]
    with session_factory() as s, s.begin(), pytest.raises(TypeError):
        CatalogRepository(s).bulk_upsert([bad])


def test_an_uncommitted_import_is_not_kept(session_factory):
    with session_factory() as s:
        CatalogRepository(s).bulk_upsert(ARTICLES)
        s.rollback()
    with session_factory() as s:
        assert CatalogRepository(s).count() == 0


def test_stock_per_location_is_replaced_not_added(session_factory):
    with session_factory() as s, s.begin():
        repo = CatalogRepository(s)
        repo.bulk_upsert(ARTICLES)
        repo.set_stock([StockLevel("v1", "store-gbg", "Göteborg", 5, 2),
                        StockLevel("v1", "web-warehouse", "Webblager", 40)])
    with session_factory() as s, s.begin():
        CatalogRepository(s).set_stock([StockLevel("v1", "store-gbg", "Göteborg", 3)])
    with session_factory() as s:
        levels = CatalogRepository(s).stock_for("v1")
        assert levels == [StockLevel("v1", "store-gbg", "Göteborg", 3, 0),
                          StockLevel("v1", "web-warehouse", "Webblager", 40, 0)]
        assert [lv.available for lv in levels] == [3, 40]
        assert CatalogRepository(s).stock_for("v2") == []


def test_available_is_stocked_less_reserved_never_negative():
    assert StockLevel("v", "l", "L", 5, 2).available == 3
    assert StockLevel("v", "l", "L", 1, 4).available == 0
    assert not StockLevel("v", "l", "L", 2, 2).in_stock


def test_skus_are_unique_whatever_their_case(session_factory):
    from sqlalchemy.exc import IntegrityError

    twin = Variant("other", "tsh-bas-bla-m", "", "Tvilling", 100, VatRate.STANDARD)
    with session_factory() as s, pytest.raises(IntegrityError):
        with s.begin():
            CatalogRepository(s).bulk_upsert(ARTICLES + [twin])


def test_a_code_that_is_not_a_gtin_is_found_as_stored(session_factory):
    short = Variant("s1", "KORT-1", "2001", "Lösvikt godis", 990, VatRate.FOOD)
    with session_factory() as s, s.begin():
        CatalogRepository(s).bulk_upsert([short])
    with session_factory() as s:
        assert CatalogRepository(s).by_code("2001").id == "s1"


def test_the_search_index_is_whole_after_first_load_and_reimport(session_factory):
    from pos.db.catalog_repository import PG_TRGM_INDEX

    renamed = [Variant(v.id, v.sku, v.ean, v.name + " Extra", v.price, v.vat_rate) for v in ARTICLES[:3]]
    with session_factory() as s, s.begin():
        CatalogRepository(s).bulk_upsert(ARTICLES)  # into an empty catalogue
    with session_factory() as s, s.begin():
        CatalogRepository(s).bulk_upsert(renamed + renamed)  # updates, twice in one import
    with session_factory() as s:
        if s.get_bind().dialect.name == "sqlite":
            s.execute(text("INSERT INTO variants_fts(variants_fts) VALUES ('integrity-check')"))
            fts_rows = s.execute(text("SELECT count(*) FROM variants_fts")).scalar_one()
            assert fts_rows == len(ARTICLES)
        else:
            indexdef = s.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = :n"),
                                 {"n": PG_TRGM_INDEX}).scalar_one()
            assert "gin_trgm_ops" in indexdef
        assert ids(CatalogRepository(s).search("extra")) == ["v1", "v2", "v3"]
        assert CatalogRepository(s).search("blåsippa extra")[0].id == "v3"
