"""The shelf-label page's named operations (``ui.backoffice.labels_page``): choosing and making
labels on the back office's database lane, printing them and writing A4 sheets on the printer
lane (a slow printer or a big sheet never holds up the database lane or the screen)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pos.services import shelf_labels as service
from pos.shelf_labels import LabelSettings, ShelfLabel
from ui.backoffice.context import BackofficeContext
from pos.services.backoffice_prints import NoPrinterHere
from ui.backoffice.operations import Done, Failed
from ui.lanes import Lanes
from ui.ops import Operation

Progress = Callable[[int, int], None]


def _utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def settings(ctx: BackofficeContext) -> LabelSettings:
    return ctx.labels if ctx.labels is not None else LabelSettings()


def categories(lanes: Lanes, ctx: BackofficeContext, *, on_done: Done,
               on_error: Failed | None = None) -> Operation:
    return lanes.register.run(lambda: service.categories(ctx.uow(), ctx.now()), on_done,
                              on_error, label="label categories")


def make_labels(lanes: Lanes, ctx: BackofficeContext, selection: service.LabelSelection, *,
                on_done: Done, on_error: Failed | None = None) -> Operation:
    """The labels of ``selection`` (``on_done(list[ShelfLabel])``)."""
    return lanes.register.run(
        lambda: service.make_labels(ctx.uow(), selection, settings(ctx), _utc_now(),
                                    ctx.now().date()),
        on_done, on_error, label="make labels")


def print_labels(lanes: Lanes, ctx: BackofficeContext, labels: list[ShelfLabel],
                 on_progress: Progress, *, on_done: Done,
                 on_error: Failed | None = None) -> Operation:
    """Every label on the back office's receipt printer, one per cut (``on_done(result)``)."""
    def run() -> service.LabelPrintResult:
        if ctx.printer is None:
            raise NoPrinterHere("backoffice.no_printer")
        return service.print_labels(ctx.uow(), ctx.printer(), labels, ctx.now(),
                                    ctx.require_user().id, on_progress=on_progress)
    return lanes.printer.run(run, on_done, on_error, label="print labels")


def write_sheet(lanes: Lanes, ctx: BackofficeContext, labels: list[ShelfLabel], path: Path,
                layout_key: str, start: int, on_progress: Progress, *, on_done: Done,
                on_error: Failed | None = None) -> Operation:
    """The labels on A4 sheets as a PDF at ``path`` (``on_done(pages)``), journaled."""
    def run() -> int:
        from ui.documents.label_sheet import LAYOUTS, write_label_pdf

        pages = write_label_pdf(path, labels, LAYOUTS[layout_key], start,
                                on_progress=on_progress)
        service.journal_sheet(ctx.uow(), labels, ctx.now(), ctx.require_user().id, str(path),
                              layout_key)
        return pages
    return lanes.printer.run(run, on_done, on_error, label="label sheet")


def print_sheet(lanes: Lanes, ctx: BackofficeContext, labels: list[ShelfLabel], printer: Any,
                layout_key: str, start: int, on_progress: Progress, *, on_done: Done,
                on_error: Failed | None = None) -> Operation:
    """The labels on A4 sheets on a system printer (a ``QPrinter`` the manager chose; QPainter
    paints on it off the GUI thread), journaled (``on_done(pages)``)."""
    def run() -> int:
        from ui.documents.label_sheet import LAYOUTS, paint_sheets

        printer.setDocName("Hyllkantsetiketter")
        pages = paint_sheets(printer, labels, LAYOUTS[layout_key], start,
                             on_progress=on_progress)
        service.journal_sheet(ctx.uow(), labels, ctx.now(), ctx.require_user().id,
                              printer.printerName() or printer.outputFileName(), layout_key)
        return pages
    return lanes.printer.run(run, on_done, on_error, label="print label sheet")
