"""The electronic journal checked: every register's chain verified against its head."""
from __future__ import annotations

from dataclasses import dataclass

from pos.journal import Verification, verify_chain
from pos.services.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class RegisterJournal:
    register_id: str
    verification: Verification


def verify_journals(uow: UnitOfWork) -> list[RegisterJournal]:
    """Each register's journal verified (hash chain and head), by register id."""
    with uow:
        return [RegisterJournal(r, verify_chain(uow.journal.entries(r), uow.journal.head(r)))
                for r in uow.registers.ids()]
