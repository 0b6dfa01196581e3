"""The customer's promotion codes: type (or scan) one to add it, see the codes on the sale and what
each gives, remove one.

The dialog only asks; the sale page runs ``Till.add_promo_code``/``remove_promo_code`` on the
worker and answers with ``show_result`` (the new totals) or ``show_error`` (why a code was
refused), so the dialog stays open until the code is taken.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from pos.cart import CartTotals
from pos.money import format_kronor
from ui.widgets.dialog import Dialog
from ui.widgets.style import set_level, set_role, unbroken


class PromoCodeDialog(Dialog):
    add_requested = Signal(str)
    remove_requested = Signal(str)

    def __init__(self, totals: CartTotals | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promoCodeDialog")
        self.setWindowTitle(self.tr("Promotion code"))
        self.setModal(True)
        self.busy = False
        prompt = QLabel(self.tr("The customer's promotion code (type or scan it)"), self)
        prompt.setWordWrap(True)
        set_role(prompt, "heading")
        self.field = QLineEdit(self)
        self.field.setObjectName("promoCodeField")
        self.field.setPlaceholderText(self.tr("e.g. HOST10"))
        self.field.setMaxLength(60)
        self.field.returnPressed.connect(self.submit)
        self.add_button = QPushButton(self.tr("Add code"), self)
        self.add_button.setObjectName("promoAddButton")
        set_role(self.add_button, "primary")
        self.add_button.clicked.connect(self.submit)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.add_button)
        self.error = QLabel("", self)
        self.error.setObjectName("promoCodeError")
        self.error.setProperty("role", "message")
        self.error.setWordWrap(True)
        set_level(self.error, "info")
        caption = QLabel(self.tr("Codes on this sale"), self)
        caption.setProperty("role", "caption")
        self.codes = QListWidget(self)
        self.codes.setObjectName("promoCodeList")
        self.codes.setMaximumHeight(140)
        self.remove_button = QPushButton(self.tr("Remove code"), self)
        self.remove_button.setObjectName("promoRemoveButton")
        set_role(self.remove_button, "danger")
        self.remove_button.clicked.connect(self._remove)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(caption)
        layout.addWidget(self.codes)
        layout.addWidget(self.remove_button)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.show_totals(totals)
        self.field.setFocus()

    # --- answers from the sale page ------------------------------------------------------------

    def show_totals(self, totals: CartTotals | None) -> None:
        """List the codes on the sale with what each takes off."""
        self.codes.clear()
        given = dict(totals.promotions()) if totals else {}
        for code in (totals.codes if totals else ()):
            amount = given.get(code, 0)
            text = (self.tr("%1   -%2 kr").replace("%1", code).replace("%2", format_kronor(amount))
                    if amount else
                    self.tr("%1   nothing on these articles yet").replace("%1", code))
            item = QListWidgetItem(unbroken(text))
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.codes.addItem(item)
        if not self.codes.count():
            item = QListWidgetItem(self.tr("No codes yet"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.codes.addItem(item)
        else:
            self.codes.setCurrentRow(self.codes.count() - 1)
        self.remove_button.setEnabled(bool(totals and totals.codes))

    def show_result(self, totals: CartTotals, message: str) -> None:
        self._set_busy(False)
        self.field.clear()
        self.error.setText(message)
        set_level(self.error, "ok")
        self.show_totals(totals)

    def show_error(self, text: str) -> None:
        self._set_busy(False)
        self.error.setText(text)
        set_level(self.error, "error")
        self.field.setFocus()
        self.field.selectAll()

    # --- internals -----------------------------------------------------------------------------

    def submit(self) -> None:
        code = self.field.text().strip()
        if not code:
            self.show_error(self.tr("Type a promotion code"))
            return
        if self.busy:
            return
        self._set_busy(True)
        self.add_requested.emit(code.upper())

    def _remove(self) -> None:
        item = self.codes.currentItem()
        code = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if code and not self.busy:
            self._set_busy(True)
            self.remove_requested.emit(str(code))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.add_button.setEnabled(not busy)
