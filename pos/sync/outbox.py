"""The outbox: durable, exactly-once delivery of the till's messages to the central store.

How exactly-once is reached:

- ``enqueue`` writes the message in the caller's transaction (the one that stores the sale), so a
  sale is never committed without its message and never a message without its sale.
- The worker reads a message, calls the store *outside* any database transaction, then records
  the result. A crash or a lost answer between the call and the record means the call is made
  again after a restart, with the same idempotency key (the message's ``key``); the store
  deduplicates on it (``OrderSink.create_store_order`` is idempotent by key), so the central
  store sees one order whatever happens. The till "sends" at least once; the store records once.
- Order: messages of one kind are delivered oldest first. A message that fails blocks the later
  ones of its kind until it is delivered (or declared dead); other kinds go on.
- Retries: exponential backoff with jitter, capped. Unavailability (the store is down, a timeout)
  is retried for ever; any other error counts towards ``max_attempts``, after which the message is
  ``dead`` (set aside so the queue moves on; ``retry_dead`` puts it back after a fix).
- All state is in the database: a restarted worker continues where the last one stopped.
- Several workers (tills sharing one PostgreSQL) may run at once: a worker takes a message with a
  compare-and-set lease on ``next_attempt_at`` before sending it, so one message is never sent by
  two workers at the same time; a worker that dies mid-send loses its lease when it expires.
"""
from __future__ import annotations

import json
import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from pos.commerce import StoreOrder
from pos.db.models_sync import DEAD, FAILED, PENDING, SENT
from pos.db.repositories import OutboxRepository
from pos.ports import CommerceUnavailable, MailUnavailable, OrderSink
from pos.services.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

STORE_ORDER = "store_order"

