"""Shelf labels on A4 label sheets for an office printer, as a PDF (``QPdfWriter``) or straight
on a system printer (``QPrinter``), painted with ``QPainter``.

The layout is a row of ``LAYOUTS`` (columns x rows of labels of a size, the sheet's margins and
gaps), so another sheet is one entry. The default, "3x8", is the common A4 sheet of 24 labels of
70 x 37 mm without margins between them (Avery 3474, Herma 4453 and their like).

Everything is drawn as vectors: text as PDF text, the EAN-13's bars (``python-barcode``'s
modules) and the QR's modules (``qrcode``'s matrix) as filled rectangles, so both stay sharp at
any printer's resolution and any zoom (no scaled bitmap). ``start`` skips that many places on the
first sheet, to use what is left of a half-used one.

Needs a ``QGuiApplication`` (fonts). Painting on a ``QPdfWriter`` or ``QPrinter`` works off the
GUI thread, so the back office writes sheets on a worker lane.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import qrcode
from barcode import EAN13
from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPagedPaintDevice,
                           QPainter, QPdfWriter)

from pos.money import format_kronor
from pos.receipt_lines import ean13_ok
from pos.shelf_labels import ShelfLabel, campaign_until, comparison_text

RESOLUTION_DPI = 600


@dataclass(frozen=True)
class SheetLayout:
    key: str
    name: str  # as the back office lists it
    columns: int
    rows: int
    width_mm: float  # one label
    height_mm: float
    left_mm: float  # the sheet's margin to the first label
    top_mm: float
    gap_x_mm: float = 0.0  # between labels
    gap_y_mm: float = 0.0

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def place(self, n: int) -> QRectF:
        """The ``n``th label's rectangle on its sheet, in mm (row by row from the top left)."""
        row, col = divmod(n % self.per_sheet, self.columns)
        return QRectF(self.left_mm + col * (self.width_mm + self.gap_x_mm),
                      self.top_mm + row * (self.height_mm + self.gap_y_mm),
                      self.width_mm, self.height_mm)


LAYOUTS: dict[str, SheetLayout] = {layout.key: layout for layout in (
    # (Avery 3474, Herma 4453 and their like)
    SheetLayout("3x8", "3x8, 70x37 mm (Avery 3474)", 3, 8, 70, 37, 0, 0.5),
    # (Avery 3652, Herma 4450)
    SheetLayout("3x7", "3x7, 70x42,3 mm (Avery 3652)", 3, 7, 70, 42.3, 0, 0.45),
    # (Avery 3484, Herma 4454)
    SheetLayout("2x8", "2x8, 105x37 mm (Avery 3484)", 2, 8, 105, 37, 0, 0.5),
)}
DEFAULT_LAYOUT = "3x8"


def placed(labels: Sequence[ShelfLabel], layout: SheetLayout,
           start: int = 0) -> Iterator[tuple[int, int, ShelfLabel]]:
    """(sheet, place on the sheet, label) for every copy of every label, the first sheet's
    first ``start`` places left empty."""
    if not 0 <= start < layout.per_sheet:
        raise ValueError(f"start {start} is not a place on a {layout.key} sheet")
    n = start
    for label in labels:
        for _ in range(label.copies):
            yield divmod(n, layout.per_sheet)[0], n % layout.per_sheet, label
            n += 1


