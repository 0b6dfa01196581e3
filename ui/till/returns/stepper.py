"""A number a finger can change: [-] n [+], with buttons of a touch target's size; the keyboard
types the number or steps it with Up/Down in the field (the buttons take no focus, so Tab goes
from field to field)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractSpinBox, QHBoxLayout, QPushButton, QSpinBox, QWidget

from ui.widgets.style import metrics


class UnitsStepper(QWidget):
    valueChanged = Signal(int)  # noqa: N815 - Qt naming

    def __init__(self, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        m = metrics()
        self.spin = QSpinBox(self)
        self.spin.setObjectName("returnUnits")
        self.spin.setRange(0, max(0, maximum))
        self.spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.spin.setMinimumWidth(m.px(56))
        # the till's style sheet left a spin box without buttons 1 px for its text: buttons of
        # no width placed on its border give the text the whole box
        self.spin.setStyleSheet(
            "QSpinBox::up-button { subcontrol-origin: border; width: 0px; }"
            "QSpinBox::down-button { subcontrol-origin: border; width: 0px; }")
        self.spin.valueChanged.connect(self.valueChanged.emit)
        self.minus = QPushButton("\u2212", self)
        self.plus = QPushButton("+", self)
        for b, step in ((self.minus, -1), (self.plus, 1)):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setFixedSize(m.touch(44), m.touch(44))
            b.setAutoRepeat(True)
            # the size in the style sheet too: the till's sheet gives buttons a smaller
            # minimum, and a table's cell then squeezed these below a finger's 44 px
            side = m.touch(44) - 2  # the content box: a 1 px border on each side
            b.setStyleSheet(f"font-size: {m.font(24)}px; font-weight: bold; padding: 0px;"
                            f"min-height: {side}px; max-height: {side}px;"
                            f"min-width: {side}px; max-width: {side}px;")
            b.clicked.connect(self.spin.stepDown if step < 0 else self.spin.stepUp)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(m.px(4))
        layout.addWidget(self.minus)
        layout.addWidget(self.spin, 1)
        layout.addWidget(self.plus)
        self.setFocusProxy(self.spin)
        self.setEnabled(maximum > 0)

    def value(self) -> int:
        return self.spin.value()

    def setValue(self, value: int) -> None:  # noqa: N802 - Qt naming
        self.spin.setValue(value)

    def maximum(self) -> int:
        return self.spin.maximum()
