"""A receipt (``ReceiptDocument``) as an A4 PDF, for the e-mailed receipt's attachment: the HTML
of ``pos.receipt_html`` laid out by ``html_pdf``, its barcode (CODE128, the modules from
``python-barcode``, which the ESC/POS printing already brings) and QR code drawn as images.

Runs on any thread (the outbox worker's): QImage and QPdfWriter only, no QPixmap. Needs a
``QGuiApplication`` (fonts): ``ensure_gui_app()`` makes an offscreen one for a command line.
"""
from __future__ import annotations

import os

import qrcode
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

from pos.receipt import ReceiptDocument
from pos.receipt_html import pictures, receipt_html
from ui.documents.html_pdf import html_to_pdf_bytes

BAR_HEIGHT = 60  # modules high (the picture is scaled to 260 x 60 in the page)
QUIET = 10  # modules of white either side


def barcode_modules(data: str) -> str:
    """CODE128 of ``data`` as "1" (bar) and "0" (space) modules."""
    from barcode import Code128

    return Code128(data).build()[0]


def barcode_image(data: str, module_px: int = 2, height: int = BAR_HEIGHT) -> QImage:
    modules = barcode_modules(data)
    width = (len(modules) + 2 * QUIET) * module_px
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    p = QPainter(image)
    black = QColor("black")
    for i, bit in enumerate(modules):
        if bit == "1":
            p.fillRect(QRect((QUIET + i) * module_px, 0, module_px, height), black)
    p.end()
    return image


def qr_image(data: str, size: int = 280, border: int = 2) -> QImage:
    qr = qrcode.QRCode(border=border, error_correction=qrcode.constants.ERROR_CORRECT_M)
    qr.add_data(data)
    qr.make(fit=True)
    matrix = qr.get_matrix()
    cell = max(1, size // len(matrix))
    side = cell * len(matrix)
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    p = QPainter(image)
    black = QColor("black")
    for y, row in enumerate(matrix):
        for x, on in enumerate(row):
            if on:
                p.fillRect(QRect(x * cell, y * cell, cell, cell), black)
    p.end()
    return image


def receipt_images(doc: ReceiptDocument) -> dict[str, QImage]:
    """Each picture of the document by its name in the HTML ("barcode0", "qr0")."""
    return {name: barcode_image(data) if kind == "barcode" else qr_image(data)
            for name, kind, data in pictures(doc)}


def receipt_pdf(doc: ReceiptDocument, title: str = "") -> bytes:
    """The receipt as PDF bytes (its QR code's address written under it)."""
    ensure_gui_app()
    return html_to_pdf_bytes(receipt_html(doc, title=title, link_qr=False), title=title,
                             images=receipt_images(doc))


_APP: QGuiApplication | None = None  # kept: an application that is collected takes Qt down


def ensure_gui_app() -> None:
    """A ``QGuiApplication`` for the fonts, made offscreen when the process has none (a command
    line, the outbox worker of a till without a screen)."""
    global _APP
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APP = QGuiApplication([])


def picture_png(kind: str, data: str) -> bytes:
    """A barcode or QR code as PNG bytes (the e-mail's inline pictures)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    ensure_gui_app()
    image = barcode_image(data) if kind == "barcode" else qr_image(data)
    raw = QByteArray()
    buffer = QBuffer(raw)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(raw.data())
