"""The command line given bad input or finding nothing (a fresh user's findings): "--counted 1e3"
closed the day as 1 000 kr, a huge count ended in a traceback, "report vat" asked for "report
sales"'s --from, "invoice list" and "interest" exited 0 with nothing found (the README: exit 1),
and "invoice pdf" aborted without a display."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    monkeypatch.setenv("MEDUSA_STATE", str(tmp_path / "no-medusa"))
    config = tmp_path / "pos.toml"
    config.write_text('[devices]\nprinter = "dummy"\n[medusa]\nstate = "none.json"\n'
                      '[invoice]\nbankgiro = "123-4567"\nseries = "3"\n', encoding="utf-8")

    def call(*args):
        code = main.main(["--config", str(config), "--json", *args])
        out = capsys.readouterr().out
        return code, (json.loads(out) if out.strip() else None)
    return call, config


@pytest.mark.parametrize("counted,says", [("1e3", "'1e3' is not an amount"),
                                          ("inf", "'inf' is not an amount"),
                                          ("nan", "'nan' is not an amount"),
                                          ("12,345", "more than two decimals"),
                                          ("99999999999999999", "at most 10 000 000,00 kr")])
def test_z_refuses_a_count_that_is_no_amount_and_leaves_the_shift_open(run, counted, says):
    call, config = run
    till, _ = main.build_till(main.load_config(config))
    till.login("kim", "1234")
    till.open_shift(50000)
    code, err = call("report", "z", "--counted", counted)
    assert code == 2 and says in err["error"], err
    code, x = call("report", "x")  # the day is still open
    assert code == 0 and x["kind"] == "X"


def test_report_vat_without_from_names_report_vat(run):
    call, _ = run
    code, err = call("report", "vat")
    assert code == 2 and err["error"] == "report vat needs --from YYYY-MM-DD"
    code, err = call("report", "sales")
    assert code == 2 and err["error"] == "report sales needs --from YYYY-MM-DD"


def test_nothing_found_exits_1(run, capsys):
    call, config = run
    code, listed = call("invoice", "list")
    assert code == 1 and listed == []
    code = main.main(["--config", str(config), "interest", "--from", "2026-11-30", "--to",
                      "2026-11-30"])
    assert code == 1 and "no product interest recorded" in capsys.readouterr().out


def test_invoice_list_says_what_is_left_to_pay_and_pdf_works_without_a_display(
        run, qapp, capsys, tmp_path):
    from pos.commerce import CustomerRef
    from pos.invoices import Buyer
    from pos.money import format_kronor
    from pos.services import invoices

    call, config = run
    till, _ = main.build_till(main.load_config(config))
    till.login("kim", "1234")
    till.open_shift(50000)
    till.scan(till.search("kaffe")[0].ean, 3)
    anna = CustomerRef("cus_anna", "anna@example.se", "Anna", "Svensson", "+46701234567")
    till.set_customer(anna)
    sale = invoices.pay_by_invoice(till.ctx, Buyer(anna.id, anna.name, ("Gatan 1", "41101 Gbg"))
                                   ).sale
    ocr = sale.tenders[0].terminal_ref
    capsys.readouterr()
    assert main.main(["--config", str(config), "invoice", "list"]) == 0
    total = format_kronor(sale.total)
    line = capsys.readouterr().out
    assert f"{total} kr left to pay of {total} kr  due on " in line, line
    assert "due of" not in line

    # a fresh process with no display at all, as on a server or over ssh
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "f.pdf"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--config", str(config),
                           "invoice", "pdf", ocr, "--out", str(out)],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert out.read_bytes().startswith(b"%PDF")
