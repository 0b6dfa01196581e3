"""The back office's Orders page: what a manager does with this store's pickup orders (a parcel
marked arrived, the customer's notice sent again), over the same use cases as the till
(``pos.services.pickups``), journaled in the back office's journal with who did it; and the
pure rules the page shows (which pickups are overdue).

The central store is reached on the back office's network lane (``pickups``: its
``PickupOrders``; ``uow``: that lane's own unit of work).
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from pos.errors import messages
from pos.pickups import PickupError, PickupOrder, PickupStage
from pos.ports import CustomerNotifier, PickupOrders
from pos.services import pickups as pickup_service
from pos.services.backoffice import BACKOFFICE, BACKOFFICE_NAME, journal
from pos.services.unit_of_work import UnitOfWork
from pos.sync.sale_events import instant

MESSAGES = messages({
    "orders.not_arrived": "Web order #{number} has not arrived here yet: there is nothing to "
                          "tell the customer",
    "orders.no_notifier": "No way to tell customers is set up here (e-mail or a record)",
})

PICKUP_NOTICE_SENT_AGAIN = "pickup_notice_sent_again"  # journal kind


def _waiting(order: PickupOrder, now: datetime) -> timedelta | None:
    """How long an order that arrived here has waited for its customer (None: not waiting).
    ``now``: an aware instant, or naive local time."""
    if order.stage not in (PickupStage.ARRIVED, PickupStage.READY) or not order.arrived_at:
        return None
    try:
        arrived = datetime.fromisoformat(order.arrived_at.replace("Z", "+00:00"))
    except ValueError:
        return None
    if arrived.tzinfo is None:
        arrived = arrived.replace(tzinfo=timezone.utc)
    if now.tzinfo is None:
        now = now.astimezone()
    return now - arrived


def overdue(order: PickupOrder, now: datetime, days: int) -> bool:
    """Arrived here (or told) and not collected ``days`` days after it arrived."""
    waited = _waiting(order, now)
    return waited is not None and waited >= timedelta(days=days)


def waiting_days(order: PickupOrder, now: datetime) -> int:
    """Whole days an arrived order has waited for its customer (0: not waiting)."""
    waited = _waiting(order, now)
    return max(waited.days, 0) if waited is not None else 0


def mark_arrived(pickups: PickupOrders, notifier: CustomerNotifier | None, uow: UnitOfWork,
                 location_key: str, location_name: str, order_id: str, now: datetime,
                 by: str) -> PickupOrder:
    """The parcel of ``order_id`` received here, as at the till (``pickups.receive``: arrived in
    the central store, the customer told, journaled), by the manager ``by``, in the back
    office's journal."""
    with uow:
        uow.registers.ensure(BACKOFFICE, BACKOFFICE_NAME)
        uow.commit()
    return pickup_service.receive(pickups, notifier, uow, BACKOFFICE, location_key,
                                  location_name, order_id, now, by)


def send_notice_again(pickups: PickupOrders, notifier: CustomerNotifier | None,
                      uow: UnitOfWork, location_key: str, location_name: str, order_id: str,
                      now: datetime, by: str) -> PickupOrder:
    """The customer told again that ``order_id`` is ready here (a lost e-mail, a customer who
    asks): only an order that has arrived and is not collected. The first notice's time stays;
    an order never told (its notice failed) is marked told now. Journaled with who."""
    if notifier is None:
        raise PickupError("orders.no_notifier")
    order = pickup_service.find(pickups, order_id, location_key)
    if order.stage is PickupStage.COLLECTED:
        raise PickupError("pickup.collected", number=order.number)
    if order.stage is PickupStage.CANCELED:
        raise PickupError("pickup.canceled", number=order.number)
    if order.stage not in (PickupStage.ARRIVED, PickupStage.READY):
        raise PickupError("orders.not_arrived", number=order.number)
    notifier.order_ready(order, location_name)
    if not order.notified_at:
        order = pickups.mark_notified(order.id, instant(now).isoformat())
    with uow:
        journal(uow, now, PICKUP_NOTICE_SENT_AGAIN, {
            "order_id": order.id, "order_no": order.number, "location": location_key,
            "email": order.email}, by)
        uow.commit()
    return order
