"""``python -m benchmarks [catalog] [--rows N] [--db sqlite|postgresql] [--url URL]``: the catalogue
cache at a million variants (import, barcode and SKU lookups, type-ahead search).

``python -m benchmarks scan [--rows N] [--scans K] [--repeat R] [--mode display|no-display]``:
from the first key of a wedge scan to the line in the till's window (see
``benchmarks/scan_to_screen.py``).

``python -m benchmarks skv [--sales N] [--db sqlite|postgresql]``: a month's journal exported
in the tax authority's format (``benchmarks/journal_skv.py``): its time and peak memory.

``python -m benchmarks dashboard [--sales 10000,100000] [--db sqlite|postgresql]``: the back
office's dashboard over a month of sales, before (sales read as objects) and after (SQL GROUP BY).
All print figures."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _catalog(argv: list[str]) -> int:
    from benchmarks.catalog_lookup import run

    p = argparse.ArgumentParser(prog="python -m benchmarks [catalog]", description=__doc__)
    p.add_argument("--rows", type=int, default=1_000_000, help="variants to generate (1,000,000)")
    p.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    p.add_argument("--url", help="database URL (default: a temporary SQLite file, or a new database "
                                 "on POS_TEST_PG_URL / the scripts/postgres.sh cluster)")
    p.add_argument("--queries", type=int, default=500, help="timed lookups/searches per kind")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    run(rows=args.rows, db=args.db, url=args.url, queries=args.queries, seed=args.seed)
    return 0


def _scan(argv: list[str]) -> int:
    from benchmarks.scan_to_screen import DEFAULT_CACHE, run

    p = argparse.ArgumentParser(prog="python -m benchmarks scan",
                                description="From the first key of a wedge scan to the line in "
                                            "the till's window (offscreen Qt, SQLite).")
    p.add_argument("--rows", type=int, default=1_000_000, help="catalogue variants (1,000,000)")
    p.add_argument("--scans", type=int, default=300, help="timed scans per run (300)")
    p.add_argument("--warmup", type=int, default=20, help="scans not counted at each start (20)")
    p.add_argument("--repeat", type=int, default=1, help="runs of each mode, alternating (1)")
    p.add_argument("--mode", choices=("both", "display", "no-display"), default="both",
                   help="with the customer display window, without, or both (default)")
    p.add_argument("--gap-ms", type=float, default=40, help="pause between scans (40 ms)")
    p.add_argument("--lines-per-sale", type=int, default=30,
                   help="the sale is voided when it has this many lines (30)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE,
                   help=f"where the generated database is kept between runs ({DEFAULT_CACHE})")
    p.add_argument("--profile", choices=("gui", "worker"),
                   help="also profile that thread with cProfile (slower figures)")
    args = p.parse_args(argv)
    modes = {"both": ("display", "no display"), "display": ("display",),
             "no-display": ("no display",)}[args.mode]
    run(rows=args.rows, scans=args.scans, seed=args.seed, modes=modes, repeat=args.repeat,
        warmup=args.warmup, gap_ms=args.gap_ms, lines_per_sale=args.lines_per_sale,
        cache_dir=args.cache_dir, profile=args.profile or "")
    return 0


def _skv(argv: list[str]) -> int:
    from benchmarks.journal_skv import run

    p = argparse.ArgumentParser(prog="python -m benchmarks skv",
                                description="A month's journal exported as SKVFS 2021:16 XML.")
    p.add_argument("--sales", type=int, default=100_000, help="sales in the month (100,000)")
    p.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    p.add_argument("--url", help="database URL (default: a new SQLite file or PostgreSQL database)")
    p.add_argument("--heap", action="store_true",
                   help="also measure Python's own allocations (tracemalloc: slower)")
    args = p.parse_args(argv)
    run(sales=args.sales, db=args.db, url=args.url, heap=args.heap)
    return 0


def _dashboard(argv: list[str]) -> int:
    from benchmarks.dashboard_figures import run

    p = argparse.ArgumentParser(prog="python -m benchmarks dashboard",
                                description="The dashboard's figures over a month of sales, "
                                            "before and after the SQL aggregation.")
    p.add_argument("--sales", default="10000,100000", help="sizes, comma separated")
    p.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    p.add_argument("--url", help="database URL (default: a temporary database)")
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args(argv)
    run(tuple(int(x) for x in args.sales.split(",")), db=args.db, url=args.url,
        repeat=args.repeat)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "skv":
        return _skv(argv[1:])
    if argv and argv[0] == "dashboard":
        return _dashboard(argv[1:])
    if argv and argv[0] == "scan":
        return _scan(argv[1:])
    if argv and argv[0] == "catalog":
        argv = argv[1:]
    return _catalog(argv)


if __name__ == "__main__":
    sys.exit(main())
