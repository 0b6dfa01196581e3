"""`main.py stock CODE [--json]`: an article's stock at every location, fresh from the real
central store, or the last synced figures (marked, exit 3) when it cannot be reached."""
import json

import pytest

import main
import wiring
from integrations.medusa.client import MedusaClient
from integrations.medusa.store import MedusaStore
from tests.medusa_server import start_local_medusa


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    config = tmp_path / "pos.toml"
    config.write_text('[devices]\nprinter = "dummy"\n', encoding="utf-8")

    def call(*args, json_out=True):
        code = main.main(["--config", str(config), *(["--json"] if json_out else []), *args])
        captured = capsys.readouterr()
        out = captured.out
        return code, (json.loads(out) if json_out and out.strip() else out), captured.err
    return call


def unreachable_store(*_a, **_k):
    ids = json.loads(json.dumps({"url": "http://127.0.0.1:9", "stock_locations": {},
                                 "sales_channels": {"web": "sc"}}))
    return MedusaStore(MedusaClient("http://127.0.0.1:9", "x@y", "z", retries=0, timeout=(2, 2)),
                       ids, "store-gbg")


@pytest.mark.medusa
def test_stock_json_shows_every_location_fresh_from_the_central_store(run, monkeypatch):
    start_local_medusa()
    central = MedusaStore.from_state(location_key="store-gbg")
    monkeypatch.setattr(wiring, "build_commerce_store", lambda cfg: central)
    _, found, _ = run("catalog", "find", "jeans", "--limit", "1")
    article = found[0]
    c = central.client
    item = c.admin("GET", "/admin/inventory-items", params={"sku": article["sku"]}
                   )["inventory_items"][0]
    for key, qty in (("store-gbg", 6), ("store-sthlm", 0), ("web-warehouse", 31)):
        c.admin("POST", f"/admin/inventory-items/{item['id']}/location-levels/"
                        f"{central.ids['stock_locations'][key]}", json={"stocked_quantity": qty})

    for code_typed in (article["ean"], article["sku"].lower()):
        code, data, _ = run("stock", code_typed)
        assert code == 0 and data["fresh"] is True and data["sku"] == article["sku"]
        assert data["as_of"] and data["as_of"].endswith("+00:00")
        got = {row["location_id"]: (row["name"], row["here"], row["stocked"], row["reserved"],
                                    row["available"]) for row in data["locations"]}
        assert got == {"store-gbg": ("Butik Göteborg", True, 6, 0, 6),
                       "store-sthlm": ("Butik Stockholm", False, 0, 0, 0),
                       "web-warehouse": ("Webblager", False, 31, 0, 31)}
        assert data["locations"][0]["location_id"] == "store-gbg"  # this store first

    code, text, _ = run("stock", article["ean"], json_out=False)
    assert code == 0 and "fresh from the central store" in text
    assert "Webblager" in text and "available    31" in text


def test_stock_when_the_central_store_cannot_be_reached_is_the_synced_figures_marked(
        run, monkeypatch):
    monkeypatch.setattr(wiring, "build_commerce_store", unreachable_store)
    _, found, _ = run("catalog", "find", "kaffe", "--limit", "1")
    code, data, err = run("stock", found[0]["ean"])
    assert code == 3
    assert data["fresh"] is False and data["why_not_fresh"]
    assert "cannot be reached" in data["error"] and "last synced figures" in err
    code, text, _ = run("stock", found[0]["ean"], json_out=False)
    assert code == 3 and "NOT FRESH" in text


def test_stock_of_an_unknown_code_exits_1(run, monkeypatch):
    monkeypatch.setattr(wiring, "build_commerce_store", unreachable_store)
    code, data, err = run("stock", "NO-SUCH-SKU")
    assert code == 1 and data["error"] == "No article has the code NO-SUCH-SKU"
