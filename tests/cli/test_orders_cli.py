"""``main.py orders placed|returns [--from --to] [--json]``: the Orders page's lists on the
command line, each row this store's record joined with the central status (exit 0), or
without it, said plainly, when the central store cannot answer (exit 3)."""
from __future__ import annotations

import json

import pytest

import main
import wiring
from tests.backoffice.orders_day import FakeCentral, ship_to_home_sales


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    config = tmp_path / "pos.toml"
    config.write_text('[devices]\nprinter = "dummy"\n[demo]\nload_when_empty = false\n'
                      '[medusa]\nstate = "%s"\n' % (tmp_path / "no-medusa.json").as_posix(),
                      encoding="utf-8")
    from pos.config import load_config
    from tests.backoffice.day import a_day_of_sales
    sf = wiring.open_database(load_config(config)).session_factory
    a_day_of_sales(sf)
    ship_to_home_sales(sf)

    def call(*args, store=None):
        monkeypatch.setattr(wiring, "build_commerce_store", lambda cfg: store)
        code = main.main(["--config", str(config), *args])
        out, err = capsys.readouterr()
        return code, out, err
    return call


DAY = ("--from", "2026-11-30", "--to", "2026-11-30")


def test_ship_to_home_orders_placed_here_with_their_central_status(run):
    code, out, _ = run("orders", "placed", *DAY, "--json", store=FakeCentral())
    assert code == 0
    data = json.loads(out)
    assert data["central"] == "known"
    rows = {r["display_id"]: r for r in data["rows"]}
    assert rows[1042]["amount_ore"] == 30800 and rows[None]["amount_ore"] == 43750
    assert rows[1042]["central"] == {"payment_status": "captured", "fulfilment": "shipped",
                                     "tracking": ["PN123456789SE"], "total_ore": 30800}
    assert rows[None]["outbox"]["status"] == "dead" and rows[None]["central"] is None
    code, out, _ = run("orders", "placed", *DAY, store=FakeCentral())
    assert "captured shipped PN123456789SE" in out and "local: dead" in out


def test_returns_and_the_central_store_down(run):
    code, out, _ = run("orders", "returns", *DAY, "--json", store=FakeCentral())
    assert code == 0
    [row] = json.loads(out)["rows"]
    assert (row["amount_ore"], row["refunded_ore"], row["central"]["stage"]) == (
        19900, 19900, "received")
    down = FakeCentral()
    down.down = True
    code, out, _ = run("orders", "placed", *DAY, "--json", store=down)
    data = json.loads(out)
    assert code == 3 and data["central"] == "unknown" and "connection refused" in data["why"]
    assert len(data["rows"]) == 2
    code, out, err = run("orders", "returns", "--from", "2026-11-01", "--to", "2026-11-29",
                         store=FakeCentral())
    assert code == 1 and "no returns" in out
    code, out, err = run("orders", "returns", "--from", "2026-11-01", "--to", "2026-11-29",
                         "--json", store=FakeCentral())
    assert code == 1 and json.loads(out) == {"from": "2026-11-01", "to": "2026-11-29", "rows": []}
    code, _, err = run("orders", "placed", "--from", "30/11", store=FakeCentral())
    assert code == 2 and "YYYY-MM-DD" in err
