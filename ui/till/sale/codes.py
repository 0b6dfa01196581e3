"""Promotion codes (F11): the customer's codes added and removed; a code typed in the scan field
first is taken at once (as "3 F3" takes a quantity)."""
from __future__ import annotations

from collections.abc import Callable

import shiboken6

from pos.cart import CartTotals
from pos.money import format_kronor
from ui.till import operations as op
from ui.till.promo_code_dialog import PromoCodeDialog
from ui.till.sale.base import Flow, translate


def code_added_text(code: str, totals: CartTotals) -> str:
    """What the cashier is told when ``code`` joins the sale."""
    given = dict(totals.promotions()).get(code, 0)
    if given:
        return translate("SalePage", "Code %1: -%2 kr.").replace("%1", code).replace(
            "%2", format_kronor(given))
    return translate("SalePage", "Code %1 added: nothing on these articles yet.").replace("%1", code)


class Codes(Flow):
    def promo_code(self) -> None:
        typed = self.page.scan_input.text().strip()
        d = PromoCodeDialog(self.page.totals, self.page)

        def answered(code: str, adding: bool) -> Callable[[CartTotals], None]:
            def done(totals: CartTotals) -> None:
                text = (code_added_text(code, totals) if adding
                        else translate("SalePage", "Code %1 removed.").replace("%1", code))
                self.page.show_message(text, "ok")
                if shiboken6.isValid(d):
                    d.show_result(totals, text)
            return done

        failed = self.errors_to(d)
        d.add_requested.connect(lambda code: op.add_code(
            self.lanes, self.till, code, on_done=answered(code, True), on_error=failed))
        d.remove_requested.connect(lambda code: op.remove_code(
            self.lanes, self.till, code, on_done=answered(code, False), on_error=failed))
        self.open(d, lambda: None)
        if typed and not typed.isdigit():
            self.page.scan_input.clear()
            d.field.setText(typed)
            d.submit()
