"""``python -m benchmarks [--rows N] [--db sqlite|postgresql] [--url URL]``: the catalogue cache
at a million variants (import, barcode and SKU lookups, type-ahead search). Prints figures."""
from __future__ import annotations

import argparse
import sys

from benchmarks.catalog_lookup import run


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    p.add_argument("--rows", type=int, default=1_000_000, help="variants to generate (1,000,000)")
    p.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    p.add_argument("--url", help="database URL (default: a temporary SQLite file, or a new database "
                                 "on POS_TEST_PG_URL / the scripts/postgres.sh cluster)")
    p.add_argument("--queries", type=int, default=500, help="timed lookups/searches per kind")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    run(rows=args.rows, db=args.db, url=args.url, queries=args.queries, seed=args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
