"""The journal exported in SKVFS 2021:16's format (``pos.journal_export_skv``) from the
database: one register's or every register's entries of a period, streamed in the chain's order
(register, then sequence number) straight to the file.

Besides the period's entries the export reads, per register: its Z reports' numbers by shift
(a receipt names the Z report that closes its period, written after it), the entries before the
period once (the running returns total a report's grand totals need, and the shift's counts
when the period starts inside a shift), and for a copy its original sale's entry. None of it is
held for more than a register at a time, except the Z numbers (one per closed shift).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from pos.journal import JournalEntry, Kind
from pos.journal_export_skv import (
    Context, RegisterSystem, RegisterTally, SkvCompany, SkvExport, Written, write)
from pos.queries.dashboard import day_bounds
from pos.queries.sales_report import ReportNotWritten
from pos.receipt_layout import StoreInfo
from pos.services.unit_of_work import UnitOfWork

SIMULATED_CONTROL_UNIT = "SIM-KE-0001"  # hardware.control_unit_simulator's serial


@dataclass(frozen=True)
class SkvSettings:
    """What the file says of the company and the registers that the journal does not keep."""
    store: StoreInfo
    control_unit: str = SIMULATED_CONTROL_UNIT  # the control unit's manufacturing number
    serial_prefix: str = "OMNIPOS-"  # + register id: the register's manufacturing number
    version: str = "1.0"

    def company(self) -> SkvCompany:
        return SkvCompany(self.store.org_no, self.store.company, self.store.address,
                          self.store.store_name)

    def system(self, register_id: str) -> RegisterSystem:
        return RegisterSystem(register_id, f"{self.serial_prefix}{register_id}",
                              self.control_unit, version=self.version)


def _z_numbers(uow: UnitOfWork, register_id: str) -> dict[int, int]:
    """Shift id -> the number of the Z report that closed it."""
    out = {}
    for e in uow.journal.of_kinds((Kind.Z_REPORT,), register_id, limit=10**7):
        p = e.payload
        if p.get("shift") is not None and p.get("z_number") is not None:
            out[int(p["shift"])] = int(p["z_number"])
    return out


CHUNK = 2000  # entries read per transaction


def chunked(uow: UnitOfWork, register_id: str, start: str | None,
            end: str | None) -> Iterator[JournalEntry]:
    """A register's entries of ``start``..``end`` in the chain's order, ``CHUNK`` at a time, each
    chunk in its own short unit of work (SQLite's: a write lock, which a till waits for)."""
    after = 0
    while True:
        with uow:
            part = list(uow.journal.in_order(start=start, end=end, register_id=register_id,
                                             after_seq=after, limit=CHUNK))
        yield from part
        if len(part) < CHUNK:
            return
        after = part[-1].seq


def _tally_before(uow: UnitOfWork, register_id: str, start: str | None) -> RegisterTally:
    tally = RegisterTally()
    if start is None:
        return tally
    for e in chunked(uow, register_id, None, start):
        tally.see(e, e.payload)
    return tally


def _original(uow: UnitOfWork) -> Callable[[str, int], tuple[str, dict[str, Any]] | None]:
    def find(register_id: str, receipt_no: int) -> tuple[str, dict[str, Any]] | None:
        with uow:
            sale = uow.sales.by_receipt(register_id, receipt_no)
            if sale is None:
                return None
            for kind in (Kind.SALE, Kind.RETURN):
                for e in uow.journal.search(register_id=register_id, kind=kind, text=sale.id,
                                            offset=0, limit=5):
                    if e.payload.get("sale_id") == sale.id:
                        return e.ts, e.payload
        return None
    return find


def _receipt_no_of(uow: UnitOfWork) -> Callable[[str], int | None]:
    def find(sale_id: str) -> int | None:
        with uow:
            sale = uow.sales.get(sale_id)
        return None if sale is None else sale.receipt_no
    return find


def write_skv(uow: UnitOfWork, path: Path, first: date | None, last: date | None,
              register_id: str | None, settings: SkvSettings, *, now: datetime,
              exported_by: str = "", exported_from: str = "BACKOFFICE",
              progress: Callable[[int], None] | None = None) -> Written:
    """The file at ``path``; what was written (``NothingToExport`` when the period holds no
    event the regulation names, ``ReportNotWritten`` when the file cannot be written)."""
    from pos.services.backoffice import BACKOFFICE

    start: str | None = None
    end: str | None = None
    period: tuple[datetime, datetime] | None = None
    if first or last:
        a, b = day_bounds(first or last, last or first)  # type: ignore[arg-type]
        start, end = a.isoformat(), b.isoformat()
        period = (a, b - timedelta(seconds=1))  # the last day's 23:59:59
    with uow:
        ids = [r for r in uow.registers.ids() if r != BACKOFFICE]
        chosen = [register_id] if register_id else ids
        if period is None:
            period = _whole_journal(uow, chosen, now)
        zs = {r: _z_numbers(uow, r) for r in chosen}
    tallies = {r: _tally_before(uow, r, start) for r in chosen}
    x = SkvExport(settings.company(), tuple(settings.system(r) for r in chosen),
                  period[0], period[1], now, exported_from, exported_by)
    ctx = Context(x, settings.system,
                  lambda r, shift: zs.get(r, {}).get(int(shift)) if shift is not None else None,
                  _original(uow), _receipt_no_of(uow))
    entries = (e for r in chosen for e in chunked(uow, r, start, end))
    try:
        with open(path, "wb") as out:
            return write(out, x, entries, ctx, tallies, progress)
    except OSError as e:
        raise ReportNotWritten("report.not_written", path=str(path),
                               reason=e.strerror or str(e)) from e


def _whole_journal(uow: UnitOfWork, registers: list[str],
                   now: datetime) -> tuple[datetime, datetime]:
    """The first entry's time to the newest's (or now), for an export without dates."""
    times = []
    for r in registers:
        for e in uow.journal.in_order(register_id=r):
            times.append(e.ts[:19])
            break
    first = min(times) if times else now.isoformat()[:19]
    return datetime.fromisoformat(first), now
