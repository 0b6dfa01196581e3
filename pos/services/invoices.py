"""Invoices at the till: the tender "Faktura" (an identified customer with a billing address,
refused over the credit limit or with an overdue invoice unless a manager approves), the
invoice stored with the sale, and paying an open invoice at the till (a sale of one line, no
VAT) whose capture reaches the central store through the outbox exactly once.

The network half (the customer's addresses, their open invoices and credit limit in the
central store, looking an invoice up by OCR) runs on the network lane before these calls; these
run on the register lane over the local database.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pos.cart import ApprovalRequired
from pos.catalog import Variant
from pos.errors import messages
from pos.invoices import (PAYMENT_SKU, PAYMENT_VARIANT_PREFIX, Buyer, Invoice, InvoiceDue,
                          InvoiceError, InvoiceRules, InvoiceStatus, OpenInvoice, Seller,
                          check_ocr, credit_refusal, due_date, invoice_lines, invoice_number,
                          is_invoice_payment, ocr_reference, tender_lines)
from pos.payment_methods import INVOICE, MethodKind, PaymentMethod
from pos.ports import CentralInvoices, CommerceUnavailable
from pos.payments import Tender
from pos.sales import Sale, sale_lines
from pos.services import payments, staff
from pos.services.context import RegisterContext
from pos.services.unit_of_work import UnitOfWork
from pos.sync.invoice_events import enqueue_capture
from pos.vat import VatRate

MESSAGES = messages({
    "invoice.not_offered": "This till does not offer invoices (no bankgiro in [invoice])",
    "invoice.other_customer": "The invoice is for {customer}, not the sale's customer",
    "invoice.sale_not_empty": "Finish or park the sale first: an invoice is paid on a sale "
                              "of its own",
})

INVOICE_ISSUED = "invoice_issued"
INVOICE_APPROVED = "invoice_approved"
INVOICE_PAYMENT = "invoice_payment"


def rules(ctx: RegisterContext) -> InvoiceRules:
    return ctx.config.invoice


def seller(ctx: RegisterContext) -> Seller:
    s = ctx.config.store
    return Seller(company=s.company, org_no=s.org_no, bankgiro=rules(ctx).bankgiro,
                  address=s.address, phone=s.phone)


def invoice_method(ctx: RegisterContext) -> PaymentMethod:
    """The register's invoice method: its own ``[[payment.methods]]`` one, else "Faktura"
    when ``[invoice]`` names a bankgiro."""
    own = ctx.config.payment_methods.of_kind(MethodKind.PAY_LATER)
    found = next((m for m in own if m.id == INVOICE.id), None)
    if found is not None:
        return found
    if not rules(ctx).enabled:
        raise InvoiceError("invoice.not_offered")
    return INVOICE


def open_invoices(uow: UnitOfWork, customer_id: str, today: date) -> list[OpenInvoice]:
    """The customer's unpaid invoices issued here (a draft whose sale never completed is none)."""
    return [OpenInvoice(i.number, i.amount_due, i.due_on) for i in uow.invoices.of_customer(
        customer_id) if i.sale_id and i.amount_due > 0]


