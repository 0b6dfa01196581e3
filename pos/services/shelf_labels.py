"""Shelf labels from the back office and the command line: choose the articles (by SKU or
barcode, by category, or "prices changed since" a moment), make their labels
(``pos.shelf_labels.make_label``, with the promotions the till applies), print them on the
receipt printer one label per cut, or hand them to the A4 sheet (``ui.documents.label_sheet``);
each print or sheet is journaled in the back office's journal with who made it and which
articles (``Kind.SHELF_LABELS``).

"Prices changed since" reads ``variants.price_changed_at``, which the catalogue's upsert sets
when a synced price differs from the stored one (or the article is new), with the price before
(``previous_price_ore``): after a sync that changed prices, those are the labels on the shelf
that now say something wrong.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from pos.catalog import UnknownCode, Variant
from pos.errors import UserError, messages
from pos.journal import Kind
from pos.kiosk import Category
from pos.ports import PrinterError, ReceiptPrinter
from pos.promotions import PromotionBook
from pos.services.backoffice import journal
from pos.services.unit_of_work import UnitOfWork
from pos.shelf_qr import shelf_qr_url
from pos.shelf_labels import LabelSettings, ShelfLabel, label_document, make_label
from pos.sync.promotion_sync import load_promotion_context, load_promotions

MAX_LABELS = 2000  # one selection; a whole category of a department store fits

MESSAGES = messages({
    "labels.nothing_chosen": "Choose articles, a category or a date to make shelf labels",
    "labels.too_many": "{count} articles is more than {max} labels at a time: choose fewer",
    "labels.not_printed": "Shelf labels printed: {printed} of {total}; the printer stopped: "
                          "{reason}",
    "labels.qr_base": "The shelf labels' QR address {base} is not a web address: set [labels] "
                      "qr_base to https://...",
})


class LabelError(UserError):
    """A label selection or print that cannot be done."""


@dataclass(frozen=True)
class LabelSelection:
    """Which articles: ``codes`` (SKU or barcode each), a ``category_id`` (the web's category,
    as the kiosk's product information has it) and/or ``changed_since`` (naive UTC)."""

    codes: tuple[str, ...] = ()
    category_id: str = ""
    changed_since: datetime | None = None

    @property
    def empty(self) -> bool:
        return not self.codes and not self.category_id and self.changed_since is None

    def describe(self) -> dict[str, object]:
        out: dict[str, object] = {}
        if self.codes:
            out["codes"] = list(self.codes)
        if self.category_id:
            out["category"] = self.category_id
        if self.changed_since is not None:
            out["changed_since"] = self.changed_since.isoformat()
        return out


@dataclass(frozen=True)
class LabelPrintResult:
    printed: int  # labels (copies counted) that reached the printer
    total: int


def promotion_book(uow: UnitOfWork, utc_now: datetime) -> PromotionBook:
    """The promotions the till applies (the last sync's), at ``utc_now``."""
    with uow:
        promotions = tuple(load_promotions(uow.sync_state))
        context = load_promotion_context(uow.sync_state)
    return PromotionBook(promotions, context=context, clock=lambda: utc_now)


def select(uow: UnitOfWork, selection: LabelSelection) -> list[tuple[Variant, int | None]]:
    """The chosen active articles (each once, in the order chosen: codes, then the category by
    name, then the changed prices by name), each with its price before the last change (None
    when unknown). ``UnknownCode`` for a code that names no article."""
    if selection.empty:
        raise LabelError("labels.nothing_chosen")
    chosen: dict[str, Variant] = {}
    with uow:
        for code in selection.codes:
            if not code.strip():
                continue
            v = uow.catalog.by_code(code.strip())
            if v is None:
                raise UnknownCode(code.strip())
            chosen.setdefault(v.id, v)
        if selection.category_id:
            in_category: list[Variant] = []
            for pid in uow.kiosk.product_ids_in(selection.category_id):
                for vid in uow.kiosk.variant_ids_of(pid):
                    v = uow.catalog.by_id(vid)
                    if v is not None:
                        in_category.append(v)
            for v in sorted(in_category, key=lambda v: (v.name.casefold(), v.id)):
                chosen.setdefault(v.id, v)
        changes = uow.catalog.price_changes_since(selection.changed_since) \
            if selection.changed_since is not None else []
        for v, _previous in changes:
            chosen.setdefault(v.id, v)
        found = [v for v in chosen.values() if v.active]
        if len(found) > MAX_LABELS:
            raise LabelError("labels.too_many", count=len(found), max=MAX_LABELS)
        previous = uow.catalog.previous_prices([v.id for v in found])
    return [(v, previous.get(v.id)) for v in found]


def categories(uow: UnitOfWork, now: datetime) -> list[Category]:
    """The categories to choose labels by: the web's, as the kiosk's product information has
    them (the demo's when none was ever stored, as the kiosk does at its start)."""
    from pos.services.kiosk import ensure_products

    ensure_products(uow, now)
    with uow:
        return uow.kiosk.categories()


def handles(uow: UnitOfWork) -> dict[str, str]:
    """Each product's web handle (the kiosk's product information), for the shelf QR."""
    with uow:
        return {p.product_id: p.handle for p in uow.kiosk.products() if p.handle}


def make_labels(uow: UnitOfWork, selection: LabelSelection, settings: LabelSettings,
                utc_now: datetime, today: date) -> list[ShelfLabel]:
    """The labels of the chosen articles as of ``utc_now`` (campaigns) printed ``today``."""
    if settings.qr_base:
        try:
            shelf_qr_url(settings.qr_base, "", "probe", settings.store)
        except ValueError:
            raise LabelError("labels.qr_base", base=settings.qr_base) from None
    chosen = select(uow, selection)
    book = promotion_book(uow, utc_now)
    if settings.qr_base and not settings.handles:
        settings = LabelSettings(settings.qr_base, settings.store, handles(uow))
    return [make_label(v, book, settings, today, previous) for v, previous in chosen]


def _payload(labels: Sequence[ShelfLabel], selection: LabelSelection | None,
             **more: object) -> dict[str, object]:
    return {"labels": [[lb.sku, lb.copies] for lb in labels],
            "count": sum(lb.copies for lb in labels),
            **({"selection": selection.describe()} if selection is not None else {}), **more}


def print_labels(uow: UnitOfWork, printer: ReceiptPrinter, labels: Sequence[ShelfLabel],
                 now: datetime, by: str | None, selection: LabelSelection | None = None,
                 on_progress: Callable[[int, int], None] | None = None) -> LabelPrintResult:
    """Every label (each ``copies`` times) on the receipt printer, one job and one cut each.
    Journaled with what printed even when the printer stops; then ``LabelError``
    labels.not_printed says how far it got."""
    total = sum(lb.copies for lb in labels)
    done = 0
    failure: PrinterError | None = None
    try:
        for lb in labels:
            doc = label_document(lb)
            for _ in range(lb.copies):
                printer.print_document(doc)
                done += 1
                if on_progress is not None:
                    on_progress(done, total)
    except PrinterError as e:
        failure = e
    with uow:
        journal(uow, now, Kind.SHELF_LABELS,
                _payload(labels, selection, output="receipt_printer", printed=done,
                         **({"reason": str(failure)} if failure else {})), by)
        uow.commit()
    if failure is not None:
        raise LabelError("labels.not_printed", printed=done, total=total, reason=failure)
    return LabelPrintResult(done, total)


def journal_sheet(uow: UnitOfWork, labels: Sequence[ShelfLabel], now: datetime, by: str | None,
                  path: str, layout: str, selection: LabelSelection | None = None) -> None:
    """An A4 sheet of ``labels`` written to ``path`` (a file or a printer), in the journal."""
    with uow:
        journal(uow, now, Kind.SHELF_LABELS,
                _payload(labels, selection, output="a4_sheet", layout=layout, path=path), by)
        uow.commit()
