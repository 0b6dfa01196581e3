"""Web orders collected here: the list, finding one by its QR code or number, receiving a
ship-to-store parcel (arrived; the customer told), paying an unpaid one at the till (its lines in
the sale, priced as the order) and handing over a paid one without a sale.

What is read from or changed in the central store directly (the list, finding, receiving) runs
on the till's network lane: ``pickups`` is the central store's ``PickupOrders`` and ``uow`` the
lane's own unit of work. What belongs to the register (the sale, the handover) runs on the
register lane over ``RegisterContext`` and reaches the central store through the outbox
(``pos.sync.pickup_events``): exactly once, after a restart or an outage too.
"""
from __future__ import annotations

from dataclasses import replace

from datetime import datetime

from pos.cart import Cart, CartTotals
from pos.catalog import Variant
from pos.commerce import CustomerRef
from pos.pickups import PickupError, PickupLine, PickupOrder, PickupStage, order_code
from pos.ports import CustomerNotifier, PickupOrders
from pos.services import selling
from pos.services.context import RegisterContext
from pos.services.unit_of_work import UnitOfWork
from pos.sync.outbox import enqueue
from pos.sync.pickup_events import PICKUP_HANDOVER, handover_payload, pickup_key
from pos.sync.sale_events import instant

# journal kinds of this flow
PICKUP_RECEIVED = "pickup_received"
PICKUP_IN_SALE = "pickup_in_sale"
PICKUP_HANDED_OVER = "pickup_handed_over"

ORDER_OF_STAGES = {PickupStage.READY: 0, PickupStage.ARRIVED: 1, PickupStage.ON_THE_WAY: 2,
                   PickupStage.WAITING: 3, PickupStage.COLLECTED: 4, PickupStage.CANCELED: 5}


# --- the network lane ------------------------------------------------------------------------------


def pickup_list(pickups: PickupOrders, location_key: str,
                include_collected: bool = True) -> list[PickupOrder]:
    """This store's pickup orders: those waiting for the customer first, then those on their
    way, then the collected ones; newest first within each."""
    orders = pickups.pickup_orders(location_key, include_collected=include_collected)
    return sorted(orders, key=lambda o: (ORDER_OF_STAGES[o.stage], _desc(o.created_at)))


def _desc(text: str) -> str:
    return "".join(chr(0x10FFFF - ord(c)) for c in text)


def find(pickups: PickupOrders, code: str, location_key: str) -> PickupOrder:
    """The order a QR code (its id) or a typed number (``1042`` or ``#1042``) names, if it is to
    be collected here; ``PickupError`` says why not."""
    wanted = order_code(code)
    order = pickups.pickup_order(wanted) if wanted else None
    if order is None or not order.location_key:
        raise PickupError("pickup.not_found", code=code.strip())
    if order.location_key != location_key:
        raise PickupError("pickup.not_this_store", number=order.number,
                          location=order.location_key)
    return order


def arrival_journaled(uow: UnitOfWork, order_id: str) -> bool:
    """Has this store's journal (any register's, the back office's too) the parcel of
    ``order_id`` received? (call inside an open unit of work)"""
    return any(e.payload.get("order_id") == order_id and e.payload.get("arrived")
               for e in uow.journal.of_kinds((PICKUP_RECEIVED,)))


def receive(pickups: PickupOrders, notifier: CustomerNotifier | None, uow: UnitOfWork,
            register_id: str, location_key: str, location_name: str, code: str,
            now: datetime, by: str | None) -> PickupOrder:
    """A parcel received here (its order code scanned or typed): marked arrived in the central
    store, the customer told it is ready (``notifier``; a notice that cannot be sent leaves the
    order "arrived", and receiving it again tries again), journaled. Receiving it twice changes
    nothing more.

    The arrival is journaled once, when this store's journal does not have it yet, not only
    when this call was the one that marked it at the central store: an answer lost after the
    central store marked it (or a notice that failed right after) would else leave the
    arrival out of the journal for good, as the retry finds it marked already."""
    order = find(pickups, code, location_key)
    if order.stage is PickupStage.COLLECTED:
        raise PickupError("pickup.collected", number=order.number)
    if order.stage is PickupStage.CANCELED:
        raise PickupError("pickup.canceled", number=order.number)
    at = instant(now).isoformat()
    if not order.arrived_at:
        order = pickups.mark_arrived(order.id, location_key, at)
    notified = False
    if not order.notified_at and notifier is not None:
        notifier.order_ready(order, location_name)  # may raise: then it stays "arrived"
        order = pickups.mark_notified(order.id, at)
        notified = True
    with uow:
        first = not arrival_journaled(uow, order.id)
        if first or notified:
            uow.journal.record(register_id, now, PICKUP_RECEIVED, {
                "order_id": order.id, "order_no": order.number, "location": location_key,
                "arrived": first, "customer_told": notified}, by)
            uow.commit()
    return order


