"""The read side of ship-to-home: the sales' delivery parts with what became of their orders to
deliver in the central store (sent or waiting in the outbox, the central id and display number
once known), for ``main.py deliveries`` and support."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pos.services.ship_to_home import delivery_key
from pos.services.unit_of_work import UnitOfWork
from pos.sync.delivery_events import parse_remote_ref


@dataclass(frozen=True)
class DeliveryRow:
    order_ref: str
    sale_id: str
    location_id: str
    location_name: str
    expected_on: date
    address: str
    shipping_fee: int  # öre
    status: str | None  # the outbox message's: pending, failed, sent, dead (None: never queued)
    central_order_id: str | None
    display_id: int | None


def recent_deliveries(uow: UnitOfWork, limit: int = 50) -> list[DeliveryRow]:
    with uow:
        out = []
        for d in uow.deliveries.recent(limit):
            msg = uow.outbox.by_key(delivery_key(d.sale_id))
            order_id, display_id = parse_remote_ref(msg.remote_id if msg is not None else None)
            out.append(DeliveryRow(d.order_ref, d.sale_id, d.location_id, d.location_name,
                                   d.expected_on, ", ".join(d.address.lines()), d.shipping_fee,
                                   msg.status if msg is not None else None, order_id,
                                   display_id))
        return out
