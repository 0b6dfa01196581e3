"""The tender "Faktura" in the payment dialog (F9): the sale's customer's billing address and
credit are asked of the central store (network lane), then the sale is paid by invoice
(register lane); a refusal over the credit limit or for an overdue invoice asks a manager's PIN
(``run_with_approval``); once the sale is complete F9 opens the invoice's document (print,
PDF, e-mail again: ``ui/till/invoice_document_dialog.py``)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPushButton, QWidget

from pos.invoices import Buyer, Invoice, InvoiceError
from pos.payment_methods import INVOICE, MethodKind
from pos.sales import Sale
from pos.services.till import Till
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.till.approval_dialog import run_with_approval
from ui.till.invoice_document_ops import stored_invoice
from ui.till.invoice_operations import InvoiceCheck, pay_by_invoice, prepare_invoice


def offers_invoice(till: Till) -> bool:
    own = any(m.id == INVOICE.id for m in till.config.payment_methods.of_kind(
        MethodKind.PAY_LATER))
    return own or till.config.invoice.enabled


class InvoiceTender(QObject):
    """``button`` goes in the dialog's row of tenders; ``dialog`` has ``show_message``,
    ``_tendered`` and ``_refused`` (the payment dialog)."""

    def __init__(self, dialog: Any, lanes: Lanes, till: Till, parent: QWidget) -> None:
        super().__init__(parent)
        self.dialog, self._lanes, self._till = dialog, lanes, till
        self.button = QPushButton(self.tr("Invoice (F9)"), parent)
        self.button.setObjectName("invoiceButton")
        self.button.setMinimumHeight(64)
        self.button.clicked.connect(self.start)
        self.button.setVisible(offers_invoice(till))
        # on the dialog's last page: the invoice's document, to print, save as PDF or e-mail
        self.pdf_button = QPushButton(self.tr("Invoice: print, PDF, e-mail (F9)"), parent)
        self.pdf_button.setObjectName("invoicePdfButton")
        self.pdf_button.setMinimumHeight(48)
        self.pdf_button.clicked.connect(self.open_document)
        self.pdf_button.hide()
        self.sale: Sale | None = None

    def completed(self, sale: Sale) -> None:
        self.sale = sale
        self.pdf_button.setVisible(any(t.method.id == INVOICE.id for t in sale.tenders))

    def open_document(self) -> None:
        """The sale's invoice in ``InvoiceDocumentDialog`` (print, PDF, e-mail again): looked
        up on the printer's lane, the dialog opened when it answers."""
        if self.sale is None or not self.pdf_button.isVisible():
            return
        ocr = next((t.terminal_ref for t in self.sale.tenders if t.method.id == INVOICE.id), "")
        stored_invoice(self._lanes, self._till, ocr=ocr, on_done=self._open,
                       on_error=lambda e: self.dialog.show_message(message_for(e)))

    def _open(self, inv: Invoice | None) -> None:
        if inv is None:
            return
        from ui.till.invoice_document_dialog import InvoiceDocumentDialog
        document = InvoiceDocumentDialog(self._lanes, self._till, inv, self.dialog)
        self.dialog.setProperty("invoiceDocumentDialog", document)  # for tests and screenshots
        document.open()

    def start(self) -> None:
        if not self.button.isVisible() or self._lanes.register.pending:
            return
        if self._till.cart.customer is None:
            self.dialog.show_message(message_for(InvoiceError("invoice.no_customer")))
            return
        self.dialog.show_message(self.tr("Checking the customer's address and invoices…"), "info")
        prepare_invoice(self._lanes, self._till, on_done=self._checked,
                        on_error=self.dialog._refused)

    def _checked(self, check: InvoiceCheck) -> None:
        customer = self._till.cart.customer
        if check.buyer is None:  # none in the central store: typed at the till
            name = customer.label if customer else ""
            self.dialog.show_message(message_for(
                InvoiceError("invoice.no_billing_address", customer=name)))
            if customer is None:
                return
            from ui.till.billing_address_dialog import BillingAddressDialog
            typed = BillingAddressDialog(name, self.dialog)
            self.dialog.setProperty("billingAddressDialog", typed)  # for tests and screenshots

            def accepted() -> None:
                self._invoice(check, Buyer(customer.id, customer.name or customer.label,
                                           typed.lines(), customer.email))
            typed.accepted.connect(accepted)
            typed.open()
            return
        self._invoice(check, check.buyer)

    def _invoice(self, check: InvoiceCheck, buyer: Buyer) -> None:

        def start(pin: str | None, done: Any, failed: Any) -> None:
            pay_by_invoice(self._lanes, self._till, check, buyer, pin, on_done=done,
                           on_error=failed)
        run_with_approval(self.dialog, start, self.dialog._tendered, self.dialog._refused)
