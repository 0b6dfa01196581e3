"""Taking payment: cash, card, Swish, or several (split tender), then the change, big.

The dialog shows the total, what is paid, what remains and what remains in cash (rounded to whole
kronor, öresavrundning). The amount field is prefilled with what remains; the cashier may type
less to pay a part (by card, say) and the rest in cash. A card payment runs on the worker while
the dialog says "Follow the terminal" and offers to cancel; the till stays responsive. Swish
(F5) asks how the customer pays (a QR code, or their phone) and shows the QR code while they
pay (``ui.till.mobile_panel``), on the same lane as the card. When the
sale is complete the change is shown big, the receipt prints on the printer worker, and Enter
starts the next sale.
"""
from __future__ import annotations

from ui.widgets.dialog import Dialog
from ui.widgets.bind import bind

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem,
                               QPushButton, QStackedWidget, QVBoxLayout, QWidget)

from pos.money import format_kronor
from pos.payment_methods import MethodKind
from pos.payments import Tender, cash_suggestions
from pos.sales import Sale
from pos.services.till import PaymentView, PrintOutcome, Till
from ui.i18n.messages import message_for
from ui.lanes import Lanes, PaymentPrompted
from ui.till import operations as op
from ui.till.mobile_operations import pay_mobile
from ui.till.stored_value_buttons import stored_value_buttons
from ui.till.mobile_panel import MobilePanel
from ui.till.receipt_choice import ReceiptChoicePanel
from ui.till.sale.invoice_tender import InvoiceTender
from ui.widgets.numpad import Numpad, kronor_text, parse_amount
from ui.widgets.style import set_level, set_role, unbroken

TENDER, CARD_BUSY, DONE, MOBILE_CHOOSE, MOBILE_BUSY = range(5)
MOBILE_PAGE = 3  # the pages' index of the Swish panel (both of its states)
# Cash tendered may exceed what is due by at most this (öre): 100 000 kr covers any real
# handful of banknotes; more is a slip of the finger that would print absurd change.
MAX_CASH_OVER_DUE = 100_000 * 100


