"""An in-memory central store's pickup orders (``pos.ports.PickupOrders``) for unit and UI tests:
orders of the demo catalogue's articles, changed as the real adapter changes them; ``down``
makes every call raise ``CommerceUnavailable``; ``calls`` counts the changes asked for."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from pos.catalog import Variant
from pos.pickups import PickupLine, PickupOrder, PickupStage
from pos.ports import CommerceUnavailable


def pickup_order(number: int, variants: list[tuple[Variant, int]], *, paid: bool = False,
                 stage: PickupStage = PickupStage.READY, location: str = "store-gbg",
                 source: str = "web-warehouse", name: str = "Lisa Ek",
                 off: int = 0) -> PickupOrder:
    """An order of ``variants`` ((article, quantity)); ``off`` öre taken off its first line."""
    lines = tuple(PickupLine(item_id=f"ordli_{number}_{i}", variant_id=f"variant_{v.id}",
                             sku=v.sku, ean=v.ean, name=v.name, quantity=q, unit_price=v.price,
                             total=v.price * q - (off if i == 0 else 0), vat_rate=v.vat_rate)
                  for i, (v, q) in enumerate(variants))
    arrived = "2026-11-30T08:00:00+01:00" if stage in (PickupStage.ARRIVED, PickupStage.READY) else ""
    return PickupOrder(
        id=f"order_{number:026d}", display_id=number, location_key=location,
        email=f"{name.split()[0].lower()}@example.se", customer_name=name,
        customer_id=f"cus_{number}", created_at=f"2026-11-{number % 28 + 1:02d}T10:00:00Z",
        lines=lines, total=sum(ln.total for ln in lines), paid=paid,
        payment_status="captured" if paid else "authorized", stage=stage, source_location=source,
        arrived_at=arrived, notified_at=arrived if stage is PickupStage.READY else "")


class FakePickups:
    def __init__(self, *orders: PickupOrder) -> None:
        self.orders = {o.id: o for o in orders}
        self.down = False
        self.calls: list[tuple[str, str]] = []
        self.handovers: list[tuple[str, str, int, dict[str, Any]]] = []

    def _up(self) -> None:
        if self.down:
            raise CommerceUnavailable("connection refused")

    def pickup_orders(self, location_key: str, include_collected: bool = True,
                      limit: int = 100) -> list[PickupOrder]:
        self._up()
        out = [o for o in self.orders.values() if o.location_key == location_key
               and (include_collected or o.stage is not PickupStage.COLLECTED)]
        return out[:limit]

    def pickup_order(self, code: str) -> PickupOrder | None:
        self._up()
        return next((o for o in self.orders.values() if code in (o.id, o.number)), None)

    def mark_arrived(self, order_id: str, location_key: str, at: str) -> PickupOrder:
        self._up()
        self.calls.append(("arrived", order_id))
        o = self.orders[order_id]
        self.orders[order_id] = replace(o, arrived_at=o.arrived_at or at,
                                        stage=PickupStage.ARRIVED)
        return self.orders[order_id]

    def mark_notified(self, order_id: str, at: str) -> PickupOrder:
        self._up()
        self.calls.append(("notified", order_id))
        o = self.orders[order_id]
        self.orders[order_id] = replace(o, notified_at=o.notified_at or at, stage=PickupStage.READY)
        return self.orders[order_id]

    def hand_over(self, order_id: str, location_key: str, at: str, paid_here: int,
                  reference: dict[str, Any]) -> PickupOrder:
        self._up()
        self.calls.append(("hand_over", order_id))
        self.handovers.append((order_id, location_key, paid_here, reference))
        o = self.orders[order_id]
        self.orders[order_id] = replace(o, stage=PickupStage.COLLECTED, collected_at=at,
                                        paid=o.paid or paid_here > 0,
                                        payment_status="captured" if paid_here else o.payment_status)
        return self.orders[order_id]
