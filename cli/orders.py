"""``main.py orders placed|returns``: the back office's Orders page on the command line.

    pos orders placed  [--from DATE] [--to DATE] [--text TEXT] [--json]  # ship-to-home sold here
    pos orders returns [--from DATE] [--to DATE] [--text TEXT] [--json]  # returns taken here
    pos orders pickups [--open] [--json]                                  # (cli/omnichannel.py)

Each row is this store's record joined with the central store's status (read in one batch).
Exit codes: 0 listed with the central status; 3 listed without it (no central store, or it
cannot be reached: "central": "unknown"); 1 nothing in the range; 2 a bad date.
"""
from __future__ import annotations

import argparse
from datetime import date
from typing import Any

import wiring
from cli.output import EXIT_FAILED, EXIT_NO_STORE, EXIT_OK, EXIT_USAGE, emit, fail


def add_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="first", help="first day (YYYY-MM-DD); default: 30 days ago")
    p.add_argument("--to", dest="last", help="last day (YYYY-MM-DD); default: today")
    p.add_argument("--text", default="", help="an order number, receipt or customer")


def run(args: argparse.Namespace, cfg: Any) -> int:
    from datetime import timedelta

    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.errors import UserError
    from pos.money import format_kronor
    from pos.queries import orders as q

    try:
        last = date.fromisoformat(args.last) if args.last else date.today()
        first = date.fromisoformat(args.first) if args.first else last - timedelta(days=29)
    except ValueError as e:
        return fail(args, f"a date is YYYY-MM-DD: {e}", EXIT_USAGE)
    app = wiring.open_database(cfg)
    uow = SqlUnitOfWork(app.session_factory)
    placed = args.action == "placed"
    rows: list[Any] = (q.ship_to_home_orders(uow, first, last, args.text) if placed
                       else q.store_returns(uow, first, last, args.text))
    if not rows:  # an empty list, in the same shape (exit 1: nothing in the range)
        emit(args, {"from": first.isoformat(), "to": last.isoformat(), "rows": []},
             f"no {'ship-to-home orders' if placed else 'returns'} {first}..{last}")
        return EXIT_FAILED
    store = wiring.build_commerce_store(cfg)
    statuses: dict[str, Any] | None = None
    why = "no central store configured"
    if store is not None:
        try:
            statuses = (store.order_status.order_statuses(
                [r.central_order_id for r in rows if r.central_order_id]) if placed
                else store.order_status.return_statuses([r.return_id for r in rows
                                                        if r.return_id]))
        except UserError as e:
            why = str(e)
    data, lines = [], []
    for r in rows:
        d = r.to_dict()
        if r.outbox.local_only or (not placed and r.kind == "no_receipt"):
            central: Any = None
            text = f"local: {r.outbox.status or 'nothing to send'}"
        elif statuses is None:
            central, text = "unknown", "central status unknown"
        else:
            s = statuses.get(r.central_order_id if placed else r.return_id)
            if s is None:
                central, text = "not found", "not found centrally"
            elif placed:
                central = {"payment_status": s.payment_status,
                           "fulfilment": s.fulfilment_stage.value,
                           "tracking": list(s.tracking), "total_ore": s.total}
                text = " ".join([s.payment_status, s.fulfilment_stage.value, *s.tracking])
            else:
                central = {"status": s.status, "stage": s.stage.value,
                           "refund_ore": s.refund_amount, "refunded_ore": s.refunded}
                text = f"{s.stage.value} refunded {format_kronor(s.refunded)}"
        d["central"] = central
        data.append(d)
        if placed:
            number = f"#{r.display_id}" if r.display_id else "-"
            lines.append(f"{r.order_ref:<14} {number:<7} {r.completed_at:%Y-%m-%d %H:%M} "
                         f"{r.register_id}/{r.receipt_no:<5} {format_kronor(r.amount):>10}  "
                         f"{r.customer[:20]:<20} {text}")
        else:
            lines.append(f"{r.register_id}/{r.receipt_no:<5} {r.completed_at:%Y-%m-%d %H:%M} "
                         f"{r.purchase:<14} {format_kronor(r.amount):>10} "
                         f"{format_kronor(r.refunded):>10}  {text}")
    known = statuses is not None
    emit(args, {"from": first.isoformat(), "to": last.isoformat(),
                "central": "known" if known else "unknown",
                **({} if known else {"why": why}), "rows": data},
         "\n".join(lines) + ("" if known else f"\n(central status unknown: {why})"))
    return EXIT_OK if known else EXIT_NO_STORE
