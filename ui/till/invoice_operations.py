"""The named operations of invoices at the till. What asks the central store (the customer's
billing address and credit, an invoice by its OCR) runs on the network lane; what changes the
sale (the tender "Faktura", an invoice's payment on the sale) on the register lane."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pos.errors import UserError
from pos.invoices import Buyer, InvoiceDue, InvoiceError, InvoiceStatus, OpenInvoice
from pos.services import invoices
from pos.services.till import Till
from ui.lanes import Lanes, SaleChanged
from ui.ops import Operation
from ui.till.operations import Done, Failed, _paid


@dataclass(frozen=True)
class InvoiceCheck:
    """The central store's word on invoicing the sale's customer (network lane)."""

    buyer: Buyer | None  # None: no billing address found
    central_open: tuple[OpenInvoice, ...]
    credit_limit: int | None


def _address_lines(a: object) -> tuple[str, ...]:
    street = str(getattr(a, "street", "") or "")
    town = f"{getattr(a, 'postcode', '')} {getattr(a, 'city', '')}".strip()
    return tuple(x for x in (street, town) if x)


def check_customer(till: Till) -> InvoiceCheck:
    """On the network lane: the sale's customer's billing address (their first saved address
    in the central store) and what they owe there."""
    customer = till.cart.customer
    if customer is None:
        raise InvoiceError("invoice.no_customer")
    addresses = []
    if till.address_book is not None:
        try:
            addresses = till.address_book.addresses(customer.id)
        except UserError:
            addresses = []
    buyer = (Buyer(customer.id, customer.name or customer.label, _address_lines(addresses[0]),
                   customer.email) if addresses and _address_lines(addresses[0]) else None)
    central = till.central_invoices
    found, limit = invoices.credit_of(central, customer.id, datetime.now().date())
    return InvoiceCheck(buyer, tuple(found), limit)


def prepare_invoice(lanes: Lanes, till: Till, *, on_done: Done = None,
                    on_error: Failed = None) -> Operation:
    return lanes.network.run(lambda: check_customer(till), on_done, on_error,
                             label="invoice_check")


def pay_by_invoice(lanes: Lanes, till: Till, check: InvoiceCheck, buyer: Buyer,
                   approver_pin: str | None, *, on_done: Done = None,
                   on_error: Failed = None) -> Operation:
    """The sale paid by invoice (register lane); ``ApprovalRequired`` for a manager's PIN."""
    return lanes.register.run(
        lambda: invoices.pay_by_invoice(till.ctx, buyer, central_open=check.central_open,
                                        credit_limit=check.credit_limit,
                                        approver_pin=approver_pin),
        _paid(lanes, on_done), on_error, label="pay_by_invoice")


def lookup_invoice(lanes: Lanes, till: Till, ocr: str, *, on_done: Done = None,
                   on_error: Failed = None) -> Operation:
    """The invoice with reference ``ocr`` (network lane: the central store, else the till's)."""
    central = till.central_invoices
    return lanes.network.run(
        lambda: invoices.lookup(central, till.network_uow, ocr, datetime.now().date()),
        on_done, on_error, label="invoice_lookup")


def add_invoice_payment(lanes: Lanes, till: Till, due: InvoiceDue, *, on_done: Done = None,
                        on_error: Failed = None) -> Operation:
    """The invoice's payment on a sale of its own (register lane)."""
    def done(totals: object) -> None:
        lanes.tell(SaleChanged(totals))  # type: ignore[arg-type]
        if on_done is not None:
            on_done(totals)
    return lanes.register.run(lambda: invoices.start_invoice_payment(till.ctx, due), done,
                              on_error, label="invoice_payment")



def open_invoices_of(lanes: Lanes, till: Till, customer_id: str, *, on_done: Done = None,
                     on_error: Failed = None) -> Operation:
    """The customer's unpaid invoices (network lane: the central store's, else the till's own
    while it cannot be reached), the overdue first, then by due date."""
    central = till.central_invoices

    def find() -> list[InvoiceDue]:
        found = invoices.of_customer(central, till.network_uow, customer_id,
                                     datetime.now().date())
        return sorted(found, key=lambda d: (d.status is not InvoiceStatus.OVERDUE, d.due_on,
                                            d.number))
    return lanes.network.run(find, on_done, on_error, label="open_invoices")
