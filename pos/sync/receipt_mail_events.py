"""An e-mailed receipt as an outbox message (kind ``receipt_email``): queued in the transaction
that records the request (and journals it), sent by the outbox worker through the
``ReceiptMailer`` port, so the till never waits on the mail server and nothing is lost when it is
down: "cannot be reached" (``MailUnavailable``) is retried until it answers, a refusal
(``MailRefused``: no such address) is set aside at once as a dead message, which the outbox's
status and the back office show.

Exactly once: one message per request (its key), delivered once by the outbox. SMTP has no
idempotency key; the e-mail's Message-ID is made from the message's key, so an e-mail sent again
after an answer lost on the way (the server took it, the till never heard) is the same e-mail to
the receiver's mail system, which may fold the two.

The message keeps the address and which receipt (sale id, original or copy); the receipt is drawn
when it is sent, from the stored sale, as the printer would print it.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from pos.db.repositories import OutboxRepository
from pos.ports import ReceiptMail, ReceiptMailer
from pos.receipt import ReceiptDocument
from pos.receipt_mail import subject
from pos.sync.outbox import enqueue

RECEIPT_EMAIL = "receipt_email"


class ReceiptGone(LookupError):
    """The receipt of a queued e-mail is not in this database (never retried)."""

    permanent = True


def receipt_mail_key(sale_id: str, request: str) -> str:
    """``request``: "sale" for the e-mail asked for when the sale completed (one per sale), a
    request's own id for one asked for later (one e-mail each)."""
    return f"receipt-mail:{sale_id}:{request}"


def receipt_mail_payload(sale_id: str, receipt_no: int, register_id: str, to: str, copy: bool,
                         control_unit_serial: str, at: datetime) -> dict[str, Any]:
    return {"sale_id": sale_id, "receipt_no": receipt_no, "register_id": register_id, "to": to,
            "copy": copy, "control_unit_serial": control_unit_serial, "at": at.isoformat()}


def enqueue_receipt_mail(outbox: OutboxRepository, key: str, payload: dict[str, Any],
                         now: datetime) -> bool:
    """In the caller's transaction; False when this request is queued already."""
    return enqueue(outbox, RECEIPT_EMAIL, key, payload, now)


def message_token(key: str) -> str:
    """The outbox key as the local part of a Message-ID ("receipt-mail.<sale>.<request>")."""
    return re.sub(r"[^A-Za-z0-9.-]", ".", key)


# (sale id, copy, control unit's serial) -> the receipt, or None when there is no such sale
DocumentSource = Callable[[str, bool, str], ReceiptDocument | None]


def receipt_mail_handler(mailer: ReceiptMailer, documents: DocumentSource,
                         store_name: str) -> Callable[[Any, dict[str, Any], str], str]:
    """The outbox handler of ``RECEIPT_EMAIL`` messages."""
    def send(_sink: Any, payload: dict[str, Any], key: str) -> str:
        doc = documents(str(payload["sale_id"]), bool(payload.get("copy")),
                        str(payload.get("control_unit_serial") or ""))
        if doc is None:
            raise ReceiptGone(f"no sale {payload['sale_id']} for the e-mailed receipt")
        return mailer.send_receipt(ReceiptMail(
            to=str(payload["to"]), subject=subject(payload["receipt_no"], store_name),
            document=doc, message_id=message_token(key)))
    return send


def receipt_mail_handlers(mailer: ReceiptMailer | None, documents: DocumentSource,
                          store_name: str) -> dict[str, Callable[[Any, dict[str, Any], str], str]]:
    """The handlers this flow adds (none without a mailer: the messages wait for one)."""
    return ({RECEIPT_EMAIL: receipt_mail_handler(mailer, documents, store_name)}
            if mailer is not None else {})
