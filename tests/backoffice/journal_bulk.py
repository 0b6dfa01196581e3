"""A journal of ``n`` chained entries written straight into the table (for the back office's
measurements: 100 000 through the till's use cases would take an hour)."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import insert, update

from pos.db.models_till import JournalRow, RegisterRow
from pos.db.unit_of_work import SqlUnitOfWork
from pos.journal import GENESIS, Kind, make_entry

KINDS = (Kind.PRICE_OVERRIDE, Kind.PARK, Kind.CASH_IN, Kind.LOGIN, Kind.DRAWER_OPEN, Kind.COPY,
         Kind.VOID_LINE, Kind.X_REPORT)


def bulk_journal(sf, register_ids=("K1", "K2", "K3"), n: int = 100_000,  # type: ignore[no-untyped-def]
                 start: datetime = datetime(2026, 1, 1, 8, 0)) -> int:
    uow = SqlUnitOfWork(sf)
    with uow:
        for r in register_ids:
            uow.registers.ensure(r, r)
        uow.commit()
    heads = {r: (0, GENESIS) for r in register_ids}
    rows = []
    for i in range(n):
        r = register_ids[i % len(register_ids)]
        ts = (start + timedelta(minutes=5 * i)).isoformat()
        kind = KINDS[i % len(KINDS)]
        payload = {"user": "kim" if i % 2 else "maja", "receipt_no": i, "total": 1000 + i}
        e = make_entry(heads[r], ts, r, kind, payload)
        heads[r] = (e.seq, e.hash)
        rows.append({"register_id": r, "seq": e.seq, "ts": e.ts, "kind": e.kind,
                     "payload_json": e.payload_json, "prev_hash": e.prev_hash, "hash": e.hash})
    with sf() as s, s.begin():
        for i in range(0, len(rows), 5000):
            s.execute(insert(JournalRow), rows[i:i + 5000])
        for r, (seq, h) in heads.items():
            s.execute(update(RegisterRow).where(RegisterRow.id == r)
                      .values(journal_head_seq=seq, journal_head_hash=h))
    return n
