"""Closing the day: the drawer counted note by note and coin by coin (or its total typed), the
total and what the drawer should hold side by side, and the sales still parked named before the
Z report closes the shift."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, QTimer
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (QDialogButtonBox, QGridLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from pos.cash_count import DENOMINATIONS, NOTES, CashCount
from pos.money import format_kronor
from ui.widgets.dialog import Dialog
from ui.widgets.numpad import Numpad
from ui.widgets.style import set_level, set_role


class CashCountDialog(Dialog):
    """``count`` (a ``CashCount``) is set when the cashier accepts."""

    def __init__(self, parked: tuple[int, int] = (0, 0), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cashCountDialog")
        self.setWindowTitle(self.tr("Close the shift (Z report)"))
        self.setModal(True)
        self.count: CashCount | None = None
        title = QLabel(self.tr("Count the drawer: how many of each note and coin?"), self)
        set_role(title, "heading")
        title.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.fields: dict[int, QLineEdit] = {}
        self.amounts: dict[int, QLabel] = {}
        for i, d in enumerate(DENOMINATIONS):
            kind = self.tr("note") if d in NOTES else self.tr("coin")
            name = QLabel(self.tr("%1 kr %2").replace("%1", str(d // 100)).replace("%2", kind),
                          self)
            field = QLineEdit(self)
            field.setObjectName(f"count_{d // 100}")
            # digits or nothing: an empty row is none of that kind, and Enter moves on from it
            # (an int validator held Enter back on an empty row, so the next number typed went
            # into the wrong row)
            field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,5}"), field))
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.setMinimumHeight(44)
            field.setMaximumWidth(120)
            field.textChanged.connect(self._update)
            field.installEventFilter(self)  # a tap selects the row's number: typed over, no "01"
            field.returnPressed.connect(self.focusNextChild)
            amount = QLabel("", self)
            # as wide as the widest amount from the start: the rows do not move as amounts come
            amount.setMinimumWidth(amount.fontMetrics().horizontalAdvance("99 999 999,00"))
            amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row, col = i % 5, (i // 5) * 3
            grid.addWidget(name, row, col)
            grid.addWidget(field, row, col + 1)
            grid.addWidget(amount, row, col + 2)
            self.fields[d], self.amounts[d] = field, amount
        self.total = QLabel("", self)
        self.total.setObjectName("countTotal")
        self.total.setProperty("role", "bigFigure")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.parked = QLabel("", self)
        self.parked.setObjectName("parkedWarning")
        self.parked.setWordWrap(True)
        count, total = parked
        if count:
            self.parked.setText(
                self.tr("%n parked sale(s), %1 kr, stay parked for the next shift.", "", count)
                .replace("%1", format_kronor(total)))
            set_level(self.parked, "error")
        self.parked.setVisible(bool(count))
        self.pad = Numpad(None, self, decimals=False, ok_text=self.tr("Next"))
        self.pad.entered.connect(self.focusNextChild)
        self.close_button = QPushButton(self.tr("Close the shift"), self)
        self.close_button.setObjectName("closeShiftConfirm")
        self.close_button.setMinimumHeight(56)
        set_role(self.close_button, "primary")
        self.close_button.clicked.connect(self.accept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.rejected.connect(self.reject)
        for b in buttons.buttons():
            b.setAutoDefault(False)
            b.setMinimumHeight(48)
        # the counts beside the keypad (fits a 1024x768 screen), the total and the buttons below
        counts = QHBoxLayout()
        counts.addLayout(grid, 3)
        counts.addWidget(self.pad, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(counts)
        layout.addWidget(self.total)
        layout.addWidget(self.parked)
        actions = QHBoxLayout()
        actions.addWidget(buttons)
        actions.addWidget(self.close_button, 1)
        layout.addLayout(actions)
        self.fields[DENOMINATIONS[0]].setFocus()
        self._update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QLineEdit):
            QTimer.singleShot(0, watched, watched.selectAll)  # after the click placed the cursor
        return super().eventFilter(watched, event)

    def counts(self) -> dict[int, int]:
        return {d: int(f.text()) if f.text().isdigit() else 0 for d, f in self.fields.items()}

    def _update(self) -> None:
        counts = self.counts()
        for d, n in counts.items():
            self.amounts[d].setText(format_kronor(d * n) if n else "")
        self.total.setText(self.tr("Counted %1 kr").replace(
            "%1", format_kronor(CashCount.of(counts).total)))

    def accept(self) -> None:
        self.count = CashCount.of(self.counts())
        super().accept()
