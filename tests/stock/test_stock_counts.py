"""Stock counts on a real database (SQLite and PostgreSQL): counting saved as it goes (a
restart loses nothing), the expected figure read once per article (fresh, or synced and marked
so), posting in one transaction (outbox messages by key, journal with who, local stock), the
threshold, and counts from a file with every bad line named and nothing half-posted."""
from __future__ import annotations

import json
from datetime import datetime

import pytest

from pos.db.models_sync import PENDING
from pos.db.session import session_factory as make_factory
from pos.db.unit_of_work import SqlUnitOfWork
from pos.services import stock_counts as sc
from pos.stock_count import CountScope, CountStatus, ScopeKind, StockCountError, Threshold
from pos.sync.stock_events import STOCK_ADJUSTMENT
from tests.stock.conftest import HERE, Directory

T0 = datetime(2026, 11, 30, 9, 0)
TOWEL, COFFEE, ECO = "7350120016416", "KAF-MEL-450G", "7350120017819"


def test_scans_add_one_a_typed_figure_sets_it_and_expected_is_read_once(stock_db):
    uow = SqlUnitOfWork(stock_db)
    central = Directory({"HAN-FRO-VIT-30X50": 16, "KAF-MEL-450G": 21})
    count = sc.start_count(uow, T0, "M1", HERE)
    for _ in range(3):
        count, line = sc.count_article(uow, central, count.id, TOWEL, T0, HERE)
    assert (line.expected, line.counted, line.expected_fresh) == (16, 3, True)
    count, line = sc.count_article(uow, central, count.id, COFFEE, T0, HERE, set_to=19)
    assert (line.counted, line.difference, line.difference_value) == (19, -2, -11980)
    assert central.asked == ["HAN-FRO-VIT-30X50", "KAF-MEL-450G"]  # once per article
    central.stocked["HAN-FRO-VIT-30X50"] = 9  # a sale meanwhile does not move the expected
    count, line = sc.count_article(uow, central, count.id, TOWEL, T0, HERE)
    assert (line.expected, line.counted) == (16, 4)
    assert [ln.sku for ln in count.lines] == ["HAN-FRO-VIT-30X50", "KAF-MEL-450G"]


def test_a_count_in_progress_survives_a_restart(stock_db, engine):
    uow = SqlUnitOfWork(stock_db)
    count = sc.start_count(uow, T0, "M1", HERE)
    sc.count_article(uow, Directory({"KAF-MEL-450G": 21}), count.id, COFFEE, T0, HERE, set_to=7)
    again = SqlUnitOfWork(make_factory(engine))  # another session factory: a new process
    found = sc.current_count(again, HERE)
    assert found is not None and found.id == count.id
    assert [(ln.sku, ln.expected, ln.counted) for ln in found.lines] == [("KAF-MEL-450G", 21, 7)]
    with pytest.raises(StockCountError) as e:
        sc.start_count(again, T0, "M2", HERE)
    assert e.value.code == "stock_count.one_open"


def test_offline_the_synced_figure_is_expected_and_marked_not_fresh(stock_db):
    uow = SqlUnitOfWork(stock_db)
    count = sc.start_count(uow, T0, "M1", HERE)
    _, line = sc.count_article(uow, Directory(down=True), count.id, ECO, T0, HERE)
    assert (line.expected, line.expected_fresh) == (10, False)


def test_an_article_outside_a_selection_is_refused(stock_db):
    uow = SqlUnitOfWork(stock_db)
    count = sc.start_count(uow, T0, "M1", HERE,
                           CountScope(ScopeKind.SELECTION, "KAF-MEL-450G,KAF-EKO-450G"))
    with pytest.raises(StockCountError) as e:
        sc.count_article(uow, Directory(), count.id, TOWEL, T0, HERE)
    assert e.value.code == "stock_count.out_of_scope"
    with pytest.raises(StockCountError):
        sc.count_article(uow, Directory(), count.id, COFFEE, T0, HERE, set_to=-1)