def pay_by_invoice(ctx: RegisterContext, buyer: Buyer, *,
                   central_open: Sequence[OpenInvoice] = (), credit_limit: int | None = None,
                   approver_pin: str | None = None) -> payments.PaymentView:
    """The whole sale paid by invoice to ``buyer`` (the sale's customer, with the billing
    address the screen found in the central store or typed). ``central_open``: the customer's
    unpaid invoices the central store knows (web invoices, other stores'); ``credit_limit``:
    the customer's own limit there (else the store's). Over the limit or with an overdue invoice:
    ``ApprovalRequired`` until a manager approves (journaled). The invoice's number is taken
    from the store's series in this transaction; the invoice is stored with the tender and
    completed with the sale."""
    method = invoice_method(ctx)
    state = ctx.state
    customer = state.cart.customer
    if customer is None or not buyer.customer_id:
        raise InvoiceError("invoice.no_customer")
    if buyer.customer_id != customer.id:
        raise InvoiceError("invoice.other_customer", customer=buyer.name)
    if not buyer.address:
        raise InvoiceError("invoice.no_billing_address", customer=buyer.name or customer.label)
    payment = payments.open_payment(ctx)
    if payment.tenders:
        raise InvoiceError("invoice.whole_sale")
    amount = payment.remaining
    payment.check_provider_amount(amount, method)
    r = rules(ctx)
    today = ctx.now().date()
    with ctx.uow:
        local = open_invoices(ctx.uow, buyer.customer_id, today)
    known = {i.number for i in local}
    every = [*local, *(i for i in central_open if i.number not in known)]
    limit = credit_limit if credit_limit is not None else r.credit_limit
    refusal = credit_refusal(buyer.name or customer.label, every, amount, limit, today)
    approved_by = None
    if refusal is not None:
        approved_by = staff.approver(ctx, approver_pin)
        if approved_by is None:
            raise ApprovalRequired(refusal.code, "invoice_credit", **refusal.params)
    before = state.saved()
    try:
        with ctx.uow:
            number = invoice_number(r.series, ctx.uow.invoices.take_number(r.series))
            ocr = ocr_reference(number, r.length_digit)
            due = due_date(today, r.days)
            totals = state.cart.totals()
            inv = Invoice(number=number, ocr=ocr, buyer=buyer, seller=seller(ctx),
                          lines=invoice_lines(sale_lines(totals)),
                          issued_on=today, due_on=due, register_id=ctx.register_id)
            ctx.uow.invoices.add(inv, ctx.now())
            payment.tenders.append(Tender(
                method, amount, terminal_ref=ocr,
                receipt_lines=tender_lines(number, ocr, due, r.bankgiro)))
            if approved_by is not None:
                ctx.journal(INVOICE_APPROVED, {"action": "invoice_credit", "by": approved_by,
                                               "reason": refusal.code if refusal else "",
                                               "customer": buyer.customer_id,
                                               "invoice": number, "amount": amount})
            ctx.journal(INVOICE_ISSUED, {"invoice": number, "ocr": ocr, "amount": amount,
                                         "customer": buyer.customer_id,
                                         "due": due.isoformat()})
            ctx.save_sale()
            ctx.uow.commit()
    except BaseException:
        state.restore(before)
        raise
    return payments.after_tender(ctx)


# --- inside the sale's own transaction (``sale_completion``) --------------------------------------

def on_sale_completed(ctx: RegisterContext, sale: Sale) -> None:
    """The sale's invoice gets its sale (and its lines as sold); an invoice paid in the sale is
    recorded as paid here and its capture queued for the central store. Called by
    ``sale_completion`` inside the transaction that stores the sale."""
    for t in sale.tenders:
        if t.method.id == INVOICE.id and t.terminal_ref:
            inv = ctx.uow.invoices.by_ocr(t.terminal_ref)
            if inv is not None:
                ctx.uow.invoices.attach_sale(inv.number, sale.id, sale.receipt_no,
                                             invoice_lines(sale.lines))
                _email_with_sale(ctx, inv)
    for ln in sale.lines:
        if not is_invoice_payment(ln.variant_id):
            continue
        ocr = ln.variant_id[len(PAYMENT_VARIANT_PREFIX):]
        own = ctx.uow.invoices.by_ocr(ocr)
        if own is not None:
            ctx.uow.invoices.record_payment(own.number, ln.total, sale.completed_at.date(),
                                            sale.id)
        key = enqueue_capture(ctx.uow.outbox, ocr, ln.total, sale)
        ctx.journal(INVOICE_PAYMENT, {"ocr": ocr, "amount": ln.total, "sale_id": sale.id,
                                      "receipt_no": sale.receipt_no, "key": key})