Handler = Callable[[OrderSink, dict[str, Any], str], str]
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """Naive UTC, as the DateTime columns store it."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _send_store_order(store: OrderSink, payload: dict[str, Any], key: str) -> str:
    return store.create_store_order(StoreOrder.from_dict(payload), key)


DEFAULT_HANDLERS: dict[str, Handler] = {STORE_ORDER: _send_store_order}

TRANSIENT: tuple[type[BaseException], ...] = (CommerceUnavailable, MailUnavailable, TimeoutError,
                                              ConnectionError)


def enqueue(outbox: OutboxRepository, kind: str, key: str, payload: dict[str, Any],
            now: datetime | None = None) -> bool:
    """Add a message in the caller's transaction; True if added, False if ``key`` is queued
    already (enqueueing is idempotent too). Does not commit."""
    if not key:
        raise ValueError("an outbox message needs its idempotency key")
    return outbox.add(kind, key, payload, now or utc_now())


@dataclass(frozen=True)
class Backoff:
    """Delay before attempt n+1 after n failures: ``base * 2**(n-1)``, capped at ``cap``, with
    "equal jitter" (between half and all of it) so that many tills do not retry in step."""

    base: float = 2.0
    cap: float = 300.0

    def delay(self, failures: int, rng: random.Random) -> timedelta:
        raw = min(self.cap, self.base * (2 ** max(failures - 1, 0)))
        return timedelta(seconds=raw / 2 + rng.random() * raw / 2)


@dataclass
class DeliveryReport:
    sent: list[str] = field(default_factory=list)  # keys delivered in this run, in order
    failed: list[tuple[str, str]] = field(default_factory=list)  # (key, error)
    dead: list[str] = field(default_factory=list)
    blocked_kinds: list[str] = field(default_factory=list)  # head not due yet

    @property
    def delivered(self) -> int:
        return len(self.sent)


@dataclass(frozen=True)
class OutboxStatus:
    counts: dict[str, int]
    oldest_pending_age: timedelta | None  # age of the oldest message not yet delivered
    next_attempt_at: datetime | None
    last_error: tuple[str, str] | None  # (key, message)

    @property
    def pending(self) -> int:
        return self.counts.get(PENDING, 0) + self.counts.get(FAILED, 0)

    def summary(self) -> str:
        c = self.counts
        text = (f"outbox: {c.get(SENT, 0)} sent, {c.get(PENDING, 0)} pending, "
                f"{c.get(FAILED, 0)} failed (retrying), {c.get(DEAD, 0)} dead")
        if self.oldest_pending_age is not None:
            text += f"; oldest waiting {int(self.oldest_pending_age.total_seconds())} s"
        if self.last_error:
            text += f"; last error ({self.last_error[0]}): {self.last_error[1]}"
        return text


def retry_dead(uow: UnitOfWork, key: str | None = None, now: datetime | None = None) -> int:
    """Queue dead messages again (all, or the one with ``key``, after the cause was fixed);
    returns how many."""
    with uow:
        count = uow.outbox.retry_dead(now or utc_now(), key)
        uow.commit()
    return count


class OutboxWorker:
    def __init__(self, uow: UnitOfWork, store: OrderSink,
                 clock: Clock = utc_now, *, handlers: dict[str, Handler] | None = None,
                 backoff: Backoff = Backoff(), max_attempts: int = 10, batch: int = 100,
                 lease: timedelta = timedelta(minutes=5),
                 rng: random.Random | None = None, kinds: tuple[str, ...] | None = None) -> None:
        self.uow = uow  # the worker's own: it runs in a thread of its own
        self.store = store
        self.clock = clock
        self.handlers = dict(DEFAULT_HANDLERS if handlers is None else handlers)
        self.backoff = backoff
        self.max_attempts = max_attempts
        self.batch = batch
        self.lease = lease  # longer than any one delivery can take (HTTP timeouts and retries)
        self.rng = rng or random.Random()
        # only these kinds (a worker for e-mail alone, when no central store takes the rest);
        # None: every kind queued
        self.kinds = kinds
        self._lock = threading.Lock()  # one run at a time per worker object

    def run_once(self) -> DeliveryReport:
        """Deliver what is due, oldest first per kind, at most ``batch`` messages."""
        report = DeliveryReport()
        with self._lock:
            with self.uow:
                kinds = self.uow.outbox.open_kinds()
            if self.kinds is not None:
                kinds = [k for k in kinds if k in self.kinds]
            budget = self.batch
            for kind in kinds:
                while budget > 0:
                    if not self._deliver_head(kind, report):
                        break
                    budget -= 1
        return report

    def _deliver_head(self, kind: str, report: DeliveryReport) -> bool:
        """Try the oldest message of ``kind``; True if it was delivered (go on with the next)."""
        now = self.clock()
        with self.uow:  # read only: SQLite cannot upgrade a read to a write under contention
            row = self.uow.outbox.head(kind)
            if row is None:
                return False
            if row.next_attempt_at > now:  # backing off, or another worker holds it
                report.blocked_kinds.append(kind)
                return False
            msg_id, key, attempts, seen = row.id, row.key, row.attempts, row.next_attempt_at
            payload = json.loads(row.payload_json)
        with self.uow:
            claimed = self.uow.outbox.claim(msg_id, seen, now + self.lease)
            self.uow.commit()
        if not claimed:
            report.blocked_kinds.append(kind)
            return False
        handler = self.handlers.get(kind)
        try:
            if handler is None:
                raise LookupError(f"no handler for outbox messages of kind {kind!r}")
            remote_id = handler(self.store, payload, key)
        except Exception as e:  # noqa: BLE001 - every failure is recorded, none is lost
            transient = isinstance(e, TRANSIENT)
            failures = attempts + 1
            # an error no retry can mend (``permanent``: a web cart sold twice) is set aside
            # at once, for a person to see in the outbox's status
            dead = not transient and (failures >= self.max_attempts
                                      or bool(getattr(e, "permanent", False)))
            error = f"{type(e).__name__}: {e}"
            next_at = self.clock() + self.backoff.delay(failures, self.rng)
            with self.uow:
                self.uow.outbox.mark_failed(msg_id, error, next_at, dead)
                self.uow.commit()
            (report.dead.append(key) if dead else report.failed.append((key, error)))
            log.warning("outbox %s: %s (attempt %d%s)", key, error, failures,
                        ", giving up" if dead else f", next at {next_at:%H:%M:%S}")
            return dead  # a dead head is set aside: the next one of its kind may go
        with self.uow:
            self.uow.outbox.mark_sent(msg_id, str(remote_id), self.clock())
            self.uow.commit()
        report.sent.append(key)
        return True

    def run_forever(self, stop_event: threading.Event, interval: float = 5.0) -> None:
        """Deliver until ``stop_event`` is set: again at once while there is work that could be
        delivered, else every ``interval`` seconds. Never dies of an error (it is logged)."""
        while not stop_event.is_set():
            busy = False
            try:
                report = self.run_once()
                busy = bool(report.sent) and not report.failed
            except Exception:  # noqa: BLE001 - e.g. the database is briefly locked
                log.exception("outbox run failed")
            if not busy:
                stop_event.wait(interval)

    def start_thread(self, stop_event: threading.Event, interval: float = 5.0) -> threading.Thread:
        t = threading.Thread(target=self.run_forever, args=(stop_event, interval),
                             name="outbox-worker", daemon=True)
        t.start()
        return t
