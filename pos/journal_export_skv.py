"""The journal in the Swedish tax authority's standard export format, SKVFS 2021:16
(``Skatteverkets föreskrifter om standardexport av data i journalminne från kassaregister``).

What each journal kind becomes, and every point where the regulation had to be read, is in
``docs/skvfs-2021-16.md``. In short: a root ``ExportAvDataFranJournalminneEnligtSKVFS2021-16``
(namespace ``INSTANS``) with the opening elements (who exports, from which register, when, the
chosen period, the chosen registers, the company, each register system), then
``RegistreringLISTA`` with one ``Handelse`` per journal event the regulation names (``KOMPONENT``
namespace): receipts, returns, copies, drawer openings without a sale, X and Z reports, voided
sales (``AnvandaClear``), float changes, log-ins and log-outs. Journal kinds the regulation has
no element for are left out (``SKIPPED``); the regulation's events the till does not journal are
listed in the document, never made up here.

Streaming: the file is written a ``Handelse`` at a time from an iterable of entries, so a month
of sales needs the memory of one entry (plus a few numbers per register and shift), not the
journal's. Amounts are öre in the journal and kronor with two decimals here (``xs:decimal``,
a point, no grouping: ``-1234.50``); times ``YYYY-MM-DDThh:mm:ss`` without a zone (the
register's local time, as the journal keeps it).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from types import SimpleNamespace
from typing import IO, Any
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

from pos.errors import UserError, messages
from pos.journal import JournalEntry, Kind
from pos.sales import GOODS, line_kind
from pos.vat import VatRate, vat_included

INSTANS = "http://xmls.skatteverket.se/se/skatteverket/td/instans/utredningsstod/1.0"
KOMPONENT = "http://xmls.skatteverket.se/se/skatteverket/td/komponent/utredningsstod/1.0"
ROOT = "ExportAvDataFranJournalminneEnligtSKVFS2021-16"
TEXT_MAX = 72  # every free text element of the schema: 1..72 characters

ET.register_namespace("utreko", KOMPONENT)
ET.register_namespace("utrein", INSTANS)

# journal kinds with no element in the regulation (see the document for each)
SKIPPED = frozenset({Kind.COPY_REFUSED, Kind.RECEIPT_EMAIL, Kind.PRICE_OVERRIDE, Kind.VOID_LINE,
                     Kind.DISCOUNT_APPROVED, Kind.SHIFT_CLOSE, Kind.PARK, Kind.LOGIN_FAILED,
                     Kind.CARD_REFUND, Kind.TENDER_REMOVED, Kind.GIFT_CARD_SOLD,
                     Kind.STAFF_ADDED, Kind.STAFF_CHANGED, Kind.PIN_RESET, Kind.LOCKOUT_LIFTED,
                     Kind.OUTBOX_RETRY, Kind.REPORT_COPY, Kind.CUSTOMER_CREATED,
                     Kind.CUSTOMER_CHANGED})


@dataclass(frozen=True)
class RegisterSystem:
    """What the regulation asks of each register system (``Kassaregistersystemet``)."""
    register_id: str  # Kassabeteckning
    serial: str  # TillverkningsnummerForKassaregistret (the manufacturer's declaration)
    control_unit: str  # TillverkningsnummerForKontrollenheten
    model: str = "OmniPOS"
    program: str = "OmniPOS kassaprogram"
    version: str = "1.0"


@dataclass(frozen=True)
class SkvCompany:
    org_no: str  # 10 digits (organisationsnummer) or 12 (personnummer); "-" and spaces dropped
    name: str
    address: str  # where the sale takes place
    business_name: str = ""  # NamnPaVerksamheten (optional)

    @property
    def number(self) -> str:
        return "".join(c for c in self.org_no if c.isdigit())


@dataclass(frozen=True)
class SkvExport:
    """The opening elements: the period and registers chosen, who exports from where, when."""
    company: SkvCompany
    systems: tuple[RegisterSystem, ...]  # the chosen registers, in order
    start: datetime
    end: datetime
    exported_at: datetime
    exported_from: str  # BeteckningPaDetKassaregisterSomExportAvDataFranJournalminnetSkerIfran
    exported_by: str = ""


@dataclass
class ShiftTally:
    """Figures of one shift that its report's journal entry does not keep, counted from the
    journal's own entries of that shift (up to the report)."""
    returns: int = 0  # return receipts
    returns_total: int = 0  # öre given back for returned articles (positive)
    copies: int = 0
    copies_total: int = 0
    drawer_openings: int = 0
    float_total: int = 0  # the opening float and the changes to it since (öre)


