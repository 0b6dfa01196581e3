"""E-mailing a receipt: the cashier's request, when a sale completes (the customer chose e-mail
or both) or later from the receipt's lookup. The request is stored, journaled and queued in one
transaction (``pos/sync/receipt_mail_events.py``); the e-mail itself goes from the outbox worker,
never from the register's lane.

The e-mail at completion is the customer's receipt in electronic form (once per sale: asking
again queues nothing more); one asked for later is a copy, marked KOPIA like a reprint, one
e-mail per request (not limited to one as a printed copy is; see docs/digital-receipts.md).
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from pos.journal import Kind
from pos.receipt import ReceiptDocument
from pos.receipt_layout import StoreInfo, sale_receipt
from pos.receipt_mail import ReceiptMailError, masked, normalise_address
from pos.services.unit_of_work import UnitOfWork
from pos.sync.receipt_mail_events import (enqueue_receipt_mail, receipt_mail_key,
                                          receipt_mail_payload)


@dataclass(frozen=True)
class ReceiptMailRequest:
    """What was queued: the receipt, where to (masked, as the journal has it), and whether it
    was queued now (False: the sale's e-mail was asked for already)."""

    receipt_no: int
    to_masked: str
    key: str
    queued: bool


def email_receipt(uow: UnitOfWork, sale_id: str, to: str, *, control_unit_serial: str,
                  now: datetime, by: str | None, copy: bool = False) -> ReceiptMailRequest:
    """Queue the e-mail of sale ``sale_id``'s receipt to ``to``: the original (``copy`` False,
    once per sale) or a copy (every request its own e-mail). ``ReceiptMailError`` for an address
    that is none or an unknown sale."""
    address = normalise_address(to)
    with uow:
        sale = uow.sales.get(sale_id)
        if sale is None:
            raise ReceiptMailError("receipt_mail.no_such_sale", receipt=sale_id)
        key = receipt_mail_key(sale.id, uuid.uuid4().hex if copy else "sale")
        # asked whether it is there first: OutboxRepository.add's answer (its row count) says
        # "not added" on PostgreSQL (psycopg) even when it added the row
        queued = uow.outbox.by_key(key) is None
        enqueue_receipt_mail(uow.outbox, key, receipt_mail_payload(
            sale.id, sale.receipt_no, sale.register_id, address, copy, control_unit_serial, now),
            now)
        if queued:
            uow.journal.record(sale.register_id, now, Kind.RECEIPT_EMAIL,
                               {"receipt_no": sale.receipt_no, "to": masked(address),
                                "copy": copy}, by)
        uow.commit()
    return ReceiptMailRequest(sale.receipt_no, masked(address), key, queued)


def receipt_document(uow: UnitOfWork, store: StoreInfo, sale_id: str, copy: bool,
                     control_unit_serial: str) -> ReceiptDocument | None:
    """The receipt as the printer prints it (with what is sent home), or None: no such sale."""
    with uow:
        sale = uow.sales.get(sale_id)
        delivery = uow.deliveries.for_sale(sale_id) if sale is not None else None
    if sale is None:
        return None
    return sale_receipt(sale, store, control_unit_serial, copy=copy, delivery=delivery)
