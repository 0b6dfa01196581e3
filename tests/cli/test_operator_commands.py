"""The operator commands of main.py, run in-process on a fresh SQLite data directory."""
import json

import pytest

import main


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    config = tmp_path / "pos.toml"
    config.write_text('[devices]\nprinter = "dummy"\n', encoding="utf-8")

    def call(*args):
        code = main.main(["--config", str(config), "--json", *args])
        out = capsys.readouterr().out
        return code, (json.loads(out) if out.strip() else None)
    return call


def test_catalog_find_and_lookup(run):
    code, found = run("catalog", "find", "kaffe", "--limit", "5")
    assert code == 0 and 0 < len(found) <= 5
    assert all("kaffe" in v["name"].lower() for v in found)
    code, v = run("catalog", "lookup", found[0]["ean"])
    assert code == 0 and v["sku"] == found[0]["sku"] and isinstance(v["price"], int)
    code, v = run("catalog", "lookup", found[0]["sku"])
    assert code == 0 and v["ean"] == found[0]["ean"]


def test_lookup_with_a_wrong_check_digit_exits_2_with_a_message(run):
    _, found = run("catalog", "find", "kaffe")
    ean = found[0]["ean"]
    code, err = run("catalog", "lookup", ean[:-1] + str((int(ean[-1]) + 1) % 10))
    assert code == 2 and "check digit" in err["error"]
    code, err = run("catalog", "lookup", "7350000000000"[:-1] + "0")
    assert code in (1, 2) and err["error"]


def test_reports_need_an_open_shift_and_z_needs_the_counted_cash(run):
    code, err = run("report", "x")
    assert code == 1 and "shift" in err["error"].lower()
    assert main.main(["report", "z"]) == 2


def test_a_shift_opened_at_the_till_is_read_and_closed_from_the_command_line(run, tmp_path):
    till, _ = main.build_till(main.load_config(tmp_path / "pos.toml"))
    till.login("kim", "1234")
    till.open_shift(50000)
    till.scan(till.search("kaffe")[0].ean)
    sale = till.pay_cash(100000).sale
    code, x = run("report", "x")
    assert code == 0 and x["kind"] == "X" and x["gross_sales"] == sale.total
    code, sales = run("sales", "list")
    assert code == 0 and [s["receipt_no"] for s in sales] == [1]
    code, z = run("report", "z", "--counted", "1000,00")
    assert code == 0 and z["z_number"] == 1
    assert z["variance"] == 100000 - (50000 + sale.paid)
    code, verify = run("journal", "verify")
    assert code == 0 and verify["ok"] and verify["registers"][0]["entries"] >= 5


def test_db_upgrade_and_demo_data_are_repeatable(run):
    code, db = run("db", "upgrade")
    assert code == 0 and db["revision"]
    code, counts = run("demo-data")
    assert code == 0 and counts["variants"] >= 2000
    code, again = run("demo-data")
    assert code == 0 and again["staff"] == 0  # staff exist already, not duplicated


def test_devices_test_reports_each_device_and_fails_on_an_unreachable_printer(run, tmp_path):
    code, results = run("devices", "test")
    assert code == 0 and {r["name"] for r in results} >= {"printer", "terminal"}
    assert all(r["ok"] for r in results)
    (tmp_path / "pos.toml").write_text('[devices]\nprinter = "network://127.0.0.1:1"\n',
                                       encoding="utf-8")
    code, results = run("devices", "test")
    printer = next(r for r in results if r["name"] == "printer")
    assert code == 1 and not printer["ok"] and printer["message"]


def test_a_test_receipt_reaches_a_network_printer(run, tmp_path):
    from hardware.simulators.escpos_printer import PrinterSimulator

    with PrinterSimulator(port=0) as sim:
        (tmp_path / "pos.toml").write_text(f'[devices]\nprinter = "{sim.url}"\n', encoding="utf-8")
        code, result = run("devices", "print-test")
        assert code == 0 and result["ok"]
        sim.wait_for_jobs(1)
        assert "TESTKVITTO" in sim.texts[0] and "Åsa Öberg åt ärtsoppa" in sim.texts[0]
        assert "€" in sim.texts[0]
        sim.paper_out = True
        code, result = run("devices", "print-test")
        assert code == 1 and not result["ok"] and result["message"]
