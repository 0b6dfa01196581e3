"""The named operations of stock everywhere and ship-to-home: stock and the customer's
addresses on the network lane (the central store; a slow one never holds up a scan), the
"deliver" marks and the delivery's address and location on the register lane (they change the
sale: every screen redraws)."""
from __future__ import annotations

from collections.abc import Sequence

from pos.catalog import Variant
from pos.delivery import DeliveryAddress
from pos.services.till import Till
from pos.stock import StockReport
from ui.lanes import Lanes
from ui.ops import Operation
from ui.till.operations import Done, Failed, change_sale


def stock_report(lanes: Lanes, till: Till, variant: Variant, *, on_done: Done = None,
                 on_error: Failed = None) -> Operation:
    """``variant``'s stock at every location (``StockReport``)."""
    return lanes.network.run(lambda: till.stock_report(variant), on_done, on_error,
                             label="stock_report")


def stock_reports(lanes: Lanes, till: Till, variants: Sequence[Variant], *,
                  on_done: Done = None, on_error: Failed = None) -> Operation:
    """The stock of several articles: ``{sku: StockReport}``."""
    def run() -> dict[str, StockReport]:
        return {v.sku: till.stock_report(v) for v in variants}
    return lanes.network.run(run, on_done, on_error, label="stock_reports")


def customer_addresses(lanes: Lanes, till: Till, customer_id: str | None, *,
                       on_done: Done = None, on_error: Failed = None) -> Operation:
    return lanes.network.run(lambda: till.customer_addresses(customer_id), on_done, on_error,
                             label="customer_addresses")


def delivery_choice(lanes: Lanes, till: Till, *, on_done: Done = None,
                    on_error: Failed = None) -> Operation:
    """The sale's delivery address and location as they are now (``DeliveryChoice | None``)."""
    return lanes.register.run(till.delivery_choice, on_done, on_error, label="delivery_choice")


def mark_deliver(lanes: Lanes, till: Till, line_id: int, deliver: bool, *,
                 on_done: Done = None, on_error: Failed = None) -> Operation:
    return change_sale(lanes, lambda: till.mark_deliver(line_id, deliver), "deliver",
                       select_line=line_id, on_done=on_done, on_error=on_error)


def set_delivery(lanes: Lanes, till: Till, address: DeliveryAddress, location_id: str,
                 overridden: bool, *, on_done: Done = None, on_error: Failed = None) -> Operation:
    return change_sale(lanes, lambda: till.set_delivery(address, location_id, overridden),
                       "delivery", on_done=on_done, on_error=on_error)
