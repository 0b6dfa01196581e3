"""What goes on a Swedish receipt and report, laid out as a ``ReceiptDocument``.

Content follows SKVFS 2014:9: company and org. number, store address, register id, date and time,
an unbroken receipt number, lines with quantities, amounts incl. VAT, total, VAT per rate, tenders,
the control unit's serial number and the control code. A copy says KOPIA in at least twice the size
of the total.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pos.measure import format_kg
from pos.money import format_kronor as kr
from pos.invoices import is_invoice_payment
from pos.receipt import (Align, Barcode, Block, Columns, Feed, QrCode, ReceiptBuilder, ReceiptDocument,
                         Rule, Text)
from pos.delivery import Delivery
from pos.receipt_delivery import delivery_section
from pos.sales import Sale
from pos.shifts import Report


# Characters on a line of 58 mm paper: a name and its amount that fit here fit on every printer.
NARROWEST_LINE = 32


@dataclass(frozen=True)
class StoreInfo:
    company: str = "Omnihandeln Sverige AB"
    org_no: str = "556677-8899"
    store_name: str = "Omnihandeln Göteborg"
    address: str = "Kungsgatan 12, 411 19 Göteborg"
    phone: str = "031-123 45 67"
    receipt_url: str = "https://kvitto.omnihandeln.se/r/"  # digital receipt link base
    footer: str = "Öppet köp 30 dagar mot kvitto. Tack för ditt besök!"
    gift_card_valid_days: int = 730  # a gift card sold is valid this long ([gift_cards] valid_days)


def _header(b: ReceiptBuilder, store: StoreInfo, register_id: str) -> None:
    b.add(Text(store.store_name, Align.CENTER, bold=True, size=2),
          Text(store.company, Align.CENTER),
          Text(f"Org.nr {store.org_no}", Align.CENTER),
          Text(store.address, Align.CENTER))
    if store.phone:
        b.add(Text(f"Tel {store.phone}", Align.CENTER))
    b.add(Text(f"Kassa {register_id}", Align.CENTER), Rule())


def footer(text: str) -> tuple[Text, ...]:
    """The store's footer, centred, a sentence a line ("Öppet köp 30 dagar mot kvitto." /
    "Tack för ditt besök!"); a sentence too long for the paper breaks between words."""
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    return tuple(Text(s, Align.CENTER) for s in sentences if s)


def return_heading(code: str, kind: str) -> str:
    """What a return line's purchase is called on the receipt: the original receipt (its code,
    as the customer's receipt barcode carries it), the web order, or no receipt."""
    if kind == "web_order":
        return f"Retur av webborder {code}"
    if kind == "no_receipt":
        return "Retur utan kvitto"
    return f"Retur av kvitto {code}"


