"""A whole-store count (scope ``store``, chosen when the count is started): every article this
store holds stock of by the synced figures that was not counted is counted as 0 when posted,
after the manager saw the list and confirmed exactly it; journaled with who. A partial count
(any articles, a category, chosen articles) changes only what was counted. The domain rule,
then the service on both databases (SQLite and PostgreSQL), then the CLI's --whole-store."""
from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import text

from pos.catalog import Variant
from pos.db.unit_of_work import SqlUnitOfWork
from pos.services import stock_counts as sc
from pos.stock_count import (CountLine, CountScope, CountStatus, ScopeKind, StockCount,
                             StockCountError, adjustments, uncounted_lines)
from pos.vat import VatRate
from tests.stock.conftest import HERE, Directory

T0 = datetime(2026, 11, 30, 9, 0)
TOWEL, COFFEE, ECO = "7350120016416", "KAF-MEL-450G", "7350120017819"
WHOLE = CountScope(ScopeKind.WHOLE_STORE)


def v(sku: str, name: str, price: int) -> Variant:
    return Variant(id=f"var_{sku}", sku=sku, ean="", name=name, price=price,
                   vat_rate=VatRate.STANDARD)


# --- the domain rule ---------------------------------------------------------------------------

def test_uncounted_articles_of_a_whole_store_count_are_lines_counted_zero_sent_absolute():
    counted = CountLine(variant_id="var_A", sku="A", ean="", name="Apelsin", expected=5,
                        counted=3, unit_value=1990, expected_fresh=True)
    count = StockCount("SC-1", HERE, WHOLE, CountStatus.OPEN, T0, "M1", (counted,))
    stocked = [(v("A", "Apelsin", 1990), 5), (v("B", "Banan", 2345), 7),
               (v("C", "Citron", 999), 0), (v("D", "Dadel", 4990), 2), (v("E", "Ek", 333), -3)]
    zero = uncounted_lines(count, stocked, T0)
    assert [(ln.sku, ln.expected, ln.counted, ln.expected_fresh) for ln in zero] == [
        ("B", 7, 0, False), ("D", 2, 0, False), ("E", -3, 0, False)]  # A counted, C none here
    assert [ln.difference_value for ln in zero] == [-7 * 2345, -2 * 4990, 3 * 333]
    full = StockCount("SC-1", HERE, WHOLE, CountStatus.OPEN, T0, "M1", (counted, *zero))
    adj = {a.sku: a for a in adjustments(full)}
    assert (adj["B"].absolute, adj["B"].counted) == (True, 0)  # the central store sets 0
    assert (adj["E"].absolute, adj["E"].counted) == (True, 0)
    assert (adj["A"].absolute, adj["A"].delta) == (False, -2)
    assert full.totals.difference_value == -2 * 1990 - 16415 - 9980 + 999 == -29376


@pytest.mark.parametrize("kind", [ScopeKind.ALL, ScopeKind.CATEGORY, ScopeKind.SELECTION])
def test_a_partial_count_sets_nothing_it_did_not_count(kind):
    count = StockCount("SC-1", HERE, CountScope(kind, "x"), CountStatus.OPEN, T0, "M1", ())
    assert uncounted_lines(count, [(v("B", "Banan", 2345), 7)], T0) == []
    assert not CountScope(kind).zeroes_uncounted and WHOLE.zeroes_uncounted


# --- the service on both databases ---------------------------------------------------------------

def test_whole_store_count_sets_uncounted_to_zero_once_confirmed_and_journals_who(stock_db):
    uow = SqlUnitOfWork(stock_db)
    central = Directory({"HAN-FRO-VIT-30X50": 17, "KAF-MEL-450G": 21, "KAF-EKO-450G": 10})
    count = sc.start_count(uow, T0, "M1", HERE, WHOLE)
    assert sc.get_count(uow, count.id).scope.kind is ScopeKind.WHOLE_STORE  # recorded
    sc.count_article(uow, central, count.id, TOWEL, T0, HERE, set_to=3)
    shown = sc.uncounted(uow, count.id)
    assert [(ln.sku, ln.expected) for ln in shown] == [("KAF-EKO-450G", 10),
                                                       ("KAF-MEL-450G", 21)]
    with pytest.raises(StockCountError) as e:  # not without the manager's confirmation
        sc.post_count(uow, count.id, T0, "M2", confirmed=True)
    assert e.value.code == "stock_count.uncounted_unconfirmed"
    assert e.value.params == {"articles": 2, "units": 31}
    with pytest.raises(StockCountError) as e:  # nor with another list than the one there is
        sc.post_count(uow, count.id, T0, "M2", confirmed=True, zero_uncounted=["KAF-EKO-450G"])
    assert e.value.code == "stock_count.uncounted_changed"
    assert sc.get_count(uow, count.id).status is CountStatus.OPEN  # nothing half-posted
    keys = sc.post_count(uow, count.id, T0, "M2", confirmed=True,
                         zero_uncounted=[ln.sku for ln in shown])
    assert sorted(keys) == sorted(f"stock-count:{count.id}:{s}" for s in
                                  ("HAN-FRO-VIT-30X50", "KAF-EKO-450G", "KAF-MEL-450G"))
    with stock_db() as s:
        out = {r[0]: json.loads(r[1]) for r in s.execute(text(
            "SELECT key, payload_json FROM outbox"))}
        (entry,) = s.execute(text("SELECT payload_json FROM journal WHERE kind = "
                                  "'stock_count_posted'")).all()
    assert out[f"stock-count:{count.id}:KAF-MEL-450G"] == {
        "sku": "KAF-MEL-450G", "location_id": HERE, "delta": -21, "expected": 21, "counted": 0,
        "count_id": count.id, "fresh": False}
    assert out[f"stock-count:{count.id}:HAN-FRO-VIT-30X50"]["delta"] == -14
    posted = json.loads(entry[0])
    assert posted["user"] == "M2" and posted["scope"] == "store"
    assert posted["uncounted_set_to_zero"] == [{"sku": "KAF-EKO-450G", "expected": 10},
                                               {"sku": "KAF-MEL-450G", "expected": 21}]
    assert posted["difference_value"] == -14 * 4990 - 21 * 5990 - 10 * 6990 == -265550
    with uow:
        here = {lv.variant_id: lv.stocked for vid in ("var_han-fro-vit-30x50",
                "var_kaf-mel-450g", "var_kaf-eko-450g")
                for lv in uow.catalog.stock_for(vid) if lv.location_id == HERE}
        sthlm = [lv.stocked for vid in ("var_kaf-mel-450g", "var_kaf-eko-450g")
                 for lv in uow.catalog.stock_for(vid) if lv.location_id == "store-sthlm"]
    assert here == {"var_han-fro-vit-30x50": 3, "var_kaf-mel-450g": 0, "var_kaf-eko-450g": 0}
    assert sthlm == [5, 5]  # the other stores' figures untouched
    done = sc.get_count(uow, count.id)
    assert [(ln.sku, ln.counted) for ln in done.lines] == [
        ("HAN-FRO-VIT-30X50", 3), ("KAF-EKO-450G", 0), ("KAF-MEL-450G", 0)]


