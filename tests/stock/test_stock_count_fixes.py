"""Faults a new user found in the stock count (issue 13 fix round), on SQLite and PostgreSQL:
a line whose expected figure was not fresh is sent as an absolute count (a fresh one stays a
difference); a file's out-of-range figure is refused line by line and a failing file count
leaves no count open; ``stock count --cancel``; a weighed article's '5.5' is explained; the
CLI's kronor are Swedish."""
from __future__ import annotations

import json
from datetime import datetime
from types import SimpleNamespace

import pytest
from sqlalchemy import text

from pos.db.unit_of_work import SqlUnitOfWork
from pos.services import stock_counts as sc
from pos.stock_count import StockCountError, parse_count_file
from pos.sync.stock_events import deliver_now
from tests.stock.conftest import HERE, Directory
from tests.stock.test_stock_count_cli import run  # noqa: F401  (fixture)
from tests.stock.test_stock_outbox import CentralStock

T0 = datetime(2026, 11, 30, 9, 0)


def payloads(sf) -> dict[str, dict]:
    with sf() as s:
        rows = s.execute(text("SELECT key, payload_json FROM outbox")).all()
    return {k: json.loads(p) for k, p in rows}


def test_an_offline_count_is_sent_as_an_absolute_count_a_fresh_one_as_a_difference(stock_db):
    uow = SqlUnitOfWork(stock_db)
    count = sc.start_count(uow, T0, "M1", HERE)
    # K1 offline: synced towel figure 17 (stale: Medusa has 16 by now), 8 counted
    sc.count_article(uow, Directory(down=True), count.id, "7350120016416", T0, HERE, set_to=8)
    # coffee counted while Medusa answered: expected 21 fresh, 23 counted
    sc.count_article(uow, Directory({"KAF-MEL-450G": 21}), count.id, "KAF-MEL-450G", T0, HERE,
                     set_to=23)
    # eco coffee offline, counted 10 = the stale synced 10 (Medusa has 12): still sent
    sc.count_article(uow, Directory(down=True), count.id, "7350120017819", T0, HERE, set_to=10)
    keys = sc.post_count(uow, count.id, T0, "M1", queued_at=T0)
    assert len(keys) == 3
    sent = payloads(stock_db)
    towel = sent[f"stock-count:{count.id}:HAN-FRO-VIT-30X50"]
    assert (towel["counted"], towel["expected"], towel["fresh"]) == (8, 17, False)
    coffee = sent[f"stock-count:{count.id}:KAF-MEL-450G"]
    assert (coffee["delta"], coffee["fresh"]) == (2, True)
    central = CentralStock({"HAN-FRO-VIT-30X50": 16, "KAF-MEL-450G": 20, "KAF-EKO-450G": 12})
    done, left = deliver_now(SqlUnitOfWork(stock_db), SimpleNamespace(stock_adjustments=central,
                                                                       orders=None), keys)
    assert (done, left) == (3, [])
    # the stale lines set the counted figure; the fresh one added its difference (1 sold)
    assert central.stocked == {"HAN-FRO-VIT-30X50": 8, "KAF-MEL-450G": 22, "KAF-EKO-450G": 10}
    with stock_db() as s:
        (entry,) = s.execute(text("SELECT payload_json FROM journal WHERE kind = "
                                  "'stock_count_posted'")).scalars().all()
    assert {ln["sku"]: ln["fresh"] for ln in json.loads(entry)["lines"]} == {
        "HAN-FRO-VIT-30X50": False, "KAF-MEL-450G": True, "KAF-EKO-450G": False}


def test_a_file_count_with_fresh_expected_figures_sends_differences(stock_db):
    """K2: synced 11 is stale, Medusa says 9: the fresh 9 is the expected, +11 sent (not +9)."""
    uow = SqlUnitOfWork(stock_db)
    done = sc.post_file(uow, Directory({"KAF-MEL-450G": 9}), "sku;counted\nKAF-MEL-450G;20\n",
                        T0, "M1", HERE, confirmed=True)
    (line,) = done.count.lines
    assert (line.expected, line.expected_fresh, line.difference) == (9, True, 11)
    central = CentralStock({"KAF-MEL-450G": 9})
    deliver_now(SqlUnitOfWork(stock_db), SimpleNamespace(stock_adjustments=central, orders=None),
                done.keys)
    assert central.stocked == {"KAF-MEL-450G": 20}


