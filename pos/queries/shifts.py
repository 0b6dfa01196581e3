"""Shifts as the screens show them."""
from __future__ import annotations

from pos.services.unit_of_work import UnitOfWork
from pos.shifts import ShiftInfo


def current_shift(uow: UnitOfWork, register_id: str) -> ShiftInfo | None:
    with uow:
        return uow.shifts.current(register_id)
