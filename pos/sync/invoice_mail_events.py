"""An e-mailed invoice as an outbox message (kind ``invoice_email``), the way e-mailed receipts
go (``receipt_mail_events.py``): queued in the transaction that records the request (the sale
paid by invoice, or a cashier's "send it again"), sent by the outbox worker through the
``InvoiceMailer`` port. The mail server down or "try later" (``MailUnavailable``) waits and is
retried; an address it refuses (``MailRefused``) is set aside at once as a dead message.

Exactly once: one message per request, keyed by the invoice's number and the request ("sale"
for the e-mail sent when the invoice was issued, once; a request's own id for each one asked for
later); the e-mail's Message-ID is made from the key, so one sent again after a lost answer is
the same e-mail to the receiver.

The message keeps the invoice's number and the address; the invoice (and its PDF) is drawn from
the stored invoice when it is sent.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from pos.db.repositories import OutboxRepository
from pos.invoices import Invoice
from pos.ports import InvoiceMail, InvoiceMailer
from pos.sync.outbox import enqueue
from pos.sync.receipt_mail_events import message_token

INVOICE_EMAIL = "invoice_email"


class InvoiceGone(LookupError):
    """The invoice of a queued e-mail is not in this database (never retried)."""

    permanent = True


def invoice_mail_key(number: str, request: str) -> str:
    """``request``: "sale" for the e-mail sent when the invoice's sale completed (one per
    invoice), a request's own id for one asked for later (one e-mail each)."""
    return f"invoice-mail:{number}:{request}"


def invoice_mail_payload(number: str, to: str, register_id: str,
                         at: datetime) -> dict[str, Any]:
    return {"number": number, "to": to, "register_id": register_id, "at": at.isoformat()}


def enqueue_invoice_mail(outbox: OutboxRepository, key: str, payload: dict[str, Any],
                         now: datetime) -> bool:
    """In the caller's transaction; False when this request is queued already."""
    return enqueue(outbox, INVOICE_EMAIL, key, payload, now)


# the invoice's number -> the stored invoice, or None
InvoiceSource = Callable[[str], Invoice | None]


def invoice_mail_handler(mailer: InvoiceMailer,
                         invoices: InvoiceSource) -> Callable[[Any, dict[str, Any], str], str]:
    """The outbox handler of ``INVOICE_EMAIL`` messages."""
    def send(_sink: Any, payload: dict[str, Any], key: str) -> str:
        inv = invoices(str(payload["number"]))
        if inv is None:
            raise InvoiceGone(f"no invoice {payload['number']} for the e-mail")
        return mailer.send_invoice(InvoiceMail(to=str(payload["to"]), invoice=inv,
                                               message_id=message_token(key)))
    return send


def invoice_mail_handlers(mailer: InvoiceMailer | None, invoices: InvoiceSource
                          ) -> dict[str, Callable[[Any, dict[str, Any], str], str]]:
    """The handlers this flow adds (none without a mailer: the messages wait for one)."""
    return {INVOICE_EMAIL: invoice_mail_handler(mailer, invoices)} if mailer is not None else {}
