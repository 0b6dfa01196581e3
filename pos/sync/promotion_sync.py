"""The central store's promotions kept locally, so the till applies them when it is offline.

Promotions are few (tens, not millions): the whole set is fetched and stored as one JSON document
in ``sync_state`` (``promotions``), replaced in one transaction, so the till always sees a
complete set, never half of an update.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime, timezone

from sqlalchemy.orm import Session, sessionmaker

from pos.db import sync_repositories as state
from pos.promotions import Promotion, promotion_to_dict

KEY = "promotions"


def store_promotions(session: Session, promotions: Iterable[Promotion],
                     now: datetime | None = None) -> int:
    """Replace the local set (in the caller's transaction); returns how many."""
    docs = [promotion_to_dict(p) for p in promotions]
    state.set_state(session, KEY, json.dumps(docs, ensure_ascii=False, sort_keys=True),
                    now or datetime.now(timezone.utc).replace(tzinfo=None))
    return len(docs)


def load_promotions(session: Session) -> list[Promotion]:
    """The promotions last synchronised (empty before the first sync)."""
    text = state.get_state(session, KEY)
    return [Promotion.from_medusa(d) for d in json.loads(text)] if text else []


def sync_promotions(session_factory: sessionmaker[Session],
                    fetch: Callable[[], list[Promotion]]) -> int:
    """Fetch every promotion from the central store and replace the local set."""
    promotions = fetch()
    with session_factory() as s, s.begin():
        return store_promotions(s, promotions)