def sheets_needed(labels: Sequence[ShelfLabel], layout: SheetLayout, start: int = 0) -> int:
    total = start + sum(lb.copies for lb in labels)
    return -(-total // layout.per_sheet) if labels else 0


class _Mm:
    """mm -> device units of a paint device."""

    def __init__(self, device: QPagedPaintDevice) -> None:
        self.k = device.logicalDpiX() / 25.4

    def r(self, rect: QRectF) -> QRectF:
        return QRectF(rect.x() * self.k, rect.y() * self.k, rect.width() * self.k,
                      rect.height() * self.k)

    def __call__(self, mm: float) -> float:
        return mm * self.k


def _font(points: float, bold: bool = False) -> QFont:
    f = QFont("DejaVu Sans")
    f.setPointSizeF(points)
    f.setBold(bold)
    return f


def _text(p: QPainter, mm: _Mm, rect: QRectF, text: str, points: float, *, bold: bool = False,
          align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, shrink_to: float = 5.0) -> None:
    """One line of ``text`` in ``rect`` (mm), made smaller (down to ``shrink_to`` pt) until it
    fits its width, else elided."""
    box = mm.r(rect)
    size = points
    font = _font(size, bold)
    while size > shrink_to and QFontMetricsF(font, p.device()).horizontalAdvance(text) > box.width():
        size -= 0.5
        font = _font(size, bold)
    p.setFont(font)
    shown = QFontMetricsF(font, p.device()).elidedText(text, Qt.TextElideMode.ElideRight,
                                                        box.width())
    p.drawText(box, int(align | Qt.AlignmentFlag.AlignVCenter), shown)


def _ean13(p: QPainter, mm: _Mm, rect: QRectF, ean: str) -> None:
    """The EAN-13's bars (95 modules, guards longer) and its digits under them, in ``rect``."""
    modules = EAN13(ean[:12]).build()[0]
    module = rect.width() / (len(modules) + 7)  # 7 modules of quiet zone on the left
    x0 = rect.x() + 7 * module
    digits_h = 2.4
    black = QColor("black")
    guards = {0, 1, 2, 45, 46, 47, 48, 49, 92, 93, 94}
    for i, bit in enumerate(modules):
        if bit == "1":
            h = rect.height() - (0 if i in guards else digits_h)
            p.fillRect(mm.r(QRectF(x0 + i * module, rect.y(), module, h)), black)
    size = 6.0
    y = rect.bottom() - digits_h
    _text(p, mm, QRectF(rect.x(), y, 6 * module, digits_h), ean[0], size)
    _text(p, mm, QRectF(x0 + 3 * module, y, 42 * module, digits_h), ean[1:7], size,
          align=Qt.AlignmentFlag.AlignHCenter)
    _text(p, mm, QRectF(x0 + 50 * module, y, 42 * module, digits_h), ean[7:], size,
          align=Qt.AlignmentFlag.AlignHCenter)


def _qr(p: QPainter, mm: _Mm, rect: QRectF, data: str) -> None:
    """The QR's modules as squares filling ``rect`` (a square, mm; its quiet zone included)."""
    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    cell = min(rect.width(), rect.height()) / len(matrix)
    black = QColor("black")
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):  # a run of dark modules as one rectangle
            if row[x]:
                end = x
                while end < len(row) and row[end]:
                    end += 1
                p.fillRect(mm.r(QRectF(rect.x() + x * cell, rect.y() + y * cell,
                                       (end - x) * cell, cell)), black)
                x = end
            else:
                x += 1


