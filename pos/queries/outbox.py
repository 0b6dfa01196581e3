"""How the delivery of the till's messages (sales as orders) to the central store stands."""
from __future__ import annotations

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
