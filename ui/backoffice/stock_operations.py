"""The Stock page's named operations (``ui.backoffice.stock_page``): what waits on the central
store (a stock report, a first count of an article, receiving, sending posted counts) runs on
the network lane; what is the store's database alone (the open count, a typed figure, posting)
on the database lane (``register``). Results come back to ``on_done`` on the GUI thread.

The central store is built once per back office on the network lane (its own connection) and
kept there.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from pos.delivery import DeliveryRules
from pos.services import stock_counts as counts
from pos.services import stock_receiving as receiving
from pos.services.stock_lookup import find_article, stock_report
from pos.stock_count import CountScope, Threshold
from pos.stock_transfers import Transfer
from ui.backoffice.context import BackofficeContext
from ui.lanes import Lanes
from ui.ops import Operation

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None] | None

_central_lock = threading.Lock()


def central(ctx: BackofficeContext) -> Any:
    """The central store (``pos.ports.CommerceStore``) or None; built on the calling worker the
    first time and kept on the context."""
    with _central_lock:
        if not hasattr(ctx, "_stock_central"):
            built = None
            if ctx.central is not None:
                try:
                    built = ctx.central()
                except Exception:  # noqa: BLE001 - no usable central store: the synced figures
                    built = None
            setattr(ctx, "_stock_central", built)
        return getattr(ctx, "_stock_central")


def _part(ctx: BackofficeContext, name: str) -> Any:
    store = central(ctx)
    return getattr(store, name, None) if store is not None else None


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


# --- an article's stock ----------------------------------------------------------------------------

def article_stock(lanes: Lanes, ctx: BackofficeContext, code: str, *, on_done: Done,
                  on_error: Failed = None) -> Operation:
    """``on_done(StockReport)`` for the article a code (EAN, SKU, PLU) names, or the only one
    whose name matches: fresh from the central store, else the synced figures; when several
    names match, ``on_done(list of Variant)`` for the manager to choose from."""
    from pos.services.stock_lookup import StockLookupError

    def run() -> Any:
        uow = ctx.uow()
        try:
            variant = find_article(uow, code)
        except StockLookupError:
            with uow:
                found = uow.catalog.search(code, limit=50)
            if len(found) != 1:
                if found:
                    return found
                raise
            variant = found[0]
        return stock_report(uow, _part(ctx, "stock"), variant, ctx.location_id, DeliveryRules())
    return lanes.network.run(run, on_done, on_error, label="article stock")


# --- stock counts ----------------------------------------------------------------------------------

def open_count(lanes: Lanes, ctx: BackofficeContext, *, on_done: Done,
               on_error: Failed = None) -> Operation:
    return lanes.register.run(lambda: counts.current_count(ctx.uow(), ctx.location_id),
                              on_done, on_error, label="open count")


def categories(lanes: Lanes, ctx: BackofficeContext, *, on_done: Done,
               on_error: Failed = None) -> Operation:
    """The catalogue's categories (the web's, kept for the kiosk), for a count of one."""
    def run() -> Any:
        uow = ctx.uow()
        with uow:
            return uow.kiosk.categories()
    return lanes.register.run(run, on_done, on_error, label="categories")


def start_count(lanes: Lanes, ctx: BackofficeContext, scope: CountScope, *, on_done: Done,
                on_error: Failed = None) -> Operation:
    by = ctx.require_user().id
    return lanes.register.run(
        lambda: counts.start_count(ctx.uow(), ctx.now(), by, ctx.location_id, scope),
        on_done, on_error, label="start count")


def count_article(lanes: Lanes, ctx: BackofficeContext, count_id: str, code: str, *,
                  set_to: int | None = None, on_done: Done,
                  on_error: Failed = None) -> Operation:
    """A scan (+1) or a typed figure; ``on_done((count, line))``. On the network lane: the first
    count of an article asks the central store for its expected figure."""
    def run() -> Any:
        return counts.count_article(ctx.uow(), _part(ctx, "stock"), count_id, code, ctx.now(),
                                    ctx.location_id, set_to=set_to, clock=utc_now)
    return lanes.network.run(run, on_done, on_error, label="count article")


def set_counted(lanes: Lanes, ctx: BackofficeContext, count_id: str, variant_id: str,
                counted: int, *, on_done: Done, on_error: Failed = None) -> Operation:
    return lanes.register.run(
        lambda: counts.set_counted(ctx.uow(), count_id, variant_id, counted, ctx.now()),
        on_done, on_error, label="set counted")


def remove_line(lanes: Lanes, ctx: BackofficeContext, count_id: str, variant_id: str, *,
                on_done: Done, on_error: Failed = None) -> Operation:
    return lanes.register.run(lambda: counts.remove_line(ctx.uow(), count_id, variant_id),
                              on_done, on_error, label="remove count line")


def cancel_count(lanes: Lanes, ctx: BackofficeContext, count_id: str, *, on_done: Done,
                 on_error: Failed = None) -> Operation:
    by = ctx.require_user().id
    return lanes.register.run(lambda: counts.cancel_count(ctx.uow(), count_id, ctx.now(), by),
                              on_done, on_error, label="cancel count")


def uncounted(lanes: Lanes, ctx: BackofficeContext, count_id: str, *, on_done: Done,
              on_error: Failed = None) -> Operation:
    """A whole-store count's articles not counted (set to 0 when posted); ``on_done(lines)``."""
    return lanes.register.run(lambda: counts.uncounted(ctx.uow(), count_id), on_done, on_error,
                              label="uncounted")


