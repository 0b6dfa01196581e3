"""``main.py journal export [--format csv|skv] [--from DATE] [--to DATE] [--register ID] FILE
[--json]``: the journal's entries (every register's, or one's) written as the documented CSV
(``docs/journal-export.md``, ``pos.queries.journal_browse``), in the chain's order, and the
file's chain checked after it is written; or, with ``--format skv``, as the tax authority's
standard export (SKVFS 2021:16, ``docs/skvfs-2021-16.md``, ``pos.queries.journal_skv``), the
file read back as XML after it is written. Exit 0 written, 1 the file could not be written or
does not check out, 2 wrong arguments."""
from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from cli.output import EXIT_FAILED, EXIT_OK, EXIT_USAGE


def add_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", metavar="FILE", help="the CSV file to write")
    p.add_argument("--from", dest="first", metavar="DATE",
                   help="the first day (YYYY-MM-DD; default: the journal's first)")
    p.add_argument("--to", dest="last", metavar="DATE",
                   help="the last day (YYYY-MM-DD; default: the --from day, or the "
                        "journal's last)")
    p.add_argument("--register", metavar="ID", help="one register's entries only")
    p.add_argument("--format", dest="format", choices=("csv", "skv"), default="csv",
                   help="csv (default): the documented CSV; skv: the tax authority's XML "
                        "(SKVFS 2021:16)")


def _date(text: str | None, what: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{what}: {text!r} is not a date (YYYY-MM-DD)") from None


def export(args: argparse.Namespace, session_factory: Any, *, emit: Callable[..., None],
           fail: Callable[..., int], store: Any = None) -> int:
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.errors import UserError
    from pos.queries.journal_browse import read_csv, verify_export, write_csv

    if not args.file:
        return fail(args, "journal export needs the FILE to write", EXIT_USAGE)
    try:
        first = _date(args.first, "--from")
        last = _date(args.last, "--to") or first
    except ValueError as e:
        return fail(args, str(e), EXIT_USAGE)
    if first and last and last < first:
        return fail(args, f"--to {last} is before --from {first}", EXIT_USAGE)
    if last and not first:
        first = date.min
    path = Path(args.file)
    if args.register:
        from pos.services.backoffice import BACKOFFICE
        if args.register == BACKOFFICE and getattr(args, "format", "csv") == "skv":
            return fail(args, "the back office is no cash register: the tax authority's "
                              "format is per register (K1, K2 ...)", EXIT_USAGE)
        with SqlUnitOfWork(session_factory) as uow:
            known = uow.journal.count(args.register) > 0
        if not known:
            return fail(args, f"no register {args.register!r} has journal entries here",
                        EXIT_USAGE)
    if getattr(args, "format", "csv") == "skv":
        return _export_skv(args, session_factory, path, first, last, store, emit=emit, fail=fail)
    try:
        n = write_csv(SqlUnitOfWork(session_factory), path, first, last, args.register)
    except UserError as e:
        return fail(args, str(e), EXIT_FAILED, path=str(path))
    check = verify_export(read_csv(path.read_text(encoding="utf-8")))
    data = {"written": str(path), "entries": n, "from": first, "to": last,
            "register": args.register, "chain_ok": check.ok}
    if not check.ok:
        return fail(args, f"the file's chain does not check out: register {check.register_id} "
                          f"entry {check.seq}: {check.reason}", EXIT_FAILED, **data)
    emit(args, data, f"{n} journal entries written to {path}; their chain checks out")
    return EXIT_OK


def _export_skv(args: argparse.Namespace, session_factory: Any, path: Path, first: date | None,
                last: date | None, store: Any, *, emit: Callable[..., None],
                fail: Callable[..., int]) -> int:
    from datetime import datetime
    from xml.etree import ElementTree as ET

    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.errors import UserError
    from pos.queries.journal_skv import SkvSettings, write_skv
    from pos.receipt_layout import StoreInfo

    if first == date.min:
        first = None
    try:
        done = write_skv(SqlUnitOfWork(session_factory), path, first, last, args.register,
                         SkvSettings(store or StoreInfo()), now=datetime.now().replace(microsecond=0),
                         exported_by="operator", exported_from="CLI")
    except UserError as e:
        return fail(args, str(e), EXIT_FAILED, path=str(path))
    try:
        ET.parse(path)  # well-formed, whole
    except ET.ParseError as e:
        return fail(args, f"the file is not well-formed XML: {e}", EXIT_FAILED, path=str(path))
    data = {"written": str(path), "format": "skv", "events": done.events,
            "entries": done.entries, "skipped": done.skipped, "from": first, "to": last,
            "register": args.register}
    emit(args, data, f"{done.events} events of {done.entries} journal entries written to "
                     f"{path} in the tax authority's format (SKVFS 2021:16)")
    return EXIT_OK
