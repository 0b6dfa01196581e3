"""Registers (tills): the counters that must never skip or repeat (receipt number, Z number,
grand total) and the head of each register's journal."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.models_till import RegisterRow


class RegisterRepository:
    def __init__(self, session: Session):
        self.s = session

    def ensure(self, register_id: str, name: str = "") -> RegisterRow:
        """The register's row, created (numbering from 1) the first time a till uses the id."""
        row = self.s.get(RegisterRow, register_id)
        if row is None:
            row = RegisterRow(id=register_id, name=name or f"Kassa {register_id}",
                              next_receipt_no=1, z_count=0, grand_total=0, journal_head_seq=0,
                              journal_head_hash="0" * 64)
            self.s.add(row)
            self.s.flush()
        return row

    def lock(self, register_id: str) -> RegisterRow:
        """The register row, locked for update (PostgreSQL) so numbering never races between
        tills; on SQLite the transaction already holds the write lock (BEGIN IMMEDIATE)."""
        return self.s.execute(select(RegisterRow).where(RegisterRow.id == register_id)
                              .with_for_update()).scalar_one()

    def get(self, register_id: str) -> RegisterRow | None:
        return self.s.get(RegisterRow, register_id)

    def ids(self) -> list[str]:
        return list(self.s.execute(select(RegisterRow.id).order_by(RegisterRow.id)).scalars())
