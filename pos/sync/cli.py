"""Operator commands for synchronisation, wired into ``main.py``:

    pos sync                 # catalogue delta (full the first time) + deliver the outbox
    pos sync --full --stock  # full catalogue with stock levels, deactivating what was deleted
    pos sync catalog|promotions|outbox  # only one of them
                             # (promotions: when the catalogue feed is a ``PromotionFeed``)
    pos sync retry-dead      # queue dead outbox messages again (after fixing the cause)
    pos sync status          # outbox counts, oldest waiting, last error, catalogue cursors

``ctx`` is main's ``AppContext`` (only ``ctx.session_factory`` is used, through a unit of work); ``store`` is the
``CommerceStore`` main wires in (its ``catalog`` feed and its ``orders`` sink). ``--json`` prints
JSON (objects all the way down: a value the sync keeps as a JSON document is shown decoded; times
carry their UTC offset). A failure is told on stderr; with ``--json`` the output also carries
``"error"``. Exit codes: 0 ok, 1 something failed and will be retried, 3 the central store cannot
be reached.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from pos.db.unit_of_work import SqlUnitOfWork
from pos.ports import CentralAccessRefused, CommerceStore, CommerceUnavailable, PromotionFeed
from pos.queries.outbox import outbox_status
from pos.sync.catalog_sync import CatalogSync
from pos.sync.delivery_events import outbox_handlers
from pos.sync.outbox import OutboxWorker, retry_dead
from pos.sync.promotion_sync import sync_promotions

ACTIONS = ("all", "catalog", "promotions", "outbox", "retry-dead", "status")


def add_sync_parser(sub: Any, parents: Sequence[argparse.ArgumentParser] = ()) -> argparse.ArgumentParser:
    """Add ``sync`` to main's subparsers (``parents``: main's options taken after it too)."""
    p = sub.add_parser("sync", help="synchronise with the central store, or show sync status",
                       parents=list(parents))
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


def _fail(args: argparse.Namespace, message: str) -> None:
    """A failure in a sentence on stderr (the JSON output carries it as ``"error"``)."""
    print(f"pos: {message}", file=sys.stderr)


def _utc(t: datetime) -> str:
    """The sync's times are kept as naive UTC: shown with their offset."""
    return (t if t.tzinfo is not None else t.replace(tzinfo=timezone.utc)).isoformat()


def _default(o: Any) -> Any:
    if isinstance(o, datetime):
        return _utc(o)
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
            from pos.sync.pickup_events import pickup_handlers
            from pos.sync.return_events import return_handlers
            from pos.sync.invoice_events import invoice_handlers
            from pos.sync.stock_events import stock_handlers
            worker = OutboxWorker(uow, store.orders, handlers={
                **outbox_handlers(getattr(store, "deliveries", None)), **pickup_handlers(store),
                **return_handlers(store), **invoice_handlers(store), **stock_handlers(store)})
            sent: list[str] = []
            failed: list[tuple[str, str]] = []
            while True:  # until nothing more is due now
                r = worker.run_once()
                sent += r.sent
                failed += r.failed + [(k, "dead") for k in r.dead]
                if not r.sent or r.failed:
                    break
            data["outbox"] = {"sent": sent,
                              "failed": [{"key": k, "error": e} for k, e in failed]}
            lines.append(f"outbox: {len(sent)} delivered, {len(failed)} failed")
            lines += [f"  {k}: {e}" for k, e in failed]
            if failed:
                data["error"] = f"{len(failed)} sale(s) not delivered (retried later)"
                _fail(args, data["error"] + "".join(f"; {k}: {e}" for k, e in failed))
                code = 1
    except CentralAccessRefused as e:  # reached, but it refuses this register: say why
        data["error"] = f"{e} (nothing is lost; the sales wait until the register is enrolled)"
        data["code"] = e.code
        _fail(args, data["error"])
        code = 3
    except CommerceUnavailable as e:
        data["error"] = f"the central store cannot be reached: {e} (nothing is lost; try later)"
        _fail(args, data["error"])
        code = 3
    if lines or getattr(args, "json", False):
        _out(args, data, "\n".join(lines))
    return code


def _value(text: str) -> Any:
    """A kept value as it is: a JSON document (the promotions) decoded, anything else as text."""
    if text[:1] in ("{", "["):
        try:
            return json.loads(text)
        except ValueError:
            pass
    return text


def _value_text(name: str, value: Any) -> str:
    """A kept value for a person: a document summed up, not dumped."""
    if isinstance(value, list):
        codes = [str(d.get("code") or d.get("id")) for d in value if isinstance(d, dict)]
        return f"{len(value)}" + (f" ({', '.join(codes)})" if codes else "")
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items()) or "none"
    return str(value)


def cmd_sync_status(args: argparse.Namespace, ctx: Any) -> int:
    uow = SqlUnitOfWork(ctx.session_factory)
    st = outbox_status(uow)
    with uow:
        cursors = uow.sync_state.all()
    last_error = ({"key": st.last_error[0], "message": st.last_error[1]}
                  if st.last_error else None)
    data = {"outbox": {"counts": st.counts, "oldest_pending_age": st.oldest_pending_age,
                       "next_attempt_at": st.next_attempt_at, "last_error": last_error},
            "state": {k: {"value": _value(v), "updated_at": at} for k, (v, at) in cursors.items()}}
    text = [st.summary()]
    text += [f"{k}: {_value_text(k, _value(v))} (at {at:%Y-%m-%d %H:%M:%S} UTC)"
             for k, (v, at) in sorted(cursors.items())]
    if not cursors:
        text.append("the catalogue has never been synchronised")
    _out(args, data, "\n".join(text))
    return 0