# --- the register lane -------------------------------------------------------------------------


def take_payment(ctx: RegisterContext, order: PickupOrder) -> CartTotals:
    """An unpaid order (pay in store) into the sale: its lines at the order's prices, fixed. The
    customer pays it with any tender, store articles may join it; completing the sale queues
    the order's payment and handover for the central store (and leaves its lines out of the
    sale's own store order)."""
    _check_open(ctx, order)
    if order.paid:
        raise PickupError("pickup.already_paid", number=order.number)
    lines_total = sum(line.total for line in order.lines)
    if lines_total != order.total:
        raise PickupError("pickup.total_mismatch", number=order.number, lines=lines_total,
                          total=order.total)

    def add(cart: Cart) -> None:
        catalog = ctx.uow.catalog
        cart.add_order_lines(order.id, order.number, [
            (_variant(catalog.by_code(line.sku) if line.sku else None, line), line.quantity,
             line.unit_price, line.discount) for line in order.lines])
        if cart.customer is None and order.customer_id:
            first, _, last = order.customer_name.partition(" ")
            cart.set_customer(CustomerRef(order.customer_id, order.email, first, last, ""))
    return selling.change(ctx, add, (PICKUP_IN_SALE, {
        "order_id": order.id, "order_no": order.number, "total": order.total}))


def hand_over_paid(ctx: RegisterContext, order: PickupOrder) -> PickupOrder:
    """A paid order handed over without a sale: journaled, and its handover queued for the
    central store (fulfilment delivered at this store)."""
    user = ctx.state.require_cashier()
    _check_open(ctx, order)
    if not order.paid:
        raise PickupError("pickup.not_paid", number=order.number)
    now = ctx.now()
    with ctx.uow as uow:
        if uow.outbox.by_key(pickup_key(order.id)) is not None:
            raise PickupError("pickup.handed_over_here", number=order.number)
        enqueue(uow.outbox, PICKUP_HANDOVER, pickup_key(order.id), handover_payload(
            order.id, order.number, ctx.config.location_id, ctx.register_id, now, 0, by=user.id))
        ctx.journal(PICKUP_HANDED_OVER, {"order_id": order.id, "order_no": order.number,
                                         "total": order.total, "paid_here": 0})
        uow.commit()
    # collected now, as the central store will say once the outbox has told it
    return replace(order, stage=PickupStage.COLLECTED, collected_at=now.isoformat())


def _check_open(ctx: RegisterContext, order: PickupOrder) -> None:
    if order.location_key != ctx.config.location_id:
        raise PickupError("pickup.not_this_store", number=order.number,
                          location=order.location_key)
    if order.stage is PickupStage.COLLECTED:
        raise PickupError("pickup.collected", number=order.number)
    if order.stage is PickupStage.CANCELED:
        raise PickupError("pickup.canceled", number=order.number)
    if order.id in ctx.state.cart.order_ids():
        raise PickupError("pickup.already_in_sale", number=order.number)
    with ctx.uow as uow:
        if uow.outbox.by_key(pickup_key(order.id)) is not None:
            raise PickupError("pickup.handed_over_here", number=order.number)


def _variant(found: Variant | None, line: PickupLine) -> Variant:
    """The till's article for an order line (its name, EAN and VAT as the till knows them), or
    one made from the line when the catalogue lacks it."""
    if found is not None and found.vat_rate is line.vat_rate:
        return found
    return Variant(id=f"order-line:{line.item_id}", sku=line.sku, ean=line.ean, name=line.name,
                   price=line.unit_price, vat_rate=line.vat_rate)

