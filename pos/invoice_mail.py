"""The invoice by e-mail: its subject and its text, in the invoice's own words (Swedish: the
document a Swedish customer pays from), naming what the customer needs to pay without opening
the PDF: the invoice number, the amount due, the due date, the OCR reference and the bankgiro.
The PDF is attached by the mail adapter (``integrations/mail/invoices.py``)."""
from __future__ import annotations

from pos.invoices import Invoice
from pos.money import format_kronor


def invoice_subject(inv: Invoice) -> str:
    return f"Faktura {inv.number} från {inv.seller.company}"


def invoice_text(inv: Invoice) -> str:
    hello = f"Hej {inv.buyer.name}!" if inv.buyer.name else "Hej!"
    return (f"{hello}\n\n"
            f"Här är din faktura {inv.number} från {inv.seller.company} (som PDF i bilagan).\n\n"
            f"Fakturanummer:  {inv.number}\n"
            f"Att betala:     {format_kronor(inv.amount_due)} kr\n"
            f"Förfallodatum:  {inv.due_on.isoformat()}\n"
            f"Bankgiro:       {inv.seller.bankgiro}\n"
            f"OCR-nummer:     {inv.ocr}\n\n"
            "Ange OCR-numret när du betalar, så hittar vi din betalning.\n"
            "Du kan också betala fakturan i någon av våra butiker.\n\n"
            f"Med vänliga hälsningar\n{inv.seller.company}\n"
            f"Org.nr {inv.seller.org_no}"
            + (f" · Tel {inv.seller.phone}" if inv.seller.phone else "") + "\n")


def invoice_filename(inv: Invoice) -> str:
    return f"faktura-{inv.number}.pdf"
