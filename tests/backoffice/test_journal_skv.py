"""The journal exported in the tax authority's format (SKVFS 2021:16), checked element by element
against what the regulation asks of each event (docs/skvfs-2021-16.md), on SQLite and
PostgreSQL: a day of sales on K1 and K2 (tests.backoffice.day) with, on K2 after its X report,
a voided sale, a drawer opened without a sale, a receipt copy and a cash movement.

When ``POS_SKV_XSD`` names Skatteverket's schema (xml-schema-kassaregister.zip, unpacked and
joined into one file), the file is also validated against it."""
from __future__ import annotations

import os
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from pos.db.unit_of_work import SqlUnitOfWork
from pos.journal_export_skv import INSTANS, KOMPONENT, ROOT, NothingToExport, kronor
from pos.queries.journal_skv import SkvSettings, write_skv
from pos.receipt_layout import StoreInfo
from tests.backoffice.day import DAY, KAFFE, a_day_of_sales

K = f"{{{KOMPONENT}}}"
NS = {"k": KOMPONENT, "i": INSTANS}
NOW = datetime(2026, 11, 30, 18, 5)


def _more_on_k2(day) -> None:  # type: ignore[no-untyped-def]
    k2 = day["k2"]
    clock = k2.ctx.clock  # the day's Clock, shared by K1 and K2
    clock.at(15, 30)
    k2.scan(KAFFE, 1)
    k2.void_sale()  # AnvandaClear
    clock.at(15, 40)
    k2.open_drawer_no_sale("växla", "9999")  # OppnaKassaladaVidNollforsaljning
    clock.at(15, 45)
    k2.reprint_last()  # KopiaAvKassakvitto of the 15:15 cash sale
    clock.at(15, 50)
    k2.record_cash_movement(-20000, "bank")  # ForandraVaxelkassa -200.00


@pytest.fixture
def day(session_factory):
    day = a_day_of_sales(session_factory)
    _more_on_k2(day)
    return session_factory, day


def export(sf, tmp_path: Path, register: str | None = None, first=DAY, last=DAY):  # type: ignore[no-untyped-def]
    path = tmp_path / "skv.xml"
    done = write_skv(SqlUnitOfWork(sf), path, first, last, register,
                     SkvSettings(StoreInfo(), control_unit="SIM-KE-0001"), now=NOW,
                     exported_by="maja")
    return ET.parse(path).getroot(), done, path


def events(root: ET.Element, name: str) -> list[tuple[ET.Element, ET.Element]]:
    """(Handelse, its body) for each event whose body is ``name``."""
    out = []
    for h in root.find("k:RegistreringLISTA", NS):  # type: ignore[union-attr]
        body = h[-1]
        if body.tag == K + name:
            out.append((h, body))
    return out


def val(e: ET.Element, path: str) -> str:
    found = e.find(path, NS)
    assert found is not None, path
    return found.text or ""


def names(e: ET.Element) -> list[str]:
    return [c.tag.removeprefix(K) for c in e]


def sales_payloads(sf, register: str, kind: str) -> list[dict]:  # type: ignore[no-untyped-def]
    uow = SqlUnitOfWork(sf)
    with uow:
        return [e.payload for e in uow.journal.entries(register) if e.kind == kind]


def test_the_opening_elements(day, tmp_path):
    sf, _ = day
    root, done, path = export(sf, tmp_path)
    assert root.tag == f"{{{INSTANS}}}{ROOT}"
    assert names(root) == ["InloggadAnvandareVidExportAvDataFranJournalminnet",
                           "BeteckningPaDetKassaregisterSomExportAvDataFranJournalminnetSkerIfran",
                           "TidpunktForNarExportAvDataFranJournalminnetSker",
                           "ValdPeriodForExportAvDataFranJournalminne",
                           "BeteckningPaValdaKassaregisterForExportAvDataFranJournalminnenLISTA",
                           "InformationOmForetaget", "KassaregistersystemLISTA",
                           "RegistreringLISTA"]
    assert val(root, "k:TidpunktForNarExportAvDataFranJournalminnetSker") == "2026-11-30T18:05:00"
    assert val(root, "k:ValdPeriodForExportAvDataFranJournalminne/"
                     "k:ValdStarttidpunktForExportAvDataFranJournalminnet") == "2026-11-30T00:00:00"
    assert val(root, "k:ValdPeriodForExportAvDataFranJournalminne/"
                     "k:ValdSluttidpunktForExportAvDataFranJournalminnet") == "2026-11-30T23:59:59"
    chosen = root.find("k:BeteckningPaValdaKassaregisterForExportAvDataFranJournalminnenLISTA", NS)
    assert [c.text for c in chosen] == ["K1", "K2"]  # type: ignore[union-attr]
    company = root.find("k:InformationOmForetaget", NS)
    assert val(company, "k:OrganisationsnummerEllerPersonnummer") == "5566778899"
    assert val(company, "k:ForetagetsNamn") == "Omnihandeln Sverige AB"
    assert val(company, "k:DenAdressDarForsaljningSker") == "Kungsgatan 12, 411 19 Göteborg"
    systems = root.findall("k:KassaregistersystemLISTA/k:Kassaregistersystemet", NS)
    assert [names(s) for s in systems] == [[
        "TillverkningsnummerForKassaregistret", "ModellbeteckningForKassaregistret",
        "ModellEllerProgramForKassaregistret", "VersionsnummerForKassaregistret",
        "Kassabeteckning", "TillverkningsnummerForKontrollenheten"]] * 2
    assert [val(s, "k:Kassabeteckning") for s in systems] == ["K1", "K2"]
    # UTF-8, well-formed, and the same document when read back and written again
    raw = path.read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>') and "Göteborg".encode() in raw
    again = ET.fromstring(ET.tostring(root))
    assert ET.tostring(again) == ET.tostring(root)


