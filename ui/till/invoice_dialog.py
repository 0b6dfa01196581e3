"""Paying an open invoice at the till: its OCR reference scanned from the paper or the PDF (or
typed), looked up in the central store (the till's own invoices while it cannot be reached), the
amount due shown; Enter puts "Betalning faktura N" on a sale of its own, paid then with cash,
card or Swish as any sale. F8 lists the customer's open invoices (``open_invoices_dialog.py``):
the one chosen is shown as its scan would show it. Opened by an OCR scan or Ctrl+F."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from pos.invoices import InvoiceDue, InvoiceStatus
from pos.money import format_kronor
from pos.services.till import Till
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.till.invoice_operations import add_invoice_payment, lookup_invoice
from ui.widgets.dialog import Dialog
from ui.widgets.style import set_level, set_role


class InvoicePaymentDialog(Dialog):
    def __init__(self, lanes: Lanes, till: Till, ocr: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("invoicePaymentDialog")
        self.setWindowTitle(self.tr("Pay an invoice"))
        self.setModal(True)
        self._lanes, self._till = lanes, till
        self.due: InvoiceDue | None = None
        heading = QLabel(self.tr("Pay an open invoice"), self)
        set_role(heading, "heading")
        self.field = QLineEdit(ocr, self)
        self.field.setObjectName("invoiceOcrField")
        self.field.setPlaceholderText(self.tr("OCR reference (scan or type it)"))
        self.field.setMinimumHeight(44)
        self.field.returnPressed.connect(self.find)
        self.find_button = QPushButton(self.tr("Find"), self)
        self.find_button.setObjectName("invoiceFindButton")
        self.find_button.setMinimumHeight(44)
        self.find_button.clicked.connect(self.find)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.find_button)
        form = QFormLayout()
        self.number = QLabel("–", self)
        self.customer = QLabel("–", self)
        self.amount = QLabel("–", self)
        self.amount.setObjectName("invoiceAmountDue")
        set_role(self.amount, "heading")
        self.due_on = QLabel("–", self)
        self.status = QLabel("–", self)
        self.status.setObjectName("invoiceStatus")
        form.addRow(self.tr("Invoice"), self.number)
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Amount due"), self.amount)
        form.addRow(self.tr("Due date"), self.due_on)
        form.addRow(self.tr("Status"), self.status)
        self.message = QLabel("", self)
        self.message.setObjectName("invoiceMessage")
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)
        self.pay_button = QPushButton(self.tr("Pay this invoice (Enter)"), self)
        self.pay_button.setObjectName("invoicePayButton")
        self.pay_button.setMinimumHeight(64)
        set_role(self.pay_button, "primary")
        self.pay_button.setEnabled(False)
        self.pay_button.clicked.connect(self.pay)
        # the customer's open invoices (the sale's customer, or one searched for): F8
        self.list_button = QPushButton(self.tr("The customer's open invoices (F8)"), self)
        self.list_button.setObjectName("invoiceListButton")
        self.list_button.setMinimumHeight(44)
        self.list_button.clicked.connect(self.open_list)
        QShortcut(QKeySequence("F8"), self, activated=self.open_list)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"), self)
        self.cancel_button.setObjectName("invoiceCancelButton")
        self.cancel_button.setMinimumHeight(64)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.pay_button, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(row)
        layout.addWidget(self.list_button)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)
        if ocr:
            self.find()

    def open_list(self) -> None:
        """The customer's open invoices; the one chosen is shown here as a scan of its OCR."""
        from ui.till.open_invoices_dialog import OpenInvoicesDialog
        listing = OpenInvoicesDialog(self._lanes, self._till, self._till.cart.customer, self)
        listing.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        listing.chosen.connect(self.show_invoice)
        self.setProperty("openInvoicesDialog", listing)  # for tests and screenshots
        listing.open()

    def find(self) -> None:
        if self.pay_button.isEnabled() and self.due is not None \
                and self.field.text().replace(" ", "") == self.due.ocr:
            self.pay()  # Enter again on the invoice shown: pay it
            return
        text = self.field.text().strip()
        if text.upper().startswith("OCR:"):
            text = text[4:]
        if not text:
            return
        self.pay_button.setEnabled(False)
        self._say(self.tr("Looking the invoice up…"), "info")
        lookup_invoice(self._lanes, self._till, text, on_done=self.show_invoice,
                       on_error=lambda e: self._say(message_for(e), "error"))

    def show_invoice(self, due: InvoiceDue) -> None:
        self.due = due
        self.field.setText(due.ocr)
        order = self.tr("order %1").replace("%1", due.order_no)
        self.number.setText(f"{due.number}  ({order})" if due.order_no else due.number)
        self.customer.setText(due.customer_name or due.customer_id or "–")
        self.amount.setText(format_kronor(due.amount_due, symbol=True))
        self.due_on.setText(due.due_on.isoformat())
        words = {InvoiceStatus.OPEN: self.tr("open"), InvoiceStatus.PAID: self.tr("paid"),
                 InvoiceStatus.OVERDUE: self.tr("overdue")}
        self.status.setText(words[due.status])
        payable = due.status is not InvoiceStatus.PAID and due.amount_due > 0
        self.pay_button.setEnabled(payable)
        if not payable:
            self._say(self.tr("This invoice is paid already: nothing to take."), "error")
        elif due.source == "local":
            self._say(self.tr("The central store cannot be reached: this till's own record of "
                              "the invoice is shown. It is marked paid centrally later."), "info")
        else:
            self._say("", "info")
        if payable:
            self.pay_button.setFocus()

    def pay(self) -> None:
        if self.due is None or not self.pay_button.isEnabled():
            return
        self.pay_button.setEnabled(False)
        add_invoice_payment(self._lanes, self._till, self.due, on_done=lambda _t: self.accept(),
                            on_error=self._refused)

    def _refused(self, exc: BaseException) -> None:
        self._say(message_for(exc), "error")
        self.pay_button.setEnabled(self.due is not None)

    def _say(self, text: str, level: str) -> None:
        self.message.setText(text)
        set_level(self.message, level)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.field.hasFocus():
            self.pay()
            return
        super().keyPressEvent(event)
