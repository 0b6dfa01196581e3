"""``main.py report sales``: the sales report of a date range printed, as JSON, and written to
CSV and PDF (the PDF turned into an image with pdftoppm when it is installed)."""
import csv
import json
import shutil
import subprocess
import unicodedata

import pytest

import main
from pos.money import format_kronor
from pos.db.unit_of_work import SqlUnitOfWork
from pos.queries.dashboard import dashboard
from tests.backoffice.day import DAY, a_day_of_sales


@pytest.fixture
def store(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    config = tmp_path / "pos.toml"
    config.write_text('[devices]\nprinter = "dummy"\n', encoding="utf-8")
    ctx = main.open_database(main.load_config(config))
    a_day_of_sales(ctx.session_factory)

    def call(*args, as_json=True):
        code = main.main(["--config", str(config), *(["--json"] if as_json else []), *args])
        captured = capsys.readouterr()
        return code, (json.loads(captured.out) if as_json and captured.out.strip()
                      else captured.out), captured.err
    yield call, ctx
    ctx.engine.dispose()


def test_the_days_sales_as_json_equal_the_query(store):
    call, ctx = store
    code, data, _ = call("report", "sales", "--from", "2026-11-30", "--to", "2026-11-30")
    d = dashboard(SqlUnitOfWork(ctx.session_factory), DAY)
    assert code == 0 and d.receipts == 9
    assert (data["receipts"], data["net_sales"], data["vat_total"]) == (9, d.net_sales,
                                                                       d.vat_total)
    assert sum(m["amount"] for m in data["methods"]) == d.net_sales + d.rounding
    assert [r["id"] for r in data["registers"]] == ["K1", "K2"]
    code, text, _ = call("report", "sales", "--from", "2026-11-30", as_json=False)
    assert code == 0 and "sales report 2026-11-30" in text and "receipts" in text


def test_wrong_dates_exit_2(store):
    call, _ = store
    code, err, stderr = call("report", "sales")
    assert code == 2 and "--from" in err["error"]
    code, err, _ = call("report", "sales", "--from", "30/11/2026")
    assert code == 2 and "not a date" in err["error"]
    code, err, _ = call("report", "sales", "--from", "2026-11-30", "--to", "2026-11-01")
    assert code == 2 and "before" in err["error"]


def test_csv_and_pdf_files(store, tmp_path):
    call, ctx = store
    d = dashboard(SqlUnitOfWork(ctx.session_factory), DAY)
    code, data, _ = call("report", "sales", "--from", "2026-11-30", "--csv",
                         str(tmp_path / "s.csv"))
    assert code == 0 and data["written"].endswith("s.csv")
    raw = (tmp_path / "s.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["section", "key", "name", "count", "quantity", "amount", "net", "vat"]
    day_rows = [r for r in rows if r[0] == "day"]
    assert day_rows == [["day", "2026-11-30", "", "9", "", _kr(d.net_sales), "", ""]]
    hours = sum(_ore(r[5]) for r in rows if r[0] == "hour")
    methods = sum(_ore(r[5]) for r in rows if r[0] == "method")
    assert hours == d.net_sales and methods == d.net_sales + d.rounding
    # every sale of this day was made at the store's tills: one channel holds them all
    channels = {r[1]: (r[3], _ore(r[5])) for r in rows if r[0] == "channel"}
    assert channels == {"store": ("10", d.net_sales), "web_pickup": ("0", 0),
                        "web_return": ("0", 0), "ship_to_home": ("0", 0), "web_cart": ("0", 0)}
    vat = {r[1]: (_ore(r[5]), _ore(r[6]), _ore(r[7])) for r in rows if r[0] == "vat"}
    assert vat == {v.rate.value: (v.gross, v.net, v.vat) for v in d.per_vat}
    assert {r[2] for r in rows if r[0] == "article"} == {a.name for a in d.top_articles}
    # the T-shirt returned to K2 was refunded to its card
    assert [(r[1], _ore(r[5])) for r in rows if r[0] == "refund"] == [("card", 19900)]
    assert [(r[1], _ore(r[5])) for r in rows if r[0] == "return_vat"] == [("25", 19900)]
    summary = {r[1]: r for r in rows if r[0] == "summary"}
    assert (summary["returns"][3], _ore(summary["returns"][5])) == ("1", -19900)

    code, data, _ = call("report", "sales", "--from", "2026-11-30", "--pdf",
                         str(tmp_path / "s.pdf"))
    assert code == 0
    pdf = (tmp_path / "s.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.count(b"/Type /Page\n") + pdf.count(
        b"/Type /Page ") + pdf.count(b"/Type /Page/") >= 1
    if shutil.which("pdftotext"):
        text = unicodedata.normalize("NFKC", subprocess.run(  # NFKC: the "ff" ligature
            ["pdftotext", "-layout", str(tmp_path / "s.pdf"), "-"], capture_output=True,
            text=True, check=True).stdout)
        assert "Försäljningsrapport" in text
        assert format_kronor(d.net_sales) in text.replace("\xa0", " ")
        assert "Kaffe Mörkrost 450 g" in text
    code, err, _ = call("report", "sales", "--from", "2026-11-30", "--pdf",
                        str(tmp_path / "missing" / "s.pdf"))
    assert code == 1 and "could not be written" in err["error"]


def _kr(ore: int) -> str:
    return f"{'-' if ore < 0 else ''}{abs(ore) // 100},{abs(ore) % 100:02d}"


def _ore(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    kronor, ore = text.lstrip("-").split(",")
    return sign * (int(kronor) * 100 + int(ore))
