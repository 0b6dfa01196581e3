"""``main.py interest --from DATE --to DATE [--json]``: what customers scanned, searched for and
looked at, per day, store and article: the kiosks' own counts (this store's database) and the
shelf-label QR scans the central store counted (``shelf_qr``; when it cannot be asked the output
says so and the command exits 3, the kiosks' figures still shown), with what this store sold of
the article that day."""
from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from typing import Any

from cli.output import EXIT_FAILED, EXIT_OK, EXIT_USAGE, emit, fail

EXIT_NOT_FRESH = 3  # as ``main.py stock``: shown, but the central store could not be asked


def add_interest_parser(sub: Any,
                        parents: Sequence[argparse.ArgumentParser] = ()) -> argparse.ArgumentParser:
    p = sub.add_parser("interest", parents=list(parents),
                       help="product interest: shelf-QR scans (central store), kiosk scans, "
                            "searches and product pages per day, store and article, next to "
                            "what sold")
    p.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD")
    return p


def run(args: argparse.Namespace, cfg: Any) -> int:
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.interest import SHELF_QR
    from pos.money import format_kronor
    from pos.queries.interest import interest_report
    from pos.services.interest import central_counts
    from pos.services.kiosk import SCAN, SCAN_QR, SEARCH, VIEW, interest
    from wiring import build_commerce_store, open_database

    try:
        start, end = date.fromisoformat(args.start), date.fromisoformat(args.end)
    except ValueError as e:
        return fail(args, f"a day is written YYYY-MM-DD: {e}", EXIT_USAGE)
    if end < start:
        return fail(args, "--to is before --from", EXIT_USAGE)
    ctx = open_database(cfg)
    uow = SqlUnitOfWork(ctx.session_factory)
    here = str(cfg.get("register", "location_id"))
    try:
        store = build_commerce_store(cfg)
    except Exception as e:  # a broken medusa.json or key store: the local figures still count
        store, why = None, f"unavailable: {e}"
    else:
        why = ""
    central = central_counts(getattr(store, "interest", None), start, end)
    if not central.asked and not why:
        why = central.reason
    # (day, store, sku) -> counts per source
    rows: dict[tuple[date, str, str], dict[str, int]] = {}
    names: dict[str, tuple[str, str]] = {}
    kiosk_rows = interest(uow, start, end)
    with uow:
        for r in kiosk_rows:
            v = uow.catalog.by_id(r.variant_id)
            sku = v.sku if v else r.variant_id
            names[sku] = (r.variant_id, v.name if v else "")
            bucket = rows.setdefault((r.day, r.location_id, sku), {})
            for k, n in r.counts.items():
                bucket[k] = bucket.get(k, 0) + n
        for c in central.counts or ():
            bucket = rows.setdefault((c.day, c.store, c.sku), {})
            bucket[c.source] = bucket.get(c.source, 0) + c.count
            if c.sku not in names:
                v = uow.catalog.by_code(c.sku)
                names[c.sku] = (v.id, v.name) if v is not None and v.sku == c.sku else ("", "")
    sold = {(r.day, r.sku): r for r in interest_report(uow, start, end, central.counts).rows}
    data = []
    for (d, loc, sku), counts in sorted(rows.items()):
        s = sold.get((d, sku)) if loc == here else None
        data.append({"day": d.isoformat(), "location_id": loc, "variant_id": names[sku][0],
                     "sku": sku, "name": names[sku][1],
                     "shelf_qr": counts.get(SHELF_QR, 0), "qr_scans": counts.get(SCAN_QR, 0),
                     "scans": counts.get(SCAN, 0), "searches": counts.get(SEARCH, 0),
                     "views": counts.get(VIEW, 0),
                     "sold_units": s.sold_units if s else None,
                     "sold_total_ore": s.sold_total if s else None})
    out = {"from": start.isoformat(), "to": end.isoformat(), "store": here,
           "central": {"asked": central.asked, "reason": why}, "rows": data}
    lines = [f"{d['day']}  {d['location_id'] or '?':<12} {d['sku']:<22} shelf QR {d['shelf_qr']:>4}  "
             f"kiosk QR {d['qr_scans']:>4}  scans {d['scans']:>4}  searches {d['searches']:>4}  "
             f"views {d['views']:>4}"
             + (f"  sold {d['sold_units']:>3} ({format_kronor(d['sold_total_ore'])} kr)"
                if d["sold_units"] is not None else "") + f"  {d['name']}"
             for d in data]
    if not central.asked:
        lines.append(f"central store not asked ({why}): shelf-QR scans by phones are not in "
                     "these figures")
    text = "\n".join(lines) if data else "\n".join(["no product interest recorded", *lines])
    emit(args, out, text)
    if not central.asked and central.reason != "no_central":
        return EXIT_NOT_FRESH  # a central store configured but not answering
    return EXIT_OK if data else EXIT_FAILED  # nothing found is exit 1 (README, cli/output.py)
