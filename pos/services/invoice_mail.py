"""E-mailing an invoice: when a sale paid by invoice completes (the buyer has an address and the
till e-mails invoices: ``InvoiceRules.email``), in the sale's own transaction, and again when the
cashier asks (the done page, the invoice dialog: one e-mail per request). Each request is
stored, journaled (the address masked, as e-mailed receipts are) and queued in one transaction
(``pos/sync/invoice_mail_events.py``); the e-mail goes from the outbox worker."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from pos.errors import messages
from pos.invoices import Invoice, InvoiceError
from pos.receipt_mail import ReceiptMailError, masked, normalise_address
from pos.services.unit_of_work import UnitOfWork
from pos.sync.invoice_mail_events import (enqueue_invoice_mail, invoice_mail_key,
                                          invoice_mail_payload)

MESSAGES = messages({
    "invoice_mail.not_offered": "This till does not e-mail invoices (no mail server in [mail])",
    "invoice_mail.no_such_invoice": "No invoice {number} at this till",
})

INVOICE_EMAIL = "invoice_email"  # the journal's kind: an invoice to be e-mailed (masked)


@dataclass(frozen=True)
class InvoiceMailRequest:
    """What was queued: the invoice, where to (masked), its outbox key, and whether it was
    queued now (False: the sale's e-mail of this invoice was queued already)."""

    number: str
    to_masked: str
    key: str
    queued: bool


def queue_invoice_mail(uow: UnitOfWork, inv: Invoice, to: str, *, register_id: str,
                       now: datetime, by: str | None, request: str) -> InvoiceMailRequest:
    """Inside the caller's open unit of work (it commits): queue and journal the e-mail of
    ``inv`` to ``to`` (``ReceiptMailError`` for an address that is none)."""
    address = normalise_address(to)
    key = invoice_mail_key(inv.number, request)
    # asked first: the outbox's own answer is unreliable on PostgreSQL (see receipt_mail.py)
    queued = uow.outbox.by_key(key) is None
    enqueue_invoice_mail(uow.outbox, key, invoice_mail_payload(inv.number, address, register_id,
                                                               now), now)
    if queued:
        uow.journal.record(register_id, now, INVOICE_EMAIL,
                           {"invoice": inv.number, "ocr": inv.ocr, "to": masked(address),
                            "again": request != "sale"}, by)
    return InvoiceMailRequest(inv.number, masked(address), key, queued)


def email_invoice(uow: UnitOfWork, number: str, to: str | None, *, register_id: str,
                  now: datetime, by: str | None) -> InvoiceMailRequest:
    """The invoice ``number`` e-mailed again to ``to`` (None: the buyer's own address), one
    e-mail per request. ``InvoiceError`` for an unknown invoice, ``ReceiptMailError`` for an
    address that is none."""
    with uow:
        inv = uow.invoices.get(number)
        if inv is None:
            raise InvoiceError("invoice_mail.no_such_invoice", number=number)
        address = to if to is not None and to.strip() else inv.buyer.email
        if not address:
            raise ReceiptMailError("receipt_mail.bad_address", address="")
        request = queue_invoice_mail(uow, inv, address, register_id=register_id, now=now,
                                     by=by, request=uuid.uuid4().hex)
        uow.commit()
    return request
