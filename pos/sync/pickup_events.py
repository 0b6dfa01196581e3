"""A web order handed over at the till as the outbox message that tells the central store: the
order paid here (its payment captured) when the till took its payment, and its fulfilment
delivered at this store's location.

One message per order (key ``pickup:<order id>``): a second handover of the same order at this
till finds it queued; the central store's side (``PickupOrders.hand_over``) checks each step
before doing it, so a retry after a lost answer or a restart does nothing twice.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from pos.db.repositories import OutboxRepository
from pos.ports import PickupOrders
from pos.sales import Sale
from pos.sync.outbox import enqueue
from pos.sync.sale_events import instant

PICKUP_HANDOVER = "pickup_handover"


def pickup_key(order_id: str) -> str:
    return f"pickup:{order_id}"


def handover_payload(order_id: str, order_no: str, location_id: str, register_id: str,
                     at: datetime, paid_here: int, sale: Sale | None = None,
                     by: str | None = None) -> dict[str, Any]:
    return {"order_id": order_id, "order_no": order_no, "location_id": location_id,
            "at": instant(at).isoformat(), "paid_here": paid_here,
            "reference": {"register_id": register_id, "by": by,
                          **({"sale_id": sale.id, "receipt_no": sale.receipt_no}
                             if sale is not None else {})}}


def enqueue_sale_handovers(outbox: OutboxRepository, sale: Sale, location_id: str) -> list[str]:
    """In the transaction that stores ``sale``: one handover per web order paid in it (what its
    lines came to); returns the keys."""
    paid: dict[str, tuple[str, int]] = {}
    for ln in sale.lines:
        if ln.order_id:
            no, amount = paid.get(ln.order_id, (ln.order_no, 0))
            paid[ln.order_id] = (no, amount + ln.total)
    keys = []
    for order_id, (order_no, amount) in paid.items():
        key = pickup_key(order_id)
        enqueue(outbox, PICKUP_HANDOVER, key, handover_payload(
            order_id, order_no, location_id, sale.register_id, sale.completed_at, amount, sale,
            sale.cashier_id))
        keys.append(key)
    return keys


def handover_handler(pickups: PickupOrders) -> Callable[[Any, dict[str, Any], str], str]:
    """The outbox handler of ``PICKUP_HANDOVER`` messages, over the central store's pickups."""
    def send(_sink: Any, payload: dict[str, Any], key: str) -> str:
        order = pickups.hand_over(str(payload["order_id"]), str(payload["location_id"]),
                                  str(payload["at"]), int(payload.get("paid_here") or 0),
                                  {**(payload.get("reference") or {}), "key": key})
        return order.id
    return send


def pickup_handlers(store: Any) -> dict[str, Callable[[Any, dict[str, Any], str], str]]:
    """The outbox handlers this flow adds, for a central store that has pickups (none else)."""
    pickups = getattr(store, "pickups", None)
    return {PICKUP_HANDOVER: handover_handler(pickups)} if pickups is not None else {}
