"""How the delivery of the till's messages (sales as orders) to the central store stands."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from pos.services.unit_of_work import UnitOfWork
from pos.sync.outbox import OutboxStatus


def outbox_status(uow: UnitOfWork, now: datetime | None = None) -> OutboxStatus:
    """Counts by status, the oldest waiting message's age, the next attempt and the last error
    (times naive UTC, as stored)."""
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    with uow:
        oldest = uow.outbox.oldest_open_created()
        return OutboxStatus(
            counts=uow.outbox.counts(),
            oldest_pending_age=None if oldest is None else max(now - oldest, timedelta(0)),
            next_attempt_at=uow.outbox.next_due(), last_error=uow.outbox.last_error())


@dataclass(frozen=True)
class OutboxMessage:
    """One message to the central store as the back office lists it (times naive UTC)."""

    id: int
    key: str
    kind: str
    status: str  # pending, failed, sent, dead
    attempts: int
    created_at: datetime
    next_attempt_at: datetime
    sent_at: datetime | None
    last_error: str
    remote_id: str | None


def outbox_messages(uow: UnitOfWork, limit: int = 500,
                    status: str | None = None) -> list[OutboxMessage]:
    """The newest ``limit`` messages, newest first (every status, or one)."""
    with uow:
        return [OutboxMessage(r.id, r.key, r.kind, r.status, r.attempts, r.created_at,
                              r.next_attempt_at, r.sent_at, r.last_error or "", r.remote_id)
                for r in uow.outbox.latest(limit, status)]
