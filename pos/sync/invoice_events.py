"""An invoice paid at the till reaches the central store through the outbox: its payment is
captured there once, by the key of the sale that paid it.

Exactly once: the till queues one message per paying sale (key ``invoice_capture:<sale id>``),
in the sale's transaction; the central store captures the invoice's payment with that key and
answers a retry with the same key as done. A capture with another key of an invoice already paid
(two tills took the same invoice while offline) is refused there (``InvoiceAlreadyPaid``): no
retry mends it, so the outbox sets it aside at once for the back office (status ``dead`` with
the reason), and the money taken twice is refunded by a person. Never a second capture.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pos.db.repositories import OutboxRepository
from pos.ports import CentralInvoices, InvoiceAlreadyPaid
from pos.sales import Sale
from pos.sync.outbox import enqueue
from pos.sync.sale_events import instant

INVOICE_CAPTURE = "invoice_capture"


def capture_key(sale_id: str) -> str:
    return f"invoice_capture:{sale_id}"


def enqueue_capture(outbox: OutboxRepository, ocr: str, amount: int, sale: Sale) -> str:
    """Queue the capture of invoice ``ocr`` (``amount`` öre paid in ``sale``) in the caller's
    transaction; returns the key."""
    key = capture_key(sale.id)
    enqueue(outbox, INVOICE_CAPTURE, key, {
        "ocr": ocr, "amount": amount, "sale_id": sale.id, "register_id": sale.register_id,
        "receipt_no": sale.receipt_no, "paid_at": instant(sale.completed_at).isoformat()})
    return key


def capture_handler(invoices: CentralInvoices) -> Callable[[Any, dict[str, Any], str], str]:
    def send(_sink: Any, payload: dict[str, Any], key: str) -> str:
        try:
            return invoices.capture(str(payload["ocr"]), int(payload["amount"]), key,
                                    {k: payload.get(k) for k in
                                     ("sale_id", "register_id", "receipt_no", "paid_at")})
        except InvoiceAlreadyPaid as e:
            e.permanent = True  # type: ignore[attr-defined]  # refused: no retry mends it
            raise
    return send


def invoice_handlers(store: Any) -> dict[str, Callable[[Any, dict[str, Any], str], str]]:
    """The outbox handlers of this flow, for a central store that keeps invoices
    (``store.invoices``; none else: the messages wait)."""
    invoices = getattr(store, "invoices", None)
    return {INVOICE_CAPTURE: capture_handler(invoices)} if invoices is not None else {}
