"""The sale: scan or search articles, change lines, take payment - by touch or by keyboard alone.

The page keeps the layout and shows the sale: it redraws from ``Lanes.changed`` (the sale's
totals after any change, whoever made it) and never calls the till itself except to scan. Each
flow is a small helper of its own in ``ui/till/sale/`` (lines, discounts, codes, customer,
parking, payment, receipts, shift, search) that calls named operations
(``ui.till.operations``). Errors meant for the cashier appear in ``messageLabel``; nothing here
opens a modal for a failed scan.
"""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QGridLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from pos.cart import CartTotals, LineTotal
from pos.catalog import UnknownCode
from pos.measure import format_kg
from pos.money import format_kronor
from pos.scan_router import ScanKind, classify, is_words, split_typed, typed_quantity
from pos.services.till import Till
from pos.shifts import ShiftInfo
from ui.i18n.messages import message_for
from ui.lanes import Lanes, SaleChanged, SaleCompleted, ShiftChanged
from ui.models.cart_model import ARTICLE, DISCOUNT, PRICE, QTY, TOTAL, CartModel
from ui.till import operations as op
from ui.till.payment_dialog import PaymentDialog
from ui.till.refund_dialog import RefundDialog
from ui.till.sale.gift_cards import GiftCards
from ui.till.sale.codes import Codes, code_added_text
from ui.till.sale.customer import Customer
from ui.till.sale.delivery import Delivery
from ui.till.sale.web_cart import WebCartFlow
from ui.till.sale.pickups import Pickups
from ui.till.sale.discounts import Discounts
from ui.till.sale.lines import Lines
from ui.till.sale.parking import Parking
from ui.till.sale.payment import Payment
from ui.till.sale.receipts import Receipts
from ui.till.sale.returns import Returns
from ui.till.sale.search import Search
from ui.till.sale.shift import Shift
from ui.till.help_dialog import HelpDialog
from ui.till.shortcuts import KEYED
from ui.widgets.bind import bind
from ui.widgets.numpad import Numpad
from ui.widgets.row_heights import fit_rows_to_contents
from ui.widgets.style import metrics, set_level, set_role, unbroken


