"""Invoices at the central store (the web's and the tills'), ``pos.invoices``; adapter
``integrations/medusa/invoices.py``."""
from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from pos.errors import UserError, messages


class InvoiceAlreadyPaid(UserError):
    """The central store refused to capture an invoice already paid with another key."""


messages({"invoice.paid_elsewhere": "Invoice {ocr} is already paid in the central store "
                                    "({detail}): refund this payment"})


@runtime_checkable
class CentralInvoices(Protocol):
    """Invoices in the central store: the web's and the tills' (``pos.invoices``)."""

    def find(self, ocr: str = "", customer_id: str = "") -> list[Any]:
        """The invoices (``pos.invoices.InvoiceDue``) with reference ``ocr`` or of
        ``customer_id``. Raises CommerceUnavailable when the store is down."""

    def credit_limit(self, customer_id: str) -> int | None:
        """The customer's own credit limit in öre (None: none set)."""

    def capture(self, ocr: str, amount: int, idempotency_key: str,
                reference: dict[str, Any]) -> str:
        """Mark invoice ``ocr`` paid (its payment captured) once per key; returns the payment's
        id. ``InvoiceAlreadyPaid`` when it is paid already under another key."""