def test_each_sale_is_a_kassakvitto_with_the_journals_figures(day, tmp_path):
    sf, _ = day
    root, _, _ = export(sf, tmp_path)
    receipts = events(root, "Kassakvitto")
    journal = sales_payloads(sf, "K1", "sale") + sales_payloads(sf, "K2", "sale")
    assert len(receipts) == len(journal) == 9
    by_no = {("K1" if h.find("k:Kassabeteckning", NS).text == "K1" else "K2",  # type: ignore[union-attr]
              int(val(r, "k:LopnummerForKassakvitto"))): (h, r) for h, r in receipts}
    # K1's 10:05 sale: three books with 5 % off the cart: 3 x 149.00 = 447.00 - 22.35 = 424.65,
    # 6 % VAT in 424.65 = 24.04 (not even: 424.65 * 6 / 106 = 24.0367...)
    h, r = by_no[("K1", 2)]
    assert val(h, "k:InloggadAnvandare") == "kim"
    assert val(h, "k:Registreringstidpunkt") == "2026-11-30T10:05:00"
    assert names(r)[:7] == ["ForetagetsNamn", "OrganisationsnummerEllerPersonnummer",
                            "DenAdressDarForsaljningSker", "DatumOchKlockslagNarKvittoFramstalls",
                            "LopnummerForKassakvitto", "Kassabeteckning", "SaldaArtiklarLISTA"]
    assert names(r)[7:] == ["TotaltForsaljningsbeloppISvenskaKronor",
                            "MervardesskattPaForsaljningsbeloppet",
                            "TotalaForsaljningssummorPerBetalningsmedelLISTA",
                            "MervardesskattPaOlikaSkattesatserLISTA",
                            "LopnummerForZDagrapportPaKvitto",
                            "TillverkningsnummerForKontrollenheten", "Kontrollkod"]
    p = next(x for x in journal if x["receipt_no"] == 2 and x["shift"] == 1)
    assert val(r, "k:TotaltForsaljningsbeloppISvenskaKronor") == kronor(p["total"])
    line = r.find("k:SaldaArtiklarLISTA/k:SaldArtikel", NS)
    assert names(line) == ["TypAvArtikel", "Artikelnummer", "Artikelnamn", "AntalAvSaldArtikel",
                           "PrisPerEnhet", "PrisPaSaldArtikel", "RabatterPaSaldArtikelLISTA",
                           "MervardesskattesatsForSaldArtikel", "MervardesskattPaSaldArtikel",
                           "ArtikelnsRegistreringstidpunkt"]
    assert (val(line, "k:TypAvArtikel"), val(line, "k:AntalAvSaldArtikel"),
            val(line, "k:PrisPerEnhet"), val(line, "k:MervardesskattesatsForSaldArtikel")) == (
        "VARA", "3.00", kronor(p["lines"][0]["unit_price"]), "6.00")
    gross = p["lines"][0]["total"]
    assert val(line, "k:PrisPaSaldArtikel") == kronor(gross)
    assert val(line, "k:RabatterPaSaldArtikelLISTA/k:RabattPaSaldArtikel/k:RabattensBelopp") == \
        kronor(p["lines"][0]["discount"]) != "0.00"
    vat = Decimal(gross) * 6 / 106
    assert vat != vat.to_integral_value()  # an amount that does not divide evenly
    assert val(line, "k:MervardesskattPaSaldArtikel") == kronor(p["vat"][0][2]) == \
        kronor(int(vat.quantize(Decimal(1), rounding="ROUND_HALF_UP")))
    assert val(r, "k:Kontrollkod") == p["control_code"]
    assert val(r, "k:TillverkningsnummerForKontrollenheten") == "SIM-KE-0001"
    assert val(r, "k:LopnummerForZDagrapportPaKvitto") == "1"  # K1 closed by Z report 1
    tenders = r.findall("k:TotalaForsaljningssummorPerBetalningsmedelLISTA/"
                        "k:TotalForsaljningssummaPerBetalningsmedel", NS)
    assert [(val(t, "k:Betalningsmedel"), val(t, "k:ForsaljningssummaPerBetalningsmedel"))
            for t in tenders] == [(m, kronor(a)) for m, a in p["tenders"]]
    # K2 is not closed: its receipts name no Z report yet
    _, r2 = by_no[("K2", 1)]
    assert val(r2, "k:LopnummerForZDagrapportPaKvitto") == "0"
    # every line's VAT adds up to its receipt's, every receipt's to its rates'
    for _, rec in receipts:
        lines = sum(Decimal(v.text) for v in rec.iterfind(".//k:MervardesskattPaSaldArtikel", NS))
        rates = sum(Decimal(v.text) for v in
                    rec.iterfind(".//k:TotaltMervardesskattebeloppPerSkattesats", NS))
        assert lines == rates == Decimal(val(rec, "k:MervardesskattPaForsaljningsbeloppet"))


