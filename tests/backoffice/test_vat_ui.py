"""The Reports page's VAT report (pytest-qt, offscreen): on screen for the date range (Ctrl+M),
equal to the query, and exported as CSV and PDF on a worker lane."""
from __future__ import annotations

import csv
import threading

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest

from pos.db.unit_of_work import SqlUnitOfWork
from pos.queries.vat_report import vat_report
from tests.backoffice.conftest import idle, log_in
from tests.backoffice.day import DAY


def test_the_vat_report_on_screen_and_exported(qtbot, bo_window, day_db, tmp_path):
    sf, _ = day_db
    w = bo_window
    log_in(qtbot, w)
    QTest.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    page = w.current_page()
    page.first.setDate(QDate(2026, 11, 30))
    page.last.setDate(QDate(2026, 11, 30))
    QTest.keyClick(page, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    assert page.tabs.currentWidget() is page.vat and page.report_kind.currentData() == "vat"
    r = vat_report(SqlUnitOfWork(sf), DAY)
    shown = page.vat.table.shown_rows()
    assert [row.rate for row in shown] == [*(row.rate for row in r.rows), None]
    assert shown[-1] == r.total and "2026-11-30" in page.vat.note.text()
    model = page.vat.table.proxy
    last = model.rowCount() - 1
    assert model.index(last, 0).data() == "Total"
    assert model.index(last, 8).data().replace("\xa0", " ").startswith(
        f"{r.total.balance.vat // 100:,}".replace(",", " "))
    # a day without sales: said so, no rows
    page.first.setDate(QDate(2026, 11, 29))
    page.last.setDate(QDate(2026, 11, 29))
    idle(qtbot, w)
    assert page.vat.table.shown_rows() == [] and "No sales or returns" in page.vat.note.text()

    page.first.setDate(QDate(2026, 11, 30))
    page.last.setDate(QDate(2026, 11, 30))
    idle(qtbot, w)
    asked, threads = [], []
    page.ask_path = lambda title, suggested, filt: (asked.append((title, suggested))
                                                    or str(tmp_path / "moms"))
    import ui.backoffice.vat_report_files as files
    real_write = files.write

    def write(*a, **kw):
        threads.append(threading.current_thread())
        return real_write(*a, **kw)
    files.write = write
    try:
        QTest.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        idle(qtbot, w)
        QTest.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        idle(qtbot, w)
    finally:
        files.write = real_write
    assert len(threads) == 2 and all(t is not threading.main_thread() for t in threads)
    assert asked[0] == ("Save the VAT report", str(tmp_path / "moms_2026-11-30_2026-11-30.csv"))
    assert page.exported == [tmp_path / "moms.csv", tmp_path / "moms.pdf"]
    rows = list(csv.reader((tmp_path / "moms.csv").read_text("utf-8-sig").splitlines(),
                           delimiter=";"))
    assert rows[0][0] == "rate" and rows[-1][0] == "total"
    assert (tmp_path / "moms.pdf").read_bytes().startswith(b"%PDF")
