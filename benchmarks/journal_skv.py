"""The tax authority's export (SKVFS 2021:16) of a month's journal: N sales (two or three lines,
two VAT rates, cash or card) spread over 30 days on one register with a Z report each evening,
written into the journal table as chained entries, then ``pos.queries.journal_skv.write_skv`` to
a file in a fresh process, which reports its time and its peak memory (``ru_maxrss``) before
and after the export: the export streams, so the peak must not grow with the month.

    python -m benchmarks skv [--sales 100000] [--db sqlite|postgresql]
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START = datetime(2026, 10, 1, 9, 0)


def _sale(i: int, shift: int) -> dict:  # type: ignore[type-arg]
    n = 2 + i % 2
    lines, vat25, vat12 = [], 0, 0
    for k in range(n):
        price = 1990 + 137 * ((i + k) % 17)
        rate = "25" if k % 2 == 0 else "12"
        lines.append({"sku": f"SKU-{(i + k) % 5000}", "ean": "", "name": f"Artikel {(i + k) % 5000}",
                      "quantity": 1, "unit_price": price, "original_price": None,
                      "discount": 0, "total": price, "vat_rate": rate, "promotions": [],
                      "weight": None, "variant_id": f"v{(i + k) % 5000}"})
        if rate == "25":
            vat25 += price
        else:
            vat12 += price
    total = vat25 + vat12
    vat = [["25", vat25, round(vat25 * 25 / 125)]] + ([["12", vat12, round(vat12 * 12 / 112)]]
                                                       if vat12 else [])
    return {"user": "kim", "sale_id": f"s{i}", "receipt_no": i + 1, "shift": shift,
            "total": total, "discount": 0, "rounding": 0, "control_code": f"{i:032X}",
            "vat": vat, "lines": lines, "tenders": [["card" if i % 3 else "cash", total]]}


def fill(url: str, sales: int) -> int:
    """The month's journal in the database at ``url``; returns the entries written."""
    from sqlalchemy import insert, update

    from pos.db.engine import make_engine
    from pos.db.migrate import upgrade
    from pos.db.models_till import JournalRow, RegisterRow
    from pos.db.session import session_factory
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.journal import GENESIS, Kind, make_entry

    engine = make_engine(url)
    upgrade(engine)
    sf = session_factory(engine)
    uow = SqlUnitOfWork(sf)
    with uow:
        uow.registers.ensure("K1", "K1")
        uow.commit()
    head, rows, grand = (0, GENESIS), [], 0
    per_day = max(1, sales // 30)
    step = timedelta(seconds=max(1, (9 * 3600) // per_day))

    def add(ts: datetime, kind: str, payload: dict) -> None:  # type: ignore[type-arg]
        nonlocal head
        e = make_entry(head, ts.isoformat(), "K1", kind, payload)
        head = (e.seq, e.hash)
        rows.append({"register_id": "K1", "seq": e.seq, "ts": e.ts, "kind": e.kind,
                     "payload_json": e.payload_json, "prev_hash": e.prev_hash, "hash": e.hash})

    i = 0
    for day in range(30):
        shift = day + 1
        morning = START + timedelta(days=day)
        add(morning - timedelta(minutes=10), Kind.SHIFT_OPEN, {"user": "kim", "shift": shift,
                                                              "float": 150000})
        count, gross = 0, 0
        while i < sales and (count < per_day or day == 29):
            p = _sale(i, shift)
            add(morning + step * count, Kind.SALE, p)
            count, gross, i = count + 1, gross + p["total"], i + 1
        grand += gross
        add(morning + timedelta(hours=10), Kind.Z_REPORT, {
            "user": "kim", "kind": "Z", "shift": shift, "z_number": shift, "gross_sales": gross,
            "sales_count": count, "vat": [], "tenders": [["card", gross]], "expected_cash": 0,
            "counted_cash": 0, "variance": 0, "grand_total": grand, "discounts": 0,
            "promotions": {}, "cash_count": [], "parked": [0, 0], "variance_approved_by": None})
        if len(rows) >= 5000:
            with sf() as s, s.begin():
                s.execute(insert(JournalRow), rows)
            rows.clear()
    with sf() as s, s.begin():
        if rows:
            s.execute(insert(JournalRow), rows)
        s.execute(update(RegisterRow).where(RegisterRow.id == "K1")
                  .values(journal_head_seq=head[0], journal_head_hash=head[1]))
    engine.dispose()
    return head[0]


def export_once(url: str, out: str, heap: bool = False) -> dict:  # type: ignore[type-arg]
    """In this process: the month exported to ``out``; time and peak memory (``heap``: also
    the peak of Python's own allocations, by tracemalloc, which makes it several times slower).
    The process's peak (``ru_maxrss``) includes SQLite's page cache (64 MiB) and the database
    file it maps (``pos.db.engine``'s pragmas): those grow with the file read, up to their
    limits, not with what the export keeps."""
    import resource
    import tracemalloc

    from pos.db.engine import make_engine
    from pos.db.session import session_factory
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.queries.journal_skv import SkvSettings, write_skv
    from pos.receipt_layout import StoreInfo

    engine = make_engine(url)
    sf = session_factory(engine)
    with SqlUnitOfWork(sf) as _:
        pass
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if heap:
        tracemalloc.start(1)
    t0 = time.perf_counter()
    done = write_skv(SqlUnitOfWork(sf), Path(out), START.date(),
                     (START + timedelta(days=29)).date(), "K1", SkvSettings(StoreInfo()),
                     now=datetime(2026, 11, 1, 8, 0))
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    heap_peak = tracemalloc.get_traced_memory()[1] if heap else None
    return {"heap_peak_mib": None if heap_peak is None else round(heap_peak / 2**20, 1),"entries": done.entries, "events": done.events, "seconds": round(seconds, 2),
            "rss_before_kib": before, "rss_peak_kib": after,
            "file_mib": round(os.path.getsize(out) / 2**20, 1)}


def run(sales: int, db: str, url: str | None, heap: bool = False) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="skv-bench-"))
    drop = None
    if url is None:
        if db == "sqlite":
            url = f"sqlite:///{tmp / 'pos.sqlite3'}"
        else:
            base = os.environ.get("POS_TEST_PG_URL") or subprocess.run(
                ["bash", str(ROOT / "scripts" / "postgres.sh"), "start"], capture_output=True,
                text=True, check=True).stdout.strip()
            from sqlalchemy import create_engine
            name = f"skv_bench_{os.getpid()}"
            admin = create_engine(base, isolation_level="AUTOCOMMIT")
            with admin.connect() as c:
                c.exec_driver_sql(f'CREATE DATABASE "{name}"')
            admin.dispose()
            url = base.rsplit("/", 1)[0] + "/" + name
            drop = (base, name)
    t0 = time.perf_counter()
    n = fill(url, sales)
    print(f"journal: {n} entries ({sales} sales, 30 days) written in "
          f"{time.perf_counter() - t0:.1f} s on {db}")
    out = str(tmp / "skv.xml")
    res = subprocess.run([sys.executable, "-c",
                          "import json,sys; from benchmarks.journal_skv import export_once; "
                          "print(json.dumps(export_once(sys.argv[1], sys.argv[2], "
                          "sys.argv[3] == '1')))", url, out, "1" if heap else "0"],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    r = json.loads(res.stdout.strip().splitlines()[-1])
    if drop is not None:  # the benchmark's own database, not left in the cluster
        from sqlalchemy import create_engine
        admin = create_engine(drop[0], isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{drop[1]}" WITH (FORCE)')
        admin.dispose()
    grew = (r["rss_peak_kib"] - r["rss_before_kib"]) / 1024
    print(f"export: {r['entries']} entries -> {r['events']} events, {r['file_mib']} MiB of XML "
          f"in {r['seconds']} s ({r['entries'] / max(r['seconds'], 1e-9):,.0f} entries/s); "
          f"peak memory {r['rss_peak_kib'] / 1024:.0f} MiB, {grew:.1f} MiB over the process "
          f"before the export (SQLite's cache and mapped file included)"
          + (f"; Python's allocations peaked at {r['heap_peak_mib']} MiB" if heap else ""))