def test_the_return_is_a_returkvitto_naming_its_original(day, tmp_path):
    sf, _ = day
    root, _, _ = export(sf, tmp_path)
    [(h, r)] = events(root, "Returkvitto")
    [p] = sales_payloads(sf, "K2", "return")
    assert val(h, "k:Registreringstidpunkt") == "2026-11-30T13:25:00"
    assert val(r, "k:DatumOchKlockslagNarReturkvittoFramstalls") == "2026-11-30T13:25:00"
    assert val(r, "k:LopnummerForKassakvitto") == str(p["receipt_no"])
    assert val(r, "k:LopnummerForUrsprungligtKassakvitto") == "2"  # K2's 11:20 card sale
    assert val(r, "k:TotaltForsaljningsbeloppISvenskaKronor") == "-199.00"
    assert val(r, ".//k:SaldArtikel/k:AntalAvSaldArtikel") == "-1.00"
    assert val(r, ".//k:SaldArtikel/k:MervardesskattPaSaldArtikel") == "-39.80"
    assert val(r, "k:Kontrollkod") == p["control_code"]


def test_copy_drawer_clear_and_float(day, tmp_path):
    sf, _ = day
    root, done, _ = export(sf, tmp_path)
    [(h, c)] = events(root, "KopiaAvKassakvitto")
    last_sale = sales_payloads(sf, "K2", "sale")[-1]
    assert val(h, "k:Registreringstidpunkt") == "2026-11-30T15:45:00"
    assert val(c, "k:DatumOchKlockslagNarKvittoFramstalls") == "2026-11-30T15:45:00"
    assert val(c, "k:DatumOchKlockslagNarOriginalkvittoFramstalldes") == "2026-11-30T15:15:00"
    assert val(c, "k:LopnummerPaOriginalkvitto") == str(last_sale["receipt_no"])
    assert val(c, "k:TotaltForsaljningsbeloppISvenskaKronor") == kronor(last_sale["total"])
    assert val(c, "k:KontrollkodForKvittotSomKopianAvser") == last_sale["control_code"]
    [(h, d)] = events(root, "OppnaKassaladaVidNollforsaljning")
    assert (d.text, val(h, "k:Registreringstidpunkt")) == ("JA", "2026-11-30T15:40:00")
    [(h, v)] = events(root, "AnvandaClear")
    assert (v.text, val(h, "k:Registreringstidpunkt")) == ("JA", "2026-11-30T15:30:00")
    floats = [val(b, "k:ForandringAvVaxelkassaISvenskaKronor")
              for _, b in events(root, "ForandraVaxelkassa")]
    assert floats == ["1500.00", "1000.00", "-200.00"]  # K1's and K2's opening floats, the bank
    logins = events(root, "InloggningIKassaregister")
    assert len(logins) == 2 and all(b.text == "JA" for _, b in logins)
    assert done.skipped.get("card_refund") == 1  # no element in the regulation


