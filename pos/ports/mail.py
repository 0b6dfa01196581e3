"""E-mail of receipts and invoices. The adapter is ``integrations/mail/`` (SMTP with the standard
library); ``pos/`` never speaks SMTP."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from pos.errors import UserError, messages
from pos.invoices import Invoice
from pos.receipt import ReceiptDocument


MAIL_MESSAGES = messages({
    "mail.not_configured": "No mail server is configured: set [mail] host and from in the "
                           "configuration",
    "mail.no_password": "The mail server's password is not set: run `pos mail set-password`",
    "mail.no_credential_store": "No credential store to keep the mail password in: {detail}",
    "mail.unreachable": "The mail server cannot be reached now; the e-mail waits and is sent "
                        "when it answers",
    "mail.refused": "The mail server refused the e-mail to {to}: {reason}",
    "mail.login_refused": "The mail server refused the login: check [mail] username and the "
                          "password (`pos mail set-password`)",
})


class MailUnavailable(UserError):
    """The mail server cannot be reached, or answers "try later" (4xx): the e-mail is kept and
    sent again (an outbox message waits). ``why``: what the connection said, for the log.
    Also what must be mended on the till before anything goes (no server or password configured,
    the login refused): the e-mails wait for it rather than being lost."""

    def __init__(self, code: str = "mail.unreachable", /, *, why: str = "",
                 **params: Any) -> None:
        super().__init__(code, **params)
        self.detail = why

    def __str__(self) -> str:
        base = super().__str__()
        return f"{base}: {self.detail}" if self.detail else base


class MailRefused(UserError):
    """The mail server will not take this e-mail, and trying again will not change that (5xx:
    no such address, a login refused, not configured): set aside for a person to look at."""

    permanent = True  # the outbox declares such a message dead at once


@dataclass(frozen=True)
class ReceiptMail:
    """A receipt to e-mail: to whom, its subject, the receipt itself (the same document the
    printer prints), and the e-mail's Message-ID (made from the outbox message's key: sent again
    after a lost answer, it is the same e-mail to the receiver)."""

    to: str
    subject: str
    document: ReceiptDocument
    message_id: str


@runtime_checkable
class ReceiptMailer(Protocol):
    def send_receipt(self, mail: ReceiptMail) -> str:
        """Send ``mail`` (HTML body and PDF attachment); returns its Message-ID.
        ``MailUnavailable`` when the server cannot take it now, ``MailRefused`` when it never
        will."""


@dataclass(frozen=True)
class InvoiceMail:
    """An invoice to e-mail: to whom, the invoice (its PDF drawn when it is sent) and the
    e-mail's Message-ID (made from the outbox message's key, as ``ReceiptMail``'s)."""

    to: str
    invoice: "Invoice"
    message_id: str


@runtime_checkable
class InvoiceMailer(Protocol):
    def send_invoice(self, mail: InvoiceMail) -> str:
        """Send ``mail`` (text naming number, amount, due date, OCR and bankgiro, and the
        invoice's PDF attached); returns its Message-ID. ``MailUnavailable`` / ``MailRefused``
        as ``ReceiptMailer``."""
