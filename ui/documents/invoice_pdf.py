"""The invoice (faktura) as an A4 PDF: seller, buyer, lines, VAT per rate, total, due date, OCR
and bankgiro, over ``ui.documents.html_pdf``. The words are the invoice's own (Swedish: the
document a Swedish customer pays from), not the screen's language.

    invoice_pdf(invoice, Path("faktura-1000042.pdf"))
    data = invoice_pdf_bytes(invoice)  # the e-mail's attachment (integrations/mail/invoices.py)
"""
from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from pos.invoices import Invoice
from pos.money import format_kronor
from ui.documents.html_pdf import html_to_pdf, html_to_pdf_bytes

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


def _kr(ore: int) -> str:
    return format_kronor(ore).replace(" ", "&nbsp;")


def invoice_html(inv: Invoice) -> str:
    s, b = inv.seller, inv.buyer
    rows = "".join(
        f"<tr><td>{escape(ln.name)}</td><td align='right'>{ln.quantity}</td>"
        f"<td align='right'>{_kr(ln.unit_price)}</td><td align='right'>{ln.vat_rate.value}&nbsp;%</td>"
        f"<td align='right'>{_kr(ln.total)}</td></tr>" for ln in inv.lines)
    vat_rows = "".join(
        f"<tr><td>Moms {v.rate.value}&nbsp;%</td><td align='right'>{_kr(v.net)}</td>"
        f"<td align='right'>{_kr(v.vat)}</td><td align='right'>{_kr(v.gross)}</td></tr>"
        for v in inv.vat)
    buyer = "<br>".join(escape(x) for x in (b.name, *b.address))
    seller_addr = escape(s.address)
    return f"""
<html><body style="font-family: 'DejaVu Sans'; font-size: 10pt;">
<table width="100%"><tr>
<td width="55%"><span style="font-size: 18pt; font-weight: bold;">{escape(s.company)}</span><br>
{seller_addr}</td>
<td width="45%" align="right"><span style="font-size: 20pt; font-weight: bold;">FAKTURA</span><br>
Fakturanummer: <b>{escape(inv.number)}</b><br>
Fakturadatum: {inv.issued_on.isoformat()}<br>
Förfallodatum: <b>{inv.due_on.isoformat()}</b></td></tr></table>
<br>
<table width="100%"><tr>
<td width="55%"><b>Kund</b><br>{buyer}<br>Kundnummer: {escape(b.customer_id)}</td>
<td width="45%"><b>Betalningsreferens (OCR)</b><br>
<span style="font-size: 16pt; font-weight: bold;">{escape(inv.ocr)}</span><br>
Bankgiro: <b>{escape(s.bankgiro)}</b></td></tr></table>
<br>
<table width="100%" cellspacing="0" cellpadding="4" border="1" style="border-collapse: collapse;">
<tr style="background-color: #e8e8e8;"><th align="left">Artikel</th><th align="right">Antal</th>
<th align="right">À-pris</th><th align="right">Moms</th><th align="right">Belopp</th></tr>
{rows}
</table>
<br>
<table width="60%" align="right" cellspacing="0" cellpadding="4" border="1"
 style="border-collapse: collapse;">
<tr style="background-color: #e8e8e8;"><th align="left">Momssats</th><th align="right">Netto</th>
<th align="right">Moms</th><th align="right">Brutto</th></tr>
{vat_rows}
<tr><td><b>Summa</b></td><td align="right">{_kr(inv.total - inv.vat_total)}</td>
<td align="right">{_kr(inv.vat_total)}</td><td align="right"><b>{_kr(inv.total)}</b></td></tr>
</table>
<br clear="all"><br>
<p style="font-size: 14pt;">Att betala: <b>{_kr(inv.amount_due)} kr</b> senast
<b>{inv.due_on.isoformat()}</b> till bankgiro <b>{escape(s.bankgiro)}</b>
med OCR <b>{escape(inv.ocr)}</b>.</p>
<p>Vid betalning efter förfallodagen debiteras dröjsmålsränta enligt räntelagen.</p>
<hr>
<p style="font-size: 8pt;">{escape(s.company)} · Org.nr {escape(s.org_no)} ·
Momsreg.nr {escape(s.vat_id)} · Innehar F-skattsedel{' · Tel ' + escape(s.phone) if s.phone else ''}</p>
</body></html>"""


def invoice_pdf(inv: Invoice, path: Path) -> Path:
    return html_to_pdf(invoice_html(inv), path, title=f"Faktura {inv.number}")


def invoice_pdf_bytes(inv: Invoice) -> bytes:
    return html_to_pdf_bytes(invoice_html(inv), title=f"Faktura {inv.number}")


def print_invoice(inv: Invoice, printer: "QPrinter") -> None:
    """The invoice on ``printer`` (the same HTML and pages as its PDF); may run on a worker."""
    from ui.documents.html_pdf import html_to_printer

    html_to_printer(invoice_html(inv), printer, title=f"Faktura {inv.number}")
