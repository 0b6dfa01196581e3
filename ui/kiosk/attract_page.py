"""The kiosk's attract screen: what it offers, in large type; any touch starts."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.kiosk.widgets import label


class AttractPage(QWidget):
    started = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attractPage")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.welcome = label(self.tr("Welcome!"), "attract", self)
        self.offer = label(self.tr("Find products, scan a barcode, see what is in stock here, in "
                                   "our other stores and online, and save your cart to pay at "
                                   "the till or on your phone."), "heading", self)
        self.touch = label(self.tr("Touch the screen to start"), "muted", self)
        self.camera = label("", "muted", self)
        for w in (self.welcome, self.offer, self.touch, self.camera):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(w)
            layout.addSpacing(24)
        layout.addStretch(3)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        self.started.emit()
        super().mousePressEvent(event)
