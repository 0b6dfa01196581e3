"""Named operations of the pickups flow (web orders collected here): the list, finding and
receiving ask the central store on the network lane (a slow central store never holds up a
scan); paying and handing over are the register's (the central store hears through the outbox).
"""
from __future__ import annotations

from pos.pickups import PickupOrder
from pos.services.till import Till
from ui.lanes import Lanes
from ui.ops import Operation
from ui.till.operations import Done, Failed, change_sale


def pickup_list(lanes: Lanes, till: Till, *, on_done: Done, on_error: Failed = None) -> Operation:
    return lanes.network.run(till.pickup_list, on_done, on_error, label="pickup_list")


def find_pickup(lanes: Lanes, till: Till, code: str, *, on_done: Done,
                on_error: Failed = None) -> Operation:
    return lanes.network.run(lambda: till.find_pickup(code), on_done, on_error,
                             label="find_pickup")


def receive_pickup(lanes: Lanes, till: Till, code: str, *, on_done: Done,
                   on_error: Failed = None) -> Operation:
    return lanes.network.run(lambda: till.receive_pickup(code), on_done, on_error,
                             label="receive_pickup")


def pay_pickup(lanes: Lanes, till: Till, order: PickupOrder, *, on_done: Done = None,
               on_error: Failed = None) -> Operation:
    """The order's lines into the sale (the sale page shows them)."""
    return change_sale(lanes, lambda: till.pay_pickup(order), "pay_pickup", on_done=on_done,
                       on_error=on_error)


def hand_over_pickup(lanes: Lanes, till: Till, order: PickupOrder, *, on_done: Done,
                     on_error: Failed = None) -> Operation:
    return lanes.register.run(lambda: till.hand_over_pickup(order), on_done, on_error,
                              label="hand_over_pickup")
