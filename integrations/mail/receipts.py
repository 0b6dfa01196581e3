"""The receipt as an e-mail (``pos.ports.ReceiptMailer`` over SMTP): a plain-text part (the
receipt as the paper lays it out), an HTML part with the barcode and QR code as inline pictures
(``cid:``), and the receipt as a PDF attachment ("kvitto-<no>.pdf"). The PDF and the pictures are
drawn by the functions given (Qt, ``ui/documents/receipt_pdf.py``, wired in ``wiring.py``):
this module knows no Qt."""
from __future__ import annotations

from collections.abc import Callable
from email.message import EmailMessage
from email.utils import formataddr, formatdate

from integrations.mail.settings import MailSettings
from integrations.mail.smtp import SmtpSender
from pos.ports import ReceiptMail
from pos.receipt import ReceiptDocument
from pos.receipt_html import pictures, receipt_html

PdfRenderer = Callable[[ReceiptDocument, str], bytes]
# (kind "barcode" | "qr", data) -> PNG bytes
PictureRenderer = Callable[[str, str], bytes]


def sender_header(settings: MailSettings) -> str:
    return formataddr((settings.from_name, settings.from_address)) if settings.from_name \
        else settings.from_address


def receipt_message(mail: ReceiptMail, settings: MailSettings, pdf: PdfRenderer,
                    picture: PictureRenderer | None = None) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = mail.subject
    msg["From"] = sender_header(settings)
    msg["To"] = mail.to
    if settings.reply_to:
        msg["Reply-To"] = settings.reply_to
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = f"<{mail.message_id}@{settings.domain}>"
    doc = mail.document
    msg.set_content(doc.plain_text() + "\n")
    names = pictures(doc) if picture is not None else []
    cids = {name: f"{name}.{mail.message_id}@{settings.domain}" for name, _, _ in names}
    body = receipt_html(doc, title=mail.subject,
                        image_src=lambda kind, n: f"cid:{cids[f'{kind}{n}']}" if cids
                        else "")
    msg.add_alternative(body, subtype="html")
    if picture is not None:
        html_part = msg.get_payload()[1]
        for name, kind, data in names:
            html_part.add_related(picture(kind, data), maintype="image", subtype="png",
                                  cid=f"<{cids[name]}>", filename=f"{name}.png")
    msg.add_attachment(pdf(doc, mail.subject), maintype="application", subtype="pdf",
                       filename=f"kvitto-{doc.receipt_no or 'test'}.pdf")
    return msg


class SmtpReceiptMailer:
    """``ReceiptMailer``: each receipt one e-mail through ``sender``."""

    def __init__(self, sender: SmtpSender, pdf: PdfRenderer,
                 picture: PictureRenderer | None = None) -> None:
        self.sender = sender
        self.pdf = pdf
        self.picture = picture

    def send_receipt(self, mail: ReceiptMail) -> str:
        msg = receipt_message(mail, self.sender.settings, self.pdf, self.picture)
        self.sender.send(msg)
        return str(msg["Message-ID"])
