"""Named values the sync keeps (cursors, the promotions document), each with its time."""
from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from pos.db.models_sync import SyncStateRow
from pos.db.repositories._upsert import insert


class SyncStateRepository:
    def __init__(self, session: Session):
        self.s = session

    def get(self, name: str) -> str | None:
        row = self.s.get(SyncStateRow, name)
        return row.value if row else None

    def set(self, name: str, value: str, now: datetime) -> None:
        ins = insert(self.s, cast(Table, SyncStateRow.__table__)).values(
            name=name, value=value, updated_at=now)
        self.s.execute(ins.on_conflict_do_update(index_elements=["name"],
                                                 set_={"value": value, "updated_at": now}))

    def all(self) -> dict[str, tuple[str, datetime]]:
        return {r.name: (r.value, r.updated_at) for r in self.s.scalars(select(SyncStateRow))}
