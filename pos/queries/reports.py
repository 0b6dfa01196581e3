"""X and Z report figures of a shift, from its sales, cash movements and counters."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from pos.services.unit_of_work import UnitOfWork
from pos.shifts import Report, ShiftInfo, build_report


def shift_report(uow: UnitOfWork, kind: str, shift: ShiftInfo, now: datetime,
                 z_number: int | None = None, counted: int | None = None) -> Report:
    """The ``kind`` ("X" or "Z") report of ``shift`` as of ``now``, with the sales parked on its
    register (they stay for the next shift). Call inside an open unit of work (a Z report is
    read in the transaction that closes the shift)."""
    sales = uow.sales.of_shift(shift.id)
    reg = uow.registers.get(shift.register_id)
    assert reg is not None
    before = reg.grand_total - sum(x.total for x in sales)
    report = build_report(kind, shift, sales, uow.shifts.movements(shift.id),
                          uow.shifts.counters(shift.id), before, now, z_number=z_number,
                          counted_cash=counted)
    parked = uow.carts.parked(shift.register_id)
    return replace(report, parked_count=len(parked), parked_total=sum(p.total for p in parked))


def x_report(uow: UnitOfWork, register_id: str, now: datetime) -> Report | None:
    """A reading of the register's open shift (None when none is open). Reading only: printing
    it is journaled by ``pos.services.shifts.take_x_report``."""
    with uow:
        shift = uow.shifts.current(register_id)
        return None if shift is None else shift_report(uow, "X", shift, now)


def report_payload(r: Report) -> dict[str, object]:
    """What the journal keeps of an X or Z report."""
    return {"kind": r.kind, "shift": r.shift_id, "z_number": r.z_number,
            "gross_sales": r.gross_sales, "sales_count": r.sales_count,
            "vat": [[v.rate.value, v.gross, v.vat] for v in r.vat], "tenders": list(r.tenders),
            "expected_cash": r.expected_cash, "counted_cash": r.counted_cash,
            "variance": r.variance, "grand_total": r.grand_total,
            "discounts": r.discounts_total, "promotions": dict(r.promotions),
            "cash_count": [list(p) for p in r.cash_count if p[1]],
            "parked": [r.parked_count, r.parked_total],
            "variance_approved_by": r.variance_approved_by}
