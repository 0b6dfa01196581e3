"""Shift work: the F10 menu, opening float, cash in/out with a reason, closing with counted cash.

The dialogs only collect what the cashier enters; the sale page runs the ``Till`` calls on the
worker and shows X/Z reports in a ``ReceiptPreviewDialog`` (with the variance for a Z report).
"""
from __future__ import annotations

from ui.widgets.dialog import Dialog
from ui.widgets.bind import bind

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from pos.money import format_kronor
from pos.shifts import Report, ShiftInfo
from ui.widgets.numpad import NumberDialog, parse_amount
from ui.widgets.style import metrics, set_level, set_role

OPEN, CASH_IN, CASH_OUT, X_REPORT, CLOSE, NO_SALE = (
    "open", "cash_in", "cash_out", "x_report", "close", "no_sale")


class ShiftMenu(Dialog):
    """Pick a shift action; digits 1-6 choose too. ``action`` holds the choice after accept."""

    def __init__(self, shift: ShiftInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftMenu")
        self.setWindowTitle(self.tr("Shift"))
        self.action: str | None = None
        if shift is None:
            status = self.tr("No shift is open on this register.")
        else:
            status = self.tr("Shift %1 open since %2, float %3 kr").replace("%1", str(shift.id)) \
                .replace("%2", shift.opened_at.strftime("%Y-%m-%d %H:%M")) \
                .replace("%3", format_kronor(shift.opening_float))
        title = QLabel(status, self)
        title.setObjectName("shiftStatus")
        title.setWordWrap(True)
        set_role(title, "heading")
        grid = QGridLayout()
        entries = [
            (OPEN, self.tr("1  Open shift"), shift is None),
            (CASH_IN, self.tr("2  Cash in"), shift is not None),
            (CASH_OUT, self.tr("3  Cash out"), shift is not None),
            (X_REPORT, self.tr("4  X report"), shift is not None),
            (CLOSE, self.tr("5  Close shift (Z report)"), shift is not None),
            (NO_SALE, self.tr("6  Open drawer (no sale)"), shift is not None),
        ]
        self.buttons: dict[str, QPushButton] = {}
        for i, (action, text, enabled) in enumerate(entries):
            b = QPushButton(text, self)
            b.setObjectName(f"shift_{action}")
            b.setEnabled(enabled)
            b.setMinimumHeight(metrics().touch(64))
            b.clicked.connect(bind(self._choose, action))
            grid.addWidget(b, i // 2, i % 2)
            self.buttons[action] = b
        back = QPushButton(self.tr("Back (Esc)"), self)
        back.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addWidget(back)
        self.setMinimumWidth(metrics().px(560))
        first = next((b for b in self.buttons.values() if b.isEnabled()), back)
        first.setFocus()

    def _choose(self, action: str) -> None:
        self.action = action
        self.accept()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        text = event.text()
        if text.isdigit() and 1 <= int(text) <= len(self.buttons):
            b = list(self.buttons.values())[int(text) - 1]
            if b.isEnabled():
                b.click()
                return
        super().keyPressEvent(event)


def open_shift_dialog(parent: QWidget | None = None) -> NumberDialog:
    d = NumberDialog(QCoreApplication.translate("ShiftDialogs", "Open shift"),
                     QCoreApplication.translate("ShiftDialogs",
                                                "Opening float: the cash in the drawer (kr)"),
                     parent, initial="0")
    d.setObjectName("openShiftDialog")
    return d


def close_shift_dialog(parent: QWidget | None = None) -> NumberDialog:
    d = NumberDialog(QCoreApplication.translate("ShiftDialogs", "Close shift"),
                     QCoreApplication.translate(
                         "ShiftDialogs", "Count the cash in the drawer and enter the total (kr). "
                         "The Z report closes the day."), parent)
    d.setObjectName("closeShiftDialog")
    return d


class CashMovementDialog(NumberDialog):
    """Cash in (positive) or out (negative) with a reason; ``value`` is the signed amount."""

    REASONS = ("Change for the drawer", "Bank deposit", "Petty cash purchase", "Tips")

    def __init__(self, cash_in: bool, parent: QWidget | None = None) -> None:
        reason = QComboBox()
        reason.setObjectName("cashReason")
        reason.setEditable(True)
        reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        reason.addItem("")
        for r in self.REASONS:
            reason.addItem(QCoreApplication.translate("CashMovementDialog", r))
        reason.lineEdit().setPlaceholderText(
            QCoreApplication.translate("CashMovementDialog", "Reason (required)"))
        super().__init__(
            QCoreApplication.translate("CashMovementDialog", "Cash in" if cash_in else "Cash out"),
            QCoreApplication.translate("CashMovementDialog",
                                       "Amount put into the drawer (kr) and why" if cash_in
                                       else "Amount taken out of the drawer (kr) and why"),
            parent, parser=lambda text: (1 if cash_in else -1) * abs(parse_amount(text)),
            extra=reason)
        self.reason = reason
        self.cash_in = cash_in
        self.setObjectName("cashMovementDialog")
        self.reason_text = ""
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        reason = self.reason.currentText().strip()
        if not reason:
            self.show_error(QCoreApplication.translate("CashMovementDialog",
                                                       "Give a reason for the cash movement"))
            return
        self.reason_text = reason
        super().accept()  # ``value`` is signed by the parser before anyone hears of the accept


class NoSaleDialog(Dialog):
    """Why the drawer opens without a sale: a tap on a common reason, or one typed (a
    keyboard's Enter, or the OK button). ``value`` holds the reason after ``accept``."""

    REASONS = (QT_TRANSLATE_NOOP("NoSaleDialog", "Change for a customer"),
               QT_TRANSLATE_NOOP("NoSaleDialog", "Checking the drawer"),
               QT_TRANSLATE_NOOP("NoSaleDialog", "Correcting a mistake"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noSaleDialog")
        self.setWindowTitle(self.tr("Open drawer"))
        self.setModal(True)
        self.value = ""
        prompt = QLabel(self.tr("Why open the drawer without a sale?"), self)
        prompt.setWordWrap(True)
        set_role(prompt, "heading")
        choices = QHBoxLayout()
        self.choices: list[QPushButton] = []
        for reason in self.REASONS:
            b = QPushButton(QCoreApplication.translate("NoSaleDialog", reason), self)
            b.setMinimumHeight(56)
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a tap leaves the typing in the field
            b.clicked.connect(lambda _c=False, b=b: self._choose(b.text()))
            choices.addWidget(b)
            self.choices.append(b)
        self.field = QLineEdit(self)
        self.field.setObjectName("noSaleReason")
        self.field.setPlaceholderText(self.tr("Or type the reason"))
        self.field.setMinimumHeight(44)
        self.field.returnPressed.connect(self.accept)
        self.error = QLabel("", self)
        self.error.setWordWrap(True)
        self.error.setProperty("role", "message")
        set_level(self.error, "info")
        ok = QPushButton(self.tr("Open the drawer (Enter)"), self)
        ok.setObjectName("noSaleOk")
        ok.setMinimumHeight(56)
        set_role(ok, "primary")
        ok.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        ok.clicked.connect(self.accept)
        cancel = QPushButton(self.tr("Cancel (Esc)"), self)
        cancel.setMinimumHeight(56)
        cancel.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(ok)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addLayout(choices)
        layout.addWidget(self.field)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(metrics().px(520))
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _choose(self, reason: str) -> None:
        self.field.setText(reason)
        self.accept()

    def accept(self) -> None:
        reason = self.field.text().strip()
        if not reason:
            self.error.setText(self.tr("Choose or type a reason"))
            set_level(self.error, "error")
            self.field.setFocus()
            return
        self.value = reason
        super().accept()


# Marked for lupdate (the dialog translates them at run time).
_MARKS = (
    QCoreApplication.translate("CashMovementDialog", "Cash in"),
    QCoreApplication.translate("CashMovementDialog", "Cash out"),
    QCoreApplication.translate("CashMovementDialog", "Amount put into the drawer (kr) and why"),
    QCoreApplication.translate("CashMovementDialog", "Amount taken out of the drawer (kr) and why"),
    QCoreApplication.translate("CashMovementDialog", "Change for the drawer"),
    QCoreApplication.translate("CashMovementDialog", "Bank deposit"),
    QCoreApplication.translate("CashMovementDialog", "Petty cash purchase"),
    QCoreApplication.translate("CashMovementDialog", "Tips"),
)


def _t(text: str) -> str:
    return QCoreApplication.translate("ShiftDialogs", text)


# Marked for lupdate; report_summary translates them through _t.
_SUMMARY = (
    QCoreApplication.translate("ShiftDialogs", "Z report %1: shift closed."),
    QCoreApplication.translate("ShiftDialogs", "X report (the shift stays open)."),
    QCoreApplication.translate("ShiftDialogs", "Expected cash %1 kr."),
    QCoreApplication.translate("ShiftDialogs", "Counted %1 kr: the drawer balances."),
    QCoreApplication.translate("ShiftDialogs", "over"),
    QCoreApplication.translate("ShiftDialogs", "short"),
    QCoreApplication.translate("ShiftDialogs", "Counted %1 kr: %2 kr %3."),
)


def report_summary(report: Report) -> tuple[str, str]:
    """A one-line summary for the top of an X/Z report preview, and its level."""
    if report.kind == "Z":
        head = _t("Z report %1: shift closed.").replace("%1", str(report.z_number))
    else:
        head = _t("X report (the shift stays open).")
    cash = _t("Expected cash %1 kr.").replace("%1", format_kronor(report.expected_cash))
    if report.variance is None:
        return f"{head} {cash}", "info"
    counted = format_kronor(report.counted_cash or 0)
    if report.variance == 0:
        return f"{head} {cash} " + _t("Counted %1 kr: the drawer balances.").replace(
            "%1", counted), "ok"
    word = _t("over") if report.variance > 0 else _t("short")
    return f"{head} {cash} " + _t("Counted %1 kr: %2 kr %3.").replace("%1", counted) \
        .replace("%2", format_kronor(abs(report.variance))).replace("%3", word), "error"
