"""``main.py interest --from DATE --to DATE [--json]``: what customers scanned, searched for and
looked at on the kiosks, per day, store and article (the kiosk's own counts; shelf-label scans
counted centrally are not in it yet)."""
from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from typing import Any

from cli.output import EXIT_FAILED, EXIT_OK, EXIT_USAGE, emit, fail


def add_interest_parser(sub: Any,
                        parents: Sequence[argparse.ArgumentParser] = ()) -> argparse.ArgumentParser:
    p = sub.add_parser("interest", parents=list(parents),
                       help="product interest: kiosk scans, searches and product pages per "
                            "day, store and article")
    p.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD")
    return p


def run(args: argparse.Namespace, cfg: Any) -> int:
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.services.kiosk import interest
    from wiring import open_database

    try:
        start, end = date.fromisoformat(args.start), date.fromisoformat(args.end)
    except ValueError as e:
        return fail(args, f"a day is written YYYY-MM-DD: {e}", EXIT_USAGE)
    if end < start:
        return fail(args, "--to is before --from", EXIT_USAGE)
    ctx = open_database(cfg)
    uow = SqlUnitOfWork(ctx.session_factory)
    rows = interest(uow, start, end)
    names: dict[str, tuple[str, str]] = {}
    with uow:
        for r in rows:
            v = uow.catalog.by_id(r.variant_id)
            names[r.variant_id] = (v.sku, v.name) if v else ("", "")
    data = [{"day": r.day.isoformat(), "location_id": r.location_id, "variant_id": r.variant_id,
             "sku": names[r.variant_id][0], "name": names[r.variant_id][1],
             "scans": r.counts.get("scan", 0), "searches": r.counts.get("search", 0),
             "views": r.counts.get("view", 0)} for r in rows]
    text = "\n".join(f"{d['day']}  {d['location_id']:<12} {d['sku']:<22} scans {d['scans']:>4}  "
                     f"searches {d['searches']:>4}  views {d['views']:>4}  {d['name']}"
                     for d in data) or "no product interest recorded"
    emit(args, data, text)
    return EXIT_OK if data else EXIT_FAILED  # nothing found is exit 1 (README, cli/output.py)
