"""``main.py invoice``: an invoice by its OCR reference, and the open ones.

    pos invoice show 100004290   # the central store's answer (else this store's own record)
    pos invoice list             # this store's unpaid invoices, oldest due first
    pos invoice pdf 100004290 --out faktura.pdf   # this store's invoice as a PDF

``--json`` prints JSON. Exit codes: 0 found, 1 not found.
"""
from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import wiring
from cli.output import EXIT_FAILED, EXIT_OK, EXIT_USAGE, emit, fail
from pos.money import format_kronor


def add_invoice_parser(sub: Any,
                       parents: Sequence[argparse.ArgumentParser] = ()) -> argparse.ArgumentParser:
    p = sub.add_parser("invoice", parents=list(parents),
                       help="invoices: one by its OCR reference, this store's open ones, a PDF")
    p.add_argument("action", choices=["show", "list", "pdf"])
    p.add_argument("ocr", nargs="?", help="show/pdf: the invoice's OCR reference")
    p.add_argument("--out", help="pdf: the file to write (default faktura-<number>.pdf)")
    return p


def _text(d: Any) -> str:
    return (f"{d.number}  OCR {d.ocr}  {format_kronor(d.amount_due)} kr left to pay of "
            f"{format_kronor(d.total)} kr  due on {d.due_on.isoformat()}  {d.status.value}  "
            f"{d.customer_name or d.customer_id}  ({d.source})")


def run(args: argparse.Namespace, cfg: Any) -> int:
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.invoices import InvoiceDue
    from pos.services import invoices

    app = wiring.open_database(cfg)
    uow = SqlUnitOfWork(app.session_factory)
    today = date.today()
    if args.action == "list":
        with uow:
            rows = [InvoiceDue.of(i, today) for i in uow.invoices.unpaid()]
        emit(args, [r.to_dict() for r in rows], "\n".join(_text(r) for r in rows)
             or "no open invoices")
        return EXIT_OK if rows else EXIT_FAILED  # nothing found is exit 1 (README, cli/output.py)
    if not args.ocr:
        return fail(args, f"invoice {args.action} needs an OCR reference", EXIT_USAGE)
    if args.action == "pdf":
        with uow:
            inv = uow.invoices.by_ocr(args.ocr.replace(" ", ""))
        if inv is None:
            return fail(args, f"no invoice of this store has OCR {args.ocr}", EXIT_FAILED)
        from ui.backoffice.report_cli import gui_app
        from ui.documents.invoice_pdf import invoice_pdf
        # fonts for the PDF: a GUI application on the offscreen platform (no display needed)
        _app = gui_app(str(cfg.get("register", "language")))
        path = invoice_pdf(inv, Path(args.out or f"faktura-{inv.number}.pdf"))
        emit(args, {"path": str(path), "number": inv.number}, str(path))
        return EXIT_OK
    from pos.errors import UserError
    store = wiring.build_commerce_store(cfg)
    try:
        found = invoices.lookup(getattr(store, "invoices", None), uow, args.ocr, today)
    except UserError as e:
        return fail(args, str(e), EXIT_FAILED)
    emit(args, found.to_dict(), _text(found))
    return EXIT_OK
