"""``main.py labels``: shelf labels of the demo store (a fresh SQLite data directory) as an A4
PDF read back with pypdf, and on the receipt printer (a file printer) read back as ESC/POS, one
cut per label; both journaled in the back office's journal."""
import json
import unicodedata

import pytest
from pypdf import PdfReader

import main
from hardware.simulators.escpos_decode import barcodes, count_cuts, decode_text, qr_codes
from pos.db.unit_of_work import SqlUnitOfWork
from pos.demo.catalog import demo_variants
from pos.services.backoffice import BACKOFFICE


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    config = tmp_path / "pos.toml"
    config.write_text(f'[devices]\nprinter = "file://{tmp_path / "printer.bin"}"\n'
                      '[medusa]\nstate = "none.json"\n'
                      '[labels]\nqr_base = "https://shop.example.se/shelf"\n', encoding="utf-8")

    def call(*args):
        code = main.main(["--config", str(config), "--json", *args])
        out = capsys.readouterr().out
        return code, (json.loads(out) if out.strip() else None)
    return call, config


def _text(page) -> str:
    """A page's text as read: ligatures (ﬀ) as letters, tabs between words as spaces."""
    return unicodedata.normalize("NFKC", page.extract_text()).replace("\t", " ")


def _journal(config):
    ctx = main.open_database(main.load_config(config))
    with SqlUnitOfWork(ctx.session_factory) as uow:
        return [e for e in uow.journal.entries(BACKOFFICE) if e.kind == "shelf_labels"]


def test_a4_sheet_of_two_articles_reads_back(run, tmp_path, qapp):
    call, config = run
    pdf = tmp_path / "labels.pdf"
    code, out = call("labels", "--sku", "KAF-MEL-450G", "--sku", "LOS-GOD", "--copies", "2",
                     "--start", "23", "--pdf", str(pdf))
    assert code == 0, out
    assert out["pages"] == 2  # places 23 and 24 of the first sheet, then two on a second
    coffee = out["labels"][0]
    assert (coffee["price"], coffee["comparison"], coffee["comparison_unit"]) == (5990, 13311, "kg")
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == 2
    first = _text(reader.pages[0])
    assert "Kaffe Mellanrost" in first and "59,90 kr" in first
    assert "Jämförpris 133,11 kr/kg" in first
    second = _text(reader.pages[1])
    assert "Lösgodis Plock & mix" in second and "89,90 kr /kg" in second
    entry = _journal(config)[-1]
    assert entry.payload["labels"] == [["KAF-MEL-450G", 2], ["LOS-GOD", 2]]
    assert entry.payload["output"] == "a4_sheet" and entry.payload["user"] == "cli"


def test_receipt_printer_one_label_per_cut_with_ean_and_qr(run, tmp_path):
    call, config = run
    code, out = call("labels", "--sku", "SAF-FLA-50CL", "--sku", "TSH-BAS-BLA-M", "--print")
    assert code == 0, out
    assert out["printed"] == 2
    data = (tmp_path / "printer.bin").read_bytes()
    assert count_cuts(data) == 2
    text = decode_text(data)
    assert "Saft Fläder" in text and "Jämförpris 79,80 kr/l" in text
    assert "KAMPANJ Vinterrea" in text and "159,20 kr" in text and "Ord. pris 199,00 kr" in text
    eans = {v.sku: v.ean for v in demo_variants()}
    assert barcodes(data) == [eans["SAF-FLA-50CL"], eans["TSH-BAS-BLA-M"]]
    qrs = qr_codes(data)
    assert qrs[0].startswith("https://shop.example.se/shelf/products/") and \
        "sku=SAF-FLA-50CL&store=store-gbg" in qrs[0]
    assert _journal(config)[-1].payload["printed"] == 2


def test_bad_input_is_refused(run, tmp_path):
    call, _ = run
    assert call("labels", "--sku", "NO-SUCH", "--print")[0] == 1
    assert call("labels", "--changed-since", "yesterday", "--print")[0] == 2
    assert call("labels", "--sku", "LOS-GOD", "--start", "25", "--pdf",
                str(tmp_path / "x.pdf"))[0] == 2


def test_without_a_qr_address_the_labels_say_they_have_no_qr(run, tmp_path):
    call, config = run
    config.write_text(config.read_text(encoding="utf-8").replace(
        'qr_base = "https://shop.example.se/shelf"', 'qr_base = ""'), encoding="utf-8")
    code, out = call("labels", "--sku", "SAF-FLA-50CL", "--print")
    assert code == 0, out
    assert out["labels"][0]["qr"] == ""
    assert out["warning"].startswith("warning: no QR address is set")
    assert qr_codes((tmp_path / "printer.bin").read_bytes()) == []