def test_posting_queues_each_difference_journals_who_and_corrects_local_stock(stock_db):
    from sqlalchemy import text
    uow = SqlUnitOfWork(stock_db)
    central = Directory({"HAN-FRO-VIT-30X50": 17, "KAF-MEL-450G": 21, "KAF-EKO-450G": 10})
    count = sc.start_count(uow, T0, "M1", HERE)
    sc.count_article(uow, central, count.id, TOWEL, T0, HERE, set_to=14)
    sc.count_article(uow, central, count.id, COFFEE, T0, HERE, set_to=21)  # no difference
    sc.count_article(uow, central, count.id, ECO, T0, HERE, set_to=12)
    keys = sc.post_count(uow, count.id, T0, "M2")
    assert keys == [f"stock-count:{count.id}:HAN-FRO-VIT-30X50",
                    f"stock-count:{count.id}:KAF-EKO-450G"]
    with stock_db() as s:
        rows = s.execute(text("SELECT kind, key, payload_json, status FROM outbox ORDER BY id")).all()
        assert [(r[0], r[1], r[3]) for r in rows] == [(STOCK_ADJUSTMENT, k, PENDING) for k in keys]
        assert json.loads(rows[0][2]) == {"sku": "HAN-FRO-VIT-30X50", "location_id": HERE,
                                          "delta": -3, "expected": 17, "counted": 14,
                                          "count_id": count.id, "fresh": True}
        (entry,) = s.execute(text("SELECT payload_json FROM journal WHERE kind = "
                                  "'stock_count_posted'")).all()
    posted = json.loads(entry[0])
    assert posted["user"] == "M2" and posted["difference_value"] == -3 * 4990 + 2 * 6990
    assert posted["difference_value"] == -990
    with uow:
        assert {lv.location_id: lv.stocked for lv in uow.catalog.stock_for(
            "var_han-fro-vit-30x50")} == {HERE: 14, "store-sthlm": 5}
    done = sc.get_count(uow, count.id)
    assert (done.status, done.posted_by) == (CountStatus.POSTED, "M2")
    with pytest.raises(StockCountError) as e:  # posted once
        sc.post_count(uow, count.id, T0, "M2")
    assert e.value.code == "stock_count.not_open"
    with pytest.raises(StockCountError):
        sc.count_article(uow, central, count.id, TOWEL, T0, HERE)


def test_big_differences_need_confirmation(stock_db):
    uow = SqlUnitOfWork(stock_db)
    count = sc.start_count(uow, T0, "M1", HERE)
    sc.count_article(uow, Directory({"KAF-MEL-450G": 21}), count.id, COFFEE, T0, HERE, set_to=5)
    with pytest.raises(StockCountError) as e:
        sc.post_count(uow, count.id, T0, "M1", threshold=Threshold(units=10))
    assert e.value.code == "stock_count.needs_confirmation" and e.value.params["lines"] == 1
    assert sc.current_count(uow, HERE) is not None  # still open, nothing queued
    assert sc.post_count(uow, count.id, T0, "M1", threshold=Threshold(units=10), confirmed=True)


def test_a_count_file_with_errors_posts_nothing(stock_db):
    from sqlalchemy import text
    uow = SqlUnitOfWork(stock_db)
    bad = "ean_or_sku;counted\n7350120016416;14\nNOPE-1;3\nKAF-MEL-450G;-1\nKAF-EKO-450G;x\n"
    with pytest.raises(StockCountError) as e:
        sc.post_file(uow, Directory(), bad, T0, "M1", HERE)
    assert e.value.code == "stock_count.csv_errors" and e.value.params["count"] == 3
    assert "line 3: no article has the code NOPE-1" in e.value.message
    assert "line 4: a counted quantity cannot be negative (-1)" in e.value.message
    assert "line 5: 'x' is not a whole number of units" in e.value.message
    with stock_db() as s:
        assert s.execute(text("SELECT count(*) FROM outbox")).scalar() == 0
        assert s.execute(text("SELECT count(*) FROM stock_counts")).scalar() == 0


def test_a_good_count_file_is_posted_as_one_count(stock_db):
    uow = SqlUnitOfWork(stock_db)
    central = Directory({"HAN-FRO-VIT-30X50": 17, "KAF-MEL-450G": 21})
    done = sc.post_file(uow, central, "ean_or_sku;counted\n7350120016416;15\nKAF-MEL-450G;21\n",
                        T0, "M1", HERE)
    assert done.keys == [f"stock-count:{done.count.id}:HAN-FRO-VIT-30X50"]
    assert done.count.status is CountStatus.POSTED and done.count.totals.difference_value == -9980
    # beyond the threshold without confirmation: refused, and no count left open
    with pytest.raises(StockCountError) as e:
        sc.post_file(uow, central, "sku;counted\nKAF-MEL-450G;2\n", T0, "M1", HERE)
    assert e.value.code == "stock_count.needs_confirmation"
    assert sc.current_count(uow, HERE) is None


def test_a_category_count_takes_only_the_categorys_articles(stock_db):
    from pos.kiosk import ProductInfo
    uow = SqlUnitOfWork(stock_db)
    with uow:  # the web's categories, as the kiosk's sync keeps them
        uow.kiosk.save_products([ProductInfo(product_id="prod_kaf-mel", title="Kaffe",
                                             handle="kaffe", description="", thumbnail="",
                                             categories=(("pcat_kaffe", "Kaffe"),),
                                             collection_id="")], T0)
        uow.commit()
    count = sc.start_count(uow, T0, "M1", HERE, CountScope(ScopeKind.CATEGORY, "pcat_kaffe",
                                                            "Kaffe"))
    _, line = sc.count_article(uow, Directory({"KAF-MEL-450G": 21}), count.id, COFFEE, T0, HERE)
    assert line.counted == 1
    with pytest.raises(StockCountError) as e:
        sc.count_article(uow, Directory(), count.id, TOWEL, T0, HERE)
    assert e.value.message == "Handduk Frotté, vit, 30x50 is not among the articles this count takes"