def sale_receipt(sale: Sale, store: StoreInfo, control_unit_serial: str, *,
                 copy: bool = False, open_drawer: bool = False,
                 delivery: Delivery | None = None) -> ReceiptDocument:
    b = ReceiptBuilder()
    if copy:
        b.add(Text("KOPIA", Align.CENTER, bold=True, size=2), Feed())
    _header(b, store, sale.register_id)
    if sale.is_return:  # a return receipt: it gives back more than it takes
        b.add(Text("RETURKVITTO", Align.CENTER, bold=True, size=2))
    elif sale.lines and all(is_invoice_payment(ln.variant_id) for ln in sale.lines):
        b.add(Text("INBETALNING FAKTURA", Align.CENTER, bold=True))  # an invoice paid here
    b.add(Columns(f"Kvitto nr {sale.receipt_no}", sale.completed_at.strftime("%Y-%m-%d %H:%M")),
          Text(f"Kassör: {sale.cashier_name}"))
    if sale.customer_name:
        b.add(Text(f"Kund: {sale.customer_name}"))
    if sale.web_cart_id:
        b.add(Text(f"Webbkorg: {sale.web_cart_id}"))
    b.add(Rule())
    order_no = ""
    returned_from = ""
    for line in sale.lines:
        if line.returned_from is not None:  # a returned article: what, from which purchase
            if line.returned_from.code != returned_from:
                b.add(Text(return_heading(line.returned_from.code, line.returned_from.kind.value)))
            returned_from = line.returned_from.code
            b.add(Text(f"Retur {line.name}"),
                  Columns(f"  {line.quantity} st", kr(line.total)),
                  Text(f"  {'Till lager' if line.returned_from.restock else 'Kasseras'}"
                       f", {line.returned_from.reason_label or line.returned_from.reason}"))
            continue
        if line.order_no and line.order_no != order_no:  # a web order paid here
            b.add(Text(f"Webborder #{line.order_no} (hämtas i butik)"))
        order_no = line.order_no
        per = " kr/kg" if line.weight is not None else ""
        if line.weight is not None:  # a weighed article: its weight and price per kg
            b.add(Text(line.name), Columns(f"  {format_kg(line.weight)} kg à "
                                           f"{kr(line.unit_price)} kr/kg", kr(line.gross)))
        elif line.quantity == 1 and len(line.name) + len(kr(line.unit_price)) < NARROWEST_LINE:
            b.add(Columns(line.name, kr(line.unit_price)))
        else:
            b.add(Text(line.name), Columns(f"  {line.quantity} st à {kr(line.unit_price)}",
                                           kr(line.gross)))
        if line.original_price is not None:
            b.add(Text(f"  Ordinarie pris {kr(line.original_price)}{per}"))
        for promo in line.promotions:
            b.add(Columns(f"  Kampanj {promo.code}", f"-{kr(promo.amount)}"))
        if line.manual_discount:
            b.add(Columns("  Rabatt", f"-{kr(line.manual_discount)}"))
    b.add(Rule())
    if sale.discount:
        b.add(Columns("Varav rabatt", f"-{kr(sale.discount)}"))
    b.add(Columns("TOTALT", kr(sale.total), bold=True, size=2 if not copy else 1))
    if sale.rounding:
        b.add(Columns("Öresavrundning", kr(sale.rounding)))
        if sale.is_return:
            b.add(Columns("Att få tillbaka", kr(-sale.paid), bold=True))
        else:
            b.add(Columns("Att betala", kr(sale.paid), bold=True))
    b.add(Feed())
    for t in sale.tenders:
        if t.amount < 0:  # money given back (a return)
            card = f" ****{t.masked_pan[-4:]}" if t.masked_pan else ""
            b.add(Columns(f"Återbetalt {t.method.label}{card}", kr(t.amount)))
            if t.terminal_ref:
                b.add(Text(f"  Ref {t.terminal_ref}"))
        elif t.method.counts_as_cash:
            b.add(Columns(t.method.label, kr(t.received)))
            if t.change:
                b.add(Columns("Växel", kr(t.change)))
        else:
            brand = "" if t.brand.lower() == t.method.label.lower() else t.brand
            card = f"{brand} {t.masked_pan[-4:] and '****' + t.masked_pan[-4:]}".strip()
            b.add(Columns(f"{t.method.label} {card}".rstrip(), kr(t.amount)))
            if t.auth_code:
                b.add(Text(f"  Godk.kod {t.auth_code}  Ref {t.terminal_ref}"))
    if delivery is not None:  # what is sent home (ship-to-home): order, address, date
        b.add(Rule(), *delivery_section(sale, delivery))
    b.add(*gift_card_section(sale, store.gift_card_valid_days))  # gift cards sold: code as barcode and QR, value, validity
    # the table's amounts without the thousands' space: with it, columns one space apart ran
    # together ("430,80 1 723,20"); the table fits 32 columns (58 mm paper) as it is
    b.add(Rule(), Columns("Moms %", "Moms    Netto    Brutto"))
    for v in sale.vat:
        b.add(Columns(f"{v.rate.value} %",
                      f"{_plain(v.vat):>7} {_plain(v.net):>8} {_plain(v.gross):>9}"))
    b.add(Rule())
    card_lines = [ln for t in sale.tenders for ln in t.receipt_lines]
    if card_lines:
        b.add(*(Text(ln) for ln in card_lines), Rule())
    b.add(Text(f"Kontrollenhet {control_unit_serial}"),
          Text(f"Kontrollkod {sale.control_code or '-'}"),
          Feed(), Barcode(sale.receipt_code))  # the printer prints the code under its bars
    if store.receipt_url and not copy:
        b.add(QrCode(store.receipt_url + sale.id, caption="Digitalt kvitto"))
    b.add(*footer(store.footer))
    if copy:
        b.add(Feed(), Text("KOPIA", Align.CENTER, bold=True, size=2))
    return b.build(kind="copy" if copy else "return" if sale.is_return else "sale",
                   receipt_no=str(sale.receipt_no), open_drawer=open_drawer)


