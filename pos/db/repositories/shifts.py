"""Shifts of a register, their counters and the cash moved in and out of the drawer."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from pos.db.models_till import CashMovementRow, ShiftRow
from pos.shifts import CashMovement, ShiftCounters, ShiftInfo

COUNTERS = ("copies", "drawer_openings", "price_overrides", "voids")


def _shift(row: ShiftRow) -> ShiftInfo:
    return ShiftInfo(row.id, row.register_id, row.opened_by, row.opened_at, row.opening_float,
                     row.closed_at, row.counted_cash)


class ShiftRepository:
    def __init__(self, session: Session):
        self.s = session

    def _open_row(self, register_id: str) -> ShiftRow | None:
        return self.s.execute(select(ShiftRow).where(ShiftRow.register_id == register_id,
                                                     ShiftRow.closed_at.is_(None))
                              .order_by(ShiftRow.id.desc())).scalars().first()

    def current(self, register_id: str) -> ShiftInfo | None:
        """The register's open shift, or None."""
        row = self._open_row(register_id)
        return _shift(row) if row else None

    def get(self, shift_id: int) -> ShiftInfo | None:
        row = self.s.get(ShiftRow, shift_id)
        return _shift(row) if row else None

    def create(self, register_id: str, by: str, at: datetime, opening_float: int) -> ShiftInfo:
        row = ShiftRow(register_id=register_id, opened_by=by, opened_at=at,
                       opening_float=opening_float, copies=0, drawer_openings=0,
                       price_overrides=0, voids=0)
        self.s.add(row)
        self.s.flush()
        return _shift(row)

    def close(self, shift_id: int, by: str, at: datetime, counted_cash: int,
              z_number: int) -> None:
        self.s.execute(update(ShiftRow).where(ShiftRow.id == shift_id).values(
            closed_at=at, closed_by=by, counted_cash=counted_cash, z_number=z_number))

    def bump_counter(self, shift_id: int, counter: str) -> None:
        """One more of ``counter`` (copies, drawer_openings, price_overrides, voids)."""
        if counter not in COUNTERS:
            raise ValueError(f"no shift counter {counter!r}")
        col = getattr(ShiftRow, counter)
        self.s.execute(update(ShiftRow).where(ShiftRow.id == shift_id).values({col: col + 1}))

    def counters(self, shift_id: int) -> ShiftCounters:
        row = self.s.get(ShiftRow, shift_id)
        assert row is not None
        return ShiftCounters(row.copies, row.drawer_openings, row.price_overrides, row.voids)

    def add_movement(self, shift_id: int, amount: int, reason: str, by: str,
                     at: datetime) -> None:
        self.s.add(CashMovementRow(shift_id=shift_id, amount=amount, reason=reason, by=by, at=at))

    def movements(self, shift_id: int) -> list[CashMovement]:
        rows = self.s.execute(select(CashMovementRow).where(CashMovementRow.shift_id == shift_id)
                              .order_by(CashMovementRow.id)).scalars()
        return [CashMovement(r.amount, r.reason, r.by, r.at) for r in rows]

    def closed(self, register_id: str | None = None, limit: int = 100) -> list[ShiftInfo]:
        """Closed shifts, newest first (all registers when ``register_id`` is None)."""
        q = select(ShiftRow).where(ShiftRow.closed_at.is_not(None))
        if register_id:
            q = q.where(ShiftRow.register_id == register_id)
        rows = self.s.execute(q.order_by(ShiftRow.closed_at.desc(), ShiftRow.id.desc())
                              .limit(limit)).scalars()
        return [_shift(r) for r in rows]
