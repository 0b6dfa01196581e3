"""The shelf-label page (pytest-qt, offscreen): articles scanned in, a category and "prices
changed since" add their labels with the till's figures; copies; printed on the receipt printer
one per cut (read back from ESC/POS) and saved as an A4 sheet (read back with pypdf); both
journaled with the manager."""
from __future__ import annotations

import time
from dataclasses import replace
from datetime import datetime, timezone

from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from pypdf import PdfReader

from hardware.printers.escpos_printers import DummyPrinter
from hardware.simulators.escpos_decode import barcodes, count_cuts, decode_text, qr_codes
from pos.db.catalog_repository import CatalogRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.demo.catalog import demo_variants
from pos.demo.promotions import demo_promotions
from pos.services.backoffice import BACKOFFICE
from pos.services.kiosk import demo_products, store_products
from pos.shelf_labels import LabelSettings
from pos.sync.promotion_sync import store_promotions
from tests.backoffice.conftest import idle, log_in
from ui.backoffice.labels_page import LabelsPage

SKUS = ("KAF-MEL-450G", "LOS-GOD", "TSH-BAS-BLA-M", "SAF-FLA-50CL", "CHO-MJO-100G",
        "CHO-MJO-200G")


def _prepare(sf):
    demo = {v.sku: v for v in demo_variants()}
    with sf() as s, s.begin():
        CatalogRepository(s).bulk_upsert(demo[k] for k in SKUS)
    uow = SqlUnitOfWork(sf)
    with uow:
        store_promotions(uow.sync_state, demo_promotions())
        uow.commit()
    store_products(uow, [p for p in demo_products()
                         if p.product_id in {demo[k].product_id for k in SKUS}], datetime.now())
    return demo


def _open(qtbot, w) -> LabelsPage:
    log_in(qtbot, w)
    index = next(i for i in range(w.pages.count()) if isinstance(w.pages.widget(i), LabelsPage))
    w.show_page(index)
    idle(qtbot, w)
    page = w.current_page()
    assert isinstance(page, LabelsPage) and page.title() == "Shelf labels"
    return page


def _journal(sf):
    with SqlUnitOfWork(sf) as uow:
        return [e.payload for e in uow.journal.entries(BACKOFFICE) if e.kind == "shelf_labels"]


def test_choose_print_and_save_labels(qtbot, bo_window, day_db, tmp_path):
    sf, _ = day_db
    demo = _prepare(sf)
    w = bo_window
    printer = DummyPrinter()
    w.ctx.printer = lambda: printer
    w.ctx.labels = LabelSettings("https://shop.example.se/shelf", "store-gbg")
    page = _open(qtbot, w)
    assert not page.no_qr.isVisible()  # a QR address is set
    assert not page.print_button.isEnabled()

    # scan two articles in (Ctrl+F, the EAN, Enter; the SKU typed)
    QTest.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(page.article, demo["KAF-MEL-450G"].ean)
    QTest.keyClick(page.article, Qt.Key.Key_Return)
    idle(qtbot, w)
    QTest.keyClicks(page.article, "TSH-BAS-BLA-M")  # the "-" is typed, not a shortcut
    QTest.keyClick(page.article, Qt.Key.Key_Return)
    idle(qtbot, w)
    rows = {lb.sku: lb for lb in page.table.shown_rows()}
    assert set(rows) == {"KAF-MEL-450G", "TSH-BAS-BLA-M"}
    assert rows["KAF-MEL-450G"].comparison == 13311
    assert rows["TSH-BAS-BLA-M"].campaign.price == 15920
    assert page.table.proxy.index(0, 4).data().replace("\xa0", " ") == "133,11 kr/kg"

    # the chocolate's category adds both its sizes
    choc = next(i for i in range(page.category.count())
                if page.category.itemText(i).startswith("Mat › Godis"))
    page.category.setCurrentIndex(choc)
    page.add_category()
    idle(qtbot, w)
    assert {lb.sku for lb in page.labels} >= {"CHO-MJO-100G", "CHO-MJO-200G", "LOS-GOD"}

    # three copies of the coffee's label, then print: one cut per label copy
    page.table.select_where(lambda lb: lb.sku == "KAF-MEL-450G")
    page.table.view.setFocus()
    QTest.keyClick(page.table.view, Qt.Key.Key_Plus)
    QTest.keyClick(page.table.view, Qt.Key.Key_Plus)
    coffee = next(lb for lb in page.labels if lb.sku == "KAF-MEL-450G")
    assert coffee.copies == 3
    total = sum(lb.copies for lb in page.labels)
    QTest.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    data = printer.output
    assert count_cuts(data) == total
    text = decode_text(data)
    assert text.count("Jämförpris 133,11 kr/kg") == 3
    assert "Ord. pris 199,00 kr" in text
    assert barcodes(data).count(demo["KAF-MEL-450G"].ean) == 3
    assert all("store=store-gbg" in q for q in qr_codes(data))
    assert page.message.text().replace("\xa0", " ").startswith(f"{total} labels printed")
    printed = _journal(sf)[-1]
    assert printed["user"] == "maja" and printed["printed"] == total
    assert ["KAF-MEL-450G", 3] in printed["labels"]

    # the A4 sheet from place 20: the path asked for, written on the printer's lane
    pdf = tmp_path / "sheet.pdf"
    page.ask_path = lambda *_: str(pdf)
    page.start.setValue(20)
    QTest.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == 2  # 5 places left on the first sheet
    assert "Mellanrost" in reader.pages[0].extract_text()
    sheet = _journal(sf)[-1]
    assert sheet["output"] == "a4_sheet" and sheet["layout"] == "3x8"
    assert page.progress.isHidden()

    # the sheet on a system printer (here Qt's PDF printer), from the first place
    printed_pdf = tmp_path / "printed.pdf"

    def office_printer():
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed_pdf))
        return printer
    page.ask_printer = office_printer
    page.start.setValue(1)
    QTest.keyClick(page, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    idle(qtbot, w)
    assert len(PdfReader(str(printed_pdf)).pages) == 1
    assert "Mellanrost" in PdfReader(str(printed_pdf)).pages[0].extract_text()
    assert _journal(sf)[-1]["path"] == str(printed_pdf)
    assert page.message.text().startswith("1 sheet sent")


def test_prices_changed_since_a_day(qtbot, bo_window, day_db):
    sf, _ = day_db
    demo = _prepare(sf)
    time.sleep(0.01)
    before = datetime.now(timezone.utc).replace(tzinfo=None)
    time.sleep(0.01)
    with sf() as s, s.begin():  # a sync changed the juice's price
        CatalogRepository(s).bulk_upsert([replace(demo["SAF-FLA-50CL"], price=4290)])
    w = bo_window
    page = _open(qtbot, w)
    page.since.setDate(QDate(before.year, before.month, before.day))
    page.add_changed()
    idle(qtbot, w)
    # everything came today (new articles count as changed); the juice has its price before
    juice = next(lb for lb in page.labels if lb.sku == "SAF-FLA-50CL")
    assert (juice.price, juice.previous_price, juice.comparison) == (4290, 3990, 8580)


def test_without_a_qr_address_the_page_says_the_labels_have_none(qtbot, bo_window, day_db):
    w = bo_window
    w.ctx.labels = None  # no [labels] qr_base and no central store
    page = _open(qtbot, w)
    assert page.no_qr.isVisible() and "without a QR code" in page.no_qr.text()
