"""F1: the till's keyboard shortcuts, keys as the cashier's keyboard names them, in two columns
so that the whole list fits a 1024x768 screen (a message box wrapped it taller than the screen)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.till.shortcuts import SHORTCUTS, description, key_label
from ui.widgets.dialog import Dialog
from ui.widgets.style import set_role


class HelpDialog(Dialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        title = QLabel(self.tr("Keyboard shortcuts"), self)
        set_role(title, "heading")
        cells = [f"<td style='padding:2px 12px 2px 0'><b>{key_label(s)}</b></td>"
                 f"<td style='padding:2px 20px 2px 0'>{description(s)}</td>" for s in SHORTCUTS]
        half = (len(cells) + 1) // 2
        rows = "".join(f"<tr>{cells[i]}{cells[i + half] if i + half < len(cells) else ''}</tr>"
                       for i in range(half))
        self.table = QLabel(f"<table>{rows}</table>", self)
        self.table.setObjectName("helpTable")
        self.table.setTextFormat(Qt.TextFormat.RichText)
        self.table.setWordWrap(True)  # an action's words wrap within the screen's width
        close = QPushButton(self.tr("Close (Esc)"), self)
        close.setMinimumHeight(48)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        screen = (parent.screen() if parent is not None else None) or QApplication.primaryScreen()
        self.setMaximumWidth(screen.availableGeometry().width() - 40)

    def text(self) -> str:
        return self.table.text()