class SalePage(QWidget):
    shift_changed = Signal(object)  # ShiftInfo | None
    logout_requested = Signal()
    sale_completed = Signal(object)  # Sale

    def __init__(self, lanes: Lanes, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("salePage")
        self._lanes, self._till = lanes, till
        self.totals: CartTotals | None = None
        self.shift: ShiftInfo | None = None
        # the payment on screen: paying, or refunding a sale that gives back (Returns.refund)
        self.payment_dialog: PaymentDialog | RefundDialog | None = None
        self.dialog: QWidget | None = None  # the last dialog opened (tests, screenshots)
        self._codes_before: tuple[str, ...] = ()
        self._quantities_before: dict[int, int] = {}
        m = metrics()  # sizes for the till's screen

        # --- the flows, one helper each; the page's actions are theirs ---------------------------
        self.lines = Lines(self, lanes, till)
        self.discounts = Discounts(self, lanes, till)
        self.codes = Codes(self, lanes, till)
        self.customers = Customer(self, lanes, till)
        self.pickups = Pickups(self, lanes, till)
        self.parking = Parking(self, lanes, till)
        self.payment = Payment(self, lanes, till)
        self.receipts = Receipts(self, lanes, till)
        self.shifts = Shift(self, lanes, till)
        self.search = Search(self, lanes, till)
        self.delivery = Delivery(self, lanes, till)  # stock everywhere, ship-to-home
        self.web_cart = WebCartFlow(self, lanes, till)
        self.returns = Returns(self, lanes, till)  # returns and exchanges, refunds
        self.gift_cards = GiftCards(self, lanes, till)  # gift cards sold (Ctrl+G)
        self.step_quantity = self.lines.step_quantity
        self.change_quantity = self.lines.change_quantity
        self.remove_line = self.lines.remove_line
        self.void_sale = self.lines.void_sale
        self.line_discount = self.discounts.line_discount
        self.cart_discount = self.discounts.cart_discount
        self.price_override = self.discounts.price_override
        self.promo_code = self.codes.promo_code
        self.customer = self.customers.customer
        self.park = self.parking.park
        self.resume = self.parking.resume
        self.pay = self.payment.pay
        self.reprint_last = self.receipts.reprint_last
        self.shift_menu = self.shifts.shift_menu
        self.open_shift = self.shifts.open_shift
        self.cash_movement = self.shifts.cash_movement
        self.no_sale = self.shifts.no_sale
        self.x_report = self.shifts.x_report
        self.close_shift = self.shifts.close_shift
        self.stock = self.delivery.stock
        self.deliver = self.delivery.deliver
        self.delivery_details = self.delivery.details
        lanes.changed.connect(self.on_change)

        # --- inputs ------------------------------------------------------------------------------
        self.scan_input = QLineEdit(self)
        self.scan_input.setObjectName("scanInput")
        self.scan_input.setPlaceholderText(self.tr("Scan, or type a code or a name"))
        self.scan_input.returnPressed.connect(self._scan_entered)
        self.scan_input.installEventFilter(self)
        self.search_input = QLineEdit(self)
        self.search_input.setObjectName("searchInput")
        self.search_input.setPlaceholderText(self.tr("Search by name (F2)"))
        self.search_input.textChanged.connect(self.search.text_changed)
        self.search_input.returnPressed.connect(self.search.add_first)
        self.search_input.installEventFilter(self)
        self.search_results = QListWidget(self)
        self.search_results.setObjectName("searchResults")
        self.search_results.setMaximumHeight(m.px(260))
        self.search_results.hide()
        self.search_results.itemActivated.connect(self.search.add_item)
        self.search_results.itemClicked.connect(self.search.add_item)
        self.search_results.installEventFilter(self)

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
        self.table.verticalHeader().setDefaultSectionSize(m.touch(44))
        # a line with a promotion shows it under the name: such rows grow to two lines; each row
        # is measured when it changes (ResizeToContents measured every row on every scan)
        self.table.verticalHeader().setMinimumSectionSize(m.touch(44))
        self.table.setWordWrap(False)
        fit_rows_to_contents(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ARTICLE, QHeaderView.ResizeMode.Stretch)
        # the quantity as wide as a weight ("0,512", "12,345"): 64 px cut it to "0,…"
        for col, width in ((QTY, 80), (PRICE, 110), (DISCOUNT, 110), (TOTAL, 120)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, m.px(width))
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
        panel.setFixedWidth(m.px(380))
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
        # the comma types a weight in kg before an article sold by weight ("0,512", then scan)
        self.numpad = Numpad(self.scan_input, panel, decimals=True, ok_text=self.tr("Enter"))
        self.numpad.entered.connect(self._scan_entered)
        self.pay_button = QPushButton(self.tr("Pay (F9)"), panel)
        self.pay_button.setObjectName("payButton")
        self.pay_button.setMinimumHeight(m.touch(72))
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
        pl.addWidget(self.delivery.button)
        pl.addStretch(1)
        pl.addWidget(self.numpad, 3)  # its keys grow to a finger's 62 px first, down to 48
        pay_row = QHBoxLayout()  # the gift card beside Pay: the grid of actions is full
        pay_row.addWidget(self.gift_cards.button, 1)
        pay_row.addWidget(self.pay_button, 2)
        pl.addLayout(pay_row)

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
            ("stock", self.tr("Stock"), "Ctrl+I", self.stock),
            ("deliver", self.tr("Deliver"), "Ctrl+D", self.deliver),
            ("park", self.tr("Park"), "F7", self.park),
            ("resume", self.tr("Resume"), "F8", self.resume),
            ("pickups", self.tr("Pickups"), "Shift+F8", self.pickups.open_list),
            ("returns", self.tr("Return"), "Shift+F9", self.returns.open_dialog),
            ("void_sale", self.tr("Void sale"), "Ctrl+Shift+V", self.void_sale),
            ("reprint", self.tr("Reprint last"), "F12", self.reprint_last),
            ("x_report", self.tr("X report"), "", self.x_report),
            ("close_shift", self.tr("Close shift"), "", self.close_shift),
            ("shift_menu", self.tr("Shift"), "F10", self.shift_menu),
            ("help", self.tr("Help"), "F1", self.show_help),
            ("logout", self.tr("Log out"), "Ctrl+L", self.logout_requested.emit),
        ]
        grid = QGridLayout()
        grid.setSpacing(m.px(6))
        object_names = {"quantity": "quantityButton", "remove_line": "removeLineButton",
                        "line_discount": "lineDiscountButton",
                        "cart_discount": "cartDiscountButton",
                        "price_override": "priceOverrideButton", "park": "parkButton",
                        "promo_code": "promoCodeButton", "customer": "customerButton",
                        "resume": "resumeButton", "void_sale": "voidSaleButton",
                        "reprint": "reprintButton", "x_report": "xReportButton",
                        "close_shift": "closeShiftButton", "shift_menu": "shiftButton",
                        "help": "helpButton", "logout": "logoutButton",
                        "stock": "stockButton", "deliver": "deliverButton",
                        "pickups": "pickupsButton", "returns": "returnsButton"}
        for i, (name, text, key, slot) in enumerate(actions):
            b = QPushButton(f"{text}\n{key}" if key else text, self)
            b.setObjectName(object_names[name])
            b.setMinimumHeight(m.touch(56))
            # not the text's width as a minimum: the window may be 1024 px wide, and
            # ``resizeEvent`` puts the buttons in as many rows as their text needs
            b.setMinimumWidth(m.touch(44))
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
            if name in ("void_sale", "remove_line"):
                set_role(b, "danger")
            b.clicked.connect(bind(slot))
            self.buttons[name] = b
        self._button_grid = grid
        self._button_columns = 0
        self._arrange_buttons(max(len(actions) + 1, 16) // 2)  # two rows where they fit

        # --- layout ------------------------------------------------------------------------------
        inputs = QHBoxLayout()
        inputs.addWidget(self.scan_input, 3)
        inputs.addWidget(self.search_input, 2)
        left = QVBoxLayout()
        left.addLayout(inputs)
        left.addWidget(self.search_results)
        left.addWidget(self.web_cart.banner)
        left.addWidget(self.table, 1)
        left.addWidget(self.message)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addWidget(panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(m.px(12), m.px(12), m.px(12), m.px(8))
        layout.addLayout(top, 1)
        layout.addLayout(grid)

        # --- keyboard ----------------------------------------------------------------------------
        slots = {"help": self.show_help, "search": self.focus_search,
                 "quantity": self.change_quantity, "line_discount": self.line_discount,
                 "cart_discount": self.cart_discount, "price_override": self.price_override,
                 "promo_code": self.promo_code, "customer": self.customer,
                 "park": self.park, "resume": self.resume, "pay": self.pay,
                 "shift_menu": self.shift_menu, "reprint": self.reprint_last,
                 "void_sale": self.void_sale, "logout": self.logout_requested.emit,
                 "stock": self.stock, "deliver": self.deliver,
                 "delivery": self.delivery_details, "pickups": self.pickups.open_list,
                 "returns": self.returns.open_dialog, "gift_card": self.gift_cards.sell,
                 "email_receipt": self.receipts.email_receipt, "invoices": self.pay_invoice}
        self.shortcuts: dict[str, QShortcut] = {}
        for action, keys in KEYED.items():
            if action in slots:
                sc = QShortcut(QKeySequence(keys), self)
                sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                sc.activated.connect(slots[action])
                self.shortcuts[action] = sc
        self.show_totals(None)

    # --- showing -----------------------------------------------------------------------------------


    def _arrange_buttons(self, columns: int) -> None:
        """The function buttons in rows of ``columns`` (two rows on a wide screen; three on a
        1024 px one, where ten buttons of 'Void sale / Ctrl+Shift+V' do not fit in a row)."""
        if columns == self._button_columns:
            return
        self._button_columns = columns
        grid = self._button_grid
        for b in self.buttons.values():
            grid.removeWidget(b)
        for c in range(grid.columnCount()):
            grid.setColumnStretch(c, 0)
        for i, b in enumerate(self.buttons.values()):
            grid.addWidget(b, i // columns, i % columns)
        for c in range(columns):
            grid.setColumnStretch(c, 1)

    def _columns_for(self, width: int) -> int:
        """As many buttons in a row as fit ``width`` px at their natural width: 2 rows, else 3,
        else 4."""
        n = len(self.buttons)
        widest = max(b.sizeHint().width() for b in self.buttons.values())
        spacing = max(self._button_grid.spacing(), 0)
        margins = self.layout().contentsMargins() if self.layout() else None
        room = width - (margins.left() + margins.right() if margins else 0)
        for rows in (2, 3, 4):
            columns = -(-n // rows)
            if columns * widest + (columns - 1) * spacing <= room:
                return columns
        return -(-n // 4)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        self._arrange_buttons(self._columns_for(event.size().width()))
        super().resizeEvent(event)

    def show_message(self, text: str, level: str = "error") -> None:
        self.message.setText(unbroken(text))
        set_level(self.message, level)
        pay = self.payment_dialog
        if level == "error" and pay is not None and pay.isVisible():
            # a scan behind the payment dialog: the cashier looks at the dialog, not the page
            pay.show_message(text, level)

    def web_cart_id(self) -> str:
        """The web cart the sale on screen continues ("" for none)."""
        link = self.totals.web_cart if self.totals else None
        return link.id if link is not None else ""

    def show_error(self, exc: BaseException) -> None:
        self.show_message(message_for(exc), "error")

    def show_totals(self, totals: CartTotals | None, select_line: int | None = None) -> None:
        """Show the cart; ``select_line`` (a line id) or the previous row stays selected."""
        previous = self.selected_row()
        # what the sale was before this change (the change is shown before its operation's result)
        self._codes_before = self.totals.codes if self.totals else ()
        self._quantities_before = ({lt.line.line_id: lt.line.quantity for lt in self.totals.lines}
                                   if self.totals else {})
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
        self.pay_button.setText(self.tr("Refund (F9)") if totals is not None and totals.total < 0
                                else self.tr("Pay (F9)"))
        self.empty_hint.setVisible(not n)
        self.delivery.show(totals)

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

    # --- the sale as every change leaves it -----------------------------------------------------

    def on_change(self, change: Any) -> None:
        """``Lanes.changed``: the sale, a completed sale (the next customer), the shift."""
        if isinstance(change, SaleChanged):
            self.show_totals(change.totals, select_line=change.select_line)
        elif isinstance(change, SaleCompleted):
            self.show_totals(None)
        elif isinstance(change, ShiftChanged):
            self.set_shift(change.shift)

    def need_line(self) -> LineTotal | None:
        """The selected line, or a message asking for one."""
        lt = self.model.line_at(self.selected_row())
        if lt is None:
            self.show_message(self.tr("Choose a line first (Up/Down).") if self.model.rowCount()
                              else self.tr("The sale has no lines yet: scan an article first."),
                              "error")
        return lt

    # --- loading -----------------------------------------------------------------------------------

    def load(self) -> None:
        """After login: the sale in progress (saved across restarts), the shift, a payment begun."""
        op.load_sale(self._lanes, self._till, on_done=self._loaded)

    def _loaded(self, result: tuple[CartTotals, ShiftInfo | None, Any]) -> None:
        _totals, shift, pending = result
        self.scan_input.setFocus()
        if pending is not None:
            self.show_message(self.tr("A payment was started: finish it."), "info")
            self.payment.open_payment(pending)
        elif shift is None:
            self.show_message(self.tr("No shift is open: open one with F10 before selling."),
                              "info")
            self.open_shift()
        else:
            self.show_message(self.tr("Ready. Scan an article."), "info")

    def set_shift(self, shift: ShiftInfo | None) -> None:
        self.shift = shift
        self.shift_changed.emit(shift)

    # --- scanning ----------------------------------------------------------------------------------

    def scanned(self, code: str) -> None:
        """A code from the scanner (wedge or serial). A number typed into ``scanInput`` before
        it (numpad or keyboard) is its quantity: "3" then a scan adds 3, "0,512" then an article
        sold by weight adds 0,512 kg. An empty or unreadable scan says so (the till answers)."""
        self.scan(code, self.take_quantity())

    def scan(self, code: str, quantity: Decimal | None = None,
             on_error: Callable[[BaseException], Any] | None = None) -> None:
        if self.returns.takes_scan(code):  # a receipt's code, or a scan for a returns dialog
            return
        kind = classify(code).kind
        if kind is ScanKind.WEB_CART:  # the central store's: the network lane
            self.web_cart.load(code)
            return
        if kind is ScanKind.ORDER:  # a web order's QR code: collected here
            self.pickups.scanned(code)
            return
        if kind is ScanKind.INVOICE_REFERENCE:  # an invoice's OCR: paid here (invoice_dialog)
            self.pay_invoice(classify(code).value)
            return
        done = (self.customers.card_scanned if classify(code).kind in (
            ScanKind.CUSTOMER_CARD, ScanKind.CUSTOMER_TOKEN) else self.article_added)
        op.scan(self._lanes, self._till, code, 1 if quantity is None else quantity,
                on_done=done, on_error=on_error or self.scan_refused)

    def pay_invoice(self, ocr: str = "") -> None:
        """An open invoice paid here: by its OCR (scanned, typed) or from the customer's list."""
        from ui.till.invoice_dialog import InvoicePaymentDialog
        dlg = InvoicePaymentDialog(self._lanes, self._till, ocr, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dlg.open()

    def scan_refused(self, exc: BaseException) -> None:
        """A scan the till did not take: said on screen and with the system's bell, for a
        cashier whose eyes are on the customer or the goods."""
        QApplication.beep()
        self.show_error(exc)

    def take_quantity(self) -> Decimal | None:
        """The quantity typed into the scan field for the next article, taken out of it (None
        when the field holds no number)."""
        quantity = typed_quantity(self.scan_input.text())
        if quantity is not None:
            self.scan_input.clear()
        return quantity

    def _scan_entered(self) -> None:
        """Enter in the scan field (or the numpad's Enter): what was typed is a code, a
        quantity and a code ("3*7350..."), or words: text that is no article's code searches
        the article names (``troja`` finds Tröja)."""
        text = self.scan_input.text().strip()
        if not text:
            return
        weight = typed_quantity(text)
        if weight is not None and weight != weight.to_integral_value():
            # a weight waits for its article (a whole number is a short code: looked up)
            self.show_message(self.tr("%1 kg: now scan the article, or find it (F2)")
                              .replace("%1", text), "info")
            return
        self.scan_input.clear()
        quantity, code = split_typed(text)
        if not is_words(code):
            self.scan(code, quantity)
            return
        scanned = classify(code)
        if scanned.kind is ScanKind.UNKNOWN:  # spaces, å ä ö ...: no code, only a name
            self.search.find(code, quantity, unknown=scanned.error)  # type: ignore[arg-type]
            return

        def not_a_code(exc: BaseException) -> None:  # no article has it as its article number
            if isinstance(exc, UnknownCode):
                self.search.find(code, quantity, unknown=exc, tried_as_code=True)
            else:
                self.show_error(exc)
        self.scan(code, quantity, on_error=not_a_code)

    def article_added(self, totals: CartTotals) -> None:
        """After a scan or a search result: say what was added (or which coupon was taken)."""
        new_codes = [c for c in totals.codes if c not in self._codes_before]
        if new_codes:  # a scanned coupon
            self.show_message(code_added_text(new_codes[0], totals), "ok")
            return
        # the line the scan added or counted up (a repeated scan raises an earlier line)
        grown = [lt.line for lt in totals.lines
                 if lt.line.quantity > self._quantities_before.get(lt.line.line_id, 0)]
        line = grown[-1] if grown else (totals.lines[-1].line if totals.lines else None)
        if line is not None:
            self.table.selectRow(self.model.row_of_line(line.line_id))
            if line.weight is not None:
                self.show_message(self.tr("%1  %2 kg à %3 kr/kg: %4 kr")
                                  .replace("%1", line.variant.name)
                                  .replace("%2", format_kg(line.weight))
                                  .replace("%3", format_kronor(line.unit_price))
                                  .replace("%4", format_kronor(line.gross)), "ok")
                return
            self.show_message(self.tr("%1  %2 kr").replace("%1", line.variant.name)
                              .replace("%2", format_kronor(line.unit_price)), "ok")

    def focus_search(self) -> None:
        self.search_input.setFocus()
        self.search_input.selectAll()

    # --- keys on the scan field and the cart -------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_hint.setGeometry(self.table.viewport().rect().adjusted(24, 24, -24, -24))
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()  # type: ignore[attr-defined]
        if key == Qt.Key.Key_Down and watched in (self.search_input, self.scan_input) and (
                self.search_results.isVisible() or self.search.pending()):
            self.search.into_results()  # the first Down selects the first result
            return True
        if watched is self.search_input:
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

    # --- help --------------------------------------------------------------------------------------

    def show_help(self) -> None:
        self.open_dialog(HelpDialog(self), lambda: None)

    # --- dialogs -----------------------------------------------------------------------------------

    def open_dialog(self, dialog: Any, on_accept: Callable[[], Any],
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