def report_document(report: Report, store: StoreInfo) -> ReceiptDocument:
    b = ReceiptBuilder()
    _header(b, store, report.register_id)
    b.add(Text(f"{report.kind}-RAPPORT", Align.CENTER, bold=True, size=2),
          Text("Dagsavslut" if report.kind == "Z" else "Avläsning, nollställer inte",
               Align.CENTER))
    if report.z_number is not None:
        b.add(Text(f"Z-nummer {report.z_number}", Align.CENTER))
    b.add(Columns("Skift öppnat", report.opened_at.strftime("%Y-%m-%d %H:%M")),
          Columns("Utskrivet", report.printed_at.strftime("%Y-%m-%d %H:%M")),
          Rule(),
          Columns("Försäljning", f"{report.sales_count} st"),
          Columns("Sålda artiklar", f"{report.item_count} st"),
          Columns("Bruttoförsäljning", kr(report.gross_sales)),
          Columns("Returer", f"{report.returns_count} st  {kr(-report.returns_total)}"),
          Columns("Rabatter", kr(report.discounts_total)))
    if report.promotions:
        b.add(Columns("  varav kampanjer", kr(report.promotions_total)),
              *(Columns(f"    {code}", kr(amount)) for code, amount in report.promotions))
    b.add(Columns("Öresavrundning", kr(report.rounding_total)))
    if report.invoice_payments or report.gift_cards_sold:  # taken, but no sales
        b.add(Rule(), Text("Ej försäljning", bold=True))
        if report.invoice_payments:
            b.add(Columns("Inbetalda fakturor", kr(report.invoice_payments)))
        if report.gift_cards_sold:
            b.add(Columns("Sålda presentkort", kr(report.gift_cards_sold)))
    b.add(Rule(), Text("Moms per sats", bold=True))
    for v in report.vat:
        b.add(Columns(f"{v.rate.value} %  netto {kr(v.net)}", f"moms {kr(v.vat)}"))
    labels = dict(report.method_labels)
    if report.returns_count:
        b.add(Rule(), Text("Returer per momssats", bold=True))
        for v in report.returns_vat:
            b.add(Columns(f"{v.rate.value} %  brutto {kr(v.gross)}", f"moms {kr(v.vat)}"))
        b.add(Text("Återbetalt per betalsätt", bold=True))
        for method, amount in report.refunds:
            b.add(Columns(labels.get(method, method), kr(amount)))
    b.add(Rule(), Text("Betalsätt (netto)" if report.refunds else "Betalsätt", bold=True))
    for method, amount in report.tenders:
        b.add(Columns(labels.get(method, method), kr(amount)))
    b.add(Rule(),
          Columns("Växelkassa", kr(report.opening_float)),
          Columns("Insättningar", kr(report.cash_in)),
          Columns("Uttag", kr(-report.cash_out)),
          Columns("Förväntat i kassalådan", kr(report.expected_cash)))
    if report.counted_cash is not None and report.variance is not None:
        if report.cash_count:
            b.add(Text("Räknat per valör", bold=True))
            b.add(*(Columns(f"  {d // 100} kr x {n}", kr(d * n)) for d, n in report.cash_count
                    if n))
        b.add(Columns("Räknat", kr(report.counted_cash)),
              Columns("Differens", kr(report.variance), bold=True))
        if report.variance_approved_by:
            b.add(Text(f"Differensen godkänd av {report.variance_approved_by}"))
    if report.parked_count:
        b.add(Rule(), Columns("Parkerade köp", f"{report.parked_count} st  "
                                                f"{kr(report.parked_total)}", bold=True),
              Text("Ligger kvar parkerade till nästa skift"))
    b.add(Rule(),
          Columns("Kvitton", f"{report.first_receipt or '-'} - {report.last_receipt or '-'}"),
          Columns("Kopior", str(report.copies)),
          Columns("Lådöppningar", str(report.drawer_openings)),
          Columns("Prisändringar", str(report.price_overrides)),
          Columns("Makuleringar", str(report.voids)),
          Rule(),
          Columns("Grand total", kr(report.grand_total), bold=True))
    return b.build(kind=f"report_{report.kind.lower()}")


def test_receipt(store: StoreInfo, register_id: str, printed_at: str) -> ReceiptDocument:
    """A test page: Swedish letters and the euro sign, sizes, columns, a barcode and a QR code,
    so one look at the paper shows whether code page, width and cutter are set right."""
    b = ReceiptBuilder()
    _header(b, store, register_id)
    b.add(Text("TESTKVITTO", Align.CENTER, bold=True, size=2),
          Text("EJ KVITTO", Align.CENTER, bold=True, size=2),
          Text(printed_at, Align.CENTER), Rule(),
          Text("Åsa Öberg åt ärtsoppa på Västerlånggatan"),
          Text("ÅÄÖ åäö É é Ü ü € £ § ½"),
          Columns("Vänster", "Höger"),
          Columns("Stor text", "123,45", bold=True, size=2),
          Rule("="), Barcode("R-TEST-000000"), QrCode(store.receipt_url + "test", caption="QR"),
          Text("Papperet skärs av här nedan", Align.CENTER))
    return b.build(kind="test")


def gift_card_section(sale: Sale, valid_days: int | None = None) -> list[Block]:
    """A gift card sold on the sale: its value, last day (``valid_days`` after the sale; the
    store's default when not given), and its code as a barcode and a QR code to scan when it
    is spent (a return receipt prints none)."""
    from datetime import timedelta

    from pos.gift_cards import GIFT_CARD_SKU, GiftCardRules, code_of_variant

    days = GiftCardRules().valid_days if valid_days is None else valid_days
    out: list[Block] = []
    for line in sale.lines:
        code = code_of_variant(line.variant_id) if line.sku == GIFT_CARD_SKU else None
        if not code or line.is_return:
            continue
        last = (sale.completed_at + timedelta(days=days)).strftime("%Y-%m-%d")
        out += [Rule(), Text("PRESENTKORT", Align.CENTER, bold=True, size=2),
                Columns("Värde", kr(line.total), bold=True), Text(f"Giltigt t.o.m. {last}"),
                Text("Gäller i butik och på webben. Moms betalas när kortet används."),
                Barcode(code), QrCode(code, caption=code)]
    return out


def _plain(amount: int) -> str:
    """Öre as kronor without the thousands' space, for a table's columns: "1723,20"."""
    return kr(amount).replace(" ", "")
