"""Rows of the outbox, the sync cursors and the customer cards read here. Never commits: the
caller owns the transaction."""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Table, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from pos.db.models_sync import (DEAD, FAILED, PENDING, SENT, CustomerCardRow, OutboxRow,
                                SyncStateRow)

O = cast(Table, OutboxRow.__table__)


def _count(result: Any) -> int:
    return int(cast(CursorResult[Any], result).rowcount or 0)


def _insert(s: Session, table: Any) -> Any:
    return (pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert)(table)


def add_message(s: Session, kind: str, key: str, payload: dict[str, Any], now: datetime) -> bool:
    """Add a message unless one with ``key`` exists; True when added (idempotent by key)."""
    stmt = _insert(s, O).values(
        key=key, kind=kind, payload_json=json.dumps(payload, ensure_ascii=False, sort_keys=True),
        status=PENDING, attempts=0, next_attempt_at=now, last_error="", created_at=now,
    ).on_conflict_do_nothing(index_elements=[O.c.key])
    return _count(s.execute(stmt)) > 0


def open_kinds(s: Session) -> list[str]:
    return list(s.scalars(select(O.c.kind).where(O.c.status.in_((PENDING, FAILED)))
                          .distinct().order_by(O.c.kind)))


def head(s: Session, kind: str) -> OutboxRow | None:
    """The oldest undelivered message of ``kind`` (dead ones are set aside, they do not block)."""
    return s.scalars(select(OutboxRow).where(OutboxRow.kind == kind,
                                             OutboxRow.status.in_((PENDING, FAILED)))
                     .order_by(OutboxRow.id).limit(1)).first()


def get(s: Session, message_id: int) -> OutboxRow | None:
    return s.get(OutboxRow, message_id)


def by_key(s: Session, key: str) -> OutboxRow | None:
    return s.scalars(select(OutboxRow).where(OutboxRow.key == key)).first()


def claim(s: Session, message_id: int, seen: datetime, until: datetime) -> bool:
    """Take a message for delivery until ``until`` (a lease), if no one else took it since it was
    read with ``next_attempt_at == seen``. Several tills' workers may share one outbox: only one
    of them sends a message at a time, and a worker that dies loses its lease when it expires."""
    result = s.execute(update(O).where(O.c.id == message_id, O.c.next_attempt_at == seen,
                                       O.c.status.in_((PENDING, FAILED)))
                       .values(next_attempt_at=until))
    return _count(result) == 1


def mark_sent(s: Session, message_id: int, remote_id: str, now: datetime) -> None:
    s.execute(update(O).where(O.c.id == message_id).values(
        status=SENT, sent_at=now, remote_id=remote_id, attempts=O.c.attempts + 1, last_error=""))


def mark_failed(s: Session, message_id: int, error: str, next_at: datetime, dead: bool) -> None:
    s.execute(update(O).where(O.c.id == message_id).values(
        status=DEAD if dead else FAILED, attempts=O.c.attempts + 1, last_error=error[:2000],
        next_attempt_at=next_at))


def retry_dead(s: Session, now: datetime, key: str | None = None) -> int:
    """Put dead messages (or one, by key) back in the queue, due now; returns how many."""
    stmt = update(O).where(O.c.status == DEAD)
    if key is not None:
        stmt = stmt.where(O.c.key == key)
    return _count(s.execute(stmt.values(status=PENDING, next_attempt_at=now, attempts=0)))


def counts(s: Session) -> dict[str, int]:
    rows = s.execute(select(O.c.status, func.count()).group_by(O.c.status)).all()
    out = {st: 0 for st in (PENDING, FAILED, SENT, DEAD)}
    out.update({st: int(n) for st, n in rows})
    return out


def oldest_open_created(s: Session) -> datetime | None:
    return s.scalar(select(func.min(O.c.created_at)).where(O.c.status.in_((PENDING, FAILED))))


def next_due(s: Session) -> datetime | None:
    return s.scalar(select(func.min(O.c.next_attempt_at)).where(O.c.status.in_((PENDING, FAILED))))


def last_error(s: Session) -> tuple[str, str] | None:
    """(key, error) of the most recently failed message still not delivered."""
    row = s.execute(select(O.c.key, O.c.last_error)
                    .where(O.c.status.in_((FAILED, DEAD)), O.c.last_error != "")
                    .order_by(O.c.next_attempt_at.desc(), O.c.id.desc()).limit(1)).first()
    return (row[0], row[1]) if row else None


# --- sync cursors --------------------------------------------------------------------------------


def get_state(s: Session, name: str) -> str | None:
    row = s.get(SyncStateRow, name)
    return row.value if row else None


def set_state(s: Session, name: str, value: str, now: datetime) -> None:
    ins = _insert(s, cast(Table, SyncStateRow.__table__)).values(name=name, value=value, updated_at=now)
    s.execute(ins.on_conflict_do_update(index_elements=["name"],
                                        set_={"value": value, "updated_at": now}))


def all_state(s: Session) -> dict[str, tuple[str, datetime]]:
    return {r.name: (r.value, r.updated_at) for r in s.scalars(select(SyncStateRow))}


def remember_card(s: Session, card: str, customer: dict[str, Any], now: datetime) -> None:
    """Keep (or refresh) whose loyalty card ``card`` is."""
    value = json.dumps(customer, ensure_ascii=False, sort_keys=True)
    ins = _insert(s, cast(Table, CustomerCardRow.__table__)).values(
        card=card, customer_json=value, updated_at=now)
    s.execute(ins.on_conflict_do_update(index_elements=["card"],
                                        set_={"customer_json": value, "updated_at": now}))


def card_customer(s: Session, card: str) -> tuple[dict[str, Any], datetime] | None:
    """Whose card ``card`` was when it was last read here, and when."""
    row = s.get(CustomerCardRow, card)
    return (json.loads(row.customer_json), row.updated_at) if row else None
