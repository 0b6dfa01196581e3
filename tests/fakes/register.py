"""A register on the in-memory unit of work, ready to sell: the demo's staff, some articles, a
cashier logged in and a shift open (for fast tests of the use cases)."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from hardware.control_unit_simulator import SimulatedControlUnit
from pos.catalog import Variant
from pos.services import shifts, staff
from pos.services.context import Devices, RegisterContext, TillConfig
from pos.services.setup import ensure_demo_staff
from tests.fakes.unit_of_work import FakeUnitOfWork
from tests.services.fakes import RecordingPrinter, ScriptedTerminal

NOON = datetime(2026, 11, 30, 12, 0)


def stocked_uow(articles: Iterable[Variant]) -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    ensure_demo_staff(uow)
    with uow:
        uow.catalog.bulk_upsert(list(articles))
        uow.registers.ensure("K1")
        uow.commit()
    return uow


def open_register(uow: FakeUnitOfWork, opening_float: int = 50000, *,
                  config: TillConfig | None = None, control_unit: Any = None,
                  providers: dict[str, Any] | None = None) -> RegisterContext:
    """Register K1 with Kim logged in and a shift open with ``opening_float`` öre."""
    ctx = RegisterContext(uow, config or TillConfig(card_status_interval=0),
                          Devices(RecordingPrinter(), ScriptedTerminal(),
                                  control_unit or SimulatedControlUnit(),
                                  providers=providers or {}),
                          clock=lambda: NOON)
    staff.login(ctx, "kim", "1234")
    shifts.open_shift(ctx, opening_float)
    return ctx
