"""An HTML page (the subset ``QTextDocument`` lays out) written as an A4 PDF by ``QPdfWriter``,
pages broken by Qt's text layout, each numbered "n / N" at its foot. Shared by the back office's
reports, invoices and e-mailed receipts.

    html_to_pdf(html, Path("report.pdf"), title="Försäljningsrapport")
    data = html_to_pdf_bytes(html, title="Kvitto 42", images={"qr": qimage})

``images`` names pictures the HTML shows as ``<img src="name">`` (a barcode, a QR code, a logo).
Needs a ``QGuiApplication`` (fonts). ``OSError`` when the file cannot be written (checked first:
QPdfWriter itself does not say).
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (QAbstractTextDocumentLayout, QImage, QPageLayout, QPageSize,
                           QPainter, QPdfWriter, QTextDocument)
from PySide6.QtPrintSupport import QPrinter

MARGIN_MM = 15
RESOLUTION_DPI = 300


def html_to_pdf(html: str, path: Path, title: str = "",
                images: Mapping[str, QImage] | None = None) -> Path:
    """``html`` as an A4 portrait PDF at ``path`` (15 mm margins)."""
    path = Path(path)
    with open(path, "wb"):  # OSError now, with the reason, rather than a silent empty file
        pass
    writer = QPdfWriter(str(path))
    _render(writer, html, title, images)
    del writer  # the file is finished when the writer goes
    return path


def html_to_pdf_bytes(html: str, title: str = "",
                      images: Mapping[str, QImage] | None = None) -> bytes:
    """The same PDF in memory (an e-mail attachment)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    _render(writer, html, title, images)
    del writer
    buffer.close()
    return bytes(data.data())


def html_to_printer(html: str, printer: QPrinter, title: str = "",
                    images: Mapping[str, QImage] | None = None) -> None:
    """The same A4 pages on ``printer`` (a system printer, or QPrinter's PdfFormat to a file):
    QPainter may paint on a QPrinter outside the GUI thread, so a print job can run on a
    worker. The printer's own resolution is kept."""
    printer.setDocName(title)
    printer.setCreator("omnipos")
    _render(printer, html, title, images)


def _render(writer: QPdfWriter | QPrinter, html: str, title: str,
            images: Mapping[str, QImage] | None) -> None:
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    if isinstance(writer, QPdfWriter):
        writer.setResolution(RESOLUTION_DPI)
        writer.setTitle(title)
        writer.setCreator("omnipos")
    doc = QTextDocument()
    layout = doc.documentLayout()
    layout.setPaintDevice(writer)  # points at the writer's resolution
    for name, image in (images or {}).items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setHtml(html)
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    footer = writer.resolution() // 3  # a third of an inch for the page number
    page = QSizeF(area.width(), area.height() - footer)
    doc.setPageSize(page)  # whole lines to a page: a row is never cut at the page's foot
    pages = doc.pageCount()
    painter = QPainter(writer)
    try:
        for n in range(pages):
            if n:
                writer.newPage()
            painter.save()
            painter.translate(0, -n * page.height())
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.clip = QRectF(0, n * page.height(), page.width(), page.height())
            painter.setClipRect(ctx.clip)
            layout.draw(painter, ctx)
            painter.restore()
            painter.setFont(doc.defaultFont())
            painter.drawText(QRectF(0, page.height(), page.width(), footer),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                             f"{n + 1} / {pages}")
    finally:
        painter.end()
