"""A till's return as the outbox message that records it on the purchase's order in the central
store (``pos.ports.ReturnsDesk``): the goods received at the store's location, the web
payment's share refunded, what the till paid out kept on the order.

One message per return receipt (key ``return:<return sale id>``, payload
``CentralReturn.to_dict()``); the central store's side finds a return by its key and finishes
whatever step a lost answer or a restart interrupted, so it is recorded once. A return the
order refuses (``ReturnError``: more units than it has left, e.g. returned by post meanwhile)
is no failure a retry can mend: the outbox sets it aside at once (``permanent``) for a person,
who sees its reason in the outbox's status.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pos.db.repositories import OutboxRepository
from pos.ports import ReturnsDesk
from pos.returns import CentralReturn, ReturnError
from pos.sync.outbox import enqueue

CENTRAL_RETURN = "return"


def return_key(return_sale_id: str) -> str:
    """The idempotency key of a return receipt's central return."""
    return f"return:{return_sale_id}"


def enqueue_return(outbox: OutboxRepository, ret: CentralReturn) -> str:
    """Queue ``ret`` in the caller's transaction (the one that stores the return receipt);
    returns the key. Queueing the same return twice is harmless."""
    key = return_key(ret.return_sale_id)
    enqueue(outbox, CENTRAL_RETURN, key, ret.to_dict())
    return key


def return_handler(desk: ReturnsDesk) -> Callable[[Any, dict[str, Any], str], str]:
    """The outbox handler of ``CENTRAL_RETURN`` messages, over the central store's returns."""
    def send(_sink: Any, payload: dict[str, Any], key: str) -> str:
        try:
            return desk.register_return(CentralReturn.from_dict(payload), key)
        except ReturnError as e:
            e.permanent = True  # type: ignore[attr-defined]  # refused: no retry mends it
            raise
    return send


def return_handlers(store: Any) -> dict[str, Callable[[Any, dict[str, Any], str], str]]:
    """The outbox handlers this flow adds, for a central store that has a returns desk (none
    else: the messages wait in the outbox)."""
    desk = getattr(store, "returns", None)
    return {CENTRAL_RETURN: return_handler(desk)} if desk is not None else {}
