"""The Reports page's VAT tab chosen by hand (a click on the tab, not Ctrl+M), over a month's
range: the table shows the query's rows and the export selector follows the tab shown
(pytest-qt, offscreen)."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest

from pos.db.unit_of_work import SqlUnitOfWork
from pos.queries.vat_report import vat_report
from tests.backoffice.conftest import idle, log_in
from tests.backoffice.day import DAY


def test_the_vat_tab_clicked_shows_the_months_rows_and_the_export_follows(qtbot, bo_window,
                                                                          day_db):
    sf, _ = day_db
    w = bo_window
    log_in(qtbot, w)
    QTest.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    page = w.current_page()
    page.first.setDate(QDate(2026, 11, 1))
    page.last.setDate(QDate(2026, 11, 30))
    idle(qtbot, w)
    assert page.report_kind.currentData() == "sales"
    bar = page.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    idle(qtbot, w)
    assert page.tabs.currentWidget() is page.vat
    assert page.report_kind.currentData() == "vat"  # the export follows the tab shown
    r = vat_report(SqlUnitOfWork(sf), DAY.replace(day=1), DAY)
    assert r.rows
    shown = page.vat.table.shown_rows()
    assert [row.rate for row in shown] == [*(row.rate for row in r.rows), None]
    assert shown[-1] == r.total and "2026-11-01 – 2026-11-30" in page.vat.note.text()
    # F5 loads it again, the same
    QTest.keyClick(w, Qt.Key.Key_F5)
    idle(qtbot, w)
    assert page.vat.table.shown_rows() == shown
    # back on the X and Z reports: the sales report is the one exported
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    idle(qtbot, w)
    assert page.report_kind.currentData() == "sales"
