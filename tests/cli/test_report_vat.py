"""``main.py report vat``: the VAT report of a date range printed, as JSON, and written to CSV
and PDF (its text read back with pdftotext when it is installed)."""
import csv
import shutil
import subprocess

from pos.db.unit_of_work import SqlUnitOfWork
from pos.money import format_kronor
from pos.queries.vat_report import vat_report
from tests.backoffice.day import DAY
from tests.cli.test_report_sales import _ore, store  # noqa: F401 - the fixture


def test_the_vat_report_as_json_text_csv_and_pdf(store, tmp_path):  # noqa: F811
    call, ctx = store
    r = vat_report(SqlUnitOfWork(ctx.session_factory), DAY)
    code, data, _ = call("report", "vat", "--from", "2026-11-30")
    assert code == 0 and data["from"] == data["to"] == "2026-11-30"
    total = data["rates"][-1]
    assert total["rate"] == "total" and total["balance"]["vat"] == r.total.balance.vat
    # the T-shirt returned to K2 (199,00 kr at 25 %)
    assert data["rates"][0]["rate"] == "25" and data["rates"][0]["returns"] == {
        "net": 15920, "vat": 3980, "gross": 19900}
    code, text, _ = call("report", "vat", "--from", "2026-11-30", as_json=False)
    assert code == 0 and "VAT report 2026-11-30" in text and "balance" in text

    code, data, _ = call("report", "vat", "--from", "2026-11-30", "--to", "2026-11-30",
                         "--csv", str(tmp_path / "moms.csv"))
    assert code == 0 and data["written"].endswith("moms.csv")
    raw = (tmp_path / "moms.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[-1][0] == "total" and _ore(rows[-1][8]) == r.total.balance.vat

    code, data, _ = call("report", "vat", "--from", "2026-11-30", "--pdf",
                         str(tmp_path / "moms.pdf"))
    assert code == 0 and (tmp_path / "moms.pdf").read_bytes().startswith(b"%PDF-")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "moms.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        text = text.replace("\xa0", " ")
        assert "Momsrapport" in text
        assert format_kronor(r.total.balance.vat) in text
        assert format_kronor(r.total.sales.gross) in text
    code, err, _ = call("report", "vat", "--from", "2026-11-30", "--csv",
                        str(tmp_path / "missing" / "moms.csv"))
    assert code == 1 and "could not be written" in err["error"]
    code, err, _ = call("report", "vat", "--from", "2026-11-30", "--to", "2026-11-01")
    assert code == 2 and "before" in err["error"]
