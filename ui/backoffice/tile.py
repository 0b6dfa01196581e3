"""A figure with its caption and a line of detail (the dashboard's tiles)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ui.widgets.style import metrics


class Tile(QFrame):
    """A figure with its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "panel")
        m = metrics()
        self.caption = QLabel(caption, self)
        self.caption.setProperty("role", "caption")
        self.value = QLabel("–", self)
        self.value.setProperty("role", "bigFigure")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel("", self)
        self.detail.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(m.px(14), m.px(8), m.px(14), m.px(8))
        layout.setSpacing(m.px(2))
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def set(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)