def paint_label(p: QPainter, mm: _Mm, box: QRectF, label: ShelfLabel) -> None:
    """One label in ``box`` (mm): name and details at the top; the price (or the campaign price
    over the ordinary one) big on the left; the comparison price; the EAN-13 at the bottom left;
    the QR on the right."""
    pad = 2.5
    inner = box.adjusted(pad, pad, -pad, -pad)
    qr_side = min(15.0, inner.height() * 0.45) if label.qr else 0.0
    text_w = inner.width() - (qr_side + 1.5 if qr_side else 0)
    x, y = inner.x(), inner.y()
    _text(p, mm, QRectF(x, y, inner.width(), 4.6), label.name, 10, bold=True)
    y += 4.6
    if label.details:
        _text(p, mm, QRectF(x, y, text_w, 3.2), label.details, 7)
    y += 3.4
    per = " /kg" if label.per_kg else ""
    c = label.campaign
    unit = label.comparison_unit
    if c is not None and c.price is not None:
        _text(p, mm, QRectF(x, y, text_w, 3.0), f"KAMPANJ {c.name}".strip(), 6.5, bold=True)
        y += 3.0
        _text(p, mm, QRectF(x, y, text_w, 7.0), f"{format_kronor(c.price)} kr{per}", 20,
              bold=True)
        y += 7.0
        line = f"Ord. pris {format_kronor(label.price)} kr{per}"
        if c.ends:
            line += f"  {campaign_until(c)}"
        _text(p, mm, QRectF(x, y, text_w, 2.8), line, 6)
        y += 2.8
        if c.comparison is not None:
            _text(p, mm, QRectF(x, y, text_w, 2.8), comparison_text(c.comparison, unit) +
                  f" (ord. {format_kronor(label.comparison or 0)})", 6)
    else:
        _text(p, mm, QRectF(x, y, text_w, 8.0), f"{format_kronor(label.price)} kr{per}", 22,
              bold=True)
        y += 8.0
        if c is not None:
            _text(p, mm, QRectF(x, y, text_w, 3.2),
                  " ".join(s for s in (c.text, c.name, campaign_until(c)) if s), 7, bold=True)
            y += 3.2
        if label.comparison is not None:
            _text(p, mm, QRectF(x, y, text_w, 3.0), comparison_text(label.comparison, unit), 7)
    bottom = inner.bottom()
    if ean13_ok(label.ean):
        _ean13(p, mm, QRectF(x, bottom - 8.5, min(30.0, text_w * 0.62), 8.5), label.ean)
        small_x = x + min(30.0, text_w * 0.62) + 1.0
    else:
        small_x = x
    _text(p, mm, QRectF(small_x, bottom - 5.6, x + text_w - small_x, 2.6), label.sku, 5.5)
    _text(p, mm, QRectF(small_x, bottom - 2.8, x + text_w - small_x, 2.6),
          label.printed.isoformat(), 5.5)
    if qr_side:
        _qr(p, mm, QRectF(inner.right() - qr_side, inner.bottom() - qr_side, qr_side, qr_side),
            label.qr)


def paint_sheets(device: QPagedPaintDevice, labels: Sequence[ShelfLabel], layout: SheetLayout,
                 start: int = 0, on_progress: Callable[[int, int], None] | None = None,
                 outlines: bool = False) -> int:
    """Every label copy on A4 pages of ``device`` (see the module's doc); returns the pages.
    ``outlines``: the labels' edges drawn thin (a preview on plain paper)."""
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    total = sum(lb.copies for lb in labels)
    mm = _Mm(device)
    p = QPainter(device)
    if not p.isActive():
        raise OSError("the label sheet cannot be painted (the file or printer refused it)")
    pages, done = 0, 0
    try:
        for sheet, place, label in placed(labels, layout, start):
            if sheet + 1 > pages:
                if pages:
                    device.newPage()
                pages = sheet + 1
            box = layout.place(place)
            if outlines:
                p.setPen(QColor("#bbbbbb"))
                p.drawRect(mm.r(box))
            paint_label(p, mm, box, label)
            done += 1
            if on_progress is not None:
                on_progress(done, total)
    finally:
        p.end()
    return pages


def write_label_pdf(path: Path, labels: Sequence[ShelfLabel], layout: SheetLayout,
                    start: int = 0, title: str = "Hyllkantsetiketter",
                    on_progress: Callable[[int, int], None] | None = None) -> int:
    """The sheets as a PDF at ``path``; returns the pages. ``OSError`` when it cannot be
    written."""
    path = Path(path)
    with open(path, "wb"):  # OSError now, with its reason (QPdfWriter says nothing)
        pass
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION_DPI)
    writer.setTitle(title)
    writer.setCreator("omnipos")
    pages = paint_sheets(writer, labels, layout, start, on_progress)
    del writer
    return pages
