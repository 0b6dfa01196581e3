"""The customer dialog's row for the customer's record: New (Ctrl+N), Details (Ctrl+E),
History (Ctrl+H)."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ui.widgets.style import metrics


class CustomerRecordButtons(QWidget):
    def __init__(self, dialog: QWidget) -> None:
        super().__init__(dialog)
        m = metrics()
        self.new_button = QPushButton(self.tr("New customer (Ctrl+N)"), self)
        self.new_button.setObjectName("customerNewButton")
        self.edit_button = QPushButton(self.tr("Details (Ctrl+E)"), self)
        self.edit_button.setObjectName("customerEditButton")
        self.history_button = QPushButton(self.tr("History (Ctrl+H)"), self)
        self.history_button.setObjectName("customerHistoryButton")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for b, key in ((self.new_button, "Ctrl+N"), (self.edit_button, "Ctrl+E"),
                       (self.history_button, "Ctrl+H")):
            b.setMinimumHeight(m.touch(44))
            row.addWidget(b)
            QShortcut(QKeySequence(key), dialog).activated.connect(b.click)
        row.addStretch(1)

    def enable(self, about_someone: bool) -> None:
        self.edit_button.setEnabled(about_someone)
        self.history_button.setEnabled(about_someone)
