"""Discounts and prices: a line's discount (F4), the whole sale's (F5), a manager's price (F6);
above the cashier's limit a manager approves on the spot."""
from __future__ import annotations

from collections.abc import Callable
import re
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton, QWidget

from pos.cart import CartError, Discount
from ui.i18n.messages import message_for
from ui.ops import Operation
from ui.till import operations as op
from ui.till.approval_dialog import run_with_approval
from ui.till.sale.base import Flow, translate
from ui.widgets.numpad import NumberDialog, kronor_text, parse_amount

_PLAIN_PERCENT = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+")

# apply(discount, approver_pin, on_done, on_error): starts the operation
Apply = Callable[[Discount, str | None, Callable[[Any], None], Callable[[BaseException], None]],
                 Operation]


class Discounts(Flow):
    def line_discount(self) -> None:
        lt = self.page.need_line()
        if lt is None:
            return
        line_id = lt.line.line_id
        self._ask(translate("SalePage", "Line discount"),
                  lambda d, pin, done, failed: op.discount_line(
                      self.lanes, self.till, line_id, d, pin, on_done=done, on_error=failed))

    def cart_discount(self) -> None:
        if not self.page.totals or not self.page.totals.lines:
            self.page.show_message(message_for(CartError("cart.nothing_to_discount")))
            return
        self._ask(translate("SalePage", "Discount on the sale"),
                  lambda d, pin, done, failed: op.discount_cart(
                      self.lanes, self.till, d, pin, on_done=done, on_error=failed))

    def price_override(self) -> None:
        lt = self.page.need_line()
        if lt is None:
            return
        line_id = lt.line.line_id
        d = NumberDialog(translate("SalePage", "Change price"),
                         translate("SalePage", "New unit price for %1 (kr)")
                         .replace("%1", lt.line.variant.name),
                         self.page, initial=kronor_text(lt.line.unit_price))
        d.setObjectName("priceDialog")
        self.open(d, lambda: run_with_approval(
            self.page, lambda pin, done, failed: op.override_price(
                self.lanes, self.till, line_id, d.value, pin, on_done=done, on_error=failed),
            self._done, self.page.show_error))

    def _ask(self, title: str, apply: Apply) -> None:
        kind = QWidget()
        percent = QRadioButton(translate("SalePage", "Percent (%)"), kind)
        percent.setObjectName("discountPercent")
        amount = QRadioButton(translate("SalePage", "Amount (kr)"), kind)
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
                return _discount(percent=parse_percent(text))
            return _discount(amount=parse_amount(text))

        d = NumberDialog(title, translate("SalePage", "Percent or amount off"), self.page,
                         parser=parse, extra=kind)
        d.setObjectName("discountDialog")

        def go() -> None:
            disc: Discount = d.value
            run_with_approval(self.page, lambda pin, done, failed: apply(disc, pin, done, failed),
                              self._done, self.page.show_error)

        self.open(d, go)

    def _done(self, _totals: Any) -> None:
        self.page.show_message("", "info")


def parse_percent(text: str) -> Decimal:
    """A percentage typed in plain decimals ("10", "12,5 %"); "1e1", "nan" and "inf" are not."""
    cleaned = text.strip().replace(",", ".").rstrip("%").strip()
    if not _PLAIN_PERCENT.fullmatch(cleaned):
        raise ValueError(translate("SalePage", "Enter a percentage, for example 10"))
    return Decimal(cleaned)


def _discount(**kw: Any) -> Discount:
    try:
        return Discount(**kw)
    except CartError as e:
        raise ValueError(message_for(e)) from None
