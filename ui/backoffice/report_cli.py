"""``main.py report sales --from DATE [--to DATE] [--csv FILE | --pdf FILE] [--json]``: the sales
report of a date range (every register of the store's database), printed, as JSON, or written
to a CSV file (columns: ``pos.queries.sales_report``) or a PDF laid out by Qt as the back
office's Reports page writes it. Exit 0 done, 1 the file could not be written, 2 wrong dates."""
from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pos.money import format_kronor
from pos.queries.dashboard import Dashboard
from pos.receipt_layout import StoreInfo

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_options(p: argparse.ArgumentParser) -> None:
    """The ``report`` command's options for ``sales`` and ``vat`` (x and z ignore them)."""
    p.add_argument("--from", dest="first", metavar="DATE",
                   help="sales, vat: the first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="last", metavar="DATE",
                   help="sales, vat: the last day (YYYY-MM-DD; default: the first)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--csv", metavar="FILE", help="sales, vat: write the report as CSV")
    out.add_argument("--pdf", metavar="FILE", help="sales, vat: write the report as PDF")


def _date(text: str | None, what: str, report: str = "sales") -> date:
    if not text:
        raise ValueError(f"report {report} needs {what} YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{what}: {text!r} is not a date (YYYY-MM-DD)") from None


def report_data(d: Dashboard) -> dict[str, Any]:
    return {"from": d.first, "to": d.last, "receipts": d.receipts, "net_sales": d.net_sales,
            "gross_sales": d.gross_sales, "returns_count": d.returns_count,
            "returns_total": d.returns_total, "average_basket": d.average_basket,
            "items": d.items, "discounts": d.discounts, "rounding": d.rounding,
            "vat_total": d.vat_total, "invoice_payments": d.invoice_payments,
            "gift_cards_sold": d.gift_cards_sold,
            "vat": [{"rate": v.rate.value, "gross": v.gross, "net": v.net, "vat": v.vat}
                    for v in d.per_vat],
            "returns_vat": [{"rate": v.rate.value, "gross": v.gross, "net": v.net,
                             "vat": v.vat} for v in d.returns_vat],
            "methods": [{"id": m.method_id, "label": m.label, "count": m.count,
                         "amount": m.amount, "refunded": m.refunded} for m in d.per_method],
            "registers": [{"id": r.register_id, "receipts": r.receipts,
                           "net_sales": r.net_sales} for r in d.per_register],
            "days": [{"day": day, "receipts": n, "net_sales": net} for day, n, net in d.per_day],
            "hours": [{"hour": h, "net_sales": net} for h, net in d.per_hour if net],
            "articles": [{"sku": a.sku, "name": a.name, "quantity": a.quantity,
                          "total": a.total} for a in d.top_articles]}


def report_text(d: Dashboard) -> str:
    kr = format_kronor
    period = d.first.isoformat() if d.first == d.last else f"{d.first} - {d.last}"
    out = [f"sales report {period} (all registers, kronor incl. VAT)",
           f"  net sales      {kr(d.net_sales):>14}",
           f"  receipts       {d.receipts:>14}",
           f"  average basket {kr(d.average_basket):>14}",
           f"  returns        {d.returns_count:>5} {kr(-d.returns_total):>8}",
           f"  discounts      {kr(d.discounts):>14}",
           f"  rounding       {kr(d.rounding):>14}",
           f"  invoices paid  {kr(d.invoice_payments):>14}",  # taken, no sales
           f"  gift cards sold{kr(d.gift_cards_sold):>15}", "VAT"]
    out += [f"  {v.rate.value:>2} %  sales {kr(v.gross):>12}  net {kr(v.net):>12}  "
            f"VAT {kr(v.vat):>10}" for v in d.per_vat]
    out += ["payment methods (net; refunded)"] + [
        f"  {m.label:<16} {m.count:>5} {kr(m.amount):>14}  {kr(m.refunded):>12}"
        for m in d.per_method]
    out += ["registers"] + [f"  {r.register_id:<16} {r.receipts:>5} {kr(r.net_sales):>14}"
                            for r in d.per_register]
    out += ["articles"] + [f"  {a.sku:<16} {a.quantity:>5} {kr(a.total):>14}  {a.name}"
                           for a in d.top_articles]
    return "\n".join(out)


