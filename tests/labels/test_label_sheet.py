"""The A4 label sheet (ui.documents.label_sheet): places and pages, text read back with pypdf,
and the page rendered as an image (QtPdf) in which zxing-cpp reads every label's EAN-13 and QR:
the vector bars and modules scan as printed."""
from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date, datetime

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from pypdf import PdfReader

from pos.demo.catalog import demo_variants
from pos.demo.promotions import demo_promotions
from pos.promotions import PromotionBook
from pos.shelf_labels import LabelSettings, make_label
from ui.documents.label_sheet import LAYOUTS, placed, sheets_needed, write_label_pdf
from ui.kiosk.camera import decode

SKUS = ("KAF-MEL-450G", "TSH-BAS-BLA-M", "LOS-GOD", "SAF-FLA-50CL")


@pytest.fixture
def labels():
    by_sku = {v.sku: v for v in demo_variants()}
    book = PromotionBook(tuple(demo_promotions()), clock=lambda: datetime(2026, 11, 30, 12))
    settings = LabelSettings("https://shop.example.se/shelf", "store-gbg",
                             {"prod_kafmel": "kaffe-mellanrost"})
    return [make_label(by_sku[s], book, settings, date(2026, 11, 30)) for s in SKUS]


def test_places_fill_sheets_from_the_start_place(labels):
    layout = LAYOUTS["3x8"]
    assert (layout.per_sheet, layout.width_mm * layout.columns,
            layout.top_mm * 2 + layout.height_mm * layout.rows) == (24, 210, 297)
    two = [replace(labels[0], copies=2), labels[1]]
    assert [(s, p, lb.sku) for s, p, lb in placed(two, layout, 22)] == [
        (0, 22, "KAF-MEL-450G"), (0, 23, "KAF-MEL-450G"), (1, 0, "TSH-BAS-BLA-M")]
    assert sheets_needed(two, layout, 22) == 2 and sheets_needed(two, layout) == 1
    with pytest.raises(ValueError):
        list(placed(two, layout, 24))
    third = layout.place(4)  # row 2, column 2
    assert (third.x(), third.y(), third.width(), third.height()) == (70, 37.5, 70, 37)


def _text(page) -> str:
    return unicodedata.normalize("NFKC", page.extract_text()).replace("\t", " ")


def test_the_sheet_reads_back_as_text_and_its_codes_scan(labels, tmp_path, qapp):
    path = tmp_path / "sheet.pdf"
    assert write_label_pdf(path, labels, LAYOUTS["3x8"], start=1) == 1
    text = _text(PdfReader(str(path)).pages[0])
    for piece in ("Kaffe Mellanrost", "59,90 kr", "Jämförpris 133,11 kr/kg",
                  "KAMPANJ Vinterrea", "159,20 kr", "Ord. pris 199,00 kr", "t.o.m. 2027-12-31",
                  "89,90 kr /kg", "Jämförpris 89,90 kr/kg", "Jämförpris 79,80 kr/l"):
        assert piece in text, piece
    doc = QPdfDocument()
    doc.load(str(path))
    # A4 at 300 dpi: what an office printer prints
    rendered = doc.render(0, QSize(2480, 3508))
    page = QImage(rendered.size(), QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)  # the render is transparent where nothing is drawn
    painter = QPainter(page)
    painter.drawImage(0, 0, rendered)
    painter.end()
    found = {(d.format, d.text) for d in decode(page)}
    eans = {("EAN13", lb.ean) for lb in labels}
    qrs = {("QRCode", lb.qr) for lb in labels}
    assert eans <= found, found
    assert qrs <= found, found
    assert ("QRCode", labels[0].qr) in found and "products/kaffe-mellanrost?" in labels[0].qr


def test_an_unwritable_path_is_an_oserror(labels, tmp_path, qapp):
    with pytest.raises(OSError):
        write_label_pdf(tmp_path / "no" / "such" / "dir.pdf", labels, LAYOUTS["3x8"])
