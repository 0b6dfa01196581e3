"""``main.py labels [--sku X ...] [--category C] [--changed-since DATE] (--pdf FILE | --print)
[--layout 3x8] [--start N] [--copies N] [--json]``: shelf labels of the chosen articles, as an A4
label sheet (PDF) or on the receipt printer one label per cut (``pos.services.shelf_labels``).

``--category`` is the web's category id or its name (the kiosk's product information);
``--changed-since`` a day (YYYY-MM-DD, from its midnight UTC) or a moment (ISO 8601, UTC).
Journaled in the back office's journal (by "cli")."""
from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from cli.output import EXIT_FAILED, EXIT_OK, EXIT_USAGE, emit, fail


def add_labels_parser(sub: Any,
                      parents: Sequence[argparse.ArgumentParser] = ()) -> argparse.ArgumentParser:
    p = sub.add_parser("labels", parents=list(parents),
                       help="shelf labels (price, comparison price, campaign, EAN, QR) as an "
                            "A4 sheet or on the receipt printer")
    p.add_argument("--sku", action="append", default=[], help="an article's SKU or barcode "
                   "(again for more)")
    p.add_argument("--category", default="", help="every article of a category (id or name)")
    p.add_argument("--changed-since", default="", help="articles whose price changed since "
                   "YYYY-MM-DD (UTC midnight) or an ISO moment (UTC)")
    out = p.add_mutually_exclusive_group(required=True)
    out.add_argument("--pdf", default="", help="write an A4 label sheet to this PDF")
    out.add_argument("--print", action="store_true", help="print on the receipt printer, "
                     "one label per cut")
    p.add_argument("--layout", default="", help="the sheet's layout (3x8, 3x7, 2x8)")
    p.add_argument("--start", type=int, default=1, help="first place on the first sheet (1-..)")
    p.add_argument("--copies", type=int, default=1, help="labels of each article")
    return p


def parse_since(text: str) -> datetime:
    """A day (its midnight) or an ISO moment, as naive UTC."""
    text = text.strip()
    if len(text) == 10:
        return datetime.combine(date.fromisoformat(text), datetime.min.time())
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


def _category_id(uow: Any, text: str) -> str:
    from pos.services.shelf_labels import categories

    cats = categories(uow, datetime.now())
    wanted = text.strip().casefold()
    for c in cats:
        if c.id == text.strip() or c.name.casefold() == wanted:
            return c.id
    return ""


def label_dict(lb: Any) -> dict[str, Any]:
    c = lb.campaign
    return {"sku": lb.sku, "ean": lb.ean, "name": lb.name, "details": lb.details,
            "price": lb.price, "per_kg": lb.per_kg, "comparison": lb.comparison,
            "comparison_unit": lb.comparison_unit, "previous_price": lb.previous_price,
            "campaign": None if c is None else {
                "name": c.name, "ends": c.ends.isoformat() if c.ends else None,
                "price": c.price, "text": c.text, "comparison": c.comparison},
            "qr": lb.qr, "copies": lb.copies, "printed": lb.printed.isoformat()}


def run(args: argparse.Namespace, cfg: Any) -> int:
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.errors import UserError
    from pos.services import shelf_labels as service
    from wiring import backoffice_context, label_settings, open_database

    try:
        since = parse_since(args.changed_since) if args.changed_since else None
    except ValueError as e:
        return fail(args, f"--changed-since is YYYY-MM-DD or an ISO moment: {e}", EXIT_USAGE)
    if args.copies < 1:
        return fail(args, "--copies is at least 1", EXIT_USAGE)
    ctx = open_database(cfg)
    uow = SqlUnitOfWork(ctx.session_factory)
    category = ""
    if args.category:
        category = _category_id(uow, args.category)
        if not category:
            return fail(args, f"no category {args.category!r} (the kiosk's product information "
                              "names the categories: sync it first)", EXIT_USAGE)
    selection = service.LabelSelection(tuple(args.sku), category, since)
    utc_now = datetime.now(timezone.utc).replace(tzinfo=None)
    now = datetime.now().replace(microsecond=0)
    try:
        labels = [lb.with_copies(args.copies) for lb in service.make_labels(
            uow, selection, label_settings(cfg), utc_now, now.date())]
    except UserError as e:
        return fail(args, e.message, EXIT_FAILED)
    if not labels:
        return fail(args, "no article matches the selection", EXIT_FAILED)
    data: dict[str, Any] = {"labels": [label_dict(lb) for lb in labels]}
    warning = ""
    if not any(lb.qr for lb in labels):
        warning = ("warning: no QR address is set ([labels] qr_base, or a central store): "
                   "these labels have no QR code")
        data["warning"] = warning
    if args.print:
        try:
            printer = backoffice_context(ctx, cfg).printer()
            result = service.print_labels(uow, printer, labels, now, "cli", selection)
        except UserError as e:
            return fail(args, e.message, EXIT_FAILED)
        data["printed"] = result.printed
        text = f"{result.printed} shelf labels printed"
    else:
        from ui.documents.label_sheet import DEFAULT_LAYOUT, LAYOUTS, write_label_pdf
        from ui.documents.receipt_pdf import ensure_gui_app

        key = args.layout or str(cfg.get("labels", "layout") or DEFAULT_LAYOUT)
        layout = LAYOUTS.get(key)
        if layout is None:
            return fail(args, f"no layout {key!r}: {', '.join(LAYOUTS)}", EXIT_USAGE)
        if not 1 <= args.start <= layout.per_sheet:
            return fail(args, f"--start is 1 to {layout.per_sheet}", EXIT_USAGE)
        ensure_gui_app()
        try:
            pages = write_label_pdf(Path(args.pdf), labels, layout, args.start - 1)
        except OSError as e:
            return fail(args, f"cannot write {args.pdf}: {e}", EXIT_FAILED)
        service.journal_sheet(uow, labels, now, "cli", str(Path(args.pdf).resolve()), key,
                              selection)
        data.update(pdf=str(args.pdf), pages=pages, layout=key)
        text = f"{sum(lb.copies for lb in labels)} shelf labels on {pages} sheet(s): {args.pdf}"
    emit(args, data, "\n".join(
        [f"{lb.sku:<22} {lb.price_text:>12}  {lb.name} {lb.details}".rstrip() for lb in labels]
        + [text] + ([warning] if warning else [])))
    return EXIT_OK
