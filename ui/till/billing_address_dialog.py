"""The customer's billing address typed at the till, for an invoice to a customer whose profile
in the central store has none (street, postcode, town)."""
from __future__ import annotations

from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from ui.widgets.dialog import Dialog
from ui.widgets.style import set_level, set_role


class BillingAddressDialog(Dialog):
    def __init__(self, customer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("billingAddressDialog")
        self.setWindowTitle(self.tr("Billing address"))
        self.setModal(True)
        heading = QLabel(self.tr("Billing address of %1").replace("%1", customer), self)
        heading.setWordWrap(True)
        set_role(heading, "heading")
        self.message = QLabel("", self)
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)
        self.message.hide()  # until something is wrong
        self.street = QLineEdit(self)
        self.street.setObjectName("billingStreet")
        self.postcode = QLineEdit(self)
        self.postcode.setObjectName("billingPostcode")
        self.postcode.setMaxLength(6)
        self.city = QLineEdit(self)
        self.city.setObjectName("billingCity")
        for field in (self.street, self.postcode, self.city):
            field.setMinimumHeight(44)
            field.textChanged.connect(lambda _t: self.message.hide())
        form = QFormLayout()
        form.addRow(self.tr("Street"), self.street)
        form.addRow(self.tr("Postcode"), self.postcode)
        form.addRow(self.tr("Town"), self.city)
        self.ok_button = QPushButton(self.tr("Invoice to this address (Enter)"), self)
        self.ok_button.setObjectName("billingOkButton")
        self.ok_button.setMinimumHeight(64)
        set_role(self.ok_button, "primary")
        self.ok_button.clicked.connect(self.submit)
        self.enter_button = self.ok_button
        cancel = QPushButton(self.tr("Cancel (Esc)"), self)
        cancel.setMinimumHeight(64)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok_button, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)
        self.street.setFocus()

    def lines(self) -> tuple[str, ...]:
        town = f"{self.postcode.text().strip()} {self.city.text().strip()}".strip()
        return tuple(x for x in (self.street.text().strip(), town) if x)

    def submit(self) -> None:
        digits = self.postcode.text().replace(" ", "")
        if not self.street.text().strip() or not self.city.text().strip() \
                or not (digits.isdigit() and len(digits) == 5):
            self.message.setText(self.tr("Type the street, a postcode of five digits and the "
                                         "town"))
            set_level(self.message, "error")
            self.message.show()
            return
        self.accept()
