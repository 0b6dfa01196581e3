"""The electronic journal's rows: appended under the register's lock, never changed."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos.db.models_till import JournalRow, RegisterRow
from pos.db.repositories.registers import RegisterRepository
from pos.journal import GENESIS, JournalEntry, make_entry


def _entry(r: JournalRow) -> JournalEntry:
    return JournalEntry(r.seq, r.ts, r.register_id, r.kind, r.payload_json, r.prev_hash, r.hash)


class JournalRepository:
    def __init__(self, session: Session):
        self.s = session

    def append(self, register_id: str, ts: str, kind: str,
               payload: dict[str, Any]) -> JournalEntry:
        """Append under the register's row lock; moves the head in the same transaction."""
        reg = RegisterRepository(self.s).lock(register_id)
        entry = make_entry((reg.journal_head_seq, reg.journal_head_hash), ts, register_id, kind,
                           payload)
        self.s.add(JournalRow(register_id=register_id, seq=entry.seq, ts=entry.ts,
                              kind=entry.kind, payload_json=entry.payload_json,
                              prev_hash=entry.prev_hash, hash=entry.hash))
        reg.journal_head_seq, reg.journal_head_hash = entry.seq, entry.hash
        return entry

    def record(self, register_id: str, at: datetime, kind: str, payload: dict[str, Any],
               user: str | None) -> JournalEntry:
        """A line of ``kind`` (``pos.journal.Kind``) with who did it first in its payload."""
        return self.append(register_id, at.isoformat(), kind, {"user": user, **payload})

    def entries(self, register_id: str) -> Iterator[JournalEntry]:
        q = (select(JournalRow).where(JournalRow.register_id == register_id)
             .order_by(JournalRow.seq))
        for r in self.s.execute(q).scalars():
            yield _entry(r)

    def of_kinds(self, kinds: tuple[str, ...], register_id: str | None = None,
                 limit: int = 1000) -> list[JournalEntry]:
        """The newest entries of ``kinds`` (of every register when ``register_id`` is None),
        newest first."""
        q = select(JournalRow).where(JournalRow.kind.in_(kinds))
        if register_id:
            q = q.where(JournalRow.register_id == register_id)
        q = q.order_by(JournalRow.ts.desc(), JournalRow.register_id, JournalRow.seq.desc())
        return [_entry(r) for r in self.s.execute(q.limit(limit)).scalars()]

    def head(self, register_id: str) -> tuple[int, str]:
        """(last seq, its hash) as the register row keeps it."""
        reg = self.s.get(RegisterRow, register_id)
        return (reg.journal_head_seq, reg.journal_head_hash) if reg else (0, GENESIS)

    def count(self, register_id: str, kind: str | None = None) -> int:
        q = (select(func.count()).select_from(JournalRow)
             .where(JournalRow.register_id == register_id))
        if kind:
            q = q.where(JournalRow.kind == kind)
        return int(self.s.execute(q).scalar_one())

    # --- the back office's browsing and export (``pos.queries.journal_browse``) ---------------

    def _where(self, q: Any, start: str | None, end: str | None, register_id: str | None,
               kind: str | None, text: str | None) -> Any:
        if start:
            q = q.where(JournalRow.ts >= start)
        if end:
            q = q.where(JournalRow.ts < end)
        if register_id:
            q = q.where(JournalRow.register_id == register_id)
        if kind:
            q = q.where(JournalRow.kind == kind)
        if text:
            pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            q = q.where(JournalRow.payload_json.ilike(pattern, escape="\\")
                        | JournalRow.kind.ilike(pattern, escape="\\"))
        return q

    def search(self, *, start: str | None = None, end: str | None = None,
               register_id: str | None = None, kind: str | None = None,
               text: str | None = None, offset: int = 0,
               limit: int | None = 100) -> list[JournalEntry]:
        """Entries with ``start <= ts < end`` (ISO text), of a register, of a kind, whose kind or
        payload contains ``text`` (case-insensitively, ASCII letters), newest first."""
        q = self._where(select(JournalRow), start, end, register_id, kind, text)
        q = q.order_by(JournalRow.ts.desc(), JournalRow.register_id, JournalRow.seq.desc())
        if offset:
            q = q.offset(offset)
        if limit is not None:
            q = q.limit(limit)
        return [_entry(r) for r in self.s.execute(q).scalars()]

    def count_where(self, *, start: str | None = None, end: str | None = None,
                    register_id: str | None = None, kind: str | None = None,
                    text: str | None = None) -> int:
        q = self._where(select(func.count()).select_from(JournalRow), start, end, register_id,
                        kind, text)
        return int(self.s.execute(q).scalar_one())

    def in_order(self, *, start: str | None = None, end: str | None = None,
                 register_id: str | None = None, after_seq: int = 0,
                 limit: int | None = None) -> Iterator[JournalEntry]:
        """Entries in the chain's order (register, seq): what an export writes. ``after_seq`` and
        ``limit`` (with one ``register_id``) read it a piece at a time, each in its own short
        transaction, so a long export does not hold a SQLite database's write lock."""
        q = self._where(select(JournalRow), start, end, register_id, None, None)
        if after_seq:
            q = q.where(JournalRow.seq > after_seq)
        q = q.order_by(JournalRow.register_id, JournalRow.seq).execution_options(yield_per=2000)
        if limit is not None:
            q = q.limit(limit)
        for r in self.s.execute(q).scalars():
            yield _entry(r)

    def kinds(self) -> list[str]:
        return sorted(self.s.execute(select(JournalRow.kind).distinct()).scalars())
