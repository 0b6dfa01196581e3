"""Returns (Shift+F9, or a receipt's code scanned at the sale): the returns dialog, fed from the
network lane (the central store knows what was bought and returned in any channel); the chosen
units go onto the sale on the register lane and the dialog closes, so the cashier refunds (F9)
or scans what the customer takes instead (an exchange). A return without a receipt asks a
manager's approval. A sale whose total is negative is refunded, not paid (``refund``)."""
from __future__ import annotations

from typing import Any

import shiboken6

from pos.catalog import Variant
from pos.returns import Purchase, RefundPlan
from pos.scan_router import ScanKind, classify
from pos.services.returns import ReturnPick
from ui.i18n.messages import message_for
from ui.till import operations as op
from ui.till import return_operations as rop
from ui.till.approval_dialog import run_with_approval
from ui.till.refund_dialog import RefundDialog
from ui.till.return_dialog import ReturnDialog
from ui.till.returns.no_receipt_dialog import NoReceiptDialog
from ui.till.sale.base import Flow, translate

# codes that mean the purchase cannot be returned at all now: said in the dialog's banner
REFUSED_NOW = ("return.web_order_offline", "return.other_store_offline")
# what a scan at the sale opens the returns dialog for
RETURN_SCANS = (ScanKind.RECEIPT, ScanKind.DIGITAL_RECEIPT)


class Returns(Flow):
    dialog: ReturnDialog | None = None
    no_receipt: NoReceiptDialog | None = None
    refund_dialog: RefundDialog | None = None

    # --- the returns dialog --------------------------------------------------------------------

    def open_dialog(self, code: str | None = None) -> ReturnDialog:
        page = self.page
        customer = page.totals.customer if page.totals else None
        d = ReturnDialog(page, customer.label if customer else "")
        self.dialog = d
        # most of a 1280x800 screen (the till's window scales it to the screen it is on): a
        # purchase's lines want room
        d.resize(1180, 700)
        failed = self._errors_to(d)

        def alive(fn: Any) -> Any:
            def call(*args: Any) -> None:
                if shiboken6.isValid(d):
                    fn(*args)
            return call

        def find(text: str) -> None:
            rop.find_purchase(self.lanes, self.till, text, on_done=alive(d.show_purchase),
                              on_error=failed)

        def customer_list() -> None:
            if customer is not None:
                rop.purchases_of_customer(self.lanes, self.till, customer.id,
                                          on_done=alive(d.show_purchases), on_error=failed)

        def add(purchase: Purchase, picks: list[ReturnPick]) -> None:
            def done(_totals: Any) -> None:
                if shiboken6.isValid(d):
                    d.accept()
                page.show_message(translate("SalePage", "The return from %1 is on the sale: "
                                            "refund (F9), or scan what the customer takes "
                                            "instead").replace("%1", purchase.code), "ok")
            rop.return_lines(self.lanes, self.till, purchase, picks, on_done=done,
                             on_error=failed)

        d.find_requested.connect(find)
        d.customer_requested.connect(customer_list)
        d.add_requested.connect(add)
        d.no_receipt_requested.connect(lambda: self.open_no_receipt(d.reasons))
        self.open(d, lambda: None)
        rop.return_reasons(self.lanes, self.till, on_done=alive(d.set_reasons), on_error=failed)
        if code:
            d.field.setText(code)
            d.find()
        elif customer is not None:
            d.ask_customer()
        return d

    def _errors_to(self, dialog: Any) -> Any:
        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(dialog) and dialog.isVisible():
                if getattr(exc, "code", "") in REFUSED_NOW and isinstance(dialog, ReturnDialog):
                    dialog.show_error(message_for(exc), refused=True)
                else:
                    dialog.show_error(message_for(exc))
            else:
                self.page.show_error(exc)
        return failed

    def _open(self, dialog: Any) -> bool:
        return dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible()

    def takes_scan(self, code: str) -> bool:
        """A scan while a returns dialog is open goes to it (an article's barcode counts a line
        returned; a receipt finds it), or a receipt's code scanned at the sale opens it. False:
        the scan is the sale's."""
        if self._open(self.no_receipt):
            self.no_receipt.scanned(code)  # type: ignore[union-attr]
            return True
        if self._open(self.dialog):
            self.dialog.scanned(code)  # type: ignore[union-attr]
            return True
        if classify(code).kind in RETURN_SCANS:
            self.open_dialog(code)
            return True
        return False

    # --- without a receipt ---------------------------------------------------------------------

    def open_no_receipt(self, reasons: Any) -> NoReceiptDialog:
        parent = self.dialog if self._open(self.dialog) else self.page
        d = NoReceiptDialog(tuple(reasons), parent)
        self.no_receipt = d
        failed = self._errors_to(d)

        def found(variant: Variant) -> None:
            if shiboken6.isValid(d):
                d.show_article(variant)

        def results(variants: list[Variant]) -> None:
            if shiboken6.isValid(d):
                d.show_results(variants)

        def search(text: str) -> None:
            op.search(self.lanes, self.till, text, on_done=results, on_error=failed)

        def lookup(code: str) -> None:
            rop.lookup_article(self.lanes, self.till, code, on_done=found, on_error=failed)

        def give_back(variant: Variant, units: int, reason: str, restock: bool) -> None:
            def done(_totals: Any) -> None:
                if shiboken6.isValid(d):
                    d.accept()
                returns = self.dialog
                if self._open(returns):
                    returns.accept()  # type: ignore[union-attr]
                self.page.show_message(
                    translate("SalePage", "%1 returned without receipt: refund (F9)")
                    .replace("%1", variant.name), "ok")
            run_with_approval(
                d, lambda pin, ok, no: rop.return_without_receipt(
                    self.lanes, self.till, variant, units, reason, restock, pin, on_done=ok,
                    on_error=no), done, failed)

        d.search_requested.connect(search)
        d.lookup_requested.connect(lookup)
        d.return_requested.connect(give_back)
        d.finished.connect(lambda _r: self._refocus())
        d.open()
        return d

    def _refocus(self) -> None:
        if self._open(self.dialog):
            self.dialog.field.setFocus()  # type: ignore[union-attr]

    # --- the refund of a negative total --------------------------------------------------------

    def refund(self) -> None:
        """F9 on a sale that gives back more than it takes: the refund plan, then the dialog."""
        if self.page.payment_dialog is not None:
            return
        rop.refund_plan(self.lanes, self.till, on_done=lambda plan: self._opened(plan),
                        on_error=self.page.show_error)

    def _opened(self, plan: RefundPlan) -> None:
        self.open_refund(plan)

    def open_refund(self, plan: RefundPlan) -> RefundDialog:
        page = self.page
        d = RefundDialog(self.lanes, self.till, plan, page)
        self.refund_dialog = d
        page.payment_dialog = d  # the page's "a payment is on screen"
        d.completed.connect(page.sale_completed)

        def closed(_result: int) -> None:
            page.payment_dialog = None
            page.scan_input.setFocus()
            if d.sale is not None:
                page.show_message(translate("SalePage", "Return receipt %1 refunded. Next "
                                            "customer!").replace("%1", str(d.sale.receipt_no)),
                                  "ok")

        d.finished.connect(closed)
        page.dialog = d
        d.open()
        return d
