"""Payment (F9): the payment dialog opened on the sale (or on a payment begun before a
restart); when it closes, the next customer."""
from __future__ import annotations

from pos.services.payments import PaymentView
from ui.till import operations as op
from ui.till.payment_dialog import PaymentDialog
from ui.till.sale.base import Flow, translate


class Payment(Flow):
    def pay(self) -> None:
        if self.page.payment_dialog is not None:
            return
        totals = self.page.totals
        if totals is not None and totals.total < 0:  # a return gives back more than it takes
            self.page.returns.refund()
            return
        web_cart = self.page.web_cart_id()
        if web_cart:
            # bought online (or at another till) since it was loaded? asked on the network
            # lane; the payment starts when the answer is "still open" or none came
            self.page.show_message(translate("SalePage", "Checking the web cart…"), "info")
            self.lanes.network.run(lambda: self.till.check_web_cart_still_open(web_cart),
                                   lambda _r: self._start(), self.refused,
                                   label="check_web_cart")
            return
        self._start()

    def _start(self) -> None:
        op.start_payment(self.lanes, self.till, on_done=self.open_payment,
                         on_error=self.refused)

    def refused(self, exc: BaseException) -> None:
        self.page.show_error(exc)
        if getattr(exc, "code", "") == "delivery.no_address":  # lines sent home: where to
            self.page.delivery_details()

    def open_payment(self, view: PaymentView) -> None:
        page = self.page
        if view.total < 0:  # a refund begun (before a restart): it goes on as a refund
            page.returns.refund()
            return
        d = PaymentDialog(self.lanes, self.till, view, page)
        page.payment_dialog = d
        d.completed.connect(page.sale_completed)

        def closed(_result: int) -> None:
            page.payment_dialog = None
            page.scan_input.setFocus()
            if d.sale is not None:
                page.show_message(translate("SalePage", "Receipt %1 paid. Next customer!")
                                  .replace("%1", str(d.sale.receipt_no)), "ok")

        d.finished.connect(closed)
        page.dialog = d
        d.open()
