"""SKVFS 2021:16's formats and the events that need no database: amounts, times, a line's VAT
when rounding per line and per receipt disagree, which drawer openings are exported, text the
XML must escape."""
from __future__ import annotations

import io
from datetime import datetime
from xml.etree import ElementTree as ET

import pytest

from pos.journal import Kind, make_entry
from pos.journal_export_skv import (
    KOMPONENT, Context, RegisterSystem, RegisterTally, SkvCompany, SkvExport, event, kronor,
    moment, rate, write)

K = f"{{{KOMPONENT}}}"
SYSTEM = RegisterSystem("K1", "OMNIPOS-K1", "SIM-KE-0001")
EXPORT = SkvExport(SkvCompany("556677-8899", "Bröd & Smör AB", "Storgatan 1 <entré B>"),
                   (SYSTEM,), datetime(2026, 11, 30), datetime(2026, 11, 30, 23, 59, 59),
                   datetime(2026, 12, 1, 8, 0), "BACKOFFICE", "maja")
CTX = Context(EXPORT, lambda r: SYSTEM, lambda r, s: None, lambda r, n: None)


def entry(kind: str, payload: dict, seq: int = 1, ts: str = "2026-11-30T10:00:00.123456"):  # type: ignore[no-untyped-def]
    return make_entry((seq - 1, "0" * 64), ts, "K1", kind, {"user": "kim", **payload})


def test_amounts_rates_and_times():
    assert [kronor(x) for x in (0, 5, -5, 199, 100000, -123456)] == \
        ["0.00", "0.05", "-0.05", "1.99", "1000.00", "-1234.56"]
    assert [rate(r) for r in ("25", "12", "6", "0")] == ["25.00", "12.00", "6.00", "0.00"]
    assert moment("2026-11-30T10:00:00.123456") == "2026-11-30T10:00:00"
    assert moment(datetime(2026, 1, 2, 3, 4, 5)) == "2026-01-02T03:04:05"


def test_a_lines_vat_adds_up_to_the_receipts_when_rounding_differs():
    # 12 %: 19.93 -> 2.1354 (2.14) and 49.90 -> 5.3464 (5.35) per line, but 69.83 -> 7.4818
    # (7.48) on the receipt: the öre goes to the larger line
    lines = [{"sku": "A", "name": "A", "quantity": 1, "unit_price": 1993, "total": 1993,
              "discount": 0, "vat_rate": "12"},
             {"sku": "B", "name": "B", "quantity": 1, "unit_price": 4990, "total": 4990,
              "discount": 0, "vat_rate": "12"}]
    p = {"receipt_no": 7, "shift": 1, "total": 6983, "control_code": "C" * 32,
         "vat": [["12", 6983, 748]], "lines": lines, "tenders": [["cash", 6983]]}
    h = event(entry(Kind.SALE, p), CTX, RegisterTally())
    vats = [e.text for e in h.iter(K + "MervardesskattPaSaldArtikel")]  # type: ignore[union-attr]
    assert vats == ["2.14", "5.34"]
    assert h.find(f".//{K}MervardesskattPaForsaljningsbeloppet").text == "7.48"  # type: ignore[union-attr]


def test_only_a_drawer_opened_without_a_sale_is_exported():
    t = RegisterTally()
    assert event(entry(Kind.DRAWER_OPEN, {"reason": "sale", "receipt_no": 5}), CTX, t) is None
    h = event(entry(Kind.DRAWER_OPEN, {"reason": "växla", "receipt_no": None}, 2), CTX, t)
    assert h is not None and h[-1].tag == K + "OppnaKassaladaVidNollforsaljning"
    assert t.shift.drawer_openings == 2  # both are counted for the reports


def test_the_header_escapes_and_the_file_is_whole():
    out = io.BytesIO()
    done = write(out, EXPORT, [entry(Kind.LOGIN, {"staff": "kim"})], CTX, {})
    root = ET.fromstring(out.getvalue())
    assert done.events == 1
    assert root.find(f"{K}InformationOmForetaget/{K}ForetagetsNamn").text == "Bröd & Smör AB"  # type: ignore[union-attr]
    assert root.find(f"{K}InformationOmForetaget/{K}DenAdressDarForsaljningSker").text == \
        "Storgatan 1 <entré B>"  # type: ignore[union-attr]
    assert root.find(f"{K}InformationOmForetaget/{K}OrganisationsnummerEllerPersonnummer")\
        .text == "5566778899"  # type: ignore[union-attr]


def test_a_period_with_nothing_the_regulation_names():
    from pos.journal_export_skv import NothingToExport
    with pytest.raises(NothingToExport):
        write(io.BytesIO(), EXPORT, [entry(Kind.LOGIN_FAILED, {"staff": "x"})], CTX, {})


def test_goods_are_vara_a_gift_card_sold_tjanst():
    from pos.gift_cards import GIFT_CARD_SKU
    from pos.journal_export_skv import article_type
    assert article_type({"variant_id": "v-kaffe", "sku": "KAF-1"}) == "VARA"
    assert article_type({"variant_id": "v-gift", "sku": GIFT_CARD_SKU}) == "TJANST"
