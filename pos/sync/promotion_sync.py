"""The central store's promotions kept locally, so the till applies them when it is offline.

Promotions are few (tens, not millions): the whole set is fetched and stored as one JSON document
in ``sync_state`` (``promotions``), replaced in one transaction, so the till always sees a
complete set, never half of an update.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timezone
from typing import Any

from pos.db.repositories import SyncStateRepository
from pos.promotions import Promotion, promotion_to_dict
from pos.services.unit_of_work import UnitOfWork

KEY = "promotions"
CONTEXT_KEY = "promotions.context"


def store_promotions(sync_state: SyncStateRepository, promotions: Iterable[Promotion],
                     now: datetime | None = None,
                     context: Mapping[str, Any] | None = None) -> int:
    """Replace the local set (in the caller's transaction); returns how many. ``context`` is what
    order-scope rules may ask about this till's sales beyond their lines, as the central store
    names it (e.g. ``{"sales_channel_id": "sc_..."}``: "store only" and "web only" promotions)."""
    docs = [promotion_to_dict(p) for p in promotions]
    stamp = now or datetime.now(timezone.utc).replace(tzinfo=None)
    sync_state.set(KEY, json.dumps(docs, ensure_ascii=False, sort_keys=True), stamp)
    if context is not None:
        sync_state.set(CONTEXT_KEY, json.dumps(dict(context), sort_keys=True), stamp)
    return len(docs)


def load_promotions(sync_state: SyncStateRepository) -> list[Promotion]:
    """The promotions last synchronised (empty before the first sync)."""
    text = sync_state.get(KEY)
    return [Promotion.from_medusa(d) for d in json.loads(text)] if text else []


def load_promotion_context(sync_state: SyncStateRepository) -> dict[str, Any]:
    text = sync_state.get(CONTEXT_KEY)
    return dict(json.loads(text)) if text else {}


def sync_promotions(uow: UnitOfWork, fetch: Callable[[], list[Promotion]],
                    context: Mapping[str, Any] | None = None) -> int:
    """Fetch every promotion from the central store and replace the local set."""
    promotions = fetch()
    with uow:
        count = store_promotions(uow.sync_state, promotions, context=context)
        uow.commit()
    return count