class PaymentDialog(Dialog):
    completed = Signal(object)  # the Sale, once stored

    def __init__(self, lanes: Lanes, till: Till, view: PaymentView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentDialog")
        self.setWindowTitle(self.tr("Payment"))
        self.setModal(True)
        self._lanes, self._till = lanes, till
        self.view = view
        self.sale: Sale | None = None
        self.state = TENDER

        # --- figures -------------------------------------------------------------------------
        figures = QGridLayout()
        self.total_value = self._figure(figures, 0, self.tr("Total"), "paymentTotal", big=True)
        self.paid_value = self._figure(figures, 1, self.tr("Paid"), "paymentPaid")
        self.remaining_value = self._figure(figures, 2, self.tr("Remaining"), "paymentRemaining",
                                            big=True)
        self.cash_due_value = self._figure(figures, 3, self.tr("Cash due (rounded)"),
                                           "paymentCashDue")
        tenders_caption = QLabel(self.tr("Tenders taken"), self)
        tenders_caption.setProperty("role", "caption")
        self.tenders = QListWidget(self)
        self.tenders.setObjectName("tendersList")
        self.tenders.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tenders.setWordWrap(True)
        self.tenders.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.take_back_button = QPushButton(self.tr("Take back the chosen payment (Del)"), self)
        self.take_back_button.setObjectName("takeBackButton")
        self.take_back_button.setMinimumHeight(48)
        set_role(self.take_back_button, "danger")
        self.take_back_button.clicked.connect(self.take_back)
        self.finish_button = QPushButton(self.tr("Complete the sale again (Enter)"), self)
        self.finish_button.setObjectName("finishButton")
        self.finish_button.setMinimumHeight(64)
        set_role(self.finish_button, "primary")
        self.finish_button.clicked.connect(self.finish)
        self.finish_button.hide()
        self.message = QLabel("", self)
        self.message.setObjectName("paymentMessage")
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)
        set_level(self.message, "info")
        left = QVBoxLayout()
        left.addLayout(figures)
        left.addWidget(tenders_caption)
        left.addWidget(self.tenders, 1)
        left.addWidget(self.take_back_button)
        left.addWidget(self.message)
        left.addWidget(self.finish_button)

        # --- page: tendering -----------------------------------------------------------------
        tender_page = QWidget(self)
        amount_caption = QLabel(self.tr("Amount (kr)"), tender_page)
        amount_caption.setProperty("role", "caption")
        self.amount = QLineEdit(tender_page)
        self.amount.setObjectName("amountInput")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        font = self.amount.font()
        font.setPointSize(20)
        self.amount.setFont(font)
        self.amount.returnPressed.connect(self.pay_cash)
        # quick cash: the exact amount, and the next amounts notes make above it
        quick = QHBoxLayout()
        self.quick_buttons: list[QPushButton] = []
        for i in range(4):
            b = QPushButton(self.tr("Exact") if i == 0 else "", tender_page)
            b.setObjectName("quickCash_due" if i == 0 else f"quickCash_{i}")
            b.setMinimumHeight(48)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(bind(self._quick_cash, i))
            quick.addWidget(b)
            self.quick_buttons.append(b)
        self._quick_amounts: list[int] = []
        self.pad = Numpad(self.amount, tender_page, ok_text=self.tr("Enter"))  # Enter: cash
        self.pad.entered.connect(self.pay_cash)
        self.card_button = QPushButton(self.tr("Card (F4)"), tender_page)
        self.card_button.setObjectName("cardButton")
        self.card_button.setMinimumHeight(64)
        self.card_button.clicked.connect(self.pay_card)
        self.cash_button = QPushButton(self.tr("Cash (Enter)"), tender_page)
        self.cash_button.setObjectName("cashButton")
        self.cash_button.setMinimumHeight(64)
        set_role(self.cash_button, "primary")
        self.cash_button.clicked.connect(self.pay_cash)
        # a mobile payment (Swish) when the register offers one
        mobile = till.config.payment_methods.of_kind(MethodKind.MOBILE)
        self.mobile_method = mobile[0] if mobile else None
        self.mobile_button = QPushButton(
            self.tr("%1 (F5)").replace("%1", self.mobile_method.label if self.mobile_method
                                       else ""), tender_page)
        self.mobile_button.setObjectName("mobileButton")
        self.mobile_button.setMinimumHeight(64)
        self.mobile_button.clicked.connect(self.choose_mobile)
        self.mobile_button.setVisible(self.mobile_method is not None)
        # gift cards (F7) and the customer's store credit (F8) when the register offers them
        self.gift_buttons = stored_value_buttons(self, till, tender_page)
        self.back_button = QPushButton(self.tr("Back to the sale (Esc)"), tender_page)
        self.back_button.setObjectName("paymentBack")
        self.back_button.clicked.connect(self.reject)
        pay_row = QHBoxLayout()
        pay_row.addWidget(self.card_button)
        pay_row.addWidget(self.mobile_button)
        pay_row.addWidget(self.cash_button)
        self.invoice = InvoiceTender(self, lanes, till, tender_page)  # Faktura (F9)
        # the account tenders on a row of their own: five or six buttons in one row were cut
        # to "ant (E" and "entkort" on a 1024x768 till (hidden ones take no room)
        account_row = QHBoxLayout()
        for b in (*self.gift_buttons, self.invoice.button):
            account_row.addWidget(b)
        back_row = QHBoxLayout()
        back_row.addWidget(self.back_button, 1)
        tl = QVBoxLayout(tender_page)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(amount_caption)
        tl.addWidget(self.amount)
        tl.addLayout(quick)
        tl.addWidget(self.pad)
        tl.addLayout(pay_row)
        tl.addLayout(account_row)
        tl.addLayout(back_row)

        # --- page: card in progress ----------------------------------------------------------
        card_page = QWidget(self)
        self.card_label = QLabel(self.tr("Follow the terminal…"), card_page)
        self.card_label.setObjectName("cardBusyLabel")
        self.card_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card_label.setWordWrap(True)
        set_role(self.card_label, "heading")
        self.card_hint = QLabel(self.tr("The customer pays on the card terminal. "
                                        "This screen waits for its answer."), card_page)
        self.card_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card_hint.setWordWrap(True)
        self.card_hint.setProperty("role", "muted")
        self.cancel_card_button = QPushButton(self.tr("Cancel card payment"), card_page)
        self.cancel_card_button.setObjectName("cancelCardButton")
        set_role(self.cancel_card_button, "danger")
        self.cancel_card_button.clicked.connect(self.cancel_card)
        cl = QVBoxLayout(card_page)
        cl.addStretch(1)
        cl.addWidget(self.card_label)
        cl.addWidget(self.card_hint)
        cl.addStretch(1)
        cl.addWidget(self.cancel_card_button)

        # --- page: done ----------------------------------------------------------------------
        done_page = QWidget(self)
        change_caption = QLabel(self.tr("Change", "money handed back to the customer"), done_page)
        change_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(change_caption, "heading")
        self.change_label = QLabel("", done_page)
        self.change_label.setObjectName("bigChange")
        self.change_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.receipt_label = QLabel("", done_page)
        self.receipt_label.setObjectName("receiptNumberLabel")
        self.receipt_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.receipt_label.setWordWrap(True)
        self.done_button = QPushButton(self.tr("New sale (Enter)"), done_page)
        self.done_button.setObjectName("doneButton")
        self.done_button.setMinimumHeight(64)
        set_role(self.done_button, "primary")
        self.done_button.clicked.connect(self.accept)
        dl = QVBoxLayout(done_page)
        dl.addStretch(1)
        dl.addWidget(change_caption)
        dl.addWidget(self.change_label)
        dl.addWidget(self.receipt_label)
        # paper, e-mail or both (shown when the till e-mails receipts: ui/till/receipt_choice.py)
        self.receipt_choice = ReceiptChoicePanel(lanes, till, self._print_receipt,
                                                 view.customer_email, done_page)
        dl.addWidget(self.receipt_choice)
        dl.addStretch(1)
        self.invoice.pdf_button.setParent(done_page)
        dl.addWidget(self.invoice.pdf_button)
        dl.addWidget(self.done_button)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(tender_page)
        self.pages.addWidget(card_page)
        self.pages.addWidget(done_page)
        self.mobile = MobilePanel(self)
        self.mobile.send.connect(self.pay_mobile)
        self.mobile.cancel.connect(self.cancel_card)
        self.mobile.back.connect(self.reject)
        self.pages.addWidget(self.mobile)
        self._mobile_amount: int | None = None
        self.pages.setMinimumWidth(380)

        layout = QHBoxLayout(self)
        # the tenders get the wider share: up to six labelled buttons in rows of three
        layout.addLayout(left, 2)
        layout.addWidget(self.pages, 3)
        QShortcut(QKeySequence("F4"), self, activated=self.pay_card)
        QShortcut(QKeySequence("F5"), self, activated=self.choose_mobile)
        QShortcut(QKeySequence("F6"), self, activated=self.mobile.send_to_phone)
        QShortcut(QKeySequence("Del"), self, activated=self.take_back)
        # F7-F9 by page: before completion gift card, store credit, invoice; after it print
        # the receipt, e-mail it, the invoice as PDF
        for n in (7, 8, 9):
            QShortcut(QKeySequence(f"F{n}"), self, activated=lambda n=n: self.function_key(n))
        # the amount field keeps the focus and eats Del and Up/Down: see eventFilter
        self.amount.installEventFilter(self)
        self.resize(900, 620)
        self.show_view(view)

    def _figure(self, grid: QGridLayout, row: int, caption: str, name: str,
                big: bool = False) -> QLabel:
        c = QLabel(caption, self)
        c.setProperty("role", "caption" if not big else "heading")
        c.setWordWrap(True)  # a long caption takes two lines rather than the tenders' room
        v = QLabel("", self)
        v.setObjectName(name)
        v.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        v.setProperty("role", "bigFigure" if big else "figure")
        grid.addWidget(c, row, 0)
        grid.addWidget(v, row, 1)
        return v

    # --- showing ---------------------------------------------------------------------------------

    def function_key(self, n: int) -> None:
        """F7, F8, F9: on the tender page gift card, store credit, invoice (each when offered);
        once the sale is complete print the receipt, e-mail it, the invoice (print, PDF, e-mail)."""
        page = self.pages.currentIndex()
        if page == DONE:
            if n == 9:
                self.invoice.open_document()
            elif self.receipt_choice.keys_on and self.receipt_choice.isVisible():
                (self.receipt_choice.print_paper if n == 7 else self.receipt_choice.send_email)()
        elif page == TENDER:
            if n == 9:
                self.invoice.start()
                return
            name = "giftCardButton" if n == 7 else "storeCreditButton"
            for b in self.gift_buttons:
                if b.objectName() == name and b.isVisible() and b.isEnabled():
                    b.click()

    def show_view(self, view: PaymentView, keep_message: bool = False) -> None:
        if view.sale is not None:
            # Till.payment_view(sale) is computed after the cart was cleared (total 0, no
            # tenders): the completed sale itself says what was paid.
            sale = view.sale
            view = PaymentView(sale.total, sale.paid, 0, 0, sale.rounding, tuple(sale.tenders),
                               sale.change, sale)
        self.view = view
        self.total_value.setText(format_kronor(view.total, symbol=True))
        self.paid_value.setText(format_kronor(view.paid, symbol=True))
        self.remaining_value.setText(format_kronor(view.remaining, symbol=True))
        self.cash_due_value.setText(format_kronor(view.cash_due, symbol=True))
        self.tenders.clear()
        for t in view.tenders:
            self.tenders.addItem(unbroken(self._tender_text(t)))
        if not view.tenders:
            hint = QListWidgetItem(self.tr("Nothing paid yet. Pay all or part by card or cash."))
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tenders.addItem(hint)
        else:
            self.tenders.setCurrentRow(len(view.tenders) - 1)
        self.take_back_button.setVisible(bool(view.tenders) and view.sale is None)
        if view.sale is not None:
            self._completed(view)
            return
        self._quick_amounts = [view.cash_due, *cash_suggestions(view.cash_due)]
        for i, b in enumerate(self.quick_buttons):
            shown = i < len(self._quick_amounts) and (i == 0 or view.cash_due > 0)
            b.setVisible(shown)
            if shown and i > 0:
                b.setText(format_kronor(self._quick_amounts[i]).removesuffix(",00"))
        self.finish_button.setVisible(view.unfinished)
        if view.unfinished:
            if not keep_message:
                self.show_message(self.tr("The sale is paid but not stored yet. Complete it "
                                          "again, or take a payment back."), "error")
            self.finish_button.setFocus()
            return
        self.amount.setText(kronor_text(view.cash_due if view.cash_due == 0 else view.remaining))
        self.amount.selectAll()
        self.amount.setFocus()

    @property
    def tender_count(self) -> int:
        """Tenders taken so far (the list may also hold a hint)."""
        return len(self.view.tenders)

    def _tender_text(self, t: Tender) -> str:
        if t.method.counts_as_cash:
            text = self.tr("Cash %1 kr (received %2, change %3)")
            return (text.replace("%1", format_kronor(t.amount))
                    .replace("%2", format_kronor(t.received))
                    .replace("%3", format_kronor(t.change)))
        if t.method.kind is MethodKind.TERMINAL:
            card = " ".join(x for x in (t.brand, t.masked_pan) if x)
            return self.tr("Card %1 kr %2").replace("%1", format_kronor(t.amount)).replace("%2", card)
        # another method, named as the store configured it
        return self.tr("%1 %2 kr").replace("%1", t.method.label).replace("%2", format_kronor(t.amount))

    def show_message(self, text: str, level: str = "error") -> None:
        self.message.setText(unbroken(text))
        set_level(self.message, level)

    # --- tenders ---------------------------------------------------------------------------------

    def _amount(self) -> int | None:
        try:
            return parse_amount(self.amount.text())
        except ValueError as e:
            self.show_message(str(e))
            self.amount.setFocus()
            return None

    def _quick_cash(self, i: int) -> None:
        if i < len(self._quick_amounts):
            self.amount.setText(kronor_text(self._quick_amounts[i]))
            self.pay_cash()

    def pay_cash(self) -> None:
        if self.state != TENDER or self._lanes.register.pending:
            return
        received = self._amount()
        if received is None:
            return
        if received == self.view.remaining:
            received = self.view.cash_due  # the prefilled rest, paid in cash: rounded
        if received > self.view.cash_due + MAX_CASH_OVER_DUE:  # a typo, not a banknote
            self.show_message(self.tr("At most %1 kr in cash for this sale")
                              .replace("%1", format_kronor(self.view.cash_due + MAX_CASH_OVER_DUE)))
            self.amount.setFocus()
            return
        self.show_message(self.tr("Cash…"), "info")
        op.pay_cash(self._lanes, self._till, received, on_done=self._tendered,
                    on_error=self._refused)

    def pay_card(self) -> None:
        if self.state != TENDER or self._lanes.register.pending:
            return
        amount = self._amount()
        if amount is None:
            return
        card_amount = None if amount == self.view.remaining else amount
        self.state = CARD_BUSY
        self.pages.setCurrentIndex(CARD_BUSY)
        self.cancel_card_button.setEnabled(True)
        self.cancel_card_button.setFocus()
        self.show_message(self.tr("Card payment of %1 kr sent to the terminal")
                          .replace("%1", format_kronor(amount if card_amount else
                                                       self.view.remaining)), "info")
        op.pay_card(self._lanes, self._till, card_amount, on_done=self._tendered,
                    on_error=self._refused)

    def choose_mobile(self) -> None:
        """F5: pay the amount with Swish; first ask how (a QR code, or the customer's phone)."""
        if self.state != TENDER or self._lanes.register.pending or self.mobile_method is None:
            return
        amount = self._amount()
        if amount is None:
            return
        self._mobile_amount = None if amount == self.view.remaining else amount
        customer = self._till.cart.customer
        self.state = MOBILE_CHOOSE
        self.pages.setCurrentIndex(MOBILE_PAGE)
        self.mobile.choose(self.mobile_method.label, amount, customer.phone if customer else "")
        self.show_message("", "info")

    def pay_mobile(self, phone: str) -> None:
        """Send the Swish request: a QR code (``phone`` "") or to ``phone``."""
        if self.state != MOBILE_CHOOSE or self._lanes.register.pending or self.mobile_method is None:
            return
        self.state = MOBILE_BUSY
        self.mobile.sending(phone)
        pay_mobile(self._lanes, self._till, self.mobile_method.id, self._mobile_amount,
                   payer_phone=phone, on_prompt=self._mobile_prompted,
                   on_done=self._tendered, on_error=self._refused)

    def _mobile_prompted(self, prompt: PaymentPrompted) -> None:
        if self.state == MOBILE_BUSY:
            self.mobile.prompted(prompt, max(160, min(self.pages.width() - 40,
                                                      self.height() // 2)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the amount field (which always has the focus): Up/Down choose a payment in the
        list, and Del with nothing left to delete in the field takes the chosen payment back
        (the field took Del for itself, so the button's "(Del)" never worked from the keyboard)."""
        if watched is self.amount and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.tenders.count():
                step = -1 if key == Qt.Key.Key_Up else 1
                row = min(max(self.tenders.currentRow() + step, 0), self.tenders.count() - 1)
                self.tenders.setCurrentRow(row)
                return True
            if (key == Qt.Key.Key_Delete and not self.amount.hasSelectedText()
                    and self.amount.cursorPosition() == len(self.amount.text())):
                self.take_back()
                return True
        return super().eventFilter(watched, event)

    def take_back(self) -> None:
        """The chosen payment back before the sale completes: cash handed back to the customer,
        a card refunded on the terminal first."""
        row = self.tenders.currentRow()
        if self.state != TENDER or self._lanes.register.pending or not 0 <= row < len(
                self.view.tenders):
            return
        tender = self.view.tenders[row]
        self.show_message(
            self.tr("Giving back %1 kr on the terminal…").replace("%1", format_kronor(tender.amount))
            if tender.method.kind.needs_provider else
            self.tr("Hand back %1 kr to the customer.").replace("%1", format_kronor(tender.amount)),
            "info")
        op.remove_tender(self._lanes, self._till, row, on_done=self._tendered,
                         on_error=self._refused)

    def finish(self) -> None:
        """Complete the paid sale again (its first completion failed)."""
        if self.state != TENDER or self._lanes.register.pending or not self.view.unfinished:
            return
        self.show_message(self.tr("Completing the sale…"), "info")
        op.complete_payment(self._lanes, self._till, on_done=self._tendered,
                            on_error=self._refused)

    def cancel_card(self) -> None:
        if self.state not in (CARD_BUSY, MOBILE_BUSY):
            return
        if self.state == MOBILE_BUSY:
            self.mobile.cancelling()
        else:
            self.cancel_card_button.setEnabled(False)
            self.card_label.setText(self.tr("Cancelling on the terminal…"))
        # The register's lane is busy waiting for the terminal: ask it to stop from elsewhere
        # (the till knows which payment runs; the terminal's answer then ends that call).
        op.cancel_card(self._till)

    def _back_to_tender(self) -> None:
        self.state = TENDER
        self.pages.setCurrentIndex(TENDER)
        self.amount.setFocus()
        self.amount.selectAll()

    def _tendered(self, view: PaymentView) -> None:
        self.state = TENDER
        self.pages.setCurrentIndex(TENDER)
        self.card_label.setText(self.tr("Follow the terminal…"))
        self.show_message("", "info")
        self.show_view(view)

    def _refused(self, exc: BaseException) -> None:
        self.state = TENDER
        self.pages.setCurrentIndex(TENDER)
        self.card_label.setText(self.tr("Follow the terminal…"))
        self.show_message(message_for(exc))
        self.amount.setFocus()
        self.amount.selectAll()
        # the payment as it is now (a refusal may leave it paid in full, its sale not stored)
        op.payment_view(self._lanes, self._till,
                        on_done=lambda view: self.state == TENDER and self.show_view(
                            view, keep_message=True))

    def _completed(self, view: PaymentView) -> None:
        sale = view.sale
        assert sale is not None
        self.sale = sale
        self.state = DONE
        self.invoice.completed(sale)
        self.pages.setCurrentIndex(DONE)
        self.change_label.setText(format_kronor(view.change, symbol=True))
        self.receipt_label.setText(self.tr("Receipt %1 – printing…").replace("%1",
                                                                          str(sale.receipt_no)))
        self.show_message(self.tr("Paid. Thank you!"), "ok")
        self.done_button.setFocus()
        self.completed.emit(sale)
        if self.receipt_choice.offered:  # paper, e-mail or both, as chosen
            self.receipt_label.setText(self.tr("Receipt %1").replace("%1", str(sale.receipt_no)))
            self.receipt_choice.start(sale)
        else:
            self._print_receipt()

    def _print_receipt(self) -> None:
        assert self.sale is not None
        self.receipt_label.setText(self.tr("Receipt %1 – printing…").replace(
            "%1", str(self.sale.receipt_no)))
        op.print_sale(self._lanes, self._till, self.sale.id, on_done=self._printed,
                      on_error=self._print_failed)

    def _printed(self, outcome: PrintOutcome) -> None:
        if outcome.ok:
            self.receipt_label.setText(self.tr("Receipt %1 printed.").replace(
                "%1", str(self.sale.receipt_no if self.sale else "")))
        else:
            text = message_for(outcome.error) if outcome.error is not None else ""
            self.receipt_label.setText(text)
            self.show_message(text)

    def _print_failed(self, exc: BaseException) -> None:
        self.show_message(message_for(exc))

    # --- leaving ---------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc: after the sale, close; while the card runs, cancel it; before, back to the sale."""
        if self.state == DONE:
            self.accept()
            return
        if self.state in (CARD_BUSY, MOBILE_BUSY):
            self.cancel_card()
            return
        if self.state == MOBILE_CHOOSE:
            self._back_to_tender()
            return
        if self._lanes.register.pending:
            return
        op.cancel_payment(self._lanes, self._till, on_done=lambda _t: QDialog.reject(self),
                          on_error=lambda exc: self.show_message(message_for(exc)))

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if self.state == DONE and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        if self.state == MOBILE_CHOOSE and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.mobile.submit()
            return
        if self.view.unfinished and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish()
            return
        super().keyPressEvent(event)
