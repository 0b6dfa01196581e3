"""``main.py orders pickups [--json]``: this store's pickup orders with their status, as the other
operator commands answer (exit codes, --json on stdout, a sentence on stderr)."""
from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

import main
import wiring
from pos.catalog import Variant
from pos.pickups import PickupStage
from pos.vat import VatRate
from tests.fakes.pickups import FakePickups, pickup_order

SHIRT = Variant("v1", "TSH-1", "7350000000016", "T-shirt Bas blå M", 19900, VatRate.STANDARD)


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    config = tmp_path / "pos.toml"
    config.write_text('[devices]\nprinter = "dummy"\n[medusa]\nstate = "%s"\n'
                      % (tmp_path / "no-medusa.json").as_posix(), encoding="utf-8")

    def call(*args, store=None):
        if store is not None:
            monkeypatch.setattr(wiring, "build_commerce_store", lambda cfg: store)
        code = main.main(["--config", str(config), *args])
        out, err = capsys.readouterr()
        return code, out, err
    return call


def central(*orders):
    return SimpleNamespace(pickups=FakePickups(*orders))


def test_the_pickups_of_this_store_with_their_status_as_json(run):
    store = central(pickup_order(1042, [(SHIRT, 2)], off=3333),
                    pickup_order(1043, [(SHIRT, 1)], paid=True, stage=PickupStage.COLLECTED),
                    pickup_order(1044, [(SHIRT, 1)], stage=PickupStage.ON_THE_WAY),
                    pickup_order(1045, [(SHIRT, 1)], location="store-sthlm"))
    code, out, _ = run("orders", "pickups", "--json", store=store)
    assert code == 0
    data = json.loads(out)
    assert data["location"] == "store-gbg"
    rows = {r["number"]: r for r in data["orders"]}
    assert sorted(rows) == [1042, 1043, 1044]  # Stockholm's is not this store's
    assert (rows[1042]["status"], rows[1042]["paid"], rows[1042]["total_ore"]) == (
        "ready", False, 2 * 19900 - 3333)
    assert rows[1042]["ship_to_store"] and rows[1042]["from_location"] == "web-warehouse"
    assert (rows[1043]["status"], rows[1043]["paid"]) == ("collected", True)
    assert rows[1044]["status"] == "on_the_way" and rows[1044]["arrived_at"] is None

    code, out, _ = run("orders", "pickups", "--open", "--json", store=store)
    assert sorted(r["number"] for r in json.loads(out)["orders"]) == [1042, 1044]


def test_the_pickups_in_text(run):
    store = central(pickup_order(1042, [(SHIRT, 2)], off=3333))
    code, out, _ = run("orders", "pickups", store=store)
    assert code == 0
    assert "#1042" in out and "ready" in out and "UNPAID" in out and "364,67" in out
    code, out, _ = run("orders", "pickups", store=central())
    assert code == 0 and "no pickup orders for store-gbg" in out


def test_no_central_store_or_one_that_does_not_answer_exits_3(run):
    code, out, err = run("orders", "pickups", "--json")
    assert code == 3 and "no central store" in json.loads(out)["error"] and "pos:" in err
    down = central(pickup_order(1042, [(SHIRT, 1)]))
    down.pickups.down = True
    code, out, err = run("orders", "pickups", "--json", store=down)
    assert code == 3 and "cannot be reached" in json.loads(out)["error"]
    assert "cannot be reached" in err
