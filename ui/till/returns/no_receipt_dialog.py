"""A return without a receipt (F6 in the returns dialog): the article by scan or by its name,
how many, why and whether it goes back to stock; the refund is at most what the article costs
today. A manager approves with their PIN when the cashier asks for it (the approval dialog).

The dialog only asks and shows: the ``Returns`` flow looks articles up on the register lane and
answers with ``show_results``, ``show_article`` or ``show_error``."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from pos.catalog import Variant
from pos.money import format_kronor
from pos.returns import ReturnReason
from pos.scan_router import ScanKind, classify, is_words
from ui.till.returns.stepper import UnitsStepper
from ui.widgets.dialog import Dialog
from ui.widgets.style import metrics, set_level, set_role, unbroken

MAX_UNITS = 99


class NoReceiptDialog(Dialog):
    search_requested = Signal(str)  # words: article names
    lookup_requested = Signal(str)  # a code scanned or typed
    return_requested = Signal(object, int, str, bool)  # Variant, units, reason id, restock

    def __init__(self, reasons: tuple[ReturnReason, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        m = metrics()
        self.setObjectName("noReceiptDialog")
        self.setWindowTitle(self.tr("Return without receipt"))
        self.setModal(True)
        self.reasons = tuple(reasons)
        self.variant: Variant | None = None
        self.results: list[Variant] = []
        title = QLabel(self.tr("Return without receipt"), self)
        set_role(title, "heading")
        note = QLabel(self.tr("A manager approves it. The refund is at most what the article "
                              "costs today."), self)
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        self.field = QLineEdit(self)
        self.field.setObjectName("noReceiptField")
        self.field.setPlaceholderText(self.tr("Scan the article, or type its name or code"))
        self.field.setMinimumHeight(m.touch(44))
        self.field.returnPressed.connect(self.find)
        self.field.installEventFilter(self)
        self.results_list = QListWidget(self)
        self.results_list.setObjectName("noReceiptResults")
        self.results_list.setMaximumHeight(m.px(200))
        self.results_list.hide()
        self.results_list.itemClicked.connect(self._result_chosen)
        # Enter in the results chooses, and only that (passed on, the dialog took it as "return")
        self.results_list.installEventFilter(self)
        self.article = QLabel(self.tr("No article chosen yet."), self)
        self.article.setObjectName("noReceiptArticle")
        self.article.setWordWrap(True)
        set_role(self.article, "heading")
        self.units = UnitsStepper(MAX_UNITS, self)
        self.units.setValue(1)
        self.units.spin.setMinimum(1)
        self.reason = QComboBox(self)
        self.reason.setObjectName("noReceiptReason")
        for r in self.reasons:
            self.reason.addItem(r.label, r.id)
        self.restock = QCheckBox(self.tr("Back to stock"), self)
        self.restock.setObjectName("noReceiptRestock")
        self.restock.setChecked(self.reasons[0].restock if self.reasons else True)
        self.reason.currentIndexChanged.connect(self._reason_changed)
        self.units.valueChanged.connect(lambda _v: self._show_refund())
        form = QFormLayout()
        form.addRow(self.tr("Units"), self.units)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow("", self.restock)
        self.refund_label = QLabel("", self)
        self.refund_label.setObjectName("noReceiptRefund")
        self.refund_label.setProperty("role", "figure")
        self.message = QLabel("", self)
        self.message.setObjectName("noReceiptMessage")
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)
        set_level(self.message, "info")
        cancel = QPushButton(self.tr("Cancel (Esc)"), self)
        cancel.setObjectName("noReceiptCancel")
        cancel.clicked.connect(self.reject)
        self.ok_button = QPushButton(self.tr("Return, a manager approves (Enter)"), self)
        self.ok_button.setObjectName("noReceiptOk")
        set_role(self.ok_button, "primary")
        self.ok_button.clicked.connect(self.submit)
        for b in (cancel, self.ok_button):
            b.setMinimumHeight(m.touch(56))
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(self.field)
        layout.addWidget(self.results_list)
        layout.addWidget(self.article)
        layout.addLayout(form)
        layout.addWidget(self.refund_label)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        chain: list[QWidget] = [self.field, self.units.spin, self.reason, self.restock,
                                self.ok_button]
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)
        self.setMinimumWidth(m.px(560))
        self._show_refund()
        self.field.setFocus()

    # --- asking --------------------------------------------------------------------------------

    def find(self) -> None:
        text = self.field.text().strip()
        if not text:
            if self.variant is not None:
                self.submit()
            return
        self.busy(self.tr("Looking…"))
        if is_words(text) and classify(text).kind is not ScanKind.GTIN:
            self.search_requested.emit(text)
        else:
            self.lookup_requested.emit(text)

    def scanned(self, code: str) -> None:
        self.field.setText(code)
        self.busy(self.tr("Looking…"))
        self.lookup_requested.emit(code)

    def submit(self) -> None:
        if self.variant is None:
            self.show_error(self.tr("Scan or find the article first."))
            self.field.setFocus()
            return
        self.busy(self.tr("A manager approves…"))
        self.return_requested.emit(self.variant, self.units.value(),
                                   str(self.reason.currentData()), self.restock.isChecked())

    def _result_chosen(self, item: QListWidgetItem) -> None:
        row = self.results_list.row(item)
        if 0 <= row < len(self.results):
            self.show_article(self.results[row])

    # --- showing -------------------------------------------------------------------------------

    def show_results(self, variants: list[Variant]) -> None:
        self.results = list(variants)
        self.results_list.clear()
        for v in self.results:
            self.results_list.addItem(unbroken(f"{v.name}   {format_kronor(v.price)} kr"))
        self.results_list.setVisible(bool(self.results))
        if self.results:
            self.results_list.setCurrentRow(0)
            self.results_list.setFocus()
            self.busy(self.tr("Choose the article (Enter)"))
        else:
            self.show_error(self.tr("No article is called that."))

    def show_article(self, variant: Variant) -> None:
        self.variant = variant
        self.results_list.hide()
        self.field.clear()
        self.article.setText(unbroken(self.tr("%1 – %2 kr today").replace("%1", variant.name)
                                      .replace("%2", format_kronor(variant.price))))
        self._show_refund()
        self.busy(self.tr("How many, and why? Then Enter."))
        self.units.spin.setFocus()
        self.units.spin.selectAll()

    def refund(self) -> int:
        return self.variant.price * self.units.value() if self.variant is not None else 0

    def _show_refund(self) -> None:
        self.refund_label.setText(unbroken(self.tr("Refund at most %1 kr").replace(
            "%1", format_kronor(self.refund()))))
        self.ok_button.setEnabled(self.variant is not None)

    def _reason_changed(self, i: int) -> None:
        if 0 <= i < len(self.reasons):
            self.restock.setChecked(self.reasons[i].restock)

    def busy(self, text: str) -> None:
        self.message.setText(text)
        set_level(self.message, "info")

    def show_error(self, text: str) -> None:
        self.message.setText(unbroken(text))
        set_level(self.message, "error")
        self.field.setFocus()
        self.field.selectAll()

    # --- keys ----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()  # type: ignore[attr-defined]
        if watched is self.field and key == Qt.Key.Key_Down and self.results_list.isVisible():
            self.results_list.setFocus()
            return True
        if watched is self.results_list and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.results_list.currentItem()
            if item is not None:
                self._result_chosen(item)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        """Enter in the field finds (its own); in the results it chooses; elsewhere it asks
        for the manager's approval."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.focusWidget() is not self.field:
                self.submit()
            return
        super().keyPressEvent(event)
