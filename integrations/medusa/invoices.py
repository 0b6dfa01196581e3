"""Invoices in the central store (``pos.ports.CentralInvoices``) over the omnipos routes of the
Medusa app (``app/src/api/admin/pos/invoices``; the payment provider ``pp_invoice_invoice`` in
``app/src/modules/invoice-payment``): find by OCR or customer, a customer's credit limit, open a
till's invoice on its order, and capture a paid invoice once per key."""
from __future__ import annotations

from datetime import date
from typing import Any

from integrations.medusa.calls import admin
from integrations.medusa.client import MedusaClient, MedusaError
from pos.invoices import InvoiceDue, InvoiceStatus
from pos.ports import InvoiceAlreadyPaid

PATH = "/admin/pos/invoices"


def _due(d: dict[str, Any]) -> InvoiceDue:
    status = str(d.get("status") or "open")
    return InvoiceDue(
        number=str(d["number"]), ocr=str(d["ocr"]), total=int(d["total"]),
        amount_due=int(d["amount_due"]),
        due_on=date.fromisoformat(str(d.get("due_on") or "1970-01-01")[:10]),
        status=InvoiceStatus(status) if status in ("open", "paid", "overdue")
        else InvoiceStatus.PAID, customer_id=str(d.get("customer_id") or ""),
        customer_name=str(d.get("customer_name") or ""), order_id=str(d.get("order_id") or ""),
        order_no=str(d.get("order_no") or ""), source="central")


class MedusaInvoices:
    def __init__(self, client: MedusaClient):
        self.client = client

    def _get(self, **params: str) -> dict[str, Any]:
        return admin(self.client, "GET", PATH, params=params)

    def find(self, ocr: str = "", customer_id: str = "") -> list[InvoiceDue]:
        params = {"ocr": ocr} if ocr else {"customer_id": customer_id}
        return [_due(d) for d in self._get(**params).get("invoices") or []]

    def credit_limit(self, customer_id: str) -> int | None:
        limit = self._get(customer_id=customer_id).get("credit_limit_ore")
        return None if limit is None else int(limit)

    def open_on_order(self, order_id: str, number: str, ocr: str, due_date: str,
                      amount: int, customer_id: str | None = None) -> str:
        """The order's payment opened as the invoice (authorized, not captured); idempotent."""
        body = admin(self.client, "POST", PATH, json={
            "order_id": order_id, "number": number, "ocr": ocr, "due_date": due_date,
            "amount_ore": amount, "customer_id": customer_id or ""})
        return str(body.get("payment_id") or "")

    def capture(self, ocr: str, amount: int, idempotency_key: str,
                reference: dict[str, Any]) -> str:
        try:
            body = admin(self.client, "POST", f"{PATH}/capture", json={
                "ocr": ocr, "amount_ore": amount, "key": idempotency_key,
                "reference": reference})
        except MedusaError as e:
            if e.status == 409:
                raise InvoiceAlreadyPaid("invoice.paid_elsewhere", ocr=ocr,
                                         detail=str(e)[:200]) from e
            raise
        return str(body.get("payment_id") or "")
