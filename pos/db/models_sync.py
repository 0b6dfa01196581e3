"""Tables of the synchronisation with the central store: the outbox and named sync cursors.

``outbox``: one row per message the till must deliver exactly once (a store sale as an order ...).
The row is written in the same transaction as the thing it reports, so a sale is never stored
without its message, and the message survives restarts. ``key`` is the idempotency key the till
made (``sale:<sale id>``); it is also what the central store deduplicates on.

``sync_state``: small named values, e.g. the ``updated_since`` cursor of the catalogue delta sync.

``customer_cards``: the central store's customer for each loyalty card this store has read (as
``CustomerRef.to_dict()``), so a card finds its customer while the central store is unreachable.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.base import Base

# Status of an outbox message.
PENDING = "pending"  # never tried, or due again
FAILED = "failed"  # last try failed; retried at next_attempt_at
SENT = "sent"  # delivered; remote_id is the central store's id
DEAD = "dead"  # gave up (a permanent error after max attempts): needs a person
STATUSES = (PENDING, FAILED, SENT, DEAD)


class OutboxRow(Base):
    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    payload_json: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default=PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    remote_id: Mapped[str | None] = mapped_column(String(100), nullable=True)

    __table_args__ = (Index("ix_outbox_status_kind_id", "status", "kind", "id"),)


class SyncStateRow(Base):
    __tablename__ = "sync_state"
    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class CustomerCardRow(Base):
    __tablename__ = "customer_cards"
    card: Mapped[str] = mapped_column(String(20), primary_key=True)
    customer_json: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