def post_count(lanes: Lanes, ctx: BackofficeContext, count_id: str, confirmed: bool,
               threshold: Threshold, *, on_done: Done, on_error: Failed = None,
               zero_uncounted: list[str] | None = None) -> Operation:
    """Post (one transaction: the outbox, the journal, the local stock); ``on_done(keys)``.
    ``zero_uncounted``: a whole-store count's articles not counted, as the manager saw them."""
    by = ctx.require_user().id
    return lanes.register.run(
        lambda: counts.post_count(ctx.uow(), count_id, ctx.now(), by, confirmed=confirmed,
                                  threshold=threshold, zero_uncounted=zero_uncounted),
        on_done, on_error, label="post count")


def send_adjustments(lanes: Lanes, ctx: BackofficeContext, keys: list[str],
                     on_progress: Callable[[int, int], None], *, on_done: Done,
                     on_error: Failed = None) -> Operation:
    """Send a posted count's adjustments now (the network lane), ``on_progress(sent, of)``
    called on the worker; ``on_done((sent, keys left))``. Left ones stay in the outbox."""
    from pos.sync.stock_events import deliver_now

    def run() -> Any:
        store = central(ctx)
        if store is None:
            return 0, list(keys)
        return deliver_now(ctx.uow(), store, keys, on_progress)
    return lanes.network.run(run, on_done, on_error, label="send adjustments")


# --- receiving -------------------------------------------------------------------------------------

def incoming(lanes: Lanes, ctx: BackofficeContext, *, on_done: Done,
             on_error: Failed = None) -> Operation:
    """``on_done((transfers, parcels, states))`` on their way here, with the transfers received
    here whose receipt is not sent yet and each received one's state
    (``receiving.receipt_states``); transfers and parcels None with no central store."""
    def run() -> Any:
        transfers, pickups = _part(ctx, "stock_transfers"), _part(ctx, "pickups")
        found, states = receiving.incoming_with_receipts(transfers, ctx.uow(), ctx.location_id)
        p = (receiving.parcels_on_their_way(pickups, ctx.location_id)
             if pickups is not None else None)
        return (found if transfers is not None or found else None), p, states
    return lanes.network.run(run, on_done, on_error, label="incoming")


def waiting_receipts(lanes: Lanes, ctx: BackofficeContext, *, on_done: Done,
                     on_error: Failed = None) -> Operation:
    """``on_done((transfers, states))``: the transfers received here and not yet sent (the
    database alone: shown while the central store does not answer)."""
    def run() -> Any:
        found = receiving.waiting_receipts(ctx.uow())
        return found, receiving.receipt_states(ctx.uow(), [t.id for t in found])
    return lanes.register.run(run, on_done, on_error, label="waiting receipts")


def receive_transfer(lanes: Lanes, ctx: BackofficeContext, transfer: Transfer,
                     received: dict[str, int], *, on_done: Done,
                     on_error: Failed = None) -> Operation:
    """Received here (journal, stock, outbox: the database lane; the central store need not
    answer); ``on_done(transfer as received)``. ``send_receipt`` then sends it."""
    by = ctx.require_user().id
    return lanes.register.run(
        lambda: receiving.receive_transfer(ctx.uow(), transfer, received, ctx.now(), by,
                                           ctx.location_id),
        on_done, on_error, label="receive transfer")


def send_receipt(lanes: Lanes, ctx: BackofficeContext, transfer_id: str, *, on_done: Done,
                 on_error: Failed = None) -> Operation:
    """A transfer received here sent to the central store now (the network lane), as the
    outbox would; ``on_done(state)`` (``receiving.WAITING`` when it did not take it now: the
    tills' outbox goes on trying)."""
    from pos.sync.stock_events import TRANSFER_RECEIPT, deliver_now

    def run() -> Any:
        store = central(ctx)
        if store is not None:
            deliver_now(ctx.uow(), store, [receiving.receive_key(transfer_id)],
                        kinds=(TRANSFER_RECEIPT,))
        return receiving.receipt_states(ctx.uow(), [transfer_id]).get(transfer_id,
                                                                      receiving.WAITING)
    return lanes.network.run(run, on_done, on_error, label="send receipt")


def receive_parcel(lanes: Lanes, ctx: BackofficeContext, code: str, *, on_done: Done,
                   on_error: Failed = None) -> Operation:
    """A ship-to-store parcel received (marked arrived, the customer told, journaled)."""
    from pos.services import pickups as pickup_service
    from pos.services.backoffice import BACKOFFICE
    by = ctx.require_user().id

    def run() -> Any:
        notifier = ctx.notifier() if ctx.notifier is not None else None
        return pickup_service.receive(_part(ctx, "pickups"), notifier, ctx.uow(), BACKOFFICE,
                                      ctx.location_id, ctx.store.store_name, code, ctx.now(), by)
    return lanes.network.run(run, on_done, on_error, label="receive parcel")