def report_sales(args: argparse.Namespace, session_factory: Any, store: StoreInfo, *,
                 emit: Callable[..., None], fail: Callable[..., int],
                 language: str = "sv") -> int:
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.errors import UserError
    from ui.backoffice.sales_report_files import sales_report, write

    try:
        first = _date(args.first, "--from")
        last = _date(args.last, "--to") if args.last else first
    except ValueError as e:
        return fail(args, str(e), EXIT_USAGE)
    if last < first:
        return fail(args, f"--to {last} is before --from {first}", EXIT_USAGE)
    uow = SqlUnitOfWork(session_factory)
    kind, target = ("csv", args.csv) if args.csv else ("pdf", args.pdf) if args.pdf else ("", "")
    if not kind:
        d = sales_report(uow, first, last)
        emit(args, report_data(d), report_text(d))
        return EXIT_OK
    if kind == "pdf":
        gui_app(language)
    try:
        path = write(uow, store, first, last, Path(target), kind, datetime.now())
    except UserError as e:
        return fail(args, str(e), EXIT_FAILED, path=str(target))
    emit(args, {"written": str(path), "format": kind, "from": first, "to": last},
         f"sales report {first} - {last} written to {path}")
    return EXIT_OK


def gui_app(language: str) -> Any:
    """Qt's text layout needs a GUI application: one on the offscreen platform (no display is
    needed to write a PDF), with the report's language."""
    from PySide6.QtGui import QGuiApplication

    from ui.i18n import install_translators

    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["pos"])
    install_translators(app, language)
    return app


def vat_data(r: Any) -> dict[str, Any]:
    def amounts(a: Any) -> dict[str, int]:
        return {"net": a.net, "vat": a.vat, "gross": a.gross}
    return {"from": r.first, "to": r.last, "receipts": r.receipts,
            "rates": [{"rate": row.rate.value if row.rate else "total",
                       "sales": amounts(row.sales), "returns": amounts(row.returns),
                       "balance": amounts(row.balance)} for row in (*r.rows, r.total)]}


def vat_text(r: Any) -> str:
    kr = format_kronor
    period = r.first.isoformat() if r.first == r.last else f"{r.first} - {r.last}"
    out = [f"VAT report {period} (all registers, kronor; net / VAT / gross)"]
    for row in (*r.rows, r.total):
        name = f"{row.rate.value} %" if row.rate else "total"
        out.append(f"  {name:<6}")
        for label, a in (("sales", row.sales), ("returns", row.returns),
                         ("balance", row.balance)):
            out.append(f"    {label:<8} {kr(a.net):>14} {kr(a.vat):>12} {kr(a.gross):>14}")
    return "\n".join(out)


def report_vat(args: argparse.Namespace, session_factory: Any, store: StoreInfo, *,
               emit: Callable[..., None], fail: Callable[..., int],
               language: str = "sv") -> int:
    """``main.py report vat --from DATE [--to DATE] [--csv FILE | --pdf FILE] [--json]``: the
    VAT report (``pos.queries.vat_report``, its CSV columns documented there). Exits as
    ``report sales``."""
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.errors import UserError
    from pos.queries.vat_report import vat_report
    from ui.backoffice.vat_report_files import write

    try:
        first = _date(args.first, "--from", "vat")
        last = _date(args.last, "--to") if args.last else first
    except ValueError as e:
        return fail(args, str(e), EXIT_USAGE)
    if last < first:
        return fail(args, f"--to {last} is before --from {first}", EXIT_USAGE)
    uow = SqlUnitOfWork(session_factory)
    kind, target = ("csv", args.csv) if args.csv else ("pdf", args.pdf) if args.pdf else ("", "")
    if not kind:
        r = vat_report(uow, first, last)
        emit(args, vat_data(r), vat_text(r))
        return EXIT_OK
    if kind == "pdf":
        gui_app(language)
    try:
        path = write(uow, store, first, last, Path(target), kind, datetime.now())
    except UserError as e:
        return fail(args, str(e), EXIT_FAILED, path=str(target))
    emit(args, {"written": str(path), "format": kind, "from": first, "to": last},
         f"VAT report {first} - {last} written to {path}")
    return EXIT_OK
