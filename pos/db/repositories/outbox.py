"""Rows of the outbox: messages for the central store, each with its idempotency key."""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session

from pos.db.models_sync import DEAD, FAILED, PENDING, SENT, OutboxRow
from pos.db.repositories._upsert import insert, rowcount

O = cast(Table, OutboxRow.__table__)


class OutboxRepository:
    def __init__(self, session: Session):
        self.s = session

    def add(self, kind: str, key: str, payload: dict[str, Any], now: datetime) -> bool:
        """Add a message unless one with ``key`` exists; True when added (idempotent by key)."""
        stmt = insert(self.s, O).values(
            key=key, kind=kind,
            payload_json=json.dumps(payload, ensure_ascii=False, sort_keys=True),
            status=PENDING, attempts=0, next_attempt_at=now, last_error="", created_at=now,
        ).on_conflict_do_nothing(index_elements=[O.c.key]).returning(O.c.id)
        # the row it returns, not the row count: PostgreSQL (psycopg 3 under SQLAlchemy's
        # implicit RETURNING) reports 0 rows for an insert it made
        return self.s.execute(stmt).first() is not None

    def open_kinds(self) -> list[str]:
        return list(self.s.scalars(select(O.c.kind).where(O.c.status.in_((PENDING, FAILED)))
                                   .distinct().order_by(O.c.kind)))

    def head(self, kind: str) -> OutboxRow | None:
        """The oldest undelivered message of ``kind`` (dead ones are set aside, they do not
        block)."""
        return self.s.scalars(select(OutboxRow).where(OutboxRow.kind == kind,
                                                      OutboxRow.status.in_((PENDING, FAILED)))
                              .order_by(OutboxRow.id).limit(1)).first()

    def get(self, message_id: int) -> OutboxRow | None:
        return self.s.get(OutboxRow, message_id)

    def by_key(self, key: str) -> OutboxRow | None:
        return self.s.scalars(select(OutboxRow).where(OutboxRow.key == key)).first()

    def latest(self, limit: int = 500, status: str | None = None) -> list[OutboxRow]:
        """The newest messages first (of one ``status`` when given), for the back office."""
        q = select(OutboxRow).order_by(OutboxRow.id.desc()).limit(limit)
        if status is not None:
            q = q.where(OutboxRow.status == status)
        return list(self.s.scalars(q))

    def open_of_kind(self, kind: str) -> list[dict[str, Any]]:
        """The payloads of the messages of ``kind`` not delivered (waiting, failing or dead),
        oldest first: what this store did that the central store does not know yet."""
        rows = self.s.scalars(select(O.c.payload_json).where(
            O.c.kind == kind, O.c.status.in_((PENDING, FAILED, DEAD))).order_by(O.c.id))
        return [cast(dict[str, Any], json.loads(r)) for r in rows]

    def claim(self, message_id: int, seen: datetime, until: datetime) -> bool:
        """Take a message for delivery until ``until`` (a lease), if no one else took it since
        it was read with ``next_attempt_at == seen``. Several tills' workers may share one
        outbox: only one of them sends a message at a time, and a worker that dies loses its
        lease when it expires."""
        result = self.s.execute(update(O).where(O.c.id == message_id, O.c.next_attempt_at == seen,
                                                O.c.status.in_((PENDING, FAILED)))
                                .values(next_attempt_at=until))
        return rowcount(result) == 1

    def mark_sent(self, message_id: int, remote_id: str, now: datetime) -> None:
        self.s.execute(update(O).where(O.c.id == message_id).values(
            status=SENT, sent_at=now, remote_id=remote_id, attempts=O.c.attempts + 1,
            last_error=""))

    def mark_failed(self, message_id: int, error: str, next_at: datetime, dead: bool) -> None:
        self.s.execute(update(O).where(O.c.id == message_id).values(
            status=DEAD if dead else FAILED, attempts=O.c.attempts + 1, last_error=error[:2000],
            next_attempt_at=next_at))

    def retry_dead(self, now: datetime, key: str | None = None) -> int:
        """Put dead messages (or one, by key) back in the queue, due now; returns how many."""
        stmt = update(O).where(O.c.status == DEAD)
        if key is not None:
            stmt = stmt.where(O.c.key == key)
        return rowcount(self.s.execute(stmt.values(status=PENDING, next_attempt_at=now,
                                                   attempts=0)))

    def counts(self) -> dict[str, int]:
        rows = self.s.execute(select(O.c.status, func.count()).group_by(O.c.status)).all()
        out = {st: 0 for st in (PENDING, FAILED, SENT, DEAD)}
        out.update({st: int(n) for st, n in rows})
        return out

    def oldest_open_created(self) -> datetime | None:
        return self.s.scalar(select(func.min(O.c.created_at))
                             .where(O.c.status.in_((PENDING, FAILED))))

    def next_due(self) -> datetime | None:
        return self.s.scalar(select(func.min(O.c.next_attempt_at))
                             .where(O.c.status.in_((PENDING, FAILED))))

    def last_error(self) -> tuple[str, str] | None:
        """(key, error) of the most recently failed message still not delivered."""
        row = self.s.execute(select(O.c.key, O.c.last_error)
                             .where(O.c.status.in_((FAILED, DEAD)), O.c.last_error != "")
                             .order_by(O.c.next_attempt_at.desc(), O.c.id.desc())
                             .limit(1)).first()
        return (row[0], row[1]) if row else None
