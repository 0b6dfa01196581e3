"""Refund (F9 on a sale whose total is negative: a return, or an exchange that gives back more
than it takes): how the money goes back - to the card on the terminal by the original payment's
reference, to the web payment through the central store, the rest in cash rounded to whole
kronor - and one key that carries it out. The drawer opens for the cash (the refund does it);
a card refund the terminal refuses is said plainly and can be tried again or paid in cash
instead. The sale then completes as a return receipt, printed here.

The refund runs on the register lane, which waits for the terminal as a card payment does; the
dialog says "Follow the terminal" meanwhile and can ask the terminal to stop.
"""
from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QListWidget, QPushButton,
                               QStackedWidget, QVBoxLayout, QWidget)

from pos.money import format_kronor
from pos.returns import RefundPart, RefundPlan
from pos.sales import Sale
from pos.services.payments import PaymentView
from pos.services.receipts import PrintOutcome
from pos.services.till import Till
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.till import operations as op
from ui.till import return_operations as rop
from pos.gift_cards import mask
from ui.till import gift_card_ops as gops
from ui.widgets.dialog import Dialog
from ui.widgets.style import metrics, set_level, set_role, unbroken

PLAN, BUSY, DONE = range(3)


class RefundDialog(Dialog):
    completed = Signal(object)  # the return's Sale, once stored

    def __init__(self, lanes: Lanes, till: Till, plan: RefundPlan,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        m = metrics()
        self.setObjectName("refundDialog")
        self.setWindowTitle(self.tr("Refund"))
        self.setModal(True)
        self._lanes, self._till = lanes, till
        self.original_plan = plan
        self.cash_plan: RefundPlan | None = None  # all in cash, asked of the till when chosen
        self.to_original = True
        self.sale: Sale | None = None
        self.state = PLAN

        title = QLabel(self.tr("Refund to the customer"), self)
        set_role(title, "heading")
        self.amount_label = QLabel(unbroken(format_kronor(plan.amount, symbol=True)), self)
        self.amount_label.setObjectName("refundAmount")
        self.amount_label.setProperty("role", "bigFigure")
        caption = QLabel(self.tr("How it goes back"), self)
        caption.setProperty("role", "caption")
        self.parts = QListWidget(self)
        self.parts.setObjectName("refundParts")
        self.parts.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.parts.setWordWrap(True)
        self.message = QLabel("", self)
        self.message.setObjectName("refundMessage")
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)
        set_level(self.message, "info")
        left = QVBoxLayout()
        left.addWidget(title)
        left.addWidget(self.amount_label)
        left.addWidget(caption)
        left.addWidget(self.parts, 1)
        left.addWidget(self.message)

        # --- page: the plan ------------------------------------------------------------------
        plan_page = QWidget(self)
        self.refund_button = QPushButton(self.tr("Refund (Enter)"), plan_page)
        self.refund_button.setObjectName("refundButton")
        set_role(self.refund_button, "primary")
        self.refund_button.clicked.connect(self.refund)
        self.cash_button = QPushButton(self.tr("All in cash instead (F8)"), plan_page)
        self.cash_button.setObjectName("refundCashButton")
        self.cash_button.clicked.connect(self.all_in_cash)
        self.original_button = QPushButton(self.tr("Back to the original payment (F7)"),
                                           plan_page)
        self.original_button.setObjectName("refundOriginalButton")
        self.original_button.clicked.connect(self.to_original_payment)
        # to the customer's store credit (F6): offered when a customer is on the return and
        # the register takes store credit; the default for a return without a receipt
        # (``[gift_cards] no_receipt_to_store_credit``)
        methods = {m.id for m in till.config.payment_methods.methods}
        self.store_credit_offered = (till.config.gift_cards.store_credit_method_id in methods
                                     and till.cart.customer is not None)
        self.to_store_credit = self.store_credit_offered and till.suggests_store_credit()
        self.store_credit_button = QPushButton(self.tr("To store credit instead (F6)"), plan_page)
        self.store_credit_button.setObjectName("refundStoreCreditButton")
        self.store_credit_button.clicked.connect(self.choose_store_credit)
        self.back_button = QPushButton(self.tr("Back to the sale (Esc)"), plan_page)
        self.back_button.setObjectName("refundBack")
        self.back_button.clicked.connect(self.reject)
        for b in (self.cash_button, self.original_button, self.store_credit_button,
                  self.back_button):
            b.setMinimumHeight(m.touch(56))
        self.refund_button.setMinimumHeight(m.touch(72))
        pl = QVBoxLayout(plan_page)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addStretch(1)
        pl.addWidget(self.cash_button)
        pl.addWidget(self.original_button)
        pl.addWidget(self.store_credit_button)
        pl.addWidget(self.refund_button)
        pl.addWidget(self.back_button)

        # --- page: the terminal at work ------------------------------------------------------
        busy_page = QWidget(self)
        self.busy_label = QLabel(self.tr("Refunding…"), busy_page)
        self.busy_label.setObjectName("refundBusyLabel")
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy_label.setWordWrap(True)
        set_role(self.busy_label, "heading")
        self.cancel_card_button = QPushButton(self.tr("Cancel on the terminal"), busy_page)
        self.cancel_card_button.setObjectName("refundCancelCard")
        self.cancel_card_button.setMinimumHeight(m.touch(56))
        set_role(self.cancel_card_button, "danger")
        self.cancel_card_button.clicked.connect(self.cancel_card)
        bl = QVBoxLayout(busy_page)
        bl.addStretch(1)
        bl.addWidget(self.busy_label)
        bl.addStretch(1)
        bl.addWidget(self.cancel_card_button)

        # --- page: done ----------------------------------------------------------------------
        done_page = QWidget(self)
        self.done_caption = done_caption = QLabel(self.tr("Hand the customer"), done_page)
        done_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(done_caption, "heading")
        self.cash_label = QLabel("", done_page)
        self.cash_label.setObjectName("bigChange")
        self.cash_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.receipt_label = QLabel("", done_page)
        self.receipt_label.setObjectName("refundReceiptLabel")
        self.receipt_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.receipt_label.setWordWrap(True)
        self.done_button = QPushButton(self.tr("Next customer (Enter)"), done_page)
        self.done_button.setObjectName("refundDoneButton")
        self.done_button.setMinimumHeight(m.touch(64))
        set_role(self.done_button, "primary")
        self.done_button.clicked.connect(self.accept)
        dl = QVBoxLayout(done_page)
        dl.addStretch(1)
        dl.addWidget(done_caption)
        dl.addWidget(self.cash_label)
        dl.addWidget(self.receipt_label)
        dl.addStretch(1)
        dl.addWidget(self.done_button)

        self.pages = QStackedWidget(self)
        for page in (plan_page, busy_page, done_page):
            self.pages.addWidget(page)
        self.pages.setMinimumWidth(m.px(340))
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.pages)
        QShortcut(QKeySequence("F8"), self).activated.connect(self.all_in_cash)
        QShortcut(QKeySequence("F7"), self).activated.connect(self.to_original_payment)
        QShortcut(QKeySequence("F6"), self).activated.connect(self.choose_store_credit)
        self.resize(m.px(860), m.px(560))
        self.show_plan()

    # --- the plan ------------------------------------------------------------------------------

    @property
    def plan(self) -> RefundPlan:
        """The plan carried out: to the original payments first, or all in cash."""
        if self.to_original:
            return self.original_plan
        return self.cash_plan or RefundPlan(self.original_plan.amount)  # (being asked for)

    @property
    def has_original(self) -> bool:
        return any(p.method_id != "cash" for p in self.original_plan.parts)

    def set_plan(self, plan: RefundPlan, to_original: bool = True) -> None:
        """The till's plan as it is now (after a part went back, what is left); shown also
        while the refund runs (asked for just before it)."""
        if self.state == DONE:
            return
        if to_original:
            self.original_plan = plan
        else:
            self.cash_plan = plan
        self.to_original = to_original
        self.amount_label.setText(unbroken(format_kronor(plan.amount, symbol=True)))
        self.show_plan()

    def _plan_again(self) -> None:
        """Both plans again from the till (what is left after the parts already given back)."""
        self.cash_plan = None
        to_original = self.to_original

        def got(plan: RefundPlan) -> None:
            if to_original:
                self.set_plan(plan, True)
            else:
                self.original_plan = plan
        rop.refund_plan(self._lanes, self._till, True, on_done=got, on_error=lambda _exc: None)
        if not to_original:
            self._ask_cash_plan()

    def _ask_cash_plan(self) -> None:
        rop.refund_plan(self._lanes, self._till, False,
                        on_done=lambda plan: self.set_plan(plan, False),
                        on_error=lambda exc: self.show_message(message_for(exc)))

    def show_plan(self) -> None:
        plan = self.plan
        self.parts.clear()
        self.store_credit_button.setVisible(self.store_credit_offered and not self.to_store_credit)
        if self.to_store_credit:  # all of it, to the öre, to the customer's account
            customer = self._till.cart.customer
            self.parts.addItem(unbroken(self.tr("To %1's store credit: %2 kr").replace(
                "%1", customer.label if customer else "-").replace(
                "%2", format_kronor(self.original_plan.amount))))
            self.cash_button.setVisible(True)
            self.original_button.setVisible(self.has_original)
            self.refund_button.setFocus()
            return
        for part in plan.parts:
            self.parts.addItem(unbroken(self.part_text(part)))
        if plan.rounding:
            self.parts.addItem(unbroken(self.tr("Cash rounded by %1 kr").replace(
                "%1", format_kronor(plan.rounding))))
        self.cash_button.setVisible(self.has_original and self.to_original)
        self.original_button.setVisible(self.has_original and not self.to_original)
        self.refund_button.setFocus()

    def part_text(self, part: RefundPart) -> str:
        amount = format_kronor(part.amount)
        label = re.sub(r"\*{4,}", "****", part.label)  # "VISA ****1234"
        if part.method_id == "cash":
            return self.tr("Cash from the drawer: %1 kr").replace("%1", amount)
        if part.method_id == self._till.config.gift_cards.method_id:  # back onto the card
            return self.tr("To the gift card %1: %2 kr").replace(
                "%1", mask(part.reference)).replace("%2", amount)
        if part.method_id == "web":
            return self.tr("To the web payment (%1): %2 kr").replace("%1", label) \
                .replace("%2", amount)
        return self.tr("To the card %1 on the terminal: %2 kr").replace("%1", label) \
            .replace("%2", amount)


    def choose_store_credit(self) -> None:
        if self.state != PLAN or not self.store_credit_offered:
            return
        self.to_store_credit = True
        self.show_plan()
        self.show_message("", "info")

    def all_in_cash(self) -> None:
        if self.state != PLAN or not (self.has_original or self.to_store_credit):
            return
        self.to_store_credit = False
        self.to_original, self.cash_plan = False, None  # Enter from now on refunds in cash
        self.show_plan()
        self.show_message(self.tr("All of it in cash: the customer's choice."), "info")
        self._ask_cash_plan()

    def to_original_payment(self) -> None:
        if self.state != PLAN or not self.has_original:
            return
        self.to_store_credit = False
        self.to_original = True
        self.show_plan()
        self.show_message("", "info")

    def show_message(self, text: str, level: str = "error") -> None:
        self.message.setText(unbroken(text))
        set_level(self.message, level)

    # --- carrying it out -----------------------------------------------------------------------

    def refund(self) -> None:
        """Enter: carry the plan out (queued behind a plan still being asked for: the lane
        takes one call at a time, and the refund follows the till's plan as it is then)."""
        if self.state != PLAN:
            return
        self.state = BUSY
        self.pages.setCurrentIndex(BUSY)
        if self.to_store_credit:  # credited centrally by the outbox when the sale completes
            self.cancel_card_button.setVisible(False)
            self.busy_label.setText(self.tr("Refunding…"))
            gops.refund_to_store_credit(self._lanes, self._till, on_done=self._refunded,
                                        on_error=self._refused)
            return
        card = any(p.method_id not in ("cash", "web") for p in self.plan.parts)
        self.cancel_card_button.setVisible(card)
        self.cancel_card_button.setEnabled(card)
        self.busy_label.setText(self.tr("Follow the terminal: the card is refunded…") if card
                                else self.tr("Refunding…"))
        self.show_message(self.tr("Refunding %1 kr…").replace(
            "%1", format_kronor(self.plan.amount)), "info")
        rop.refund(self._lanes, self._till, self.to_original, on_done=self._refunded,
                   on_error=self._refused)

    def cancel_card(self) -> None:
        if self.state != BUSY:
            return
        self.cancel_card_button.setEnabled(False)
        self.busy_label.setText(self.tr("Cancelling on the terminal…"))
        op.cancel_card(self._till)

    def _refused(self, exc: BaseException) -> None:
        """Plainly what went wrong; Enter tries again, F8 gives it all in cash."""
        self.state = PLAN
        self.pages.setCurrentIndex(PLAN)
        self.refund_button.setText(self.tr("Try again (Enter)"))
        self.show_plan()
        self.show_message(message_for(exc), "error")
        self._plan_again()

    def _refunded(self, view: PaymentView) -> None:
        if view.sale is None:  # a part went back, the rest has not yet
            self.state = PLAN
            self.pages.setCurrentIndex(PLAN)
            self.refund_button.setText(self.tr("Refund the rest (Enter)"))
            self.show_plan()
            self.show_message(self.tr("%1 kr of %2 kr given back; the rest is still to refund.")
                              .replace("%1", format_kronor(abs(view.paid)))
                              .replace("%2", format_kronor(abs(view.total))), "error")
            self._plan_again()
            return
        self.sale = view.sale
        self.state = DONE
        self.pages.setCurrentIndex(DONE)
        # the cash paid out of the drawer, as the return's tenders say
        cash = -sum(t.amount for t in view.sale.tenders if t.method.counts_as_cash)
        # the cash to hand over, big; or, with no cash, what went back to the payments
        self.done_caption.setText(self.tr("Hand the customer") if cash
                                  else self.tr("Given back to the original payment"))
        self.cash_label.setText(unbroken(format_kronor(cash or -view.sale.total, symbol=True)))
        self.receipt_label.setText(self.tr("Return receipt %1 – printing…")
                                   .replace("%1", str(view.sale.receipt_no)))
        self.show_message(self.tr("Refunded."), "ok")
        self.done_button.setFocus()
        self.completed.emit(view.sale)
        op.print_sale(self._lanes, self._till, view.sale.id, on_done=self._printed,
                      on_error=lambda exc: self.show_message(message_for(exc)))

    def _printed(self, outcome: PrintOutcome) -> None:
        if outcome.ok:
            self.receipt_label.setText(self.tr("Return receipt %1 printed.").replace(
                "%1", str(self.sale.receipt_no if self.sale else "")))
        else:
            text = message_for(outcome.error) if outcome.error is not None else ""
            self.receipt_label.setText(text)
            self.show_message(text)

    # --- leaving -------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc: after the refund, the next customer; while the terminal works, stop it; before,
        back to the sale (nothing was paid out)."""
        if self.state == DONE:
            self.accept()
        elif self.state == BUSY:
            self.cancel_card()
        elif not self._lanes.register.pending:
            # a refund tried begins a payment: back to the sale only while nothing went back
            op.cancel_payment(self._lanes, self._till, on_done=lambda _t: QDialog.reject(self),
                              on_error=lambda exc: self.show_message(message_for(exc)))

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.state == DONE:
                self.accept()
            elif self.state == PLAN:
                self.refund()
            return
        super().keyPressEvent(event)