def test_a_partial_count_of_any_articles_leaves_the_uncounted_alone(stock_db):
    uow = SqlUnitOfWork(stock_db)
    count = sc.start_count(uow, T0, "M1", HERE, CountScope(ScopeKind.ALL))
    sc.count_article(uow, Directory({"HAN-FRO-VIT-30X50": 17}), count.id, TOWEL, T0, HERE,
                     set_to=15)
    assert sc.uncounted(uow, count.id) == []
    keys = sc.post_count(uow, count.id, T0, "M2")
    assert keys == [f"stock-count:{count.id}:HAN-FRO-VIT-30X50"]
    with uow:
        assert [lv.stocked for lv in uow.catalog.stock_for("var_kaf-mel-450g")
                if lv.location_id == HERE] == [21]


def test_a_whole_store_count_file_lists_and_zeroes_what_it_does_not_name(stock_db):
    uow = SqlUnitOfWork(stock_db)
    body = "ean_or_sku;counted\n7350120016416;16\n"
    shown = sc.file_uncounted(uow, body, HERE)
    assert [ln.sku for ln in shown] == ["KAF-EKO-450G", "KAF-MEL-450G"]
    with pytest.raises(StockCountError) as e:
        sc.post_file(uow, Directory({"HAN-FRO-VIT-30X50": 17}), body, T0, "M1", HERE,
                     whole_store=True)
    assert e.value.code == "stock_count.uncounted_unconfirmed"
    assert sc.current_count(uow, HERE) is None  # cancelled again, none left open
    done = sc.post_file(uow, Directory({"HAN-FRO-VIT-30X50": 17}), body, T0, "M1", HERE,
                        whole_store=True, zero_uncounted=[ln.sku for ln in shown])
    assert done.count.scope.kind is ScopeKind.WHOLE_STORE
    assert {ln.sku: (ln.expected, ln.counted) for ln in done.count.lines} == {
        "HAN-FRO-VIT-30X50": (17, 16), "KAF-EKO-450G": (10, 0), "KAF-MEL-450G": (21, 0)}


def test_an_oversold_article_not_counted_is_set_to_zero_too(stock_db):
    """Sold here while its figures were stale, an article can stand at -3: as wrong as +3, and a
    whole-store count that does not find it sets it to 0 (it was left out when only positive
    figures were read)."""
    uow = SqlUnitOfWork(stock_db)
    with stock_db() as s, s.begin():
        s.execute(text("UPDATE stock_levels SET stocked = -3 WHERE variant_id = "
                       "'var_kaf-eko-450g' AND location_id = :here"), {"here": HERE})
    count = sc.start_count(uow, T0, "M1", HERE, WHOLE)
    sc.count_article(uow, Directory({"HAN-FRO-VIT-30X50": 17}), count.id, TOWEL, T0, HERE,
                     set_to=3)
    assert [(ln.sku, ln.expected) for ln in sc.uncounted(uow, count.id)] == [
        ("KAF-EKO-450G", -3), ("KAF-MEL-450G", 21)]


def test_a_whole_store_count_file_with_bad_lines_names_them_before_listing_anything(stock_db):
    body = "ean_or_sku;counted\n7350120016416;-3\nNOPE-123;4\nKAF-MEL-450G;2\nKAF-MEL-450G;1\n"
    with pytest.raises(StockCountError) as e:
        sc.file_uncounted(SqlUnitOfWork(stock_db), body, HERE)
    assert e.value.code == "stock_count.csv_errors" and e.value.params["count"] == 3
