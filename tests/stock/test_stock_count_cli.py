"""``main.py stock count FILE.csv``: a good file is posted and sent, a bad one names every bad
line and posts nothing, big differences need --confirm."""
from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

import main
import wiring
from tests.stock.conftest import Directory
from tests.stock.test_stock_outbox import CentralStock


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    config = tmp_path / "pos.toml"
    config.write_text('[devices]\nprinter = "dummy"\n[medusa]\nstate = "%s"\n'
                      % (tmp_path / "no-medusa.json").as_posix(), encoding="utf-8")

    def call(*args, store=None):
        monkeypatch.setattr(wiring, "build_commerce_store", lambda cfg: store)
        code = main.main(["--config", str(config), *args])
        out, err = capsys.readouterr()
        return code, out, err
    return call


def test_a_count_file_is_posted_and_sent(run, tmp_path):
    f = tmp_path / "count.csv"
    f.write_text("ean_or_sku;counted\n7350120016416;14\nKAF-MEL-450G;22\n", encoding="utf-8")
    central = CentralStock({"HAN-FRO-VIT-30X50": 17, "KAF-MEL-450G": 21})
    store = SimpleNamespace(stock=Directory({"HAN-FRO-VIT-30X50": 17, "KAF-MEL-450G": 21}),
                            stock_adjustments=central, orders=None)
    code, out, err = run("stock", "count", str(f), "--by", "M1", "--json", store=store)
    assert code == 0, err
    data = json.loads(out)
    assert [(ln["sku"], ln["difference"], ln["difference_value"]) for ln in data["lines"]] == [
        ("HAN-FRO-VIT-30X50", -3, -14970), ("KAF-MEL-450G", 1, 5990)]
    assert data["difference_value"] == -8980 and data["adjustments_sent"] == 2
    assert central.stocked == {"HAN-FRO-VIT-30X50": 14, "KAF-MEL-450G": 22}


def test_a_bad_file_names_every_line_and_posts_nothing(run, tmp_path):
    f = tmp_path / "count.csv"
    f.write_text("ean_or_sku;counted\n7350120016416;14\nNOPE;2\nKAF-MEL-450G;-3\n",
                 encoding="utf-8")
    central = CentralStock({})
    code, out, err = run("stock", "count", str(f), "--json",
                         store=SimpleNamespace(stock=Directory(), stock_adjustments=central))
    assert code == 2
    assert "line 3: no article has the code NOPE" in err and "line 4:" in err
    assert json.loads(out)["code_name"] == "stock_count.csv_errors" and central.calls == []


def test_big_differences_need_confirm(run, tmp_path):
    f = tmp_path / "count.csv"
    f.write_text("sku;counted\nKAF-MEL-450G;2\n", encoding="utf-8")
    store = SimpleNamespace(stock=Directory({"KAF-MEL-450G": 21}),
                            stock_adjustments=CentralStock({"KAF-MEL-450G": 21}), orders=None)
    code, _, err = run("stock", "count", str(f), store=store)
    assert code == 1 and "--confirm" in err
    code, out, _ = run("stock", "count", str(f), "--confirm", store=store)
    assert code == 0 and "difference \u22121 138,10 kr" in out


def test_whole_store_lists_what_is_set_to_zero_and_needs_confirm(run, tmp_path):
    f = tmp_path / "count.csv"
    f.write_text("ean_or_sku;counted\n7350120016416;14\n", encoding="utf-8")
    central = CentralStock({"HAN-FRO-VIT-30X50": 17})
    store = SimpleNamespace(stock=Directory({"HAN-FRO-VIT-30X50": 17}),
                            stock_adjustments=central, orders=None)
    code, out, err = run("stock", "count", str(f), "--whole-store", "--json", store=store)
    shown = json.loads(out)
    assert code == 1 and shown["code_name"] == "stock_count.uncounted_unconfirmed"
    assert "not counted will be set to 0" in err and central.calls == []
    zero = {u["sku"]: u["expected"] for u in shown["uncounted"]}
    assert zero and "HAN-FRO-VIT-30X50" not in zero
    central.stocked.update(zero)
    code, out, err = run("stock", "count", str(f), "--whole-store", "--confirm", "--json",
                         store=store)
    assert code == 0, err
    data = json.loads(out)
    assert data["scope"] == "store"
    assert {ln["sku"]: ln["counted"] for ln in data["lines"]} == {
        "HAN-FRO-VIT-30X50": 14, **{s: 0 for s in zero}}
    assert central.stocked == {"HAN-FRO-VIT-30X50": 14, **{s: 0 for s in zero}}
