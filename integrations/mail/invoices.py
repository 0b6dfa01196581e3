"""The invoice as an e-mail (``pos.ports.InvoiceMailer`` over SMTP): a plain-text body naming
the invoice number, amount due, due date, OCR reference and bankgiro (``pos.invoice_mail``), and
the invoice as a PDF attachment ("faktura-<number>.pdf"), drawn by the function given (Qt,
``ui/documents/invoice_pdf.py``, wired in ``factory.py``): this module knows no Qt."""
from __future__ import annotations

from collections.abc import Callable
from email.message import EmailMessage
from email.utils import formatdate

from integrations.mail.receipts import sender_header
from integrations.mail.settings import MailSettings
from integrations.mail.smtp import SmtpSender
from pos.invoice_mail import invoice_filename, invoice_subject, invoice_text
from pos.invoices import Invoice
from pos.ports import InvoiceMail

InvoicePdf = Callable[[Invoice], bytes]


def invoice_message(mail: InvoiceMail, settings: MailSettings, pdf: InvoicePdf) -> EmailMessage:
    inv = mail.invoice
    msg = EmailMessage()
    msg["Subject"] = invoice_subject(inv)
    msg["From"] = sender_header(settings)
    msg["To"] = mail.to
    if settings.reply_to:
        msg["Reply-To"] = settings.reply_to
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = f"<{mail.message_id}@{settings.domain}>"
    msg.set_content(invoice_text(inv))
    msg.add_attachment(pdf(inv), maintype="application", subtype="pdf",
                       filename=invoice_filename(inv))
    return msg


class SmtpInvoiceMailer:
    """``InvoiceMailer``: each invoice one e-mail through ``sender``."""

    def __init__(self, sender: SmtpSender, pdf: InvoicePdf) -> None:
        self.sender = sender
        self.pdf = pdf

    def send_invoice(self, mail: InvoiceMail) -> str:
        msg = invoice_message(mail, self.sender.settings, self.pdf)
        self.sender.send(msg)
        return str(msg["Message-ID"])
