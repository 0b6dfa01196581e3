"""Who is buying (Ctrl+K): searched in the central store on the network lane, put on the sale on
the register lane; a loyalty card or a "my account" code scanned does both. From the customer
dialog the cashier creates a customer (the ones who look alike offered instead), edits their
details and consent, and reads their history (web and store together), from which a return
starts in the returns dialog."""
from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QTimer

from pos.cart import CartTotals
from pos.commerce import CustomerRef
from pos.services.customer_records import DuplicateCustomers
from ui.i18n.messages import message_for
from ui.till import operations as op
from ui.till.customer_dialog import CustomerDialog
from ui.till.customers import operations as cop
from ui.till.customers.form_dialog import CustomerFormDialog
from ui.till.customers.history_dialog import CustomerHistoryDialog
from ui.till.sale.base import Flow, translate


def _alive(d: Any, fn: Any) -> Any:
    def call(*args: Any) -> None:
        if shiboken6.isValid(d):
            fn(*args)
    return call


class Customer(Flow):
    def customer(self) -> None:
        totals = self.page.totals
        d = CustomerDialog(totals.customer if totals else None, self.page)
        failed = self.errors_to(d)

        d.search_requested.connect(lambda q: op.find_customers(
            self.lanes, self.till, q, on_done=_alive(d, d.show_found), on_error=failed))
        d.chosen.connect(self.choose)
        d.new_requested.connect(lambda text: self._then(d, lambda: self.new_customer(text)))
        d.edit_requested.connect(lambda c: self._then(d, lambda: self.edit_customer(c)))
        d.history_requested.connect(lambda c: self._then(d, lambda: self.history(c)))
        self.open(d, lambda: None)

    def _then(self, d: Any, fn: Any) -> None:
        """Close the customer dialog, then open the next one (one dialog at a time)."""
        d.reject()
        QTimer.singleShot(0, fn)

    def choose(self, customer: CustomerRef | None) -> None:
        def done(_totals: CartTotals) -> None:
            self.page.show_message(
                translate("SalePage", "Customer: %1").replace("%1", customer.label) if customer
                else translate("SalePage", "No customer on this sale."), "ok")
        op.set_customer(self.lanes, self.till, customer, on_done=done,
                        on_error=self.page.show_error)

    # --- a new customer ---------------------------------------------------------------------------

    def new_customer(self, search_text: str = "") -> CustomerFormDialog:
        f = CustomerFormDialog(None, self.page, search_text)

        def created(customer: CustomerRef) -> None:
            if shiboken6.isValid(f):
                f.accept()
            self.choose(customer)

        def refused(exc: BaseException) -> None:
            if not shiboken6.isValid(f):
                self.page.show_error(exc)
            elif isinstance(exc, DuplicateCustomers):
                text = (f.duplicates_text(len(exc.duplicates))  # a plural: "1 kund", "2 kunder"
                        if exc.code == "customers.possible_duplicates" else message_for(exc))
                f.show_duplicates(exc.duplicates, exc.overridable, text)
            else:
                f.show_error(message_for(exc))

        f.create_requested.connect(lambda draft, reason: cop.create_customer(
            self.lanes, self.till, draft, reason, on_done=created, on_error=refused))
        f.use_requested.connect(self.choose)
        self.open(f, lambda: None)
        return f

    # --- their details ----------------------------------------------------------------------------

    def edit_customer(self, customer: CustomerRef) -> None:
        def loaded(details: Any) -> None:
            f = CustomerFormDialog(details, self.page)

            def saved(after: Any) -> None:
                if shiboken6.isValid(f):
                    f.accept()
                on_sale = self.page.totals.customer if self.page.totals else None
                if on_sale is not None and on_sale.id == after.customer.id:
                    op.set_customer(self.lanes, self.till, after.customer,
                                    on_error=self.page.show_error)
                self.page.show_message(translate("SalePage", "Saved: %1").replace(
                    "%1", after.customer.label), "ok")

            f.update_requested.connect(lambda cid, changes: cop.update_customer(
                self.lanes, self.till, cid, changes, on_done=saved,
                on_error=self.errors_to(f)))
            self.open(f, lambda: None)
        cop.customer_details(self.lanes, self.till, customer.id, on_done=loaded,
                             on_error=self.page.show_error)

    # --- their history ----------------------------------------------------------------------------

    def history(self, customer: CustomerRef) -> CustomerHistoryDialog:
        h = CustomerHistoryDialog(customer.label, self.page)
        h.resize(1100, 640)
        h.page_requested.connect(lambda offset, limit: cop.customer_history(
            self.lanes, self.till, customer.id, offset, limit, on_done=_alive(h, h.show_page),
            on_error=self.errors_to(h)))
        h.return_requested.connect(
            lambda code: QTimer.singleShot(0, lambda: self.page.returns.open_dialog(code)))
        self.open(h, lambda: None)
        h.load(0)
        return h

    def card_scanned(self, totals: CartTotals) -> None:
        """A loyalty card or a "my account" code: its customer is on the sale now."""
        if totals.customer is not None:
            self.page.show_message(
                translate("SalePage", "Customer: %1").replace("%1", totals.customer.label), "ok")