@dataclass
class RegisterTally:
    """A register's running figures while its entries stream past."""
    shift: ShiftTally = field(default_factory=ShiftTally)
    returns_ever: int = 0  # every return's amount since the register's first entry (positive)

    def see(self, e: JournalEntry, p: dict[str, Any]) -> None:
        if e.kind == Kind.SHIFT_OPEN:
            self.shift = ShiftTally(float_total=int(p.get("float") or 0))
        elif e.kind in (Kind.CASH_IN, Kind.CASH_OUT):
            self.shift.float_total += _float_change(e, p)
        elif e.kind == Kind.RETURN:
            back = returned_amount(p)
            self.shift.returns += 1
            self.shift.returns_total += back
            self.returns_ever += back
        elif e.kind == Kind.COPY:
            self.shift.copies += 1
        elif e.kind == Kind.DRAWER_OPEN:
            self.shift.drawer_openings += 1


def returned_amount(p: dict[str, Any]) -> int:
    """Öre given back for the returned articles of a sale (positive): its negative lines."""
    return -sum(int(ln["total"]) for ln in p.get("lines", ()) if int(ln["total"]) < 0)


def _float_change(e: JournalEntry, p: dict[str, Any]) -> int:
    amount = int(p.get("amount") or 0)
    return -abs(amount) if e.kind == Kind.CASH_OUT else abs(amount)


# --- values in the regulation's formats ---------------------------------------------------------


def kronor(ore: int) -> str:
    """Öre as the schema's decimal: ``-1234.05`` (two decimals, a point, no grouping)."""
    sign = "-" if ore < 0 else ""
    whole, part = divmod(abs(int(ore)), 100)
    return f"{sign}{whole}.{part:02d}"


def rate(text: object) -> str:
    """A VAT rate in percent as the schema's decimal (``25.00``)."""
    hundredths = (Decimal(str(text)) * 100).quantize(Decimal(1), ROUND_HALF_UP)
    return kronor(int(hundredths))


def moment(ts: str | datetime) -> str:
    """The journal's ISO time as ``YYYY-MM-DDThh:mm:ss`` (no fraction, no zone)."""
    text = ts.isoformat() if isinstance(ts, datetime) else ts
    return text[:19]


def text(value: object) -> str:
    return str(value)[:TEXT_MAX] if value not in (None, "") else "-"


def _el(parent: ET.Element, name: str, value: object | None = None) -> ET.Element:
    e = ET.SubElement(parent, f"{{{KOMPONENT}}}{name}")
    if value is not None:
        e.text = str(value)
    return e


def _new(name: str) -> ET.Element:
    return ET.Element(f"{{{KOMPONENT}}}{name}")


# --- the events ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """What the events need beyond their own entry."""
    export: SkvExport
    system: Callable[[str], RegisterSystem]
    z_number: Callable[[str, int | None], int | None]  # (register, shift) -> its Z report's number
    original: Callable[[str, int], tuple[str, dict[str, Any]] | None]  # copy -> (ts, sale payload)
    receipt_no_of: Callable[[str], int | None] = lambda sale_id: None  # a sale's receipt number


