"""A PIN pad: big touch keys 0-9, clear and OK; keyboard digits, Backspace and Enter work too."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.widgets.bind import bind
from ui.widgets.style import metrics, set_role

MAX_PIN_LENGTH = 8


class PinPad(QWidget):
    """Emits ``submitted(pin)`` on OK/Enter; the entered digits are shown as dots."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        self.display = QLineEdit(self)
        self.display.setObjectName("pinDisplay")
        self.display.setEchoMode(QLineEdit.EchoMode.Password)
        self.display.setReadOnly(True)
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.display.setPlaceholderText(self.tr("PIN"))
        m = metrics()  # sizes for the till's screen
        self.display.setMinimumHeight(m.touch(52))
        font = self.display.font()
        font.setPixelSize(m.font(26))
        self.display.setFont(font)

        grid = QGridLayout()
        grid.setSpacing(m.px(8))
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "C", "0", "OK"]
        self.buttons: dict[str, QPushButton] = {}
        for i, key in enumerate(keys):
            text = {"C": self.tr("Clear"), "OK": self.tr("OK")}.get(key, key)
            b = QPushButton(text, self)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setObjectName(f"pinKey{key}")
            set_role(b, "primary" if key == "OK" else "key")
            b.setMinimumSize(m.px(72), m.touch(60))
            b.clicked.connect(bind(self._press, key))
            grid.addWidget(b, i // 3, i % 3)
            self.buttons[key] = b

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.display)
        layout.addLayout(grid)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    @property
    def pin(self) -> str:
        return self.display.text()

    def clear(self) -> None:
        self.display.clear()

    def _press(self, key: str) -> None:
        if key == "C":
            self.clear()
        elif key == "OK":
            self.submit()
        elif len(self.display.text()) < MAX_PIN_LENGTH:
            self.display.setText(self.display.text() + key)

    def submit(self) -> None:
        pin = self.display.text()
        if pin:
            self.submitted.emit(pin)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        text = event.text()
        if text.isdigit() and len(text) == 1:
            self._press(text)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif event.key() == Qt.Key.Key_Backspace:
            self.display.setText(self.display.text()[:-1])
        elif event.key() == Qt.Key.Key_Delete:
            self.clear()
        else:
            super().keyPressEvent(event)
