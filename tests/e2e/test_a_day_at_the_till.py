"""Issue 2's 'done when', end to end through main.py's wiring: demo store on SQLite, a receipt on a
network printer on 127.0.0.1, the Z report, and `journal verify` before and after tampering."""
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from hardware.simulators.escpos_printer import PrinterSimulator
from main import build_till
from pos.config import load_config
from pos.gtin import GtinError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def printer_sim():
    sim = PrinterSimulator(port=0).start()
    yield sim
    sim.stop()


@pytest.fixture
def config_file(tmp_path, printer_sim):
    path = tmp_path / "pos.toml"
    path.write_text(f'[devices]\nprinter = "{printer_sim.url}"\nterminal = "simulator"\n'
                    f'[register]\nid = "K7"\n', encoding="utf-8")
    return path


def kr_pattern(ore: int) -> str:
    return re.escape(f"{ore // 100},{ore % 100:02d}")


def run_cli(config_file, data_dir, *args):
    env = {"POS_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin", "HOME": str(data_dir)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--config", str(config_file),
                           "--json", *args], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120)


def test_a_day_at_the_till(tmp_path, config_file, printer_sim, monkeypatch):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    till, ctx = build_till(load_config(config_file))
    till.login("kim", "1234")
    till.open_shift(150000)

    found = till.search("kaffe")
    assert found, "the demo store sells coffee"
    books = [v for v in till.search("bok", 50) if v.vat_rate.value == "6"]
    winter = [v for v in till.search("t-shirt", 50) if v.vat_rate.value == "25"]
    picks = [found[0], books[0], winter[0]]
    till.scan(picks[0].ean)
    bad = picks[1].ean[:-1] + str((int(picks[1].ean[-1]) + 3) % 10)
    with pytest.raises(GtinError, match="check digit"):
        till.scan(bad)
    till.scan(picks[1].ean)
    till.scan(picks[2].ean)
    totals = till.totals()
    total = totals.total
    # the shirt is in the automatic winter sale (VINTER20, 20 % off), even before any sync
    assert picks[2].price % 5 == 0
    assert totals.promotions() == [("VINTER20", picks[2].price // 5)]
    assert total == sum(v.price for v in picks) - picks[2].price // 5

    till.pay_card(total // 2)
    sale = till.pay_cash(total).sale
    assert sale is not None and sale.receipt_no == 1
    assert till.print_sale(sale.id).ok

    printer_sim.wait_for_jobs(1)
    receipt = printer_sim.texts[0]
    for v in picks:
        assert v.name[:20] in receipt
    assert re.search(r"Kampanj VINTER20\s+-" + kr_pattern(picks[2].price // 5), receipt)
    for expected in ("Org.nr 556677-8899", "Kassa K7", "Kvitto nr 1", "TOTALT", "Moms",
                     "Kontant", "Kort", "Växel", sale.control_code):
        assert expected in receipt
    assert printer_sim.drawer_kicks, "a cash sale opens the drawer"

    report, doc = till.close_shift(counted_cash=150000 + sale.paid - (total // 2))
    assert report.variance == 0 and report.sales_count == 1
    assert till.print_document(doc).ok

    ok = run_cli(config_file, tmp_path, "journal", "verify")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert json.loads(ok.stdout)["ok"] is True

    db = tmp_path / "pos.sqlite3"
    with sqlite3.connect(db) as con:
        seq = con.execute("SELECT seq FROM journal WHERE kind = 'sale'").fetchone()[0]
        con.execute("UPDATE journal SET ts = '2026-01-01T00:00:00' WHERE seq = ?", (seq,))
    bad_run = run_cli(config_file, tmp_path, "journal", "verify")
    assert bad_run.returncode == 1
    result = json.loads(bad_run.stdout)
    assert result["ok"] is False and result["registers"][0]["first_bad_seq"] == seq