def _articles(parent: ET.Element, p: dict[str, Any], at: str) -> None:
    items = _el(parent, "SaldaArtiklarLISTA")
    lines = list(p.get("lines", ()))
    vat_of_line = _line_vat(lines, p.get("vat", ()))
    for ln, vat in zip(lines, vat_of_line):
        a = _el(items, "SaldArtikel")
        _el(a, "TypAvArtikel", article_type(ln))
        if ln.get("sku"):
            _el(a, "Artikelnummer", text(ln["sku"]))
        _el(a, "Artikelnamn", text(ln.get("name")))
        _el(a, "AntalAvSaldArtikel", f"{int(ln['quantity'])}.00")
        if ln.get("weight"):
            _el(a, "MangdAvSaldArtikel", text(ln["weight"]))
            _el(a, "EnhetForViktLangdTidEllerVolym", "kg")
        _el(a, "PrisPerEnhet", kronor(int(ln["unit_price"])))
        _el(a, "PrisPaSaldArtikel", kronor(int(ln["total"])))
        if int(ln.get("discount") or 0):
            d = _el(_el(a, "RabatterPaSaldArtikelLISTA"), "RabattPaSaldArtikel")
            _el(d, "RabattensBelopp", kronor(int(ln["discount"])))
        _el(a, "MervardesskattesatsForSaldArtikel", rate(ln["vat_rate"]))
        _el(a, "MervardesskattPaSaldArtikel", kronor(vat))
        _el(a, "ArtikelnsRegistreringstidpunkt", at)
    if not lines:  # the schema wants one article; a sale without lines has never been written
        raise ValueError("a receipt without articles")


def article_type(line: dict[str, Any]) -> str:
    """``VARA`` for goods; ``TJANST`` for what is not goods: an invoice paid at the till, a gift
    card sold (the schema knows only these two)."""
    kind = line_kind(SimpleNamespace(variant_id=line.get("variant_id", ""),
                                     sku=line.get("sku", "")))
    return "VARA" if kind == GOODS else "TJANST"


def _line_vat(lines: list[dict[str, Any]], vat: Iterable[Any]) -> list[int]:
    """Each line's VAT: ``total * r / (100 + r)`` rounded, the öre the rounding leaves between
    the lines and the receipt's VAT for that rate put on the rate's largest line, so the lines
    add up to what the receipt says exactly."""
    out = [vat_included(int(ln["total"]), VatRate.from_percent(ln["vat_rate"])) for ln in lines]
    for r, _gross, amount in vat:
        idx = [i for i, ln in enumerate(lines) if str(ln["vat_rate"]) == str(r)]
        if idx:
            biggest = max(idx, key=lambda i: abs(int(lines[i]["total"])))
            out[biggest] += int(amount) - sum(out[i] for i in idx)
    return out


def _money_part(parent: ET.Element, p: dict[str, Any]) -> None:
    _el(parent, "TotaltForsaljningsbeloppISvenskaKronor", kronor(int(p["total"])))
    vat = list(p.get("vat", ()))
    _el(parent, "MervardesskattPaForsaljningsbeloppet", kronor(sum(int(v[2]) for v in vat)))
    tenders = _el(parent, "TotalaForsaljningssummorPerBetalningsmedelLISTA")
    paid = list(p.get("tenders", ())) or [["ingen", 0]]
    for method, amount in paid:
        t = _el(tenders, "TotalForsaljningssummaPerBetalningsmedel")
        _el(t, "Betalningsmedel", text(method))
        _el(t, "ForsaljningssummaPerBetalningsmedel", kronor(int(amount)))
    rates = _el(parent, "MervardesskattPaOlikaSkattesatserLISTA")
    for r, _gross, amount in vat or [["0", 0, 0]]:
        v = _el(rates, "MervardesskattPerSkattesats")
        _el(v, "Mervardesskattesats", rate(r))
        _el(v, "TotaltMervardesskattebeloppPerSkattesats", kronor(int(amount)))


def _company(parent: ET.Element, ctx: Context, *, address: bool = True) -> None:
    c = ctx.export.company
    _el(parent, "ForetagetsNamn", text(c.name))
    _el(parent, "OrganisationsnummerEllerPersonnummer", c.number)
    if address:
        _el(parent, "DenAdressDarForsaljningSker", text(c.address))


def _z_of(ctx: Context, register_id: str, p: dict[str, Any]) -> str:
    z = ctx.z_number(register_id, p.get("shift"))
    return str(z) if z is not None else "0"  # the period is not closed by a Z report yet


