"""A discount limit typed by a manager: a cashier's own (empty: the store's default) or the
store's default (empty: the registers' configured one). ``limit`` (Decimal or None) when
accepted; the range is checked here and again by the use case."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos.staff import AuthError, parse_discount_limit
from ui.widgets.dialog import Dialog
from ui.widgets.style import metrics, set_level, set_role


def percent_text(value: Decimal) -> str:
    """12.5 -> "12,5": a limit as a Swedish cashier reads it (no trailing zeros)."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


class DiscountLimitDialog(Dialog):
    def __init__(self, intro: str, current: Decimal | None, empty_means: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("discountLimitDialog")
        self.setWindowTitle(self.tr("Discount limit"))
        m = metrics()
        self.limit: Decimal | None = None
        text = QLabel(intro, self)
        text.setWordWrap(True)
        hint = QLabel(self.tr("Percent, 0 to 100. Empty: %1.").replace("%1", empty_means), self)
        hint.setWordWrap(True)
        self.field = QLineEdit(self)
        self.field.setObjectName("discountLimit")
        self.field.setMaxLength(6)
        self.field.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"\d{0,3}([.,]\d{0,2})?"), self.field))
        self.field.setText("" if current is None else percent_text(current))
        self.field.selectAll()
        unit = QLabel("%", self)
        self.error = QLabel(self)
        self.error.setProperty("role", "message")
        self.error.setWordWrap(True)
        set_level(self.error, "info")
        ok = QPushButton(self.tr("Save"), self)
        ok.setObjectName("discountLimitOk")
        set_role(ok, "primary")
        ok.clicked.connect(self.try_accept)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.clicked.connect(self.reject)
        self.enter_button = ok
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(unit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(ok)
        layout = QVBoxLayout(self)
        layout.setSpacing(m.px(10))
        layout.addWidget(text)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(m.px(460))
        self.field.setFocus()

    def try_accept(self) -> None:
        try:
            self.limit = parse_discount_limit(self.field.text())
        except AuthError:
            self.error.setText(self.tr("A discount limit is a percentage from 0 to 100."))
            set_level(self.error, "error")
            return
        self.accept()
