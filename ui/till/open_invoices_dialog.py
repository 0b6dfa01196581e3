"""A customer's open invoices at the till: the sale's customer's (or a customer searched by
phone, e-mail or name), listed with number, due date, amount due and status, an overdue one
marked; choosing one (Enter, a double click, "Pay the chosen invoice") hands it to the invoice
payment dialog as an OCR scan does. The lists come from the network lane (the central store,
else the till's own invoices while it cannot be reached)."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from pos.commerce import CustomerRef
from pos.invoices import InvoiceDue, InvoiceStatus
from pos.money import format_kronor
from pos.services.till import Till
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.till.invoice_operations import open_invoices_of
from ui.till.operations import find_customers
from ui.widgets.dialog import Dialog
from ui.widgets.style import set_level, set_role

TOUCH = 48
OVERDUE_RED = "#b3261e"


class OpenInvoicesDialog(Dialog):
    chosen = Signal(object)  # InvoiceDue

    def __init__(self, lanes: Lanes, till: Till, customer: CustomerRef | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openInvoicesDialog")
        self.setWindowTitle(self.tr("Open invoices"))
        self.setModal(True)
        self._lanes, self._till = lanes, till
        self.customer: CustomerRef | None = None
        self.invoices: list[InvoiceDue] = []
        self.found: list[CustomerRef] = []
        self.heading = QLabel(self.tr("Open invoices"), self)
        set_role(self.heading, "heading")
        self.field = QLineEdit(self)
        self.field.setObjectName("openInvoicesSearch")
        self.field.setPlaceholderText(self.tr("Another customer: phone, e-mail or name"))
        self.field.setMinimumHeight(TOUCH)
        self.field.returnPressed.connect(self.search)
        self.search_button = QPushButton(self.tr("Search"), self)
        self.search_button.setObjectName("openInvoicesSearchButton")
        self.search_button.setMinimumHeight(TOUCH)
        self.search_button.clicked.connect(self.search)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.search_button)
        self.customers = QListWidget(self)
        self.customers.setObjectName("openInvoicesCustomers")
        self.customers.itemActivated.connect(lambda _i: self._customer_chosen())
        self.customers.hide()
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("openInvoicesTable")
        self.table.setHorizontalHeaderLabels([self.tr("Invoice"), self.tr("Due date"),
                                              self.tr("Amount due"), self.tr("Status")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(TOUCH)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(lambda _i: self.choose())
        self.table.itemSelectionChanged.connect(self._check)
        self.message = QLabel("", self)
        self.message.setObjectName("openInvoicesMessage")
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Pay the chosen invoice (Enter)"), self)
        self.choose_button.setObjectName("openInvoicesChoose")
        self.choose_button.setMinimumHeight(64)
        set_role(self.choose_button, "primary")
        self.choose_button.clicked.connect(self.choose)
        self.close_button = QPushButton(self.tr("Close (Esc)"), self)
        self.close_button.setObjectName("openInvoicesClose")
        self.close_button.setMinimumHeight(64)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.choose_button, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(self.customers)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumWidth(640)
        self._check()
        if customer is not None:
            self.show_customer(customer)
        else:
            self._say(self.tr("The sale has no customer: search for one."), "info")
            self.field.setFocus()

    # --- the customer ----------------------------------------------------------------------------

    def search(self) -> None:
        query = self.field.text().strip()
        if not query:
            return
        self._say(self.tr("Searching…"), "info")
        find_customers(self._lanes, self._till, query, on_done=self._found,
                       on_error=self._failed)

    def _found(self, found: list[CustomerRef]) -> None:
        self.found = list(found)
        self.customers.clear()
        for c in self.found:
            item = QListWidgetItem(" · ".join(x for x in (c.label, c.email, c.phone) if x))
            item.setSizeHint(QSize(0, TOUCH))
            self.customers.addItem(item)
        if len(self.found) == 1:
            self.show_customer(self.found[0])
            return
        self.customers.setVisible(bool(self.found))
        if self.found:
            self.customers.setCurrentRow(0)
            self.customers.setFocus()
            self._say(self.tr("Choose the customer (Enter)."), "info")
        else:
            self._say(self.tr("No customer found."), "error")

    def _customer_chosen(self) -> None:
        row = self.customers.currentRow()
        if 0 <= row < len(self.found):
            self.show_customer(self.found[row])

    def show_customer(self, customer: CustomerRef) -> None:
        self.customer = customer
        self.customers.hide()
        self.heading.setText(self.tr("Open invoices: %1").replace("%1", customer.label))
        self._say(self.tr("Looking the invoices up…"), "info")
        open_invoices_of(self._lanes, self._till, customer.id, on_done=self.show_invoices,
                         on_error=self._failed)

    # --- the invoices ----------------------------------------------------------------------------

    def show_invoices(self, found: list[InvoiceDue]) -> None:
        self.invoices = list(found)
        self.table.setRowCount(len(self.invoices))
        words = {InvoiceStatus.OPEN: self.tr("open"), InvoiceStatus.OVERDUE: self.tr("overdue"),
                 InvoiceStatus.PAID: self.tr("paid")}
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, due in enumerate(self.invoices):
            cells = (due.number, due.due_on.isoformat(),
                     format_kronor(due.amount_due, symbol=True), words[due.status])
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if due.status is InvoiceStatus.OVERDUE:
                    item.setForeground(QBrush(QColor(OVERDUE_RED)))
                    item.setFont(bold)
                self.table.setItem(r, c, item)
        if self.invoices:
            self.table.selectRow(0)
            self.table.setFocus()
            overdue = sum(d.status is InvoiceStatus.OVERDUE for d in self.invoices)
            owed = format_kronor(sum(d.amount_due for d in self.invoices), symbol=True)
            text = self.tr("%n open invoice(s), %1 in all.", "", len(self.invoices)) \
                .replace("%1", owed)
            if overdue:
                text += " " + self.tr("%n overdue.", "", overdue)
            local = any(d.source == "local" for d in self.invoices)
            if local:
                text += " " + self.tr("The central store cannot be reached: only this till's "
                                      "own invoices are shown.")
            self._say(text, "error" if overdue else "info")
        else:
            self._say(self.tr("%1 has no open invoices.").replace(
                "%1", self.customer.label if self.customer else ""), "ok")
        self._check()

    def choose(self) -> None:
        row = self.table.currentRow()
        if not self.invoices or not 0 <= row < len(self.invoices):
            return
        self.chosen.emit(self.invoices[row])
        self.accept()

    # --- state -----------------------------------------------------------------------------------

    def _failed(self, exc: BaseException) -> None:
        self._say(message_for(exc), "error")

    def _say(self, text: str, level: str) -> None:
        self.message.setText(text)
        set_level(self.message, level)

    def _check(self) -> None:
        self.choose_button.setEnabled(bool(self.invoices) and self.table.currentRow() >= 0)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.field.hasFocus() \
                and not self.customers.hasFocus():
            self.choose()
            return
        super().keyPressEvent(event)