def receipt(e: JournalEntry, p: dict[str, Any], ctx: Context) -> ET.Element:
    """A sale (``Kassakvitto``) or a sale with returned articles (``Returkvitto``)."""
    is_return = e.kind == Kind.RETURN
    r = _new("Returkvitto" if is_return else "Kassakvitto")
    _company(r, ctx)
    _el(r, "DatumOchKlockslagNarReturkvittoFramstalls" if is_return
        else "DatumOchKlockslagNarKvittoFramstalls", moment(e.ts))
    _el(r, "LopnummerForKassakvitto", int(p["receipt_no"]))
    if is_return:
        original = _original_receipt_no(p, ctx)
        if original is not None:
            _el(r, "LopnummerForUrsprungligtKassakvitto", original)
    _el(r, "Kassabeteckning", e.register_id)
    _articles(r, p, moment(e.ts))
    _money_part(r, p)
    _el(r, "LopnummerForZDagrapportPaKvitto", _z_of(ctx, e.register_id, p))
    _el(r, "TillverkningsnummerForKontrollenheten", ctx.system(e.register_id).control_unit)
    _el(r, "Kontrollkod", p["control_code"])
    return r


def _original_receipt_no(p: dict[str, Any], ctx: Context) -> int | None:
    """The receipt the returned articles were bought on, when every returned line names the
    same store sale (``returned_from.sale_id``); None for a web order's or several sales'."""
    found = {ln["returned_from"].get("sale_id") for ln in p.get("lines", ())
             if isinstance(ln.get("returned_from"), dict)}
    found.discard(None)
    found.discard("")
    return ctx.receipt_no_of(found.pop()) if len(found) == 1 else None


def copy(e: JournalEntry, p: dict[str, Any], ctx: Context) -> ET.Element | None:
    """A receipt copy (``KopiaAvKassakvitto``): the original sale's content, found by its
    receipt number; None (left out, see the document) when the original is not in the journal."""
    found = ctx.original(e.register_id, int(p["receipt_no"]))
    if found is None:
        return None
    original_ts, sale = found
    c = _new("KopiaAvKassakvitto")
    _company(c, ctx)
    _el(c, "DatumOchKlockslagNarKvittoFramstalls", moment(e.ts))
    _el(c, "DatumOchKlockslagNarOriginalkvittoFramstalldes", moment(original_ts))
    _el(c, "LopnummerForKvittokopia", int(sale["receipt_no"]))  # a copy carries its original's
    _el(c, "LopnummerPaOriginalkvitto", int(sale["receipt_no"]))
    _el(c, "Kassabeteckning", e.register_id)
    _articles(c, sale, moment(original_ts))
    _money_part(c, sale)
    _el(c, "LopnummerForZDagrapportPaKvitto", _z_of(ctx, e.register_id, sale))
    _el(c, "TillverkningsnummerForKontrollenheten", ctx.system(e.register_id).control_unit)
    _el(c, "KontrollkodForKvittotSomKopianAvser", sale["control_code"])
    return c


