"""The Reports page's receipts: a receipt looked up by its barcode (scanned into the field) or
by register and number ("K1 12"), shown as it was printed, and printed as its one copy (KOPIA)
by the till's rule (``pos.services.backoffice_prints``); a second copy is refused."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFontDatabase, QKeySequence, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout,
                               QWidget)

from pos.sales import Sale
from ui.widgets.flow_layout import FlowLayout
from ui.backoffice import operations as op
from ui.backoffice.context import BackofficeContext
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.widgets.style import metrics

Say = Callable[[str, str], None]  # (text, level)


class ReceiptCopyPanel(QWidget):
    def __init__(self, lanes: Lanes, ctx: BackofficeContext, say: Say,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptCopyPanel")
        self.lanes, self.ctx, self.say = lanes, ctx, say
        self.sale: Sale | None = None
        m = metrics()
        self.code = QLineEdit(self)
        self.code.setObjectName("receiptCode")
        self.code.setPlaceholderText(self.tr("Scan the receipt's barcode or type K1 12"))
        self.code.setMinimumHeight(m.touch(46))
        self.code.returnPressed.connect(self.find)
        self.find_button = QPushButton(self.tr("Find (Enter)"), self)
        self.find_button.setObjectName("findReceipt")
        self.find_button.clicked.connect(self.find)
        self.copy_button = QPushButton(self.tr("Print copy (Ctrl+K)"), self)
        self.copy_button.setObjectName("printReceiptCopy")
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.print_copy)
        QShortcut(QKeySequence("Ctrl+K"), self).activated.connect(self.print_copy)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("receiptText")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.text.setStyleSheet(f"QPlainTextEdit {{ font-family: '{mono.family()}'; "
                                f"font-size: {m.font(13)}px; }}")
        row = FlowLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.find_button)
        row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, m.px(6), 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.text, 1)

    def find(self) -> None:
        code = self.code.text().strip()
        if not code:
            return
        op.find_receipt(self.lanes, self.ctx, code, on_done=self._found,
                        on_error=self._not_found)

    def _found(self, found: tuple[Sale, str]) -> None:
        self.sale, text = found
        self.text.setPlainText(text)
        self.copy_button.setEnabled(True)
        self.say(self.tr("Receipt %1 of register %2.").replace("%1", str(self.sale.receipt_no))
                 .replace("%2", self.sale.register_id), "info")

    def _not_found(self, e: BaseException) -> None:
        self.sale = None
        self.text.clear()
        self.copy_button.setEnabled(False)
        self.say(message_for(e), "error")

    def print_copy(self) -> None:
        if self.sale is None or not self.copy_button.isEnabled():
            return
        self.copy_button.setEnabled(False)
        sale = self.sale
        op.reprint_receipt(self.lanes, self.ctx, sale.id,
                           on_done=lambda outcome: self._printed(sale, outcome),
                           on_error=self._print_failed)

    def _printed(self, sale: Sale, outcome) -> None:  # type: ignore[no-untyped-def]
        if outcome.ok:
            self.say(self.tr("The copy (KOPIA) of receipt %1 is printed; it was its one copy.")
                     .replace("%1", str(sale.receipt_no)), "ok")
        else:
            self.say(message_for(outcome.error), "error")
        self.copy_button.setEnabled(not outcome.ok and outcome.error is not None
                                    and outcome.error.code != "receipts.copy_already_printed")

    def _print_failed(self, e: BaseException) -> None:
        self.copy_button.setEnabled(True)
        self.say(message_for(e), "error")
