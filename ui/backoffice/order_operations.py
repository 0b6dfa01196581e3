"""The Orders page's named operations (``ui/backoffice/operations.py``'s pattern): the local
rows on the register lane (the database), everything the central store says on the network
lane (its own unit of work where it journals), never on the GUI thread.

``central_view`` never fails for a central store that cannot be reached: it answers
``CentralView(online=False)`` and the page shows the local rows with "central status unknown
(offline)".
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pos.central_orders import CentralOrderStatus, CentralReturnStatus
from pos.errors import UserError
from pos.pickups import PickupError, PickupOrder
from pos.queries import orders as order_queries
from pos.services import order_desk
from ui.backoffice.context import BackofficeContext
from ui.lanes import Lanes
from ui.ops import Operation

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None] | None


@dataclass(frozen=True)
class LocalOrders:
    ship: list[order_queries.ShipToHomeRow]
    returns: list[order_queries.ReturnOrderRow]


@dataclass(frozen=True)
class CentralView:
    """What the central store said: ``online`` None (no central store here), False (not
    reachable: ``error`` says why, in the page's language through its code) or True."""

    online: bool | None
    pickups: list[PickupOrder] = field(default_factory=list)
    orders: dict[str, CentralOrderStatus] = field(default_factory=dict)
    returns: dict[str, CentralReturnStatus] = field(default_factory=dict)
    error: UserError | None = None
    seconds: float = 0.0


def local_orders(lanes: Lanes, ctx: BackofficeContext, first: date | None, last: date | None,
                 *, on_done: Done, on_error: Failed = None) -> Operation:
    def run() -> LocalOrders:
        return LocalOrders(order_queries.ship_to_home_orders(ctx.uow(), first, last),
                           order_queries.store_returns(ctx.uow(), first, last))
    return lanes.register.run(run, on_done, on_error, label="orders")


def central_view(lanes: Lanes, ctx: BackofficeContext, order_ids: Sequence[str],
                 return_ids: Sequence[str], *, on_done: Done,
                 on_error: Failed = None) -> Operation:
    """This store's pickup orders and the central status of ``order_ids`` and ``return_ids``:
    three batched reads on the network lane."""
    def run() -> CentralView:
        started = time.monotonic()
        store = ctx.central() if ctx.central is not None else None
        if store is None:
            return CentralView(None)
        try:
            pickups = store.pickups.pickup_orders(ctx.location_id, include_collected=True)
            orders = store.order_status.order_statuses(list(order_ids))
            returns = store.order_status.return_statuses(list(return_ids))
        except UserError as e:  # CommerceUnavailable, a refused key ...: the local rows stay
            log.warning("orders: central store: %s", e)
            return CentralView(False, error=e, seconds=time.monotonic() - started)
        return CentralView(True, pickups, orders, returns, seconds=time.monotonic() - started)
    return lanes.network.run(run, on_done, on_error, label="orders central")


def sale_detail(lanes: Lanes, ctx: BackofficeContext, sale_id: str, *, on_done: Done,
                on_error: Failed = None) -> Operation:
    return lanes.register.run(lambda: order_queries.sale_detail(ctx.uow(), sale_id), on_done,
                              on_error, label="order detail")


def journal_about(lanes: Lanes, ctx: BackofficeContext, needle: str, *, on_done: Done,
                  on_error: Failed = None) -> Operation:
    return lanes.register.run(lambda: order_queries.journal_about(ctx.uow(), needle), on_done,
                              on_error, label="order journal")


def _pickups(ctx: BackofficeContext) -> Any:
    store = ctx.central() if ctx.central is not None else None
    if store is None:
        raise PickupError("pickup.no_central_store")
    return store.pickups


def mark_arrived(lanes: Lanes, ctx: BackofficeContext, order_id: str, *, on_done: Done,
                 on_error: Failed = None) -> Operation:
    user = ctx.require_user()

    def run() -> PickupOrder:
        notifier = ctx.notifier() if ctx.notifier is not None else None
        return order_desk.mark_arrived(_pickups(ctx), notifier, ctx.uow(), ctx.location_id,
                                       ctx.location_name or ctx.store.store_name, order_id,
                                       ctx.now(), user.id)
    return lanes.network.run(run, on_done, on_error, label="pickup arrived")


def send_notice_again(lanes: Lanes, ctx: BackofficeContext, order_id: str, *, on_done: Done,
                      on_error: Failed = None) -> Operation:
    user = ctx.require_user()

    def run() -> PickupOrder:
        notifier = ctx.notifier() if ctx.notifier is not None else None
        return order_desk.send_notice_again(_pickups(ctx), notifier, ctx.uow(), ctx.location_id,
                                            ctx.location_name or ctx.store.store_name,
                                            order_id, ctx.now(), user.id)
    return lanes.network.run(run, on_done, on_error, label="pickup notice")