def test_an_out_of_range_figure_is_named_and_nothing_is_written(stock_db):
    uow = SqlUnitOfWork(stock_db)
    with pytest.raises(StockCountError) as e:
        sc.post_file(uow, Directory(), "sku;counted\nKAF-MEL-450G;99999999999999999999\n"
                     "KAF-EKO-450G;1000001\n7350120016416;1000000\n", T0, "M1", HERE)
    assert e.value.code == "stock_count.csv_errors" and e.value.params["count"] == 2
    assert ("line 2: 99999999999999999999 units is more than a count accepts (0 to 1000000)"
            in e.value.message)
    assert "line 3: 1000001 units" in e.value.message and "line 4" not in e.value.message
    with stock_db() as s:
        assert s.execute(text("SELECT count(*) FROM stock_counts")).scalar() == 0
        assert s.execute(text("SELECT count(*) FROM outbox")).scalar() == 0


def test_a_file_count_failing_after_it_started_leaves_no_count_open(stock_db, monkeypatch):
    uow = SqlUnitOfWork(stock_db)

    def broken(*a, **k):
        raise OverflowError("Python int too large to convert to SQLite INTEGER")
    monkeypatch.setattr(sc, "post_count", broken)
    with pytest.raises(OverflowError):
        sc.post_file(uow, Directory({"KAF-MEL-450G": 21}), "sku;counted\nKAF-MEL-450G;3\n",
                     T0, "M1", HERE)
    assert sc.current_count(uow, HERE) is None
    monkeypatch.undo()
    done = sc.post_file(uow, Directory({"KAF-MEL-450G": 21}), "sku;counted\nKAF-MEL-450G;20\n",
                        T0, "M1", HERE)
    assert done.count.lines[0].difference == -1


def test_a_weighed_articles_fraction_is_explained():
    _, problems = parse_count_file("sku;counted\nKAF-MEL-450G;5.5\nKAF-EKO-450G;5,5\nX;abc\n")
    assert [p.code for p in problems] == ["stock_count.csv_fraction", "stock_count.csv_fraction",
                                          "stock_count.csv_number"]
    msg = problems[0].error().message
    assert "'5.5' is not a whole number" in msg and "keeps whole units" in msg
    assert "weighed article" in msg


def test_cli_cancel_cancels_the_open_count_and_journals_it(run, tmp_path):  # noqa: F811
    import wiring
    from pos.config import load_config
    from pos.services import stock_counts as svc

    code, out, err = run("stock", "count", "--cancel", "--json")
    assert code == 1 and "No stock count is open here" in err
    cfg = load_config(tmp_path / "pos.toml")
    uow = SqlUnitOfWork(wiring.open_database(cfg).session_factory)
    here = str(cfg.get("register", "location_id"))
    count = svc.start_count(uow, T0, "M2", here)
    code, out, _ = run("stock", "count", "--cancel", "--by", "M1", "--json")
    assert code == 0 and json.loads(out)["count_id"] == count.id
    assert svc.current_count(uow, here) is None
    with wiring.open_database(cfg).session_factory() as s:
        (entry,) = s.execute(text("SELECT payload_json FROM journal WHERE kind = "
                                  "'stock_count_cancelled'")).scalars().all()
    assert json.loads(entry)["count"] == count.id


def test_cli_shows_kronor_in_the_swedish_format(run, tmp_path):  # noqa: F811
    f = tmp_path / "count.csv"
    f.write_text("sku;counted\nKAF-MEL-450G;2\n", encoding="utf-8")
    store = SimpleNamespace(stock=Directory({"KAF-MEL-450G": 21}),
                            stock_adjustments=CentralStock({"KAF-MEL-450G": 21}), orders=None)
    code, out, _ = run("stock", "count", str(f), "--confirm", store=store)
    assert code == 0
    assert "difference \u22121 138,10 kr" in out and "-1138.10" not in out
