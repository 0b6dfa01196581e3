"""The sale: scan or search articles, change lines, take payment - by touch or by keyboard alone.

Every ``Till`` call runs on the worker (``ui.ops.Ops``); results come back as ``CartTotals`` and
are shown with ``show_totals``. Errors meant for the cashier (a bad check digit, an unknown code,
no shift open ...) appear in ``messageLabel``; nothing here opens a modal for a failed scan.
"""
from __future__ import annotations

from ui.widgets.bind import bind

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QFrame, QGridLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QMessageBox, QPushButton, QRadioButton, QTableView, QVBoxLayout,
                               QWidget)

from pos.cart import CartError, CartTotals, Discount
from pos.catalog import Variant
from pos.money import format_kronor
from pos.scan_router import ScanKind, classify
from pos.services.till import PaymentView, Till
from pos.shifts import ShiftInfo
from ui.i18n.messages import message_for
from ui.models.cart_model import ARTICLE, DISCOUNT, PRICE, QTY, TOTAL, CartModel
from ui.ops import Ops
from ui.till import shift_dialogs
from ui.till.approval_dialog import run_with_approval
from ui.till.customer_dialog import CustomerDialog
from ui.till.parked_dialog import ParkedDialog
from ui.till.promo_code_dialog import PromoCodeDialog
from ui.till.payment_dialog import PaymentDialog
from ui.till.receipt_preview import ReceiptPreviewDialog
from ui.till.shortcuts import KEYED, SHORTCUTS, description
from ui.widgets.numpad import NumberDialog, Numpad, kronor_text, parse_amount, parse_quantity
from ui.widgets.style import set_level, set_role
from ui.qt_compat import emit, emitter

SEARCH_DEBOUNCE_MS = 150


