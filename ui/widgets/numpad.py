"""Amount and quantity entry for touch screens: a keypad that types into a line edit.

``Numpad`` types into its ``target`` (a ``QLineEdit``) - or, when it has none, into whichever
line edit has the focus - and emits ``entered()`` on its OK key. ``NumberDialog`` is the small
dialog used for quantities, prices, floats and counted cash: a prompt, a field and a numpad; it
checks the text with a parser and says what is wrong under the field.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialogButtonBox, QGridLayout, QLabel,
                               QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget)

from pos.money import MAX_TYPED_AMOUNT, MoneyError, format_kronor, parse_kronor
from ui.widgets.dialog import Dialog
from ui.i18n.messages import message_for
from ui.widgets.bind import bind
from ui.widgets.style import metrics, set_level, set_role


class Numpad(QWidget):
    entered = Signal()

    KEYS = ["7", "8", "9", "4", "5", "6", "1", "2", "3", "0", "00", ","]

    def __init__(self, target: QLineEdit | None = None, parent: QWidget | None = None, *,
                 decimals: bool = True, ok_text: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numpad")
        self.target = target
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(metrics().px(6))
        self.buttons: dict[str, QPushButton] = {}
        for i, key in enumerate(self.KEYS):
            b = self._key(key, key)
            b.setEnabled(decimals or key != ",")
            grid.addWidget(b, i // 3, i % 3)
        back = self._key("back", "\u232b")
        back.setToolTip(self.tr("Delete the last character"))
        clear = self._key("clear", self.tr("C"))
        clear.setToolTip(self.tr("Clear the field"))
        ok = self._key("ok", ok_text or self.tr("OK"))
        set_role(ok, "primary")
        ok.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        ok.setMaximumHeight(16_777_215)  # it spans two rows: as tall as they are
        grid.addWidget(back, 0, 3)
        grid.addWidget(clear, 1, 3)
        grid.addWidget(ok, 2, 3, 2, 1)

    def _key(self, key: str, text: str) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(f"numKey_{key}")
        # a finger's key: 62 px where there is room, down to 48 where the panel needs the height
        # (a delivery's button under the totals once pushed the till past a 768 px screen)
        m = metrics()
        b.setMinimumHeight(m.touch(48))
        b.setMaximumHeight(m.touch(62))
        policy = b.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Expanding)
        b.setSizePolicy(policy)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the focus and the cursor
        set_role(b, "key")
        b.clicked.connect(bind(self.press, key))
        self.buttons[key] = b
        return b

    def _field(self) -> QLineEdit | None:
        if self.target is not None:
            return self.target
        w = QApplication.focusWidget()
        return w if isinstance(w, QLineEdit) else None

    def press(self, key: str) -> None:
        if key == "ok":
            self.entered.emit()
            return
        field = self._field()
        if field is None:
            return
        if key == "back":
            field.backspace()
        elif key == "clear":
            field.clear()
        else:
            field.insert(key)


def parse_quantity(text: str) -> int:
    text = text.strip()
    if not text.isdigit():
        raise ValueError(QApplication.translate("NumberDialog", "Enter a whole number"))
    return int(text)


def parse_amount(text: str, *, maximum: int = MAX_TYPED_AMOUNT) -> int:
    """Öre from what the cashier typed; a ValueError with the reason in the cashier's language
    (empty, not plain decimals such as "1e3", more than two decimals, above ``maximum``)."""
    try:
        return parse_kronor(text, maximum=maximum)
    except MoneyError as e:
        raise ValueError(message_for(e)) from None


class NumberDialog(Dialog):
    """Ask for one number. ``value`` holds the parsed result after ``accept``."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None, *,
                 parser: Callable[[str], Any] = parse_amount, initial: str = "",
                 decimals: bool = True, extra: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numberDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self._parser = parser
        self.value: Any = None
        self.prompt = QLabel(prompt, self)
        self.prompt.setWordWrap(True)
        set_role(self.prompt, "heading")
        self.field = QLineEdit(initial, self)
        self.field.setObjectName("numberField")
        self.field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.field.selectAll()
        self.error = QLabel("", self)
        self.error.setObjectName("numberError")
        self.error.setWordWrap(True)  # a long refusal wraps, never cut off at the dialog's edge
        self.error.setProperty("role", "message")
        set_level(self.error, "info")
        self.pad = Numpad(self.field, self, decimals=decimals)
        self.pad.entered.connect(self.accept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        if extra is not None:
            layout.addWidget(extra)
            # a tap on a choice (percent / amount) keeps the typing in the field: Tab still
            # reaches the choice from the keyboard, a click no longer takes the focus away
            for button in extra.findChildren(QAbstractButton):
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                button.clicked.connect(self.field.setFocus)
        layout.addWidget(self.field)
        layout.addWidget(self.error)
        layout.addWidget(self.pad)
        layout.addWidget(buttons)
        self.field.returnPressed.connect(self.accept)
        self.setMinimumWidth(metrics().px(380))

    def accept(self) -> None:
        try:
            self.value = self._parser(self.field.text())
        except ValueError as e:  # the parser's own words, or a domain error's in this language
            self.show_error(message_for(e))
            return
        super().accept()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        set_level(self.error, "error" if text else "info")
        self.field.setFocus()
        self.field.selectAll()


def kronor_text(amount: int) -> str:
    """An amount as the cashier types it back (``125,50``)."""
    return format_kronor(amount).replace(" ", "")
