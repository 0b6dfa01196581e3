"""What the Orders page's tests add to a day at the store (``tests.backoffice.day``): two
ship-to-home sales at K2 (one sent to the central store as order #1042, one whose message is
dead), a central store that knows order #1042 and the day's return, and pickup orders
(one overdue), all in memory (``FakeCentral``; ``down`` makes it unreachable)."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from hardware.control_unit_simulator import SimulatedControlUnit
from pos.central_orders import (CentralFulfilment, CentralLine, CentralOrderStatus,
                                CentralPayment, CentralReturnStatus)
from pos.db.unit_of_work import SqlUnitOfWork
from pos.delivery import DeliveryAddress
from pos.pickups import PickupStage
from pos.ports import CommerceUnavailable
from pos.services.ship_to_home import delivery_key
from pos.services.till import Devices, Till, TillConfig
from pos.sync.return_events import return_key
from tests.backoffice.day import BOK, TSHIRT, Clock
from tests.fakes.pickups import FakePickups, pickup_order
from tests.services.conftest import ARTICLES
from tests.services.fakes import RecordingPrinter, ScriptedTerminal

ADDRESS = DeliveryAddress("Anna Svensson", "Storgatan 1", "11122", "Stockholm", "+46701234567")
SENT_ORDER = "order_01SHIPTOHOME1042"
RETURN_ID = "return_01K2RETURN"


def _line_id(till: Till, sku: str) -> int:
    return next(lt.line.line_id for lt in till.totals().lines if lt.line.variant.sku == sku)


def ship_to_home_sales(sf) -> list[Any]:  # type: ignore[no-untyped-def]
    """Two ship-to-home sales at K2 (its shift is open): 15:40 two books sent home from the web
    warehouse (259,00 + 49,00 shipping = 308,00), 16:20 a T-shirt taken now and three books
    sent home (388,50 + 49,00 shipping = 437,50). The first's order is sent (#1042), the second's dead."""
    clock = Clock(datetime(2026, 11, 30, 15, 40))
    till = Till(sf, Devices(RecordingPrinter(), ScriptedTerminal(), SimulatedControlUnit()),
                TillConfig(register_id="K2", card_status_interval=0), clock=clock)
    till.login("kim", "1234")
    sales = []
    for (h, m), basket in (((15, 40), [(BOK, 2)]), ((16, 20), [(TSHIRT, 1), (BOK, 3)])):
        clock.at(h, m)
        for code, qty in basket:
            till.scan(code, qty)
        till.mark_deliver(_line_id(till, "BOK-1"), True)
        till.set_delivery(ADDRESS, "web-warehouse")
        sales.append(till.pay_card().sale)
    uow = SqlUnitOfWork(sf)
    with uow:
        first = uow.outbox.by_key(delivery_key(sales[0].id))
        second = uow.outbox.by_key(delivery_key(sales[1].id))
        uow.outbox.mark_sent(first.id, f"{SENT_ORDER} #1042", datetime(2026, 11, 30, 15, 41))
        uow.outbox.mark_failed(second.id, "HTTP 422: no shipping option for home delivery",
                               datetime(2026, 11, 30, 16, 21), dead=True)
        # the day's return (K2, 13:25) reached the central store as RETURN_ID
        [ret] = [r for r in uow.outbox.latest(200) if r.key.startswith("return:")]
        uow.outbox.mark_sent(ret.id, RETURN_ID, datetime(2026, 11, 30, 13, 26))
        uow.commit()
    return sales


class FakeOrderStatuses:
    def __init__(self, central: "FakeCentral") -> None:
        self.central = central
        self.orders: dict[str, CentralOrderStatus] = {}
        self.returns: dict[str, CentralReturnStatus] = {}
        self.asked: list[tuple[str, tuple[str, ...]]] = []

    def order_statuses(self, order_ids):  # type: ignore[no-untyped-def]
        self.central.check()
        self.asked.append(("orders", tuple(order_ids)))
        return {i: self.orders[i] for i in order_ids if i in self.orders}

    def return_statuses(self, return_ids):  # type: ignore[no-untyped-def]
        self.central.check()
        self.asked.append(("returns", tuple(return_ids)))
        return {i: self.returns[i] for i in return_ids if i in self.returns}


class FakeCentral:
    """The central store as the back office uses it: ``pickups`` and ``order_status``."""

    def __init__(self) -> None:
        self.down = False
        variants = {a.sku: a for a in ARTICLES}
        self.pickups = FakePickups(
            replace(pickup_order(1051, [(variants["BOK-1"], 1)], stage=PickupStage.READY,
                                 name="Lisa Ek"), created_at="2026-11-18T10:00:00Z",
                    arrived_at="2026-11-20T09:00:00+01:00",
                    notified_at="2026-11-20T09:00:00+01:00"),  # 10 days: overdue
            pickup_order(1052, [(variants["TSH-1"], 2)], paid=True, stage=PickupStage.ON_THE_WAY,
                         name="Omar Nilsson"),
            pickup_order(1053, [(variants["KAF-1"], 1)], stage=PickupStage.ARRIVED,
                         name="Eva Berg"),
            pickup_order(1054, [(variants["TSH-1"], 1)], paid=True,
                         stage=PickupStage.COLLECTED, name="Per Holm"))
        self.order_status = FakeOrderStatuses(self)
        self.order_status.orders[SENT_ORDER] = CentralOrderStatus(
            SENT_ORDER, 1042, "pending", "captured", "shipped", 30800,
            lines=(CentralLine("Bok", "BOK-1", 2, 25900), CentralLine("Frakt", "POS-FRAKT", 1, 4900)),
            payments=(CentralPayment("pp_system_default", 30800, True, 0),),
            fulfilments=(CentralFulfilment("ful_1", "web-warehouse", "2026-11-30T16:00:00Z", "",
                                           "", ("PN123456789SE",)),))
        self.order_status.returns[RETURN_ID] = CentralReturnStatus(
            RETURN_ID, "order_01K2SALE", 7, "received", 0, 0, "2026-11-30T12:26:00Z")
        for p in (self.pickups,):
            p._up = self.check  # type: ignore[method-assign]

    def check(self) -> None:
        if self.down:
            raise CommerceUnavailable("GET /admin/orders: connection refused")

    def ping(self) -> bool:
        return not self.down