def _email_with_sale(ctx: RegisterContext, inv: Invoice) -> None:
    """The invoice's e-mail to the buyer, queued with the sale (once per invoice) when the till
    e-mails invoices and the buyer has an address; an address that is none is not queued (the
    sale completes: the invoice is on paper, and can be e-mailed again to a typed address)."""
    if not rules(ctx).email or not inv.buyer.email:
        return
    from pos.receipt_mail import ReceiptMailError
    from pos.services.invoice_mail import queue_invoice_mail
    try:
        queue_invoice_mail(ctx.uow, inv, inv.buyer.email, register_id=ctx.register_id,
                           now=ctx.now(), by=ctx.state.cashier.id if ctx.state.cashier else None,
                           request="sale")
    except ReceiptMailError:
        pass


# --- paying an open invoice at the till -----------------------------------------------------------

def find_local(uow: UnitOfWork, ocr: str, today: date) -> InvoiceDue | None:
    """The till's own invoice with reference ``ocr`` (what is known while offline)."""
    with uow:
        inv = uow.invoices.by_ocr(ocr)
    return InvoiceDue.of(inv, today) if inv is not None and inv.sale_id else None


def start_invoice_payment(ctx: RegisterContext, due: InvoiceDue) -> object:
    """An open invoice to pay on a sale of its own: one line "Betalning faktura N" of what is
    due, no VAT; then it is paid with cash, card or Swish as any sale. Refused when paid."""
    if due.status is InvoiceStatus.PAID or due.amount_due <= 0:
        raise InvoiceError("invoice.already_paid", number=due.number)
    state = ctx.state
    state.require_cashier()
    if not state.cart.is_empty or state.payment is not None:
        raise InvoiceError("invoice.sale_not_empty")
    with ctx.uow:
        paid_here = ctx.uow.invoices.by_ocr(due.ocr)
    if paid_here is not None and paid_here.sale_id and paid_here.amount_due <= 0:
        raise InvoiceError("invoice.already_paid", number=due.number)
    variant = Variant(id=PAYMENT_VARIANT_PREFIX + due.ocr, sku=PAYMENT_SKU, ean="",
                      name=f"Betalning faktura {due.number}", price=due.amount_due,
                      vat_rate=VatRate.ZERO)
    before = state.saved()
    state.cart.add(variant, 1)
    payments.save_payment(ctx, before)
    return ctx.show(state.cart.totals())



# --- the network lane: the central store's side, with the till's own as the fallback -------------

def lookup(central: CentralInvoices | None, uow: UnitOfWork, ocr: str,
           today: date) -> InvoiceDue:
    """The invoice with reference ``ocr``: the central store's answer (it knows web invoices
    and payments at other tills); while it cannot be reached, the till's own invoice.
    ``InvoiceError`` when neither knows it."""
    ocr = check_ocr(ocr)
    if central is not None:
        try:
            found = central.find(ocr=ocr)
            if found:
                return found[0]
        except CommerceUnavailable:
            pass
    local = find_local(uow, ocr, today)
    if local is None:
        raise InvoiceError("invoice.not_found", reference=ocr)
    return local


def of_customer(central: CentralInvoices | None, uow: UnitOfWork, customer_id: str,
                today: date) -> list[InvoiceDue]:
    """The customer's unpaid invoices (the central store's, else the till's own)."""
    if central is not None:
        try:
            return [i for i in central.find(customer_id=customer_id) if i.amount_due > 0]
        except CommerceUnavailable:
            pass
    with uow:
        return [InvoiceDue.of(i, today) for i in uow.invoices.of_customer(customer_id)
                if i.sale_id and i.amount_due > 0]


def credit_of(central: CentralInvoices | None, customer_id: str,
              today: date) -> tuple[list[OpenInvoice], int | None]:
    """What the central store knows of the customer's credit: unpaid invoices and their own
    limit (none when it cannot be reached: the till's own invoices and the store's limit)."""
    if central is None:
        return [], None
    try:
        found = central.find(customer_id=customer_id)
        limit = central.credit_limit(customer_id)
    except CommerceUnavailable:
        return [], None
    return [OpenInvoice(i.number, i.amount_due, i.due_on) for i in found if i.amount_due > 0], limit
