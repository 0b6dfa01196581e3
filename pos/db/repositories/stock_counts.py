"""Stock counts and their lines (``pos.stock_count``), saved line by line as a count goes."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos.db.models_stock import StockCountLineRow, StockCountRow
from pos.stock_count import CountLine, CountScope, CountStatus, ScopeKind, StockCount


def _line(r: StockCountLineRow) -> CountLine:
    return CountLine(variant_id=r.variant_id, sku=r.sku, ean=r.ean, name=r.name,
                     expected=r.expected, counted=r.counted, unit_value=r.unit_value,
                     value_basis=r.value_basis, expected_at=r.expected_at,
                     expected_fresh=bool(r.expected_fresh), updated_at=r.updated_at)


class StockCountRepository:
    def __init__(self, session: Session):
        self.s = session

    def add(self, count: StockCount) -> None:
        self.s.add(StockCountRow(id=count.id, location_id=count.location_id,
                                 scope_kind=count.scope.kind.value, scope_value=count.scope.value,
                                 scope_label=count.scope.label, status=count.status.value,
                                 started_at=count.started_at, started_by=count.started_by))
        self.s.flush()

    def _count(self, row: StockCountRow) -> StockCount:
        lines = self.s.scalars(select(StockCountLineRow)
                               .where(StockCountLineRow.count_id == row.id)
                               .order_by(StockCountLineRow.seq))
        return StockCount(id=row.id, location_id=row.location_id,
                          scope=CountScope(ScopeKind(row.scope_kind), row.scope_value,
                                           row.scope_label),
                          status=CountStatus(row.status), started_at=row.started_at,
                          started_by=row.started_by, lines=tuple(_line(r) for r in lines),
                          posted_at=row.posted_at, posted_by=row.posted_by)

    def get(self, count_id: str, *, lock: bool = False) -> StockCount | None:
        q = select(StockCountRow).where(StockCountRow.id == count_id)
        if lock:
            q = q.with_for_update()
        row = self.s.scalars(q).first()
        return self._count(row) if row else None

    def open_count(self, location_id: str) -> StockCount | None:
        row = self.s.scalars(select(StockCountRow)
                             .where(StockCountRow.location_id == location_id,
                                    StockCountRow.status == CountStatus.OPEN.value)
                             .order_by(StockCountRow.started_at.desc())).first()
        return self._count(row) if row else None

    def recent(self, location_id: str, limit: int = 20) -> list[StockCount]:
        rows = self.s.scalars(select(StockCountRow)
                              .where(StockCountRow.location_id == location_id)
                              .order_by(StockCountRow.started_at.desc()).limit(limit))
        return [self._count(r) for r in rows]

    def save_line(self, count_id: str, line: CountLine) -> None:
        row = self.s.get(StockCountLineRow, (count_id, line.variant_id))
        if row is None:
            seq = self.s.scalar(select(func.coalesce(func.max(StockCountLineRow.seq), 0))
                                .where(StockCountLineRow.count_id == count_id)) or 0
            row = StockCountLineRow(count_id=count_id, variant_id=line.variant_id, seq=seq + 1)
        row.sku, row.ean, row.name = line.sku, line.ean, line.name
        row.expected, row.expected_at, row.expected_fresh = (line.expected, line.expected_at,
                                                             line.expected_fresh)
        row.counted, row.unit_value, row.value_basis = line.counted, line.unit_value, line.value_basis
        row.updated_at = line.updated_at
        self.s.add(row)
        self.s.flush()

    def remove_line(self, count_id: str, variant_id: str) -> bool:
        row = self.s.get(StockCountLineRow, (count_id, variant_id))
        if row is None:
            return False
        self.s.delete(row)
        self.s.flush()
        return True

    def set_status(self, count_id: str, status: CountStatus, at: datetime | None = None,
                   by: str = "") -> None:
        row = self.s.get(StockCountRow, count_id)
        assert row is not None
        row.status = status.value
        if status is CountStatus.POSTED:
            row.posted_at, row.posted_by = at, by
        self.s.flush()
