"""An on-screen keyboard for the kiosk's search and contact fields: Swedish layout with å ä ö,
digits, @ . - _ + and space; keys of at least 44 px; it types into the field it is given (a
physical keyboard types there too)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.widgets.bind import bind
from ui.widgets.style import set_role

ROWS = ("1234567890", "qwertyuiopå", "asdfghjklöä", "zxcvbnm@.-+")  # + for +46 numbers


class OnScreenKeyboard(QWidget):
    """``entered`` when its Enter key is pressed."""

    entered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onScreenKeyboard")
        self.target: QLineEdit | None = None
        self.shift = False
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(6)
        for r, row in enumerate(ROWS):
            for c, ch in enumerate(row):
                b = self._key(ch, ch)
                grid.addWidget(b, r, c)
        bottom = QHBoxLayout()
        self.shift_key = self._key("shift", "⇧")
        self.shift_key.setCheckable(True)
        self.space = self._key(" ", self.tr("Space"))
        self.back = self._key("back", "⌫")
        self.clear_key = self._key("clear", self.tr("Clear"))
        self.enter = self._key("enter", self.tr("Search"))
        set_role(self.enter, "primary")
        for b, stretch in ((self.shift_key, 1), (self.clear_key, 2), (self.space, 5),
                           (self.back, 1), (self.enter, 3)):
            bottom.addWidget(b, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addLayout(bottom)

    def _key(self, key: str, text: str) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(f"key_{key}")
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the focus (and the cursor)
        set_role(b, "key")
        b.clicked.connect(bind(self.press, key))
        self.keys[key] = b
        return b

    def set_target(self, field: QLineEdit, enter_text: str = "") -> None:
        self.target = field
        if enter_text:
            self.enter.setText(enter_text)

    def press(self, key: str) -> None:
        field = self.target
        if field is None:
            return
        if key == "shift":
            self.shift = not self.shift
            self.shift_key.setChecked(self.shift)
            for k, b in self.keys.items():
                if len(k) == 1 and k.isalpha():
                    b.setText(k.upper() if self.shift else k)
            return
        if key == "back":
            field.backspace()
        elif key == "clear":
            field.clear()
        elif key == "enter":
            self.entered.emit()
        else:
            field.insert(key.upper() if self.shift else key)
            if self.shift:
                self.press("shift")  # one capital, as a phone's keyboard
