"""The outbox's orders to deliver (ship-to-home): the handler that sends a ``DELIVERY_ORDER``
message to the central store's ``DeliveryOrders`` (exactly once, by the message's key), and
what became of a sale's delivery order (its central id and display number once sent).
"""
from __future__ import annotations

from typing import Any

from pos.delivery import DeliveryOrder
from pos.ports import DeliveryOrders, OrderSink
from pos.services.ship_to_home import DELIVERY_ORDER, delivery_key
from pos.services.unit_of_work import UnitOfWork
from pos.sync.outbox import DEFAULT_HANDLERS, Handler


def remote_ref(order_id: str, display_id: int | None) -> str:
    """What the outbox keeps of a sent delivery order: ``order_... #12``."""
    return f"{order_id} #{display_id}" if display_id is not None else order_id


def parse_remote_ref(text: str | None) -> tuple[str | None, int | None]:
    if not text:
        return None, None
    order_id, _, display = text.partition(" #")
    return order_id, int(display) if display.isdigit() else None


def outbox_handlers(deliveries: DeliveryOrders | None) -> dict[str, Handler]:
    """The outbox's handlers with orders to deliver sent to ``deliveries`` (the central store's;
    without one they wait in the outbox)."""
    handlers = dict(DEFAULT_HANDLERS)
    if deliveries is not None:
        def send(_sink: OrderSink, payload: dict[str, Any], key: str) -> str:
            order = deliveries.create_delivery_order(DeliveryOrder.from_dict(payload), key)
            return remote_ref(order.id, order.display_id)
        handlers[DELIVERY_ORDER] = send
    return handlers


def delivery_status(uow: UnitOfWork, sale_id: str) -> dict[str, Any]:
    """The delivery order of ``sale_id`` as the outbox knows it: status, central id, display
    number (None until sent)."""
    with uow:
        row = uow.outbox.by_key(delivery_key(sale_id))
        if row is None:
            return {"status": None, "order_id": None, "display_id": None}
        order_id, display_id = parse_remote_ref(row.remote_id)
        return {"status": row.status, "order_id": order_id, "display_id": display_id,
                "error": row.last_error or None}