def test_the_x_and_z_reports(day, tmp_path):
    sf, d = day
    root, _, _ = export(sf, tmp_path)
    xs = events(root, "XDagrapport")  # K2's at 14:00, K1's read before its Z at 17:30
    assert [val(b, "k:Kassabeteckning") for _, b in xs] == ["K1", "K2"]
    x = xs[1][1]
    [(_, z)] = events(root, "ZDagrapport")
    assert names(z)[:9] == ["ForetagetsNamn", "OrganisationsnummerEllerPersonnummer",
                            "DatumOchKlockslagNarRapportFramstalls", "LopnummerForZDagrapport",
                            "Kassabeteckning", "TillverkningsnummerForKassaregistret",
                            "ModellbeteckningForKassaregistret",
                            "ModellEllerProgramForKassaregistret",
                            "VersionsnummerForKassaregistret"]
    zr, xr = d["z"], d["x"]
    assert val(z, "k:LopnummerForZDagrapport") == str(zr.z_number) == "1"
    assert val(z, "k:TotalForsaljningssumma") == kronor(zr.gross_sales)
    assert val(z, "k:AntalKassakvitton") == str(zr.sales_count) == "5"
    assert val(z, "k:VaxelkassansBeloppISvenskaKronor") == "1500.00"
    assert val(z, "k:RabatternasBelopp") == kronor(zr.discounts_total)
    assert val(z, "k:GrandTotalNetto") == kronor(zr.grand_total)
    assert [(val(v, "k:Mervardesskattesats"), val(v, "k:TotaltMervardesskattebeloppPerSkattesats"))
            for v in z.iterfind(".//k:MervardesskattPerSkattesats", NS)] == \
        [(f"{v.rate.value}.00", kronor(v.vat)) for v in zr.vat]
    assert "LopnummerForZDagrapport" not in names(x)
    assert val(x, "k:Kassabeteckning") == "K2"
    assert val(x, "k:DatumOchKlockslagNarRapportFramstalls") == "2026-11-30T14:00:00"
    # K2's X report at 14:00 comes after the 13:25 return of 199.00
    assert (val(x, "k:AntalReturer"), val(x, "k:ReturernasBelopp")) == ("1", "199.00")
    assert val(x, "k:GrandTotalRetur") == "199.00"
    assert val(x, "k:GrandTotalForsaljning") == kronor(xr.grand_total + 19900)
    assert val(x, "k:GrandTotalNetto") == kronor(xr.grand_total)


def test_one_register_and_a_period_without_events(day, tmp_path):
    sf, _ = day
    root, _, _ = export(sf, tmp_path, register="K1")
    registers = {h.find("k:Kassabeteckning", NS).text  # type: ignore[union-attr]
                 for h in root.find("k:RegistreringLISTA", NS)}  # type: ignore[union-attr]
    assert registers == {"K1"}
    with pytest.raises(NothingToExport):
        export(sf, tmp_path, first=DAY.replace(day=1), last=DAY.replace(day=2))


def test_the_official_schema(day, tmp_path):
    xsd = os.environ.get("POS_SKV_XSD")
    if not xsd:
        pytest.skip("POS_SKV_XSD is not set (Skatteverket's xml-schema-kassaregister, joined "
                    "into one file: see docs/skvfs-2021-16.md)")
    xmlschema = pytest.importorskip("xmlschema")
    sf, _ = day
    _, _, path = export(sf, tmp_path)
    errors = [str(e.reason) for e in xmlschema.XMLSchema(xsd).iter_errors(str(path))]
    # the simulated control unit's serial (11) and codes (32) are not a real unit's 17 and 59
    real = [e for e in errors if "length" not in e.lower()]
    assert real == []


def test_a_till_writes_while_a_long_export_runs(day_db, tmp_path, monkeypatch):
    """The export reads the journal a chunk at a time, each in its own short transaction: a till
    sharing the SQLite database (whose transactions take its write lock) keeps selling."""
    import pos.queries.journal_skv as js
    from pos.journal import Kind

    sf, _ = day_db
    monkeypatch.setattr(js, "CHUNK", 7)
    uow = SqlUnitOfWork(sf)
    with uow:
        for i in range(1000):  # progress is told every thousand entries
            uow.journal.record("K1", datetime(2026, 11, 30, 12, 0, i % 60), Kind.LOGIN,
                               {"staff": "kim"}, "kim")
        uow.commit()
    written = []

    def a_till_writes(n: int) -> None:
        till = SqlUnitOfWork(sf)
        with till:  # DatabaseBusy here if the export held a transaction
            written.append(till.journal.record("K2", datetime(2026, 11, 30, 19, 0), Kind.LOGIN,
                                               {"staff": "kim"}, "kim").seq)
            till.commit()
    done = write_skv(SqlUnitOfWork(sf), tmp_path / "skv.xml", DAY, DAY, None,
                     SkvSettings(StoreInfo()), now=NOW, progress=a_till_writes)
    assert written and done.entries > 1000
    assert len(events(ET.parse(tmp_path / "skv.xml").getroot(), "InloggningIKassaregister")) >= 1002
