"""Choose a parked sale to resume (newest first); Enter or a tap resumes, Esc goes back."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QVBoxLayout, QWidget)

from pos.money import format_kronor
from pos.services.parking import LOGGED_OUT
from pos.services.till import ParkedInfo
from ui.widgets.dialog import Dialog
from ui.widgets.style import set_role, unbroken


class ParkedDialog(Dialog):
    def __init__(self, parked: list[ParkedInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("parkedDialog")
        self.setWindowTitle(self.tr("Parked sales"))
        self.chosen: ParkedInfo | None = None
        title = QLabel(self.tr("Resume a parked sale"), self)
        set_role(title, "heading")
        self.list = QListWidget(self)
        self.list.setObjectName("parkedList")
        self.list.setWordWrap(True)  # a long note wraps instead of being cut off
        for p in parked:
            text = self.tr("#%1  %2  %3 pcs  %4 kr  by %5").replace("%1", str(p.id)) \
                .replace("%2", p.parked_at.strftime("%H:%M")).replace("%3", str(p.item_count)) \
                .replace("%4", format_kronor(p.total)).replace("%5", p.parked_by)
            if p.note == LOGGED_OUT:
                text += "  – " + self.tr("parked at log-out")
            elif p.note:
                text += f"  – {p.note}"
            item = QListWidgetItem(unbroken(text))
            item.setData(Qt.ItemDataRole.UserRole, p)
            item.setSizeHint(QSize(0, 48 if len(text) < 60 else 72))
            self.list.addItem(item)
        if parked:
            self.list.setCurrentRow(0)
        self.empty = QLabel(self.tr("No parked sales on this register."), self)
        self.empty.setVisible(not parked)
        self.list.itemActivated.connect(lambda _i: self.accept())
        resume = QPushButton(self.tr("Resume (Enter)"), self)
        resume.setObjectName("resumeButton")
        set_role(resume, "primary")
        resume.setEnabled(bool(parked))
        resume.clicked.connect(self.accept)
        cancel = QPushButton(self.tr("Back (Esc)"), self)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(resume)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.resize(560, 420)
        self.list.setFocus()

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        super().accept()
