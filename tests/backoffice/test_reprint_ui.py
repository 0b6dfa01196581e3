"""The Reports page's reprints (pytest-qt, offscreen): an X/Z report printed again as KOPIA
(Ctrl+R) and a receipt looked up and printed as its one copy (Ctrl+K), a second refused."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.db.unit_of_work import SqlUnitOfWork
from pos.journal import Kind
from pos.services import backoffice as bo
from tests.backoffice.conftest import idle, log_in
from tests.services.fakes import RecordingPrinter


def _kinds(sf, register_id):
    uow = SqlUnitOfWork(sf)
    with uow:
        return [(e.kind, e.payload) for e in uow.journal.entries(register_id)]


def test_reprints_from_the_reports_page(qtbot, bo_window, day_db):
    sf, _ = day_db
    w = bo_window
    printer = RecordingPrinter()
    log_in(qtbot, w)
    QTest.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    page = w.current_page()

    # no printer configured here: said so, nothing journaled as printed
    page.history.select_where(lambda e: e.kind == "Z")
    idle(qtbot, w)
    QTest.keyClick(page, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    assert page.message.property("level") == "error" and "No receipt printer" in \
        page.message.text()

    w.ctx.printer = lambda: printer
    QTest.keyClick(page, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    assert page.message.property("level") == "ok" and "KOPIA" in page.message.text()
    text = printer.printed[-1].plain_text(42)
    assert text.strip().startswith("KOPIA") and text.strip().endswith("KOPIA")
    assert "Z-RAPPORT" in text
    assert _kinds(sf, bo.BACKOFFICE)[-1][0] == Kind.REPORT_COPY

    # a receipt looked up by register and number, its one copy, a second refused
    page.tabs.setCurrentWidget(page.receipts)
    panel = page.receipts
    QTest.keyClicks(panel.code, "K2 1")
    QTest.keyClick(panel.code, Qt.Key.Key_Return)
    idle(qtbot, w)
    assert "Kvitto nr 1" in panel.text.toPlainText() and panel.copy_button.isEnabled()
    QTest.keyClick(panel, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    assert printer.printed[-1].kind == "copy" and page.message.property("level") == "ok"
    assert not panel.copy_button.isEnabled()
    QTest.keyClick(panel.code, Qt.Key.Key_Return)  # found again: the copy asked for again
    idle(qtbot, w)
    panel.print_copy()
    idle(qtbot, w)
    assert page.message.property("level") == "error" and "already has its copy" in \
        page.message.text()
    assert sum(1 for d in printer.printed if d.kind == "copy") == 1
    copies = [(k, p["user"]) for k, p in _kinds(sf, "K2") if k in (Kind.COPY, Kind.COPY_REFUSED)]
    assert copies == [(Kind.COPY, "maja"), (Kind.COPY_REFUSED, "maja")]

    panel.code.setText("nonsense")
    panel.find()
    idle(qtbot, w)
    assert page.message.property("level") == "error" and "is no receipt" in page.message.text()
    assert not panel.copy_button.isEnabled()
