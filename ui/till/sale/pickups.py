"""Web orders collected here (Shift+F8, or an order's QR code scanned): the list dialog, fed
from the network lane; paying an unpaid order puts its lines on the sale (register lane) and
closes the dialog, so the customer pays as for any sale."""
from __future__ import annotations

from typing import Any

import shiboken6

from pos.pickups import PickupOrder
from ui.till import pickup_operations as op
from ui.till.pickup_dialog import PickupDialog
from ui.till.sale.base import Flow, translate
from ui.widgets.style import metrics


class Pickups(Flow):
    dialog: PickupDialog | None = None

    def open_list(self, code: str | None = None) -> PickupDialog:
        d = PickupDialog(self.page)
        self.dialog = d
        top = self.page.window()  # most of the till's window: a list wants rows
        d.resize(max(d.minimumWidth(), min(int(top.width() * 0.9), metrics().px(1100))),
                 max(d.minimumHeight(), int(top.height() * 0.85)))
        failed = self.errors_to(d)

        def alive(fn: Any) -> Any:
            def call(*args: Any) -> None:
                if shiboken6.isValid(d):
                    fn(*args)
            return call

        def refresh() -> None:
            op.pickup_list(self.lanes, self.till, on_done=alive(d.show_orders), on_error=failed)

        def find(code: str) -> None:
            op.find_pickup(self.lanes, self.till, code, on_done=alive(d.show_order),
                           on_error=failed)

        def receive(order: PickupOrder) -> None:
            def done(after: PickupOrder) -> None:
                d.show_order(after, translate("PickupDialog", "Order #%1 received: %2").replace("%1", after.number)
                             .replace("%2", d.stage_text(after)))
            op.receive_pickup(self.lanes, self.till, order.id, on_done=alive(done),
                              on_error=failed)

        def pay(order: PickupOrder) -> None:
            def done(_totals: Any) -> None:
                if shiboken6.isValid(d):
                    d.accept()
                self.page.show_message(translate("SalePage", "Web order #%1 is on the sale: "
                                                 "take its payment (F9)")
                                       .replace("%1", order.number), "ok")
            op.pay_pickup(self.lanes, self.till, order, on_done=done, on_error=failed)

        def hand_over(order: PickupOrder) -> None:
            def done(handed: PickupOrder) -> None:
                def listed(orders: list[PickupOrder]) -> None:
                    # the central store learns of it through the outbox: until then its list
                    # still says "ordered"; the till shows what it did
                    d.show_orders([handed if o.id == handed.id else o for o in orders])
                    d.show_info(translate("PickupDialog", "Order #%1 handed over")
                                .replace("%1", order.number))
                op.pickup_list(self.lanes, self.till, on_done=alive(listed), on_error=failed)
            op.hand_over_pickup(self.lanes, self.till, order, on_done=alive(done),
                                on_error=failed)

        d.refresh_requested.connect(refresh)
        d.find_requested.connect(find)
        d.receive_requested.connect(receive)
        d.pay_requested.connect(pay)
        d.hand_over_requested.connect(hand_over)
        self.open(d, lambda: None)
        d.refresh()
        if code:  # after the list: the order found is what the dialog shows last
            d.field.setText(code)
            d.find()
        return d

    def scanned(self, code: str) -> None:
        """An order's QR code scanned at the sale: the list opens on that order."""
        if self.dialog is not None and shiboken6.isValid(self.dialog) and self.dialog.isVisible():
            self.dialog.field.setText(code)
            self.dialog.find()
            return
        self.open_list(code)
