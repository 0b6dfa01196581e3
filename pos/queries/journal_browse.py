"""The electronic journal in the back office: browsed a page at a time (date range, register,
kind, text), every register's chain verified (``pos.queries.journal.verify_journals``, the
journal's own check), and exported as CSV.

Paging and filtering run in the database (indexed by kind; the range by the entries' ``ts``
text, ISO local time), so a page of 100 out of 100 000 entries is one query and one count.

The CSV (``docs/journal-export.md`` describes it for the reader) holds every entry of the range
in the chain's order (register, then sequence number), with each entry's hash and the hash of
the entry before it, so whoever reads it can recompute the chain without this program:
``read_csv`` reads it back and ``verify_export`` checks it.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from pos.journal import JournalEntry, entry_hash
from pos.queries.dashboard import day_bounds
from pos.queries.sales_report import ReportNotWritten
from pos.services.unit_of_work import UnitOfWork

PAGE_SIZE = 100
HEADER = ("register", "seq", "ts", "kind", "user", "payload", "prev_hash", "hash")


@dataclass(frozen=True)
class JournalFilter:
    first: date | None = None  # whole days, first..last inclusive; None: from the beginning
    last: date | None = None
    register_id: str | None = None
    kind: str | None = None
    text: str = ""

    def bounds(self) -> dict[str, Any]:
        start = end = None
        if self.first or self.last:
            a, b = day_bounds(self.first or self.last, self.last or self.first)  # type: ignore[arg-type]
            start, end = a.isoformat(), b.isoformat()
        return {"start": start, "end": end, "register_id": self.register_id or None,
                "kind": self.kind or None, "text": self.text.strip() or None}


@dataclass(frozen=True)
class JournalPage:
    entries: tuple[JournalEntry, ...]  # newest first
    page: int  # 0-based
    pages: int  # at least 1
    total: int  # entries that match


@dataclass(frozen=True)
class JournalChoices:
    registers: tuple[str, ...]
    kinds: tuple[str, ...]
    staff: tuple[tuple[str, str], ...] = ()  # (id, name) of everyone, so entries say names


def choices(uow: UnitOfWork) -> JournalChoices:
    with uow:
        return JournalChoices(tuple(uow.registers.ids()), tuple(uow.journal.kinds()),
                              tuple((r.member.id, r.member.name) for r in uow.staff.records()))


def journal_page(uow: UnitOfWork, f: JournalFilter, page: int = 0,
                 size: int = PAGE_SIZE) -> JournalPage:
    """Page ``page`` (clamped to the last) of the entries ``f`` lets through, newest first."""
    b = f.bounds()
    with uow:
        total = uow.journal.count_where(**b)
        pages = max(1, -(-total // size))
        page = max(0, min(page, pages - 1))
        entries = uow.journal.search(**b, offset=page * size, limit=size)
    return JournalPage(tuple(entries), page, pages, total)


def user_of(e: JournalEntry) -> str:
    user = e.payload.get("user")
    return "" if user is None else str(user)


# --- the CSV export ------------------------------------------------------------------------------


def export_entries(uow: UnitOfWork, first: date | None, last: date | None,
                   register_id: str | None = None) -> Iterator[JournalEntry]:
    f = JournalFilter(first, last, register_id)
    b = f.bounds()
    with uow:
        yield from uow.journal.in_order(start=b["start"], end=b["end"],
                                        register_id=b["register_id"])


def write_rows(entries: Iterable[JournalEntry], out: IO[str]) -> int:
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow(HEADER)
    n = 0
    for e in entries:
        w.writerow((e.register_id, e.seq, e.ts, e.kind, user_of(e), e.payload_json,
                    e.prev_hash, e.hash))
        n += 1
    return n


def write_csv(uow: UnitOfWork, path: Path, first: date | None, last: date | None,
              register_id: str | None = None) -> int:
    """The entries of ``first``..``last`` at ``path`` (UTF-8 with a byte-order mark, ``;``,
    ``\\r\\n``); returns how many. ``ReportNotWritten`` when the file cannot be written."""
    try:
        with open(path, "w", encoding="utf-8", newline="") as out:
            out.write("\ufeff")
            return write_rows(export_entries(uow, first, last, register_id), out)
    except OSError as e:
        raise ReportNotWritten("report.not_written", path=str(path),
                               reason=e.strerror or str(e)) from e


def read_csv(text: str) -> list[JournalEntry]:
    """The entries of an export read back (a leading byte-order mark is skipped)."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    if not rows or tuple(rows[0]) != HEADER:
        raise ValueError("not a journal export: the header row is not " + ";".join(HEADER))
    return [JournalEntry(int(r[1]), r[2], r[0], r[3], r[5], r[6], r[7]) for r in rows[1:]]


@dataclass(frozen=True)
class ExportCheck:
    ok: bool
    count: int
    register_id: str | None = None  # where it broke
    seq: int | None = None
    reason: str = ""


def verify_export(entries: Iterable[JournalEntry]) -> ExportCheck:
    """Each register's entries in the file recomputed and linked: every hash is its entry's,
    every entry links to the one before it, no sequence number is missing. A range's first entry
    links to one outside the file: its ``prev_hash`` is taken as given."""
    last: dict[str, JournalEntry] = {}
    n = 0
    for e in entries:
        n += 1
        if entry_hash(e.seq, e.ts, e.register_id, e.kind, e.payload_json, e.prev_hash) != e.hash:
            return ExportCheck(False, n, e.register_id, e.seq,
                               "its content does not give its hash")
        before = last.get(e.register_id)
        if before is not None:
            if e.seq != before.seq + 1:
                return ExportCheck(False, n, e.register_id, before.seq + 1, "missing")
            if e.prev_hash != before.hash:
                return ExportCheck(False, n, e.register_id, e.seq,
                                   "does not link to the entry before it")
        last[e.register_id] = e
    return ExportCheck(True, n)
