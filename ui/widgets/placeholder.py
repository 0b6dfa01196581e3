"""A tidy window for a face of omnipos that is not built yet."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from ui.widgets.style import set_role


class ComingSoonWindow(QMainWindow):
    def __init__(self, title: str, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comingSoon")
        self.setWindowTitle(title)
        body = QWidget(self)
        heading = QLabel(title, body)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading.setStyleSheet("font-size: 32px; font-weight: bold;")
        note = QLabel(self.tr("Coming in a later release."), body)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(note, "heading")
        items = QLabel("\n".join(f"•  {line}" for line in lines), body)
        items.setAlignment(Qt.AlignmentFlag.AlignCenter)
        items.setProperty("role", "muted")
        close = QPushButton(self.tr("Close", "button: closes this window"), body)
        close.setMinimumWidth(200)
        close.clicked.connect(self.close)
        layout = QVBoxLayout(body)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addSpacing(24)
        layout.addWidget(items)
        layout.addSpacing(24)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
        self.setCentralWidget(body)
        self.resize(1024, 700)
