"""The sale's lines: quantity (F3, "3 F3", + and -), remove a line, void the whole sale."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox

from pos.money import format_kronor
from ui.till import operations as op
from ui.till.sale.base import Flow, translate
from ui.widgets.numpad import NumberDialog, parse_quantity


class Lines(Flow):
    def step_quantity(self, step: int) -> None:
        lt = self.page.need_line()
        if lt is None:
            return
        qty = lt.line.quantity + step
        if qty < 1:
            self.remove_line()
            return
        op.set_quantity(self.lanes, self.till, lt.line.line_id, qty,
                        on_done=self._quantity_done(lt.line.variant.name, qty),
                        on_error=self.page.show_error)

    def _quantity_done(self, name: str, qty: int) -> Callable[[Any], None]:
        """Say what changed (an earlier refusal in red no longer stands beside a change that
        went through)."""
        return lambda _totals: self.page.show_message(
            translate("SalePage", "%1: quantity %2.").replace("%1", name).replace("%2", str(qty)),
            "ok")

    def change_quantity(self) -> None:
        lt = self.page.need_line()
        if lt is None:
            return
        line_id = lt.line.line_id
        typed = self.page.scan_input.text().strip()
        if typed.isdigit() and len(typed) <= 4:  # "3" then F3: quantity 3, as on a till keyboard
            self.page.scan_input.clear()
            op.set_quantity(self.lanes, self.till, line_id, int(typed),
                            on_done=self._quantity_done(lt.line.variant.name, int(typed)),
                            on_error=self.page.show_error)
            return
        d = NumberDialog(translate("SalePage", "Quantity"), lt.line.variant.name, self.page,
                         parser=parse_quantity, initial=str(lt.line.quantity), decimals=False)
        d.setObjectName("quantityDialog")
        self.open(d, lambda: op.set_quantity(
            self.lanes, self.till, line_id, d.value,
            on_done=self._quantity_done(lt.line.variant.name, d.value),
            on_error=self.page.show_error))

    def remove_line(self) -> None:
        lt = self.page.need_line()
        if lt is not None:
            name = lt.line.variant.name
            op.remove_line(self.lanes, self.till, lt.line.line_id,
                           on_done=lambda _t: self.page.show_message(
                               translate("SalePage", "%1 removed from the sale.")
                               .replace("%1", name), "ok"),
                           on_error=self.page.show_error)

    def void_sale(self) -> None:
        totals = self.page.totals
        if not totals or not totals.lines:
            self.page.show_message(translate("SalePage", "There is no sale to void."), "info")
            return
        box = QMessageBox(QMessageBox.Icon.Question, translate("SalePage", "Void sale"),
                          translate("SalePage", "Void the whole sale of %1 kr?").replace(
                              "%1", format_kronor(totals.total)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.page)
        box.setObjectName("voidConfirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.open(box, lambda: op.void_sale(
            self.lanes, self.till,
            on_done=lambda _t: self.page.show_message(translate("SalePage", "Sale voided."), "ok"),
            on_error=self.page.show_error),
            accepted=lambda r: r == QMessageBox.StandardButton.Yes)
