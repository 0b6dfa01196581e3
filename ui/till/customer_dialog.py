"""Who is buying: search the central store's customers by phone, e-mail or name and put one on the
sale (or take the customer off it).

The dialog only asks; the sale page runs ``Till.find_customers`` on the worker (a network call)
and answers with ``show_found`` or ``show_error``; choosing runs ``Till.set_customer``.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from pos.commerce import CustomerRef
from ui.till.customers.record_buttons import CustomerRecordButtons
from ui.widgets.dialog import Dialog
from ui.widgets.style import set_level, set_role


class CustomerDialog(Dialog):
    search_requested = Signal(str)
    chosen = Signal(object)  # CustomerRef | None (None: no customer on the sale)
    # the customer's record (ui/till/customers/): a new one (what was searched for), the chosen
    # one's details, the chosen one's history
    new_requested = Signal(str)
    edit_requested = Signal(object)  # CustomerRef
    history_requested = Signal(object)  # CustomerRef

    def __init__(self, current: CustomerRef | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerDialog")
        self.setWindowTitle(self.tr("Customer"))
        self.setModal(True)
        self.found: list[CustomerRef] = []
        prompt = QLabel(self.tr("Find the customer by phone, e-mail, name or card"), self)
        prompt.setWordWrap(True)
        set_role(prompt, "heading")
        self.field = QLineEdit(self)
        self.field.setObjectName("customerSearchField")
        self.field.setPlaceholderText(self.tr("e.g. 070-123 45 67"))
        self.field.returnPressed.connect(self.search)
        self.search_button = QPushButton(self.tr("Search"), self)
        self.search_button.setObjectName("customerSearchButton")
        self.search_button.clicked.connect(self.search)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.search_button)
        self.message = QLabel("", self)
        self.message.setObjectName("customerMessage")
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)
        set_level(self.message, "info")
        if current is not None:
            self.message.setText(self.tr("On this sale: %1").replace("%1", current.label))
        self.results = QListWidget(self)
        self.results.setObjectName("customerResults")
        self.results.itemActivated.connect(lambda _item: self.choose())
        self.choose_button = QPushButton(self.tr("Choose"), self)
        self.choose_button.setObjectName("customerChooseButton")
        set_role(self.choose_button, "primary")
        self.choose_button.setEnabled(False)
        self.choose_button.clicked.connect(self.choose)
        self.none_button = QPushButton(self.tr("No customer"), self)
        self.none_button.setObjectName("customerNoneButton")
        self.none_button.setEnabled(current is not None)
        self.none_button.clicked.connect(self._no_customer)
        self.current = current
        self.record_buttons = CustomerRecordButtons(self)
        self.record_buttons.new_button.clicked.connect(
            lambda: self.new_requested.emit(self.field.text().strip()))
        self.record_buttons.edit_button.clicked.connect(lambda: self._about(self.edit_requested))
        self.record_buttons.history_button.clicked.connect(
            lambda: self._about(self.history_requested))
        self.results.currentRowChanged.connect(lambda _r: self._record_buttons())
        self._record_buttons()
        actions = QHBoxLayout()
        actions.addWidget(self.none_button)
        actions.addStretch(1)
        actions.addWidget(self.choose_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.record_buttons)
        layout.addLayout(actions)
        layout.addWidget(buttons)
        self.setMinimumSize(520, 420)
        self.field.setFocus()

    def search(self) -> None:
        query = self.field.text().strip()
        if not query:
            self.show_error(self.tr("Type a phone number, an e-mail or a name"))
            return
        self.search_button.setEnabled(False)
        self.message.setText(self.tr("Searching the central store…"))
        set_level(self.message, "info")
        self.search_requested.emit(query)

    def show_found(self, found: list[CustomerRef]) -> None:
        self.search_button.setEnabled(True)
        self.found = list(found)
        self.results.clear()
        for c in self.found:
            item = QListWidgetItem(f"{c.label}\n{c.email}   {c.phone}".rstrip())
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.results.addItem(item)
        self._record_buttons()
        if self.found:
            self.results.setCurrentRow(0)
            self.results.setFocus()
            self.message.setText(self.tr("%n customer(s) found", "", len(self.found)))
            set_level(self.message, "ok")
        else:
            self.message.setText(self.tr("No customer found"))
            set_level(self.message, "error")
            self.field.setFocus()
            self.field.selectAll()
        self.choose_button.setEnabled(bool(self.found))

    def show_error(self, text: str) -> None:
        self.search_button.setEnabled(True)
        self.message.setText(text)
        set_level(self.message, "error")
        self.field.setFocus()

    def choose(self) -> None:
        row = self.results.currentRow()
        if 0 <= row < len(self.found):
            self.chosen.emit(self.found[row])
            self.accept()

    def about(self) -> CustomerRef | None:
        """The customer the record buttons are about: the one chosen in the list, else the
        sale's."""
        row = self.results.currentRow()
        if 0 <= row < len(self.found):
            return self.found[row]
        return self.current

    def _about(self, signal: Signal) -> None:
        customer = self.about()
        if customer is not None:
            signal.emit(customer)

    def _record_buttons(self) -> None:
        self.record_buttons.enable(self.about() is not None)

    def _no_customer(self) -> None:
        self.chosen.emit(None)
        self.accept()
