"""Gift cards and store credit at the till: sell a card for an amount the cashier types
(``GiftCardSaleDialog``, Ctrl+G on the sale page), and pay with a card or the customer's store
credit (``GiftCardPayDialog``, F7 and F8 in the payment dialog).

Paying: the card's code is scanned or typed, its balance asked of the central store on the
network lane (a scan is never held up), the amount to take shown (what the card holds or what is
left to pay, the smaller), then the debit runs on the register lane. What remains on the card is
printed on the receipt. When the central store cannot be reached the dialog says the card cannot
be redeemed now, and nothing is taken.
"""
from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos.gift_cards import Balance, GiftCardRules
from pos.money import format_kronor
from pos.services.payments import PaymentView
from pos.services.till import Till
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.till import gift_card_ops as gops
from ui.widgets.dialog import Dialog
from ui.widgets.numpad import kronor_text, parse_amount
from ui.widgets.style import set_level, set_role

TOUCH = 48  # px: every button a finger can hit


def _button(parent: QWidget, text: str, name: str, role: str = "") -> QPushButton:
    b = QPushButton(text, parent)
    b.setObjectName(name)
    b.setMinimumHeight(TOUCH)
    if role:
        set_role(b, role)
    return b


class GiftCardSaleDialog(Dialog):
    """The amount of a gift card to sell; ``sell_requested`` (öre) when the cashier confirms.
    The sale page answers with ``show_error`` (refused) or closes it (on the sale)."""

    sell_requested = Signal(int)

    def __init__(self, rules: GiftCardRules, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("giftCardSaleDialog")
        self.setWindowTitle(self.tr("Sell a gift card"))
        self.setModal(True)
        self.rules = rules
        heading = QLabel(self.tr("Gift card: the amount the customer pays for it"), self)
        heading.setWordWrap(True)
        set_role(heading, "heading")
        limits = QLabel(self.tr("From %1 to %2 kr. Valid %3 days. No VAT now: VAT is paid when "
                                "the card is spent.")
                        .replace("%1", format_kronor(rules.min_amount))
                        .replace("%2", format_kronor(rules.max_amount))
                        .replace("%3", str(rules.valid_days)), self)
        limits.setWordWrap(True)
        limits.setProperty("role", "caption")
        self.amount = QLineEdit(self)
        self.amount.setObjectName("giftCardAmount")
        self.amount.setPlaceholderText(self.tr("e.g. 500"))
        self.amount.setMinimumHeight(TOUCH)
        self.amount.returnPressed.connect(self.submit)
        self.error = QLabel("", self)
        self.error.setObjectName("giftCardSaleError")
        self.error.setWordWrap(True)
        self.error.setProperty("role", "message")
        set_level(self.error, "info")
        self.add_button = _button(self, self.tr("Add to the sale (Enter)"), "giftCardSellButton",
                                  "primary")
        self.add_button.clicked.connect(self.submit)
        self.enter_button = self.add_button
        cancel = _button(self, self.tr("Cancel (Esc)"), "giftCardSaleCancel")
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(cancel)
        row.addWidget(self.add_button, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(limits)
        layout.addWidget(self.amount)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(row)
        self.setMinimumWidth(440)
        self.busy = False
        self.amount.setFocus()

    def submit(self) -> None:
        if self.busy:
            return
        try:
            amount = parse_amount(self.amount.text())
        except ValueError:
            self.show_error(self.tr("Type the card's amount in kronor"))
            return
        if not self.rules.min_amount <= amount <= self.rules.max_amount:
            self.show_error(self.tr("A gift card is sold for %1 to %2 kr")
                            .replace("%1", format_kronor(self.rules.min_amount))
                            .replace("%2", format_kronor(self.rules.max_amount)))
            return
        self.busy = True
        self.add_button.setEnabled(False)
        self.sell_requested.emit(amount)

    def show_error(self, text: str) -> None:
        self.busy = False
        self.add_button.setEnabled(True)
        self.error.setText(text)
        set_level(self.error, "error")
        self.amount.setFocus()
        self.amount.selectAll()


class GiftCardPayDialog(Dialog):
    """Pay part or all of what is left with a gift card (``store_credit`` False) or the sale's
    customer's store credit. Runs its own operations: the balance on the network lane, the
    debit on the register lane; ``paid(view)`` when the tender is taken (the dialog closes)."""

    paid = Signal(object)

    def __init__(self, lanes: Lanes, till: Till, remaining: int, *, store_credit: bool = False,
                 customer_id: str | None = None, customer_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lanes, self._till = lanes, till
        self.remaining = remaining
        self.store_credit = store_credit
        self.customer_id = customer_id
        self.balance: Balance | None = None
        self.busy = False
        self.setObjectName("storeCreditPayDialog" if store_credit else "giftCardPayDialog")
        self.setWindowTitle(self.tr("Store credit") if store_credit else self.tr("Gift card"))
        self.setModal(True)
        heading = QLabel(
            self.tr("Pay with %1's store credit").replace("%1", customer_name or "-")
            if store_credit else self.tr("Scan or type the gift card's code"), self)
        heading.setWordWrap(True)
        set_role(heading, "heading")
        due = QLabel(self.tr("Left to pay: %1 kr").replace("%1", format_kronor(remaining)), self)
        due.setObjectName("giftCardDue")
        self.code = QLineEdit(self)
        self.code.setObjectName("giftCardCode")
        self.code.setPlaceholderText("GC-XXXX-XXXX-XXXX")
        self.code.setMinimumHeight(TOUCH)
        self.code.setVisible(not store_credit)
        self.code.returnPressed.connect(self.enter)
        self.check_button = _button(self, self.tr("Check balance"), "giftCardCheck")
        self.check_button.clicked.connect(self.check)
        self.check_button.setVisible(not store_credit)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.check_button)
        self.balance_label = QLabel("", self)
        self.balance_label.setObjectName("giftCardBalance")
        set_role(self.balance_label, "heading")
        amount_caption = QLabel(self.tr("Amount to take from it"), self)
        amount_caption.setProperty("role", "caption")
        self.amount = QLineEdit(self)
        self.amount.setObjectName("giftCardPayAmount")
        self.amount.setMinimumHeight(TOUCH)
        self.amount.setEnabled(False)
        self.amount.returnPressed.connect(self.enter)
        self.message = QLabel("", self)
        self.message.setObjectName("giftCardMessage")
        self.message.setWordWrap(True)
        self.message.setProperty("role", "message")
        set_level(self.message, "info")
        self.pay_button = _button(self, self.tr("Pay (Enter)"), "giftCardPayButton", "primary")
        self.pay_button.setEnabled(False)
        self.pay_button.clicked.connect(self.pay)
        cancel = _button(self, self.tr("Cancel (Esc)"), "giftCardPayCancel")
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(cancel)
        row.addWidget(self.pay_button, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(due)
        layout.addLayout(code_row)
        layout.addWidget(self.balance_label)
        layout.addWidget(amount_caption)
        layout.addWidget(self.amount)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(row)
        self.setMinimumWidth(480)
        QShortcut(QKeySequence("F2"), self, activated=self.check)
        if store_credit:
            self.check()
        else:
            self.code.setFocus()

    # --- steps ----------------------------------------------------------------------------------

    def enter(self) -> None:
        """Enter: check the code first, then pay."""
        if self.balance is None:
            self.check()
        else:
            self.pay()

    def check(self) -> None:
        if self.busy:
            return
        if not self.store_credit and not self.code.text().strip():
            self.show_error(self.tr("Scan or type the gift card's code"))
            return
        self._busy(True, self.tr("Asking the central store…"))
        self.balance = None
        if self.store_credit:
            gops.store_credit_balance(self._lanes, self._till, self.customer_id,
                                      on_done=self._balance, on_error=self._failed)
        else:
            gops.gift_card_balance(self._lanes, self._till, self.code.text(),
                                   on_done=self._balance, on_error=self._failed)

    def pay(self) -> None:
        if self.busy or self.balance is None:
            return
        try:
            amount = parse_amount(self.amount.text())
        except ValueError:
            self.show_error(self.tr("Type the amount in kronor"))
            return
        if amount <= 0:
            self.show_error(self.tr("The amount must be more than 0 kr"))
            return
        if amount > min(self.balance.balance, self.remaining):
            self.show_error(self.tr("At most %1 kr").replace(
                "%1", format_kronor(min(self.balance.balance, self.remaining))))
            return
        self._busy(True, self.tr("Taking %1 kr…").replace("%1", format_kronor(amount)))
        if self.store_credit:
            gops.pay_store_credit(self._lanes, self._till, amount, on_done=self._paid,
                                  on_error=self._failed)
        else:
            gops.pay_gift_card(self._lanes, self._till, self.balance.account, amount,
                               on_done=self._paid, on_error=self._failed)

    # --- answers --------------------------------------------------------------------------------

    def _balance(self, balance: Balance) -> None:
        if not shiboken6.isValid(self):
            return
        self._busy(False, "")
        self.balance = balance
        text = self.tr("Balance: %1 kr").replace("%1", format_kronor(balance.balance))
        if balance.expires_on:
            text += "  " + self.tr("(valid to %1)").replace("%1", balance.expires_on)
        self.balance_label.setText(text)
        usable = min(balance.balance, self.remaining)
        self.amount.setEnabled(usable > 0)
        self.pay_button.setEnabled(usable > 0)
        self.amount.setText(kronor_text(usable))
        if usable <= 0:
            self.show_error(self.tr("Nothing to take from it"))
            return
        self.amount.setFocus()
        self.amount.selectAll()

    def _paid(self, view: PaymentView) -> None:
        self.busy = False
        if shiboken6.isValid(self):
            self.paid.emit(view)
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        if shiboken6.isValid(self):
            self._busy(False, "")
            self.show_error(message_for(exc))

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        set_level(self.message, "error")
        (self.amount if self.balance is not None else self.code).setFocus()

    def _busy(self, busy: bool, text: str) -> None:
        self.busy = busy
        self.check_button.setEnabled(not busy)
        self.pay_button.setEnabled(not busy and self.balance is not None)
        self.message.setText(text)
        set_level(self.message, "info")


def open_pay_dialog(lanes: Lanes, till: Till, remaining: int, store_credit: bool,
                    parent: QWidget, on_paid: Callable[[PaymentView], None]) -> GiftCardPayDialog:
    """The payment dialog's F7 (gift card) and F8 (store credit): opened window-modal."""
    customer = till.cart.customer
    d = GiftCardPayDialog(lanes, till, remaining, store_credit=store_credit,
                          customer_id=customer.id if customer else None,
                          customer_name=customer.label if customer else "", parent=parent)
    d.paid.connect(on_paid)
    d.open()
    return d