def report(e: JournalEntry, p: dict[str, Any], ctx: Context, tally: RegisterTally) -> ET.Element:
    """An X report (``XDagrapport``) or a Z report (``ZDagrapport``)."""
    is_z = e.kind == Kind.Z_REPORT
    r = _new("ZDagrapport" if is_z else "XDagrapport")
    _company(r, ctx, address=False)
    _el(r, "DatumOchKlockslagNarRapportFramstalls", moment(e.ts))
    if is_z:
        _el(r, "LopnummerForZDagrapport", int(p["z_number"]))
    _el(r, "Kassabeteckning", e.register_id)
    if is_z:
        s = ctx.system(e.register_id)
        _el(r, "TillverkningsnummerForKassaregistret", s.serial)
        _el(r, "ModellbeteckningForKassaregistret", text(s.model))
        _el(r, "ModellEllerProgramForKassaregistret", text(s.program))
        _el(r, "VersionsnummerForKassaregistret", text(s.version))
    shift = tally.shift
    _el(r, "TotalForsaljningssumma", kronor(int(p["gross_sales"])))
    rates = _el(r, "MervardesskattPaOlikaSkattesatserLISTA")
    for rt, _gross, amount in list(p.get("vat", ())) or [["0", 0, 0]]:
        v = _el(rates, "MervardesskattPerSkattesats")
        _el(v, "Mervardesskattesats", rate(rt))
        _el(v, "TotaltMervardesskattebeloppPerSkattesats", kronor(int(amount)))
    _el(r, "VaxelkassansBeloppISvenskaKronor", kronor(shift.float_total))
    _el(r, "AntalKassakvitton", int(p["sales_count"]))
    _el(r, "AntalKassaladoppningar", shift.drawer_openings)
    _el(r, "AntalKvittokopior", shift.copies)
    tenders = _el(r, "TotalaForsaljningssummorPerBetalningsmedelLISTA")
    for method, amount in list(p.get("tenders", ())) or [["ingen", 0]]:
        t = _el(tenders, "TotalForsaljningssummaPerBetalningsmedel")
        _el(t, "Betalningsmedel", text(method))
        _el(t, "ForsaljningssummaPerBetalningsmedel", kronor(int(amount)))
    _el(r, "AntalReturer", shift.returns)
    _el(r, "ReturernasBelopp", kronor(shift.returns_total))
    _el(r, "RabatternasBelopp", kronor(int(p.get("discounts") or 0)))
    _el(r, "AntalOvrigaRegistreringarSomMinskatDagensForsaljningsbelopp", 0)
    _el(r, "TotaltBeloppAvOvrigaRegistreringarSomMinskatDagensForsaljningsbelopp", kronor(0))
    parked = list(p.get("parked") or [0, 0])
    _el(r, "AntalOavslutadeForsaljningar", int(parked[0]))
    _el(r, "TotaltBeloppAvOavslutadeForsaljningar", kronor(int(parked[1])))
    net = int(p["grand_total"])
    _el(r, "GrandTotalForsaljning", kronor(net + tally.returns_ever))
    _el(r, "GrandTotalRetur", kronor(tally.returns_ever))
    _el(r, "GrandTotalNetto", kronor(net))
    return r


def event(e: JournalEntry, ctx: Context, tally: RegisterTally) -> ET.Element | None:
    """The ``Handelse`` of one journal entry, or None when the regulation has no element for it.
    ``tally`` is the register's running figures and is moved on by this entry."""
    p = e.payload
    body: ET.Element | None = None
    if e.kind in (Kind.SALE, Kind.RETURN):
        body = receipt(e, p, ctx)
    elif e.kind == Kind.COPY:
        body = copy(e, p, ctx)
    elif e.kind == Kind.DRAWER_OPEN and p.get("receipt_no") is None:
        body = _yes("OppnaKassaladaVidNollforsaljning")
    elif e.kind == Kind.VOID_SALE:
        body = _yes("AnvandaClear")
    elif e.kind in (Kind.SHIFT_OPEN, Kind.CASH_IN, Kind.CASH_OUT):
        change = int(p.get("float") or 0) if e.kind == Kind.SHIFT_OPEN else _float_change(e, p)
        body = _new("ForandraVaxelkassa")
        _el(body, "ForandringAvVaxelkassaISvenskaKronor", kronor(change))
    elif e.kind == Kind.LOGIN and not p.get("kiosk_exit"):
        body = _yes("InloggningIKassaregister")
    elif e.kind == Kind.LOGOUT:
        body = _yes("UtloggningUrKassaregister")
    tally.see(e, p)  # a report counts what came before it in its shift, itself excluded
    if e.kind in (Kind.X_REPORT, Kind.Z_REPORT):
        body = report(e, p, ctx, tally)
    if body is None:
        return None
    h = _new("Handelse")
    user = p.get("user")
    if user:
        _el(h, "InloggadAnvandare", text(user))
    _el(h, "Kassabeteckning", e.register_id)
    _el(h, "Registreringstidpunkt", moment(e.ts))
    h.append(body)
    return h


def _yes(name: str) -> ET.Element:
    e = _new(name)
    e.text = "JA"
    return e


# --- the file -----------------------------------------------------------------------------------


