"""Operator commands for synchronisation, wired into ``main.py``:

    pos sync                 # catalogue delta (full the first time) + deliver the outbox
    pos sync --full --stock  # full catalogue with stock levels, deactivating what was deleted
    pos sync catalog|promotions|outbox  # only one of them
                             # (promotions: when the catalogue feed is a ``PromotionFeed``)
    pos sync retry-dead      # queue dead outbox messages again (after fixing the cause)
    pos sync status          # outbox counts, oldest waiting, last error, catalogue cursors

``ctx`` is main's ``AppContext`` (only ``ctx.session_factory`` is used, through a unit of work); ``store`` is the
``CommerceStore`` main wires in (its ``catalog`` feed and its ``orders`` sink). ``--json`` prints
JSON. Exit codes: 0 ok, 1 something failed and will be retried, 3 the central store cannot be
reached.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Any

from pos.db.unit_of_work import SqlUnitOfWork
from pos.ports import CommerceStore, CommerceUnavailable, PromotionFeed
from pos.queries.outbox import outbox_status
from pos.sync.catalog_sync import CatalogSync
from pos.sync.outbox import OutboxWorker, retry_dead
from pos.sync.promotion_sync import sync_promotions

ACTIONS = ("all", "catalog", "promotions", "outbox", "retry-dead", "status")


def add_sync_parser(sub: Any) -> argparse.ArgumentParser:
    """Add ``sync`` to main's subparsers."""
    p = sub.add_parser("sync", help="synchronise with the central store, or show sync status")
    p.add_argument("action", nargs="?", default="all", choices=ACTIONS)
    p.add_argument("--full", action="store_true", help="full catalogue sync (not only changes)")
    p.add_argument("--stock", action="store_true", help="also fetch stock levels")
    p.add_argument("--page-size", type=int, default=500)
    p.add_argument("--key", help="retry-dead: only this message")
    return p


def _out(args: argparse.Namespace, data: dict[str, Any], text: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, default=_default))
    else:
        print(text)


def _default(o: Any) -> Any:
    if isinstance(o, datetime):
        return o.isoformat()
    if isinstance(o, timedelta):
        return o.total_seconds()
    raise TypeError(type(o).__name__)


def _progress(done: int, total: int | None) -> None:
    of = f" of {total}" if total is not None else ""
    print(f"\rcatalogue: {done}{of} variants", end="", file=sys.stderr, flush=True)


def cmd_sync(args: argparse.Namespace, ctx: Any, store: CommerceStore) -> int:
    action = getattr(args, "action", "all") or "all"
    if action == "status":
        return cmd_sync_status(args, ctx)
    uow = SqlUnitOfWork(ctx.session_factory)
    if action == "retry-dead":
        n = retry_dead(uow, getattr(args, "key", None))
        _out(args, {"requeued": n}, f"{n} dead message(s) queued again")
        return 0
    data: dict[str, Any] = {}
    lines: list[str] = []
    code = 0
    try:
        if action in ("all", "catalog"):
            sync = CatalogSync(uow, store.catalog, page_size=getattr(args, "page_size", 500),
                               with_stock=bool(getattr(args, "stock", False)))
            quiet = getattr(args, "json", False) or not sys.stderr.isatty()
            report = sync.run(full=True if getattr(args, "full", False) else None,
                              on_progress=None if quiet else _progress)
            if not quiet:
                print(file=sys.stderr)
            data["catalog"] = asdict(report)
            lines.append(report.summary())
        feed = store.catalog
        if action in ("all", "promotions") and isinstance(feed, PromotionFeed):
            n = sync_promotions(uow, feed.promotions, feed.promotion_context())
            data["promotions"] = n
            lines.append(f"promotions: {n}")
        if action in ("all", "outbox"):
            worker = OutboxWorker(uow, store.orders)
            sent: list[str] = []
            failed: list[tuple[str, str]] = []
            while True:  # until nothing more is due now
                r = worker.run_once()
                sent += r.sent
                failed += r.failed + [(k, "dead") for k in r.dead]
                if not r.sent or r.failed:
                    break
            data["outbox"] = {"sent": sent, "failed": failed}
            lines.append(f"outbox: {len(sent)} delivered, {len(failed)} failed")
            lines += [f"  {k}: {e}" for k, e in failed]
            if failed:
                code = 1
    except CommerceUnavailable as e:
        data["error"] = str(e)
        lines.append(f"the central store cannot be reached: {e} (nothing is lost; try later)")
        code = 3
    _out(args, data, "\n".join(lines))
    return code


def cmd_sync_status(args: argparse.Namespace, ctx: Any) -> int:
    uow = SqlUnitOfWork(ctx.session_factory)
    st = outbox_status(uow)
    with uow:
        cursors = uow.sync_state.all()
    data = {"outbox": {"counts": st.counts, "oldest_pending_age": st.oldest_pending_age,
                       "next_attempt_at": st.next_attempt_at, "last_error": st.last_error},
            "state": {k: {"value": v, "updated_at": at} for k, (v, at) in cursors.items()}}
    text = [st.summary()]
    text += [f"{k}: {v} (at {at:%Y-%m-%d %H:%M:%S} UTC)" for k, (v, at) in sorted(cursors.items())]
    if not cursors:
        text.append("the catalogue has never been synchronised")
    _out(args, data, "\n".join(text))
    return 0