class SalePage(QWidget):
    shift_changed = Signal(object)  # ShiftInfo | None
    logout_requested = Signal()
    sale_completed = Signal(object)  # Sale
    printed = Signal(object)  # PrintOutcome

    def __init__(self, ops: Ops, print_ops: Ops, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("salePage")
        self._ops, self._print_ops, self._till = ops, print_ops, till
        self.totals: CartTotals | None = None
        self.shift: ShiftInfo | None = None
        self.payment_dialog: PaymentDialog | None = None
        self.dialog: QWidget | None = None  # the last dialog opened (tests, screenshots)
        self._search_seq = 0

        # --- inputs ------------------------------------------------------------------------------
        self.scan_input = QLineEdit(self)
        self.scan_input.setObjectName("scanInput")
        self.scan_input.setPlaceholderText(self.tr("Scan or type a barcode / SKU, Enter"))
        self.scan_input.returnPressed.connect(self._scan_entered)
        self.scan_input.installEventFilter(self)
        self.search_input = QLineEdit(self)
        self.search_input.setObjectName("searchInput")
        self.search_input.setPlaceholderText(self.tr("Search by name (F2)"))
        self.search_input.textChanged.connect(self._search_changed)
        self.search_input.returnPressed.connect(self._add_search_result)
        self.search_input.installEventFilter(self)
        self.search_results = QListWidget(self)
        self.search_results.setObjectName("searchResults")
        self.search_results.setMaximumHeight(260)
        self.search_results.hide()
        self.search_results.itemActivated.connect(self._add_item)
        self.search_results.itemClicked.connect(self._add_item)
        self.search_results.installEventFilter(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._run_search)

        # --- cart --------------------------------------------------------------------------------
        self.model = CartModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("cartTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(44)
        # a line with a promotion shows it under the name: such rows grow to two lines
        self.table.verticalHeader().setMinimumSectionSize(44)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ARTICLE, QHeaderView.ResizeMode.Stretch)
        for col, width in ((QTY, 64), (PRICE, 110), (DISCOUNT, 110), (TOTAL, 120)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, width)
        self.table.installEventFilter(self)
        self.empty_hint = QLabel(self.tr("Scan an article or search for one (F2) to start a sale."),
                                 self.table.viewport())
        self.empty_hint.setObjectName("emptyCart")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.table.viewport().installEventFilter(self)

        self.message = QLabel("", self)
        self.message.setObjectName("messageLabel")
        self.message.setWordWrap(True)
        set_level(self.message, "info")

        # --- right panel: totals, numpad, pay ----------------------------------------------------
        panel = QFrame(self)
        panel.setProperty("role", "panel")
        panel.setFixedWidth(380)
        total_caption = QLabel(self.tr("Total"), panel)
        total_caption.setProperty("role", "caption")
        self.total_label = QLabel(format_kronor(0, symbol=True), panel)
        self.total_label.setObjectName("totalLabel")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.discount_label = QLabel("", panel)
        self.discount_label.setObjectName("discountLabel")
        self.discount_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.promotions_label = QLabel("", panel)
        self.promotions_label.setObjectName("promotionsLabel")
        self.promotions_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.promotions_label.setWordWrap(True)
        self.promotions_label.setProperty("role", "promotion")
        self.vat_label = QLabel("", panel)
        self.vat_label.setObjectName("vatLabel")
        self.vat_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.vat_label.setProperty("role", "muted")
        self.customer_label = QLabel("", panel)
        self.customer_label.setObjectName("customerLabel")
        self.customer_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.customer_label.setWordWrap(True)
        self.count_label = QLabel("", panel)
        self.count_label.setObjectName("itemCountLabel")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.numpad = Numpad(self.scan_input, panel, decimals=False, ok_text=self.tr("Enter"))
        self.numpad.entered.connect(self._scan_entered)
        self.pay_button = QPushButton(self.tr("Pay (F9)"), panel)
        self.pay_button.setObjectName("payButton")
        self.pay_button.setMinimumHeight(72)
        set_role(self.pay_button, "primary")
        self.pay_button.clicked.connect(self.pay)
        pl = QVBoxLayout(panel)
        pl.addWidget(total_caption)
        pl.addWidget(self.total_label)
        pl.addWidget(self.discount_label)
        pl.addWidget(self.promotions_label)
        pl.addWidget(self.vat_label)
        pl.addWidget(self.count_label)
        pl.addWidget(self.customer_label)
        pl.addStretch(1)
        pl.addWidget(self.numpad)
        pl.addWidget(self.pay_button)

        # --- action buttons ----------------------------------------------------------------------
        self.buttons: dict[str, QPushButton] = {}
        actions = [
            ("quantity", self.tr("Quantity"), "F3", self.change_quantity),
            ("remove_line", self.tr("Remove line"), "Del", self.remove_line),
            ("line_discount", self.tr("Line discount"), "F4", self.line_discount),
            ("cart_discount", self.tr("Sale discount"), "F5", self.cart_discount),
            ("price_override", self.tr("Price"), "F6", self.price_override),
            ("promo_code", self.tr("Code"), "F11", self.promo_code),
            ("customer", self.tr("Customer"), "Ctrl+K", self.customer),
            ("park", self.tr("Park"), "F7", self.park),
            ("resume", self.tr("Resume"), "F8", self.resume),
            ("void_sale", self.tr("Void sale"), "Ctrl+Shift+V", self.void_sale),
            ("reprint", self.tr("Reprint last"), "F12", self.reprint_last),
            ("x_report", self.tr("X report"), "", self.x_report),
            ("close_shift", self.tr("Close shift"), "", self.close_shift),
            ("shift_menu", self.tr("Shift"), "F10", self.shift_menu),
            ("help", self.tr("Help"), "F1", self.show_help),
            ("logout", self.tr("Log out"), "Ctrl+L", emitter(self.logout_requested)),
        ]
        grid = QGridLayout()
        grid.setSpacing(6)
        object_names = {"quantity": "quantityButton", "remove_line": "removeLineButton",
                        "line_discount": "lineDiscountButton",
                        "cart_discount": "cartDiscountButton",
                        "price_override": "priceOverrideButton", "park": "parkButton",
                        "promo_code": "promoCodeButton", "customer": "customerButton",
                        "resume": "resumeButton", "void_sale": "voidSaleButton",
                        "reprint": "reprintButton", "x_report": "xReportButton",
                        "close_shift": "closeShiftButton", "shift_menu": "shiftButton",
                        "help": "helpButton", "logout": "logoutButton"}
        for i, (name, text, key, slot) in enumerate(actions):
            b = QPushButton(f"{text}\n{key}" if key else text, self)
            b.setObjectName(object_names[name])
            b.setMinimumHeight(56)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
            if name in ("void_sale", "remove_line"):
                set_role(b, "danger")
            b.clicked.connect(bind(slot))
            grid.addWidget(b, i // 8, i % 8)
            self.buttons[name] = b

        # --- layout ------------------------------------------------------------------------------
        inputs = QHBoxLayout()
        inputs.addWidget(self.scan_input, 3)
        inputs.addWidget(self.search_input, 2)
        left = QVBoxLayout()
        left.addLayout(inputs)
        left.addWidget(self.search_results)
        left.addWidget(self.table, 1)
        left.addWidget(self.message)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addWidget(panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addLayout(top, 1)
        layout.addLayout(grid)

        # --- keyboard ----------------------------------------------------------------------------
        slots = {"help": self.show_help, "search": self.focus_search,
                 "quantity": self.change_quantity, "line_discount": self.line_discount,
                 "cart_discount": self.cart_discount, "price_override": self.price_override,
                 "promo_code": self.promo_code, "customer": self.customer,
                 "park": self.park, "resume": self.resume, "pay": self.pay,
                 "shift_menu": self.shift_menu, "reprint": self.reprint_last,
                 "void_sale": self.void_sale, "logout": emitter(self.logout_requested)}
        self.shortcuts: dict[str, QShortcut] = {}
        for action, keys in KEYED.items():
            if action in slots:
                sc = QShortcut(QKeySequence(keys), self)
                sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                sc.activated.connect(slots[action])
                self.shortcuts[action] = sc
        self.show_totals(None)

    # --- showing -----------------------------------------------------------------------------------

    def show_message(self, text: str, level: str = "error") -> None:
        self.message.setText(text)
        set_level(self.message, level)

    def show_error(self, exc: BaseException) -> None:
        self.show_message(message_for(exc), "error")

    def show_totals(self, totals: CartTotals | None, select_line: int | None = None) -> None:
        """Show the cart; ``select_line`` (a line id) or the previous row stays selected."""
        previous = self.selected_row()
        self.totals = totals
        customer = totals.customer if totals else None
        self.customer_label.setText(
            self.tr("Customer: %1").replace("%1", customer.label) if customer else "")
        self.model.set_rows(totals.lines if totals else ())
        n = self.model.rowCount()
        if totals is None or not totals.lines:
            self.total_label.setText(format_kronor(0, symbol=True))
            self.vat_label.setText("")
            self.discount_label.setText("")
            self.promotions_label.setText(self._promotions_text(totals))
            self.count_label.setText(self.tr("No items"))
        else:
            self.total_label.setText(format_kronor(totals.total, symbol=True))
            self.vat_label.setText("\n".join(
                self.tr("VAT %1 %: %2 kr").replace("%1", v.rate.value)
                .replace("%2", format_kronor(v.vat)) for v in totals.vat))
            self.discount_label.setText(
                self.tr("Discount %1 kr").replace("%1", format_kronor(totals.discount))
                if totals.discount else "")
            self.promotions_label.setText(self._promotions_text(totals))
            self.count_label.setText(self.tr("%n item(s)", "", totals.item_count))
        if n:
            row = self.model.row_of_line(select_line) if select_line is not None else previous
            row = min(max(row, 0), n - 1) if row >= 0 else n - 1
            self.table.selectRow(row)
        self.pay_button.setEnabled(bool(totals and totals.lines))
        self.empty_hint.setVisible(not n)

    def _promotions_text(self, totals: CartTotals | None) -> str:
        """One line per promotion that gives something, and the codes that give nothing yet."""
        if totals is None:
            return ""
        given = totals.promotions()
        lines = [self.tr("%1: -%2 kr").replace("%1", label).replace("%2", format_kronor(amount))
                 for label, amount in given]
        labels = {label for label, _ in given}
        lines += [self.tr("%1: nothing on these articles yet").replace("%1", code)
                  for code in totals.codes if code not in labels]
        return "\n".join(lines)

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].row() if rows else -1

    def selected_line_id(self) -> int | None:
        lt = self.model.line_at(self.selected_row())
        return lt.line.line_id if lt else None

    # --- loading -----------------------------------------------------------------------------------

    def load(self) -> None:
        """After login: the sale in progress (saved across restarts), the shift, a payment begun."""
        till = self._till

        def state() -> tuple[CartTotals, ShiftInfo | None, PaymentView | None]:
            pending = till.payment_view() if till.payment and till.payment.tenders else None
            return till.totals(), till.current_shift(), pending

        self._ops.run(state, self._loaded, label="load")

    def _loaded(self, result: tuple[CartTotals, ShiftInfo | None, PaymentView | None]) -> None:
        totals, shift, pending = result
        self.show_totals(totals)
        self.set_shift(shift)
        self.scan_input.setFocus()
        if pending is not None:
            self.show_message(self.tr("A payment was started: finish it."), "info")
            self._open_payment(pending)
        elif shift is None:
            self.show_message(self.tr("No shift is open: open one with F10 before selling."),
                              "info")
            self.open_shift()
        else:
            self.show_message(self.tr("Ready. Scan an article."), "info")

    def set_shift(self, shift: ShiftInfo | None) -> None:
        self.shift = shift
        emit(self.shift_changed, shift)

    # --- scanning and searching --------------------------------------------------------------------

    def scanned(self, code: str) -> None:
        """A code from the scanner (wedge or serial) or typed into ``scanInput``."""
        code = code.strip()
        if not code:
            return
        done = self._customer_scanned if classify(code).kind is ScanKind.CUSTOMER_CARD \
            else self._added
        self._ops.run(lambda: self._till.scan(code), done, self.show_error, label="scan")

    def _customer_scanned(self, totals: CartTotals) -> None:
        """A loyalty card: its customer is on the sale now."""
        self.show_totals(totals)
        if totals.customer is not None:
            self.show_message(self.tr("Customer: %1").replace("%1", totals.customer.label), "ok")

    def _scan_entered(self) -> None:
        code = self.scan_input.text().strip()
        self.scan_input.clear()
        if code:
            self.scanned(code)

    def _added(self, totals: CartTotals) -> None:
        before = self.totals.codes if self.totals else ()
        new_codes = [c for c in totals.codes if c not in before]
        if new_codes:  # a scanned coupon
            self.show_totals(totals)
            self.show_message(self._code_added_text(new_codes[0], totals), "ok")
            return
        last = totals.lines[-1].line if totals.lines else None
        self.show_totals(totals, select_line=None)
        if last is not None:
            self.table.selectRow(self.model.rowCount() - 1)
            self.show_message(self.tr("%1  %2 kr").replace("%1", last.variant.name)
                              .replace("%2", format_kronor(last.unit_price)), "ok")

    def focus_search(self) -> None:
        self.search_input.setFocus()
        self.search_input.selectAll()

    def _search_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _run_search(self) -> None:
        text = self.search_input.text().strip()
        self._search_seq += 1
        seq = self._search_seq
        if not text:
            self.search_results.clear()
            self.search_results.hide()
            return

        def done(found: list[Variant]) -> None:
            if seq == self._search_seq:  # an older answer must not overwrite a newer one
                self.show_search_results(found)

        self._ops.run(lambda: self._till.search(text), done, self.show_error, label="search")

    def show_search_results(self, found: list[Variant]) -> None:
        self.search_results.clear()
        for v in found:
            item = QListWidgetItem(f"{v.name}    {format_kronor(v.price)} kr    {v.sku}")
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            self.search_results.addItem(item)
        if not found:
            item = QListWidgetItem(self.tr("Nothing found"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.search_results.addItem(item)
        else:
            self.search_results.setCurrentRow(0)
        self.search_results.show()

    def _add_search_result(self) -> None:
        if self._search_timer.isActive():  # Enter before the results: search now, add first
            self._search_timer.stop()
            text = self.search_input.text().strip()
            if text:
                self._ops.run(lambda: self._till.search(text, 1),
                              lambda found: self._add_variant_id(found[0].id) if found else
                              self.show_message(self.tr("Nothing found"), "error"),
                              self.show_error)
            return
        item = self.search_results.currentItem()
        if item is not None:
            self._add_item(item)

    def _add_item(self, item: QListWidgetItem) -> None:
        variant_id = item.data(Qt.ItemDataRole.UserRole)
        if variant_id:
            self._add_variant_id(variant_id)

    def _add_variant_id(self, variant_id: str) -> None:
        self._ops.run(lambda: self._till.add_by_id(variant_id), self._added, self.show_error,
                      label="add")
        self.search_input.clear()
        self.search_results.hide()
        self.scan_input.setFocus()

    # --- keys on the scan field and the cart -------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_hint.setGeometry(self.table.viewport().rect().adjusted(24, 24, -24, -24))
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()  # type: ignore[attr-defined]
        if watched is self.search_input:
            if key == Qt.Key.Key_Down and self.search_results.isVisible():
                self.search_results.setFocus()
                return True
            if key == Qt.Key.Key_Escape and self.search_input.text():
                self.search_input.clear()
                self.scan_input.setFocus()
                return True
            return False
        if watched is self.search_results:
            if key == Qt.Key.Key_Escape:
                self.search_results.hide()
                self.search_input.setFocus()
                return True
            if key == Qt.Key.Key_Up and self.search_results.currentRow() <= 0:
                self.search_input.setFocus()
                return True
            return False
        if watched is self.scan_input and key == Qt.Key.Key_Escape:
            self.scan_input.clear()
            self.show_message("", "info")
            return True
        if watched in (self.scan_input, self.table):
            empty = watched is self.table or not self.scan_input.text()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                n = self.model.rowCount()
                if n:
                    row = self.selected_row() + (-1 if key == Qt.Key.Key_Up else 1)
                    self.table.selectRow(min(max(row, 0), n - 1))
                return True
            if empty and key == Qt.Key.Key_Plus:
                self.step_quantity(+1)
                return True
            if empty and key == Qt.Key.Key_Minus:
                self.step_quantity(-1)
                return True
            if empty and key == Qt.Key.Key_Delete:
                self.remove_line()
                return True
        return False

    # --- line and sale changes ---------------------------------------------------------------------

    def _need_line(self) -> int | None:
        line_id = self.selected_line_id()
        if line_id is None:
            self.show_message(self.tr("Choose a line first (Up/Down)."), "error")
        return line_id

    def _changed(self, line_id: int | None = None) -> Callable[[CartTotals], None]:
        def done(totals: CartTotals) -> None:
            self.show_totals(totals, select_line=line_id)
            self.show_message("", "info")
        return done

    def step_quantity(self, step: int) -> None:
        line_id = self._need_line()
        lt = self.model.line_at(self.selected_row())
        if line_id is None or lt is None:
            return
        qty = lt.line.quantity + step
        if qty < 1:
            self.remove_line()
            return
        self._ops.run(lambda: self._till.set_quantity(line_id, qty), self._changed(line_id),
                      self.show_error, label="quantity")

    def change_quantity(self) -> None:
        line_id = self._need_line()
        lt = self.model.line_at(self.selected_row())
        if line_id is None or lt is None:
            return
        typed = self.scan_input.text().strip()
        if typed.isdigit() and len(typed) <= 4:  # "3" then F3: quantity 3, as on a till keyboard
            self.scan_input.clear()
            self._set_quantity(line_id, int(typed))
            return
        d = NumberDialog(self.tr("Quantity"), lt.line.variant.name, self,
                         parser=parse_quantity, initial=str(lt.line.quantity), decimals=False)
        d.setObjectName("quantityDialog")
        self._open(d, lambda: self._set_quantity(line_id, d.value))

    def _set_quantity(self, line_id: int, qty: int) -> None:
        self._ops.run(lambda: self._till.set_quantity(line_id, qty), self._changed(line_id),
                      self.show_error, label="quantity")

    def remove_line(self) -> None:
        line_id = self._need_line()
        if line_id is None:
            return
        self._ops.run(lambda: self._till.remove_line(line_id), self._changed(),
                      self.show_error, label="remove_line")

    def line_discount(self) -> None:
        line_id = self._need_line()
        if line_id is None:
            return
        self._ask_discount(self.tr("Line discount"),
                           lambda d, pin: self._till.discount_line(line_id, d, pin), line_id)

    def cart_discount(self) -> None:
        if not self.totals or not self.totals.lines:
            self.show_message(message_for(CartError("cart.nothing_to_discount")))
            return
        self._ask_discount(self.tr("Discount on the sale"),
                           lambda d, pin: self._till.discount_cart(d, pin), None)

    def _ask_discount(self, title: str, apply: Callable[[Discount, str | None], CartTotals],
                      line_id: int | None) -> None:
        kind = QWidget()
        percent = QRadioButton(self.tr("Percent (%)"), kind)
        percent.setObjectName("discountPercent")
        amount = QRadioButton(self.tr("Amount (kr)"), kind)
        amount.setObjectName("discountAmount")
        percent.setChecked(True)
        group = QButtonGroup(kind)
        group.addButton(percent)
        group.addButton(amount)
        kl = QHBoxLayout(kind)
        kl.setContentsMargins(0, 0, 0, 0)
        kl.addWidget(percent)
        kl.addWidget(amount)

        def parse(text: str) -> Discount:
            if percent.isChecked():
                try:
                    value = Decimal(text.strip().replace(",", ".").rstrip("%").strip())
                except InvalidOperation:
                    raise ValueError(self.tr("Enter a percentage, for example 10")) from None
                return _discount(percent=value)
            return _discount(amount=parse_amount(text))

        d = NumberDialog(title, self.tr("Percent or amount off"), self, parser=parse, extra=kind)
        d.setObjectName("discountDialog")

        def go() -> None:
            disc: Discount = d.value
            run_with_approval(self._ops, self, lambda pin: apply(disc, pin),
                              self._changed(line_id), self.show_error)

        self._open(d, go)

    def promo_code(self) -> None:
        """The customer's promotion codes (F11). A code typed in the scan field first is taken
        at once, as "3 F3" takes a quantity."""
        typed = self.scan_input.text().strip()
        d = PromoCodeDialog(self.totals, self)

        def answered(code: str, adding: bool) -> Callable[[CartTotals], None]:
            def done(totals: CartTotals) -> None:
                self.show_totals(totals)
                text = (self._code_added_text(code, totals) if adding
                        else self.tr("Code %1 removed.").replace("%1", code))
                self.show_message(text, "ok")
                if shiboken6.isValid(d):
                    d.show_result(totals, text)
            return done

        failed = self._errors_to(d)
        d.add_requested.connect(lambda code: self._ops.run(
            lambda: self._till.add_promo_code(code), answered(code, True), failed,
            label="promo_code"))
        d.remove_requested.connect(lambda code: self._ops.run(
            lambda: self._till.remove_promo_code(code), answered(code, False), failed,
            label="promo_code"))
        self._open(d, lambda: None)
        if typed and not typed.isdigit():
            self.scan_input.clear()
            d.field.setText(typed)
            d.submit()

    def customer(self) -> None:
        """Who is buying (Ctrl+K): searched in the central store on the worker."""
        d = CustomerDialog(self.totals.customer if self.totals else None, self)
        failed = self._errors_to(d)

        def found(customers: list[Any]) -> None:
            if shiboken6.isValid(d):
                d.show_found(customers)

        def chosen(customer: Any) -> None:
            def done(totals: CartTotals) -> None:
                self.show_totals(totals)
                self.show_message(
                    self.tr("Customer: %1").replace("%1", customer.label) if customer
                    else self.tr("No customer on this sale."), "ok")
            self._ops.run(lambda: self._till.set_customer(customer), done, self.show_error,
                          label="customer")

        d.search_requested.connect(lambda q: self._ops.run(
            lambda: self._till.find_customers(q), found, failed, label="find_customers"))
        d.chosen.connect(chosen)
        self._open(d, lambda: None)

    def _errors_to(self, dialog: Any) -> Callable[[BaseException], None]:
        """A refusal goes to the dialog the cashier is looking at (or, once it is closed, to the
        sale's message line)."""
        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(dialog) and dialog.isVisible():
                dialog.show_error(message_for(exc))
            else:
                self.show_error(exc)
        return failed

    def _code_added_text(self, code: str, totals: CartTotals) -> str:
        given = dict(totals.promotions()).get(code, 0)
        if given:
            return self.tr("Code %1: -%2 kr.").replace("%1", code).replace(
                "%2", format_kronor(given))
        return self.tr("Code %1 added: nothing on these articles yet.").replace("%1", code)

    def price_override(self) -> None:
        line_id = self._need_line()
        lt = self.model.line_at(self.selected_row())
        if line_id is None or lt is None:
            return
        d = NumberDialog(self.tr("Change price"),
                         self.tr("New unit price for %1 (kr)").replace("%1", lt.line.variant.name),
                         self, initial=kronor_text(lt.line.unit_price))
        d.setObjectName("priceDialog")
        self._open(d, lambda: run_with_approval(
            self._ops, self, lambda pin: self._till.override_price(line_id, d.value, pin),
            self._changed(line_id), self.show_error))

    def void_sale(self) -> None:
        if not self.totals or not self.totals.lines:
            self.show_message(self.tr("There is no sale to void."), "info")
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Void sale"),
                          self.tr("Void the whole sale of %1 kr?").replace(
                              "%1", format_kronor(self.totals.total)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("voidConfirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self._open(box, lambda: self._ops.run(
            self._till.void_sale, lambda t: (self.show_totals(t),
                                             self.show_message(self.tr("Sale voided."), "ok")),
            self.show_error, label="void"),
            accepted=lambda r: r == QMessageBox.StandardButton.Yes)

    def park(self) -> None:
        self._ops.run(self._till.park, self._parked, self.show_error, label="park")

    def _parked(self, parked_id: int) -> None:
        self.show_totals(None)
        self.show_message(self.tr("Sale parked as #%1. Resume it with F8.")
                          .replace("%1", str(parked_id)), "ok")

    def resume(self) -> None:
        self._ops.run(self._till.parked, self._choose_parked, self.show_error, label="parked")

    def _choose_parked(self, parked: list[Any]) -> None:
        d = ParkedDialog(parked, self)
        self._open(d, lambda: d.chosen is not None and self._ops.run(
            lambda: self._till.resume(d.chosen.id),
            lambda t: (self.show_totals(t), self.show_message(self.tr("Parked sale resumed."),
                                                              "ok")),
            self.show_error, label="resume"))

    # --- payment -----------------------------------------------------------------------------------

    def pay(self) -> None:
        if self.payment_dialog is not None:
            return
        self._ops.run(self._till.start_payment, self._open_payment, self.show_error,
                      label="start_payment")

    def _open_payment(self, view: PaymentView) -> None:
        d = PaymentDialog(self._ops, self._print_ops, self._till, view, self)
        self.payment_dialog = d
        d.completed.connect(self.sale_completed)
        d.printed.connect(self.printed)

        def closed(_result: int) -> None:
            self.payment_dialog = None
            self.load_totals()
            self.scan_input.setFocus()
            if d.sale is not None:
                self.show_message(self.tr("Receipt %1 paid. Next customer!")
                                  .replace("%1", str(d.sale.receipt_no)), "ok")

        d.finished.connect(closed)
        self.dialog = d
        d.open()

    def load_totals(self) -> None:
        self._ops.run(self._till.totals, self.show_totals, self.show_error, label="totals")

    # --- receipts and shift ------------------------------------------------------------------------

    def reprint_last(self) -> None:
        def got(sales: list[Any]) -> None:
            if not sales:
                self.show_message(self.tr("No receipt to reprint yet."), "info")
                return
            sale = sales[0]
            self.show_message(self.tr("Reprinting receipt %1 (copy)…")
                              .replace("%1", str(sale.receipt_no)), "info")
            self._print_ops.run(lambda: self._till.print_sale(sale.id, copy=True),
                                self._print_outcome, self.show_error, label="reprint")

        self._ops.run(lambda: self._till.recent_sales(1), got, self.show_error, label="recent")

    def _print_outcome(self, outcome: Any) -> None:
        emit(self.printed, outcome)
        if outcome.ok:
            self.show_message(self.tr("Printed."), "ok")
        else:
            self.show_message(message_for(outcome.error) if outcome.error else "", "error")

    def shift_menu(self) -> None:
        def got(shift: ShiftInfo | None) -> None:
            self.set_shift(shift)
            menu = shift_dialogs.ShiftMenu(shift, self)
            actions = {shift_dialogs.OPEN: self.open_shift,
                       shift_dialogs.CASH_IN: lambda: self.cash_movement(True),
                       shift_dialogs.CASH_OUT: lambda: self.cash_movement(False),
                       shift_dialogs.X_REPORT: self.x_report,
                       shift_dialogs.CLOSE: self.close_shift,
                       shift_dialogs.NO_SALE: self.no_sale}
            self._open(menu, lambda: menu.action and actions[menu.action]())

        self._ops.run(self._till.current_shift, got, self.show_error, label="shift")

    def open_shift(self) -> None:
        d = shift_dialogs.open_shift_dialog(self)

        def opened(shift: ShiftInfo) -> None:
            self.set_shift(shift)
            self.show_message(self.tr("Shift %1 opened with a float of %2 kr. Ready to sell.")
                              .replace("%1", str(shift.id))
                              .replace("%2", format_kronor(shift.opening_float)), "ok")

        self._open(d, lambda: self._ops.run(lambda: self._till.open_shift(d.value), opened,
                                            self.show_error, label="open_shift"))

    def cash_movement(self, cash_in: bool) -> None:
        d = shift_dialogs.CashMovementDialog(cash_in, self)
        self._open(d, lambda: self._ops.run(
            lambda: self._till.cash_movement(d.value, d.reason_text),
            lambda _r: self.show_message(self.tr("Cash movement of %1 kr recorded.")
                                         .replace("%1", format_kronor(d.value)), "ok"),
            self.show_error, label="cash_movement"))

    def no_sale(self) -> None:
        d = NumberDialog(self.tr("Open drawer"), self.tr("Why open the drawer without a sale?"),
                         self, parser=lambda t: t.strip() or _raise(self.tr("Give a reason")))
        d.setObjectName("noSaleDialog")
        d.pad.hide()
        self._open(d, lambda: run_with_approval(
            self._ops, self, lambda pin: self._till.open_drawer_no_sale(d.value, pin),
            lambda _r: self.show_message(self.tr("Drawer opened."), "ok"), self.show_error))

    def x_report(self) -> None:
        self._ops.run(self._till.x_report, self._show_report, self.show_error, label="x_report")

    def close_shift(self) -> None:
        d = shift_dialogs.close_shift_dialog(self)

        def closed(result: Any) -> None:
            self.set_shift(None)
            self._show_report(result)

        self._open(d, lambda: self._ops.run(lambda: self._till.close_shift(d.value), closed,
                                            self.show_error, label="close_shift"))

    def _show_report(self, result: Any) -> None:
        report, doc = result
        summary, level = shift_dialogs.report_summary(report)
        title = self.tr("Z report") if report.kind == "Z" else self.tr("X report")
        d = ReceiptPreviewDialog(doc, self, title=title, summary=summary, summary_level=level,
                                 can_print=True)
        d.print_requested.connect(lambda doc: self._print_ops.run(
            lambda: self._till.print_document(doc), self._print_outcome, self.show_error,
            label="print_report"))
        self.show_message(summary, level if level != "error" else "info")
        self._open(d, lambda: None)

    # --- help --------------------------------------------------------------------------------------

    def show_help(self) -> None:
        rows = "".join(f"<tr><td style='padding:4px 16px 4px 0'><b>{s.keys}</b></td>"
                       f"<td>{description(s)}</td></tr>" for s in SHORTCUTS)
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Keyboard shortcuts"),
                          f"<table>{rows}</table>", QMessageBox.StandardButton.Close, self)
        box.setObjectName("helpDialog")
        self._open(box, lambda: None)

    # --- dialogs -----------------------------------------------------------------------------------

    def _open(self, dialog: Any, on_accept: Callable[[], Any],
              accepted: Callable[[int], bool] | None = None) -> None:
        """Open ``dialog`` window-modal without blocking; run ``on_accept`` when accepted."""
        self.dialog = dialog

        def finished(result: int) -> None:
            ok = accepted(result) if accepted else result == 1
            self.scan_input.setFocus()
            if ok:
                on_accept()

        dialog.finished.connect(finished)
        dialog.open()


def _discount(**kw: Any) -> Discount:
    from pos.cart import CartError
    try:
        return Discount(**kw)
    except CartError as e:
        raise ValueError(message_for(e)) from None


def _raise(text: str) -> Any:
    raise ValueError(text)