def header(x: SkvExport) -> bytes:
    """The XML declaration, the root's start tag and the opening elements."""
    parts = []
    if x.exported_by:
        parts.append(_leaf("InloggadAnvandareVidExportAvDataFranJournalminnet",
                           text(x.exported_by)))
    parts.append(_leaf("BeteckningPaDetKassaregisterSomExportAvDataFranJournalminnetSkerIfran",
                       text(x.exported_from)))
    parts.append(_leaf("TidpunktForNarExportAvDataFranJournalminnetSker", moment(x.exported_at)))
    period = _new("ValdPeriodForExportAvDataFranJournalminne")
    _el(period, "ValdStarttidpunktForExportAvDataFranJournalminnet", moment(x.start))
    _el(period, "ValdSluttidpunktForExportAvDataFranJournalminnet", moment(x.end))
    chosen = _new("BeteckningPaValdaKassaregisterForExportAvDataFranJournalminnenLISTA")
    for s in x.systems:
        _el(chosen, "BeteckningPaValtKassaregisterForExportAvDataFranJournalminnet",
            text(s.register_id))
    company = _new("InformationOmForetaget")
    _el(company, "OrganisationsnummerEllerPersonnummer", x.company.number)
    _el(company, "ForetagetsNamn", text(x.company.name))
    if x.company.business_name:
        _el(company, "NamnPaVerksamheten", text(x.company.business_name))
    _el(company, "DenAdressDarForsaljningSker", text(x.company.address))
    systems = _new("KassaregistersystemLISTA")
    for s in x.systems:
        k = _el(systems, "Kassaregistersystemet")
        _el(k, "TillverkningsnummerForKassaregistret", s.serial)
        _el(k, "ModellbeteckningForKassaregistret", text(s.model))
        _el(k, "ModellEllerProgramForKassaregistret", text(s.program))
        _el(k, "VersionsnummerForKassaregistret", text(s.version))
        _el(k, "Kassabeteckning", text(s.register_id))
        _el(k, "TillverkningsnummerForKontrollenheten", s.control_unit)
    body = b"".join(parts) + b"".join(_bytes(e) for e in (period, chosen, company, systems))
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n'
            + f'<utrein:{ROOT} xmlns:utrein="{INSTANS}" xmlns:utreko="{KOMPONENT}">'.encode()
            + body + b"<utreko:RegistreringLISTA>")


FOOTER = f"</utreko:RegistreringLISTA></utrein:{ROOT}>\n".encode()


def _leaf(name: str, value: str) -> bytes:
    return f"<utreko:{name}>{escape(value)}</utreko:{name}>".encode()


def _bytes(e: ET.Element) -> bytes:
    """An element as UTF-8 with the root's prefix and no declarations of its own (the root
    declares both namespaces): every element here is in ``KOMPONENT``, none has attributes."""
    out: list[str] = []
    _serialize(e, out)
    return "".join(out).encode()


_PREFIX = len(KOMPONENT) + 2  # "{" + namespace + "}"


def _serialize(e: ET.Element, out: list[str]) -> None:
    name = "utreko:" + e.tag[_PREFIX:]
    out.append(f"<{name}>")
    if e.text:
        out.append(escape(e.text))
    for child in e:
        _serialize(child, out)
    out.append(f"</{name}>")


@dataclass
class Written:
    events: int = 0  # Handelse elements written
    entries: int = 0  # journal entries read
    skipped: dict[str, int] = field(default_factory=dict)  # kind -> entries with no element


def write(out: IO[bytes], x: SkvExport, entries: Iterable[JournalEntry], ctx: Context,
          tallies: dict[str, RegisterTally],
          progress: Callable[[int], None] | None = None) -> Written:
    """The whole file to ``out``, one ``Handelse`` at a time. ``tallies``: each register's
    figures as of the first entry (counted from the entries before the period)."""
    done = Written()
    out.write(header(x))
    for e in entries:
        done.entries += 1
        h = event(e, ctx, tallies.setdefault(e.register_id, RegisterTally()))
        if h is None:
            done.skipped[e.kind] = done.skipped.get(e.kind, 0) + 1
        else:
            out.write(_bytes(h))
            done.events += 1
        if progress is not None and done.entries % 1000 == 0:
            progress(done.entries)
    if done.events == 0:  # the schema wants at least one Handelse
        raise NothingToExport()
    out.write(FOOTER)
    return done


SKV_MESSAGES = messages({
    "journal.skv_nothing": "the period holds nothing the tax authority's format records "
                           "(no receipts, reports, drawer openings or log-ins)",
})


class NothingToExport(UserError):
    """The period holds no event the regulation names (the schema wants at least one)."""

    def __init__(self) -> None:
        super().__init__("journal.skv_nothing")
