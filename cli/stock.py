"""``main.py stock count FILE.csv [--whole-store] [--confirm] [--by NAME] [--json]``: post a stock
count from a file (docs/stock-count.md: ``ean_or_sku;counted``, one article a line). Every line
is checked first; any unknown code, bad or negative number, or article counted twice and nothing
is posted (exit 2, every bad line named). Differences beyond the threshold need ``--confirm``
(exit 1 without). A posted count's differences are queued in the outbox in one transaction and
sent to the central store now when it answers; what it cannot take now the tills' outbox sends
later (exit 3 says so). ``--whole-store``: the file counts the whole store; every article
stocked here (the synced figures) that it does not name is listed and counted as 0 when posted,
which needs ``--confirm`` (exit 1 without, after the list)."""
from __future__ import annotations

import argparse
import getpass
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from cli.output import EXIT_FAILED, EXIT_NO_STORE, EXIT_OK, EXIT_USAGE, emit, fail


def signed_kronor(ore: int) -> str:
    """Öre in the Swedish format of the reports (``pos.money.format_kronor``) with a sign:
    ``−3 317,60 kr``, ``+12,50 kr``, ``0,00 kr``."""
    from pos.money import format_kronor

    text = format_kronor(abs(ore), symbol=True)
    return f"\u2212{text}" if ore < 0 else f"+{text}" if ore > 0 else text


def run_cancel(args: argparse.Namespace, cfg: Any) -> int:
    """``main.py stock count --cancel [--by NAME]``: cancel the count open here (one that blocks
    every later count), journaled with who cancelled it."""
    import wiring
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.services.stock_counts import cancel_open
    from pos.stock_count import StockCountError

    if args.file:
        return fail(args, "stock count --cancel takes no file", EXIT_USAGE)
    ctx = wiring.open_database(cfg)
    here = str(cfg.get("register", "location_id"))
    by = args.by or f"cli:{getpass.getuser()}"
    try:
        count = cancel_open(SqlUnitOfWork(ctx.session_factory), here,
                            datetime.now().replace(microsecond=0), by)
    except StockCountError as e:
        return fail(args, e.message, EXIT_FAILED, code_name=e.code)
    emit(args, {"count_id": count.id, "location_id": here, "cancelled_by": by,
                "started_by": count.started_by, "articles": len(count.lines)},
         f"stock count {count.id} (started by {count.started_by}, {len(count.lines)} "
         f"articles) cancelled by {by}")
    return EXIT_OK


def run_count(args: argparse.Namespace, cfg: Any) -> int:
    import wiring
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.services.stock_counts import file_uncounted, post_file
    from pos.stock_count import StockCountError
    from pos.sync.stock_events import deliver_now

    if getattr(args, "cancel", False):
        return run_cancel(args, cfg)
    if not args.file:
        return fail(args, "stock count needs the count file: main.py stock count FILE.csv",
                    EXIT_USAGE)
    try:
        text = Path(args.file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        return fail(args, f"cannot read {args.file}: {e}", EXIT_USAGE)
    ctx = wiring.open_database(cfg)
    uow = SqlUnitOfWork(ctx.session_factory)
    here = str(cfg.get("register", "location_id"))
    store = wiring.build_commerce_store(cfg)
    by = args.by or f"cli:{getpass.getuser()}"
    whole = bool(getattr(args, "whole_store", False))
    zero: list[str] | None = None
    try:
        if whole:
            shown = file_uncounted(uow, text, here)
            zero = [ln.sku for ln in shown]
            if shown:
                print(f"{len(shown)} article(s) not counted will be set to 0 "
                      f"({sum(ln.expected for ln in shown)} units):", file=sys.stderr)
                for ln in shown:
                    print(f"  {ln.sku:<22} {ln.expected:>6} -> 0  {ln.name}", file=sys.stderr)
            if shown and not args.confirm:
                return fail(args, f"a whole-store count sets {len(shown)} article(s) not "
                                  "counted to 0 (run again with --confirm)", EXIT_FAILED,
                            code_name="stock_count.uncounted_unconfirmed",
                            uncounted=[{"sku": ln.sku, "name": ln.name, "expected": ln.expected}
                                       for ln in shown])
        done = post_file(uow, store.stock if store is not None else None, text,
                         datetime.now().replace(microsecond=0), by, here,
                         confirmed=bool(args.confirm), whole_store=whole, zero_uncounted=zero)
    except StockCountError as e:
        code = EXIT_USAGE if e.code.startswith("stock_count.csv") else EXIT_FAILED
        if e.code == "stock_count.needs_confirmation":
            return fail(args, f"{e.message} (run again with --confirm)", code,
                        code_name=e.code)
        return fail(args, e.message, code, code_name=e.code)
    count, t = done.count, done.count.totals
    sent, left = (0, list(done.keys))
    if store is not None and done.keys:
        sent, left = deliver_now(SqlUnitOfWork(ctx.session_factory), store, done.keys)
    data = {"count_id": count.id, "location_id": here, "posted_by": by,
            "scope": count.scope.kind.value,
            "articles": t.articles, "expected_units": t.expected_units,
            "counted_units": t.counted_units, "difference_value": t.difference_value,
            "lines": [{"sku": ln.sku, "name": ln.name, "expected": ln.expected,
                       "expected_fresh": ln.expected_fresh, "counted": ln.counted,
                       "difference": ln.difference, "difference_value": ln.difference_value}
                      for ln in count.lines],
            "adjustments_queued": done.keys, "adjustments_sent": sent, "not_sent_yet": left}
    rows = [f"  {ln.sku:<22} expected {ln.expected:>6}{'' if ln.expected_fresh else '*'}  "
            f"counted {ln.counted:>6}  difference {ln.difference:>+6}  "
            f"{signed_kronor(ln.difference_value):>16}" for ln in count.lines]
    text_out = "\n".join([
        f"stock count {count.id} posted by {by}: {t.articles} articles, "
        f"difference {signed_kronor(t.difference_value)}",
        *rows,
        *(["  * expected from the last synced figures (the central store did not answer): "
           "these lines are sent as absolute counts, the central store's stocked quantity is "
           "set to the counted figure; sales made since the count are then the manager's call"]
          if any(not ln.expected_fresh for ln in count.lines) else []),
        f"adjustments: {len(done.keys)} queued, {sent} sent to the central store"])
    if store is None:
        data["error"] = ("no central store configured: the differences wait in the outbox "
                         "(expected figures are the last synced ones)")
    elif left:
        data["error"] = f"{len(left)} adjustment(s) not sent yet; the outbox sends them later"
    emit(args, data, text_out)
    if "error" in data:
        print(f"pos: {data['error']}", file=sys.stderr)
        return EXIT_NO_STORE
    return EXIT_OK
