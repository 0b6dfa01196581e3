"""X and Z reports as they were taken: the history of every register's reports, read from the
journal (where each report's figures were written when it was taken), and one report shown
again in full, rebuilt from its shift's sales up to the moment it was taken and checked against
what the journal kept.

The journal is the record: a rebuilt report that differs from its journal line says so
(``ReportAgain.differences``) rather than showing other figures as if they were the report.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from pos.journal import JournalEntry, Kind
from pos.queries.reports import report_payload
from pos.receipt_layout import StoreInfo, report_document
from pos.receipt import ReceiptDocument
from pos.services.unit_of_work import UnitOfWork
from pos.shifts import Report, build_report

CHECKED = ("kind", "shift", "z_number", "gross_sales", "sales_count", "vat", "tenders",
           "expected_cash", "counted_cash", "variance", "grand_total")


@dataclass(frozen=True)
class ReportEntry:
    """One X or Z report taken, as the journal has it."""

    register_id: str
    seq: int  # its journal line
    kind: str  # "X" or "Z"
    taken_at: datetime
    taken_by: str | None
    shift_id: int
    z_number: int | None
    sales_count: int
    gross_sales: int
    grand_total: int
    expected_cash: int
    counted_cash: int | None
    variance: int | None
    payload: dict[str, Any]


@dataclass(frozen=True)
class ReportAgain:
    entry: ReportEntry
    report: Report
    document: ReceiptDocument
    differences: tuple[str, ...]  # fields where the rebuilt report is not the journal's


def _entry(e: JournalEntry) -> ReportEntry:
    p = e.payload
    return ReportEntry(e.register_id, e.seq, str(p["kind"]), datetime.fromisoformat(e.ts),
                       p.get("user"), int(p["shift"]), p.get("z_number"),
                       int(p["sales_count"]), int(p["gross_sales"]), int(p["grand_total"]),
                       int(p["expected_cash"]), p.get("counted_cash"), p.get("variance"), p)


def report_history(uow: UnitOfWork, register_id: str | None = None,
                   limit: int = 1000) -> list[ReportEntry]:
    """The X and Z reports taken (of one register, or all), newest first."""
    with uow:
        return [_entry(e) for e in uow.journal.of_kinds((Kind.X_REPORT, Kind.Z_REPORT),
                                                         register_id, limit)]


def report_again(uow: UnitOfWork, entry: ReportEntry, store: StoreInfo) -> ReportAgain:
    """The report ``entry`` in full, as it was when taken (see the module's doc)."""
    with uow:
        shift = uow.shifts.get(entry.shift_id)
        if shift is None:
            raise LookupError(f"the shift {entry.shift_id} of the report is not in the database")
        at = entry.taken_at
        sales = [s for s in uow.sales.of_shift(shift.id) if s.completed_at <= at]
        movements = [m for m in uow.shifts.movements(shift.id) if m.at <= at]
        counters = uow.shifts.counters(shift.id)
    p = entry.payload
    before = entry.grand_total - sum(s.total for s in sales)
    report = build_report(entry.kind, replace(shift, closed_at=None), sales, movements,
                          counters, before, at, z_number=entry.z_number,
                          counted_cash=entry.counted_cash)
    parked = p.get("parked") or [0, 0]
    report = replace(report, parked_count=int(parked[0]), parked_total=int(parked[1]),
                     variance_approved_by=p.get("variance_approved_by"),
                     cash_count=tuple((int(d), int(n)) for d, n in p.get("cash_count", ())))
    again = report_payload(report)
    differences = tuple(k for k in CHECKED if k in p and _same(again.get(k)) != _same(p[k]))
    return ReportAgain(entry, report, report_document(report, store), differences)


def _same(value: Any) -> Any:
    """A value as JSON gives it back (tuples as lists)."""
    if isinstance(value, (list, tuple)):
        return [_same(v) for v in value]
    return value
