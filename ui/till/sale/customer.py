"""Who is buying (Ctrl+K): searched in the central store on the network lane, put on the sale on
the register lane; a loyalty card scanned does both."""
from __future__ import annotations

from typing import Any

import shiboken6

from pos.cart import CartTotals
from ui.till import operations as op
from ui.till.customer_dialog import CustomerDialog
from ui.till.sale.base import Flow, translate


class Customer(Flow):
    def customer(self) -> None:
        totals = self.page.totals
        d = CustomerDialog(totals.customer if totals else None, self.page)
        failed = self.errors_to(d)

        def found(customers: list[Any]) -> None:
            if shiboken6.isValid(d):
                d.show_found(customers)

        def chosen(customer: Any) -> None:
            def done(_totals: CartTotals) -> None:
                self.page.show_message(
                    translate("SalePage", "Customer: %1").replace("%1", customer.label) if customer
                    else translate("SalePage", "No customer on this sale."), "ok")
            op.set_customer(self.lanes, self.till, customer, on_done=done,
                            on_error=self.page.show_error)

        d.search_requested.connect(lambda q: op.find_customers(
            self.lanes, self.till, q, on_done=found, on_error=failed))
        d.chosen.connect(chosen)
        self.open(d, lambda: None)

    def card_scanned(self, totals: CartTotals) -> None:
        """A loyalty card: its customer is on the sale now."""
        if totals.customer is not None:
            self.page.show_message(
                translate("SalePage", "Customer: %1").replace("%1", totals.customer.label), "ok")
