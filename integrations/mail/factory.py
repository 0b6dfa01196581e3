"""The mail adapters the configuration names: none when ``[mail]`` has no host (the till then
offers no e-mailed receipt and notices are only recorded)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from integrations.mail.invoices import SmtpInvoiceMailer
from integrations.mail.receipts import SmtpReceiptMailer
from integrations.mail.settings import MailPassword, MailSettings
from integrations.mail.smtp import SmtpSender


def mail_settings(config: Any) -> MailSettings:
    from pos.config import DEFAULTS

    return MailSettings.from_config({**DEFAULTS["mail"], **config.data.get("mail", {})})


def make_sender(config: Any, credentials: Any = None,
                folder: Path | None = None) -> SmtpSender | None:
    settings = mail_settings(config)
    if not settings.host:
        return None
    return SmtpSender(settings, MailPassword(settings, credentials, folder))


def make_receipt_mailer(sender: SmtpSender | None) -> SmtpReceiptMailer | None:
    if sender is None:
        return None
    from ui.documents.receipt_pdf import picture_png, receipt_pdf

    return SmtpReceiptMailer(sender, receipt_pdf, picture_png)


def make_invoice_mailer(sender: SmtpSender | None) -> SmtpInvoiceMailer | None:
    """Invoices by e-mail (their PDF drawn by Qt), or None without a mail server."""
    if sender is None:
        return None
    from ui.documents.invoice_pdf import invoice_pdf_bytes

    return SmtpInvoiceMailer(sender, invoice_pdf_bytes)
