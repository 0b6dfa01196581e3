"""``main.py invoice show|list|pdf`` on a fresh SQLite data directory (no central store: the
store's own invoices)."""
import json

import pytest

import main
from pos.invoices import Buyer, InvoiceRules
from pos.services import invoices


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


def test_show_list_and_pdf_of_this_stores_invoice(run, tmp_path, qapp):
    call, config = run
    till, _ = main.build_till(main.load_config(config))
    assert till.config.invoice == InvoiceRules(series="3", bankgiro="123-4567")
    till.login("kim", "1234")
    till.open_shift(50000)
    coffee = till.search("kaffe")[0]
    till.scan(coffee.ean, 3)
    from pos.commerce import CustomerRef
    anna = CustomerRef("cus_anna", "anna@example.se", "Anna", "Svensson", "+46701234567")
    till.set_customer(anna)
    sale = invoices.pay_by_invoice(till.ctx, Buyer(anna.id, anna.name, ("Gatan 1", "41101 Gbg"))
                                   ).sale
    ocr = sale.tenders[0].terminal_ref
    code, listed = call("invoice", "list")
    assert code == 0 and [(i["number"], i["amount_due"]) for i in listed] == [
        ("3000001", sale.total)]
    code, shown = call("invoice", "show", ocr)
    assert code == 0 and shown["source"] == "local" and shown["status"] == "open"
    code, _ = call("invoice", "show", "1234567897")
    assert code == 1
    code, made = call("invoice", "pdf", ocr, "--out", str(tmp_path / "f.pdf"))
    assert code == 0 and (tmp_path / "f.pdf").read_bytes().startswith(b"%PDF")
