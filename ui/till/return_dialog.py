"""Returns (Shift+F9, or a receipt's code scanned at the sale): find what the customer bought -
a store sale's receipt code or digital-receipt QR, a web order's number, or one of the sale's
customer's purchases (newest first) - then choose per line how many units come back, why, and
whether they go back to stock; the refund those units paid shows as they are chosen. "Add to the
sale" puts them on the sale in progress as return lines: a pure return, or an exchange when the
cashier then scans what the customer takes instead.

When the central store cannot be reached a store sale of this store is returned against the
store's own record, and the dialog says so (the return is reviewed when the central store
answers); a web order cannot be returned then, and the dialog says why.

The dialog only asks and shows: the sale page's ``Returns`` flow (``ui/till/sale/returns.py``)
runs the finding on the network lane and the adding on the register lane, and answers with
``show_purchase``, ``show_purchases`` or ``show_error``. A scan while it is open comes here
(``scanned``): a receipt or order finds it, an article's barcode counts one more of its line.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QStackedWidget, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from pos.money import format_kronor
from pos.returns import Purchase, PurchaseKind, ReturnReason
from pos.scan_router import ScanKind, classify
from pos.services.returns import PurchaseView
from ui.till.returns.lines_table import ReturnLinesTable
from ui.widgets.dialog import Dialog
from ui.widgets.style import metrics, set_level, set_role, unbroken

LINES, PURCHASES = range(2)

BANNER_STYLE = {  # the banner above the lines: a warning the cashier cannot miss
    "review": "background:#fff3cd; color:#6b4a00; border:1px solid #e0c266;",
    "refused": "background:#fbe9e7; color:#b3261e; border:1px solid #e5b8b5;",
}


class ReturnDialog(Dialog):
    find_requested = Signal(str)  # a code typed or scanned
    customer_requested = Signal()  # the sale's customer's purchases
    add_requested = Signal(object, object)  # Purchase, list[ReturnPick]
    no_receipt_requested = Signal()

    def __init__(self, parent: QWidget | None = None, customer_label: str = "") -> None:
        super().__init__(parent)
        m = metrics()
        self.setObjectName("returnDialog")
        self.setWindowTitle(self.tr("Return"))
        self.setModal(True)
        self.view: PurchaseView | None = None
        self.purchases: list[Purchase] = []
        self.reasons: tuple[ReturnReason, ...] = ()
        self._waiting: PurchaseView | None = None  # shown once the reasons are here
        self.customer_label = customer_label

        title = QLabel(self.tr("Return goods"), self)
        set_role(title, "heading")
        self.field = QLineEdit(self)
        self.field.setObjectName("returnFindField")
        self.field.setPlaceholderText(
            self.tr("Scan the receipt, or type a receipt code or web order number"))
        self.field.setMinimumHeight(m.touch(44))
        self.field.returnPressed.connect(self.find)
        self.find_button = QPushButton(self.tr("Find"), self)
        self.find_button.setObjectName("returnFindButton")
        self.customer_button = QPushButton(self.tr("Customer's purchases (F5)"), self)
        self.customer_button.setObjectName("returnCustomerButton")
        self.customer_button.setEnabled(bool(customer_label))
        self.customer_button.setToolTip(
            self.tr("The purchases of the sale's customer, newest first") if customer_label
            else self.tr("No customer on the sale: find them first (Ctrl+K)"))
        self.no_receipt_button = QPushButton(self.tr("Without receipt (F6)"), self)
        self.no_receipt_button.setObjectName("returnNoReceiptButton")
        for b in (self.find_button, self.customer_button, self.no_receipt_button):
            b.setMinimumHeight(m.touch(44))
        self.find_button.clicked.connect(self.find)
        self.customer_button.clicked.connect(self.ask_customer)
        self.no_receipt_button.clicked.connect(self.no_receipt_requested.emit)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.find_button)
        row.addWidget(self.customer_button)
        row.addWidget(self.no_receipt_button)

        # --- page: the purchase's lines ------------------------------------------------------
        lines_page = QWidget(self)
        self.banner = QLabel("", lines_page)
        self.banner.setObjectName("returnBanner")
        self.banner.setWordWrap(True)
        self.banner.setProperty("role", "message")
        self.banner.hide()
        self.heading = QLabel(self.tr("Scan the customer's receipt to see what can be returned."),
                              lines_page)
        self.heading.setObjectName("returnPurchaseHeading")
        self.heading.setWordWrap(True)
        set_role(self.heading, "heading")
        self.table = ReturnLinesTable(lines_page)
        self.table.changed.connect(self._choice_changed)
        ll = QVBoxLayout(lines_page)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.banner)
        ll.addWidget(self.heading)
        ll.addWidget(self.table, 1)

        # --- page: the customer's purchases --------------------------------------------------
        list_page = QWidget(self)
        self.list_heading = QLabel("", list_page)
        set_role(self.list_heading, "heading")
        self.list = QTableWidget(0, 5, list_page)
        self.list.setObjectName("returnPurchaseList")
        self.list.setHorizontalHeaderLabels([self.tr("Bought"), self.tr("Receipt / order"),
                                             self.tr("Where"), self.tr("Left to return"),
                                             self.tr("Amount")])
        self.list.verticalHeader().setVisible(False)
        self.list.verticalHeader().setDefaultSectionSize(m.touch(48))
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.itemActivated.connect(lambda _item: self.open_chosen())
        self.list.itemClicked.connect(lambda _item: self.open_chosen())
        pl = QVBoxLayout(list_page)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(self.list_heading)
        pl.addWidget(self.list, 1)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(lines_page)
        self.pages.addWidget(list_page)

        self.message = QLabel("", self)
        self.message.setObjectName("returnMessage")
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)
        set_level(self.message, "info")

        self.refund_caption = refund_caption = QLabel(self.tr("To refund"), self)
        refund_caption.setProperty("role", "caption")
        self.refund_label = QLabel(format_kronor(0, symbol=True), self)
        self.refund_label.setObjectName("returnRefund")
        self.refund_label.setProperty("role", "bigFigure")
        self.refund_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        close = QPushButton(self.tr("Close (Esc)"), self)
        close.setObjectName("returnCloseButton")
        close.clicked.connect(self.reject)
        self.add_button = QPushButton(self.tr("Add to the sale (Enter)"), self)
        self.add_button.setObjectName("returnAddButton")
        set_role(self.add_button, "primary")
        self.add_button.clicked.connect(self.add)
        for b in (close, self.add_button):
            b.setMinimumHeight(m.touch(56))
        actions = QHBoxLayout()
        actions.addWidget(close)
        actions.addStretch(1)
        figure = QVBoxLayout()
        figure.setSpacing(0)
        figure.addWidget(refund_caption, 0, Qt.AlignmentFlag.AlignRight)
        figure.addWidget(self.refund_label)
        actions.addLayout(figure)
        actions.addWidget(self.add_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        QShortcut(QKeySequence("F5"), self).activated.connect(self.customer_button.click)
        QShortcut(QKeySequence("F6"), self).activated.connect(self.no_receipt_button.click)
        self.list.installEventFilter(self)
        self.setMinimumSize(m.px(760), m.px(500))
        self._choice_changed()
        self.field.setFocus()

    # --- asking --------------------------------------------------------------------------------

    def find(self) -> None:
        code = self.field.text().strip()
        if not code:
            self.show_error(self.tr("Scan the receipt or type its code or the web order's number"))
            return
        self.busy(self.tr("Looking for %1…").replace("%1", code))
        self.find_requested.emit(code)

    def ask_customer(self) -> None:
        if not self.customer_label:
            return
        self.busy(self.tr("Asking the central store for %1's purchases…")
                  .replace("%1", self.customer_label))
        self.customer_requested.emit()

    def open_chosen(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.purchases):
            code = self.purchases[row].code
            self.field.setText(code)
            self.find()

    def add(self) -> None:
        view = self.view
        picks = self.table.picks()
        if view is None or self.pages.currentIndex() != LINES:
            return
        if not picks:
            self.show_error(self.tr("Choose how many of which article come back (+, or scan "
                                    "the article)"))
            self.table.focus_first()
            return
        self.busy(self.tr("Adding the return to the sale…"))
        self.add_button.setEnabled(False)
        self.add_requested.emit(view.purchase, picks)

    def scanned(self, code: str) -> None:
        """A scan while the dialog is open: a receipt or order is found; an article of the
        purchase shown counts one more unit of its line."""
        kind = classify(code).kind
        if kind in (ScanKind.GTIN, ScanKind.SKU_OR_TEXT) and self.view is not None \
                and self.pages.currentIndex() == LINES:
            value = classify(code).value
            row = self.table.row_of_code(value)
            if row < 0:
                self.show_error(self.tr("%1 is not on %2, or all of it is chosen already")
                                .replace("%1", value).replace("%2", self.view.purchase.code))
                return
            stepper = self.table.steppers[row]
            stepper.setValue(stepper.value() + 1)
            stepper.spin.setFocus()
            self.show_info(self.tr("%1: %2 to return").replace(
                "%1", self.view.purchase.lines[row].name).replace("%2", str(stepper.value())))
            return
        self.field.setText(code)
        self.find()

    # --- showing -------------------------------------------------------------------------------

    def set_reasons(self, reasons: tuple[ReturnReason, ...]) -> None:
        self.reasons = tuple(reasons)
        if self._waiting is not None:
            view, self._waiting = self._waiting, None
            self.show_purchase(view)

    def busy(self, text: str) -> None:
        self.message.setText(text)
        set_level(self.message, "info")

    def show_error(self, text: str, refused: bool = False) -> None:
        """A refusal; ``refused``: the purchase cannot be returned at all now (a web order while
        the central store cannot be reached): said in the banner, and no lines are shown."""
        self.message.setText(unbroken(text) if not refused else self.tr(
            "Try again when the central store answers, or close (Esc)."))
        set_level(self.message, "error")
        if refused:
            self.view = None
            self.table.show_purchase(None, {}, self.reasons)
            self.heading.setText(self.tr("Nothing can be returned from it now."))
            self._banner(text, "refused")
            self._show_page(LINES)
        self.add_button.setEnabled(self.table.units() > 0)
        self.field.setFocus()
        self.field.selectAll()

    def show_info(self, text: str) -> None:
        self.message.setText(unbroken(text))
        set_level(self.message, "ok")

    def _banner(self, text: str, kind: str) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(BANNER_STYLE[kind] + "font-weight:bold; border-radius:6px;")
        self.banner.setProperty("kind", kind)
        self.banner.show()

    def show_purchase(self, view: PurchaseView) -> None:
        """The purchase found: its lines to choose from (after the reasons are known)."""
        if not self.reasons:
            self._waiting = view
            return
        self.view = view
        p = view.purchase
        self._show_page(LINES)
        self.heading.setText(unbroken(self.purchase_text(p)))
        if view.verified:
            self.banner.hide()
        else:
            self._banner(self.tr("The central store cannot be reached: this store's own sale is "
                                 "returned against its record here, and the return will be "
                                 "reviewed when the central store answers."), "review")
        self.table.show_purchase(p, view.in_sale, self.reasons)
        self.field.clear()
        left = sum(max(0, ln.returnable - view.in_sale.get(ln.key, 0)) for ln in p.lines)
        if left == 0:
            self.show_error(self.tr("Everything of %1 has been returned already.")
                            .replace("%1", p.code))
            return
        self.show_info(self.tr("%n unit(s) can be returned: choose them, or scan the articles.",
                               "", left))
        self._chain_tabs()
        self.table.focus_first()

    def show_purchases(self, purchases: list[Purchase]) -> None:
        """The sale's customer's purchases, newest first; Enter or a tap opens one."""
        self.purchases = list(purchases)
        self._show_page(PURCHASES)
        self.list_heading.setText(self.tr("Purchases of %1").replace("%1", self.customer_label))
        self.list.setRowCount(len(self.purchases))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, p in enumerate(self.purchases):
            cells = [p.bought_at.strftime("%Y-%m-%d %H:%M") if p.bought_at else "",
                     self.code_text(p), self.where_text(p), str(p.returnable),
                     format_kronor(sum(ln.total for ln in p.lines))]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(unbroken(text))
                if col >= 3:
                    item.setTextAlignment(right)
                self.list.setItem(row, col, item)
        if self.purchases:
            self.list.selectRow(0)
            self.list.setFocus()
            self.show_info(self.tr("%n purchase(s): choose one (Enter)", "", len(self.purchases)))
        else:
            self.show_error(self.tr("%1 has no purchases to return.")
                            .replace("%1", self.customer_label))

    def purchase_text(self, p: Purchase) -> str:
        parts = [self.code_text(p)]
        if p.bought_at is not None:
            parts.append(p.bought_at.strftime("%Y-%m-%d %H:%M"))
        parts.append(self.where_text(p))
        if p.customer_name:
            parts.append(p.customer_name)
        return " · ".join(x for x in parts if x)

    def code_text(self, p: Purchase) -> str:
        if p.kind is PurchaseKind.WEB_ORDER:
            return self.tr("Web order #%1").replace("%1", p.code.lstrip("#"))
        return self.tr("Receipt %1").replace("%1", p.code)

    def where_text(self, p: Purchase) -> str:
        if p.kind is PurchaseKind.WEB_ORDER or p.location == "web":
            return self.tr("Web shop")
        names = {"store-sthlm": self.tr("Stockholm"), "store-gbg": self.tr("Göteborg")}
        return names.get(p.location, p.location)

    def _show_page(self, index: int) -> None:
        """The lines (with what they refund and the key that adds them) or the list."""
        self.pages.setCurrentIndex(index)
        for w in (self.refund_caption, self.refund_label, self.add_button):
            w.setVisible(index == LINES)

    def _choice_changed(self) -> None:
        self.refund_label.setText(unbroken(format_kronor(self.table.refund(), symbol=True)))
        self.add_button.setEnabled(self.table.units() > 0)

    def _chain_tabs(self) -> None:
        chain = [self.field, *self.table.tab_chain(), self.add_button]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    # --- keys ----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.list and event.type() == QEvent.Type.KeyPress and event.key() in (  # type: ignore[attr-defined]
                Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_chosen()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        """Enter: in the code field it finds (the field's own); anywhere else it adds what was
        chosen to the sale."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.focusWidget() is not self.field and self.pages.currentIndex() == LINES:
                self.add()
            return
        super().keyPressEvent(event)
