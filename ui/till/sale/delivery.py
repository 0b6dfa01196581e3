"""Stock everywhere and ship-to-home on the sale page: the stock of the selected line or search
result (Ctrl+I), a line marked "deliver" or taken now again (Ctrl+D), and the delivery's address
and sending location (Ctrl+Shift+D, or the delivery button under the totals)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from pos.cart import CartTotals
from pos.catalog import Variant
from pos.delivery import DeliveryChoice, choose_location, is_shipping
from pos.stock import StockReport
from ui.i18n.messages import message_for
from ui.till import delivery_operations as dop
from ui.till.delivery_dialog import DeliveryDialog
from ui.till.sale.base import Flow, translate
from ui.till.sale.search import VARIANT_ROLE
from ui.till.stock_dialog import StockDialog
from ui.widgets.eliding_button import ElidingButton
from ui.widgets.style import metrics


class Delivery(Flow):
    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        # under the totals: the delivery, by touch; a long address is cut short, never widening
        # the till past its screen
        self.button = ElidingButton("", self.page)
        self.button.setObjectName("deliveryButton")
        self.button.setMinimumHeight(metrics().touch(60))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.details)
        self.button.hide()
        self.choice: DeliveryChoice | None = None

    # --- stock everywhere ---------------------------------------------------------------------

    def chosen_article(self) -> Variant | None:
        """The search result the cashier is on (when the results are shown), else the selected
        line's article."""
        results = self.page.search_results
        if results.isVisible() and results.currentItem() is not None:
            found = results.currentItem().data(VARIANT_ROLE)
            if isinstance(found, Variant):
                return found
        lt = self.page.need_line()
        return lt.line.variant if lt is not None else None

    def stock(self) -> None:
        variant = self.chosen_article()
        if variant is None:
            return
        if is_shipping(variant.sku):
            self.page.show_message(
                translate("DeliveryFlow", "Choose an article, not the shipping line."), "error")
            return
        d = StockDialog(variant.name, self.page)

        def ask() -> None:
            dop.stock_report(self.lanes, self.till, variant, on_done=d.show_report,
                             on_error=self.errors_to(d))
        d.refresh_requested.connect(ask)
        self.open(d, lambda: None)
        ask()

    # --- ship-to-home -------------------------------------------------------------------------

    def deliver(self) -> None:
        lt = self.page.need_line()
        if lt is None:
            return
        if is_shipping(lt.line.variant.sku):
            self.page.show_message(
                translate("DeliveryFlow", "The shipping line follows the delivery."), "error")
            return
        marking = not lt.line.deliver

        def done(_totals: CartTotals) -> None:
            if marking:
                self.page.show_message(
                    translate("DeliveryFlow", "%1 is sent to the customer's home.")
                    .replace("%1", lt.line.variant.name),
                    "ok")
                if self.choice is None or self.choice.address is None:
                    self.details()
            else:
                self.page.show_message(
                    translate("DeliveryFlow", "%1 is taken now.")
                    .replace("%1", lt.line.variant.name), "ok")
        dop.mark_deliver(self.lanes, self.till, lt.line.line_id, marking, on_done=done,
                         on_error=self.page.show_error)

    def details(self) -> None:
        totals = self.page.totals
        marked = [lt for lt in (totals.lines if totals else ())
                  if lt.line.deliver and not is_shipping(lt.line.variant.sku)]
        if not marked:
            self.page.show_message(
                translate("DeliveryFlow", "Mark a line for home delivery first (Ctrl+D)."),
                "error")
            return
        dop.delivery_choice(self.lanes, self.till,
                            on_done=lambda choice: self._open_details(totals, marked, choice),
                            on_error=self.page.show_error)

    def _open_details(self, totals: CartTotals | None, marked: list, choice: object) -> None:
        rules = self.till.ctx.config.delivery
        here = self.till.ctx.config.location_id
        goods = [(lt.line.variant.name, lt.line.quantity) for lt in marked]
        d = DeliveryDialog(rules, here, goods, sum(lt.total for lt in marked),
                           choice if isinstance(choice, DeliveryChoice) else None,
                           date.today(), self.page)
        customer = totals.customer if totals else None
        dop.customer_addresses(self.lanes, self.till, customer.id if customer else None,
                               on_done=lambda found: d.show_addresses(found, customer is not None),
                               on_error=lambda e: (d.show_addresses([], customer is not None,
                                                                    unknown=True),
                                                   d.show_error(message_for(e))))
        needs: dict[str, int] = {}
        for lt in marked:
            needs[lt.line.variant.sku] = needs.get(lt.line.variant.sku, 0) + lt.line.quantity
        variants = list({lt.line.variant.sku: lt.line.variant for lt in marked}.values())

        def stocked(reports: dict[str, StockReport]) -> None:
            available = {}
            for sku, report in reports.items():
                for lv in report.levels:
                    available.setdefault(lv.location_id, {})[sku] = lv.available
            d.show_stock(reports, needs,
                         choose_location(rules.order_for(here), needs, available, here))
        dop.stock_reports(self.lanes, self.till, variants, on_done=stocked,
                          on_error=self.errors_to(d))
        saved: list[tuple] = []
        d.chosen.connect(lambda address, loc, overridden: saved.append((address, loc, overridden)))
        self.open(d, lambda: dop.set_delivery(
            self.lanes, self.till, *saved[-1],
            on_done=lambda _t: self.page.show_message(
                translate("DeliveryFlow", "Home delivery saved."), "ok"),
            on_error=self.page.show_error) if saved else None)

    # --- what the page shows ------------------------------------------------------------------

    def show(self, totals: CartTotals | None) -> None:
        """The delivery button under the totals: shown while a line is marked "deliver"."""
        marked = any(lt.line.deliver and not is_shipping(lt.line.variant.sku)
                     for lt in (totals.lines if totals else ()))
        self.button.setVisible(marked)
        if not marked:
            self.choice = None
            return
        dop.delivery_choice(self.lanes, self.till, on_done=self._show_choice)

    def _show_choice(self, choice: object) -> None:
        self.choice = choice if isinstance(choice, DeliveryChoice) else None
        rules = self.till.ctx.config.delivery
        if self.choice is None or self.choice.address is None:
            text = translate("DeliveryFlow", "Home delivery: address missing (Ctrl+Shift+D)")
        else:
            a = self.choice.address
            text = (translate("DeliveryFlow", "Home delivery from %1\n%2, %3")
                    .replace("%1", rules.name(self.choice.location_id))
                    .replace("%2", a.street).replace("%3", f"{a.postcode} {a.city}"))
        self.button.set_full_text(text)
