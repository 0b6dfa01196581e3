"""The back office's window (pytest-qt, offscreen): the login, the navigation by keyboard, and
each page on a day of sales made through the till's use cases."""
from __future__ import annotations

import csv
import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.db.unit_of_work import SqlUnitOfWork
from pos.journal import Kind
from pos.money import format_kronor
from pos.queries.dashboard import dashboard
from pos.services import backoffice as bo
from pos.services.staff import authenticate
from pos.staff import AuthError
from tests.backoffice.conftest import idle, log_in
from tests.backoffice.day import DAY
from ui.backoffice.campaigns_page import CampaignsPage
from ui.backoffice.dashboard_page import DashboardPage
from ui.backoffice.devices_page import DevicesPage
from ui.backoffice.journal_page import JournalPage
from ui.backoffice.labels_page import LabelsPage
from ui.backoffice.reports_page import ReportsPage
from ui.backoffice.staff_page import StaffPage
from ui.backoffice.sync_page import SyncPage


def _journal(sf):
    uow = SqlUnitOfWork(sf)
    with uow:
        return [(e.kind, e.payload) for e in uow.journal.entries(bo.BACKOFFICE)]


def test_a_cashier_is_refused_and_a_manager_gets_in(qtbot, bo_window, day_db):
    sf, _ = day_db
    w = bo_window
    assert w.stack.currentWidget() is w.login_page
    assert [m.id for m in w.login_page.staff] == ["maja", "kim"]  # managers first
    log_in(qtbot, w, "kim", "1234")
    assert w.stack.currentWidget() is w.login_page and w.ctx.user is None
    assert w.login_page.message.text() == ("The back office is for managers: Kim Kassör is "
                                           "a cashier")
    assert w.login_page.message.property("level") == "error"
    log_in(qtbot, w, "maja", "9999")
    assert w.stack.currentWidget() is w.main and w.ctx.user.id == "maja"
    assert isinstance(w.current_page(), DashboardPage)
    assert [w.nav.item(i).text().split("\n")[0] for i in range(w.nav.count())] == [
        "Overview", "Reports", "Staff", "Sync", "Journal", "Devices", "Campaigns",
        "Stock", "Orders",
        "Shelf labels", "Interest"]
    kinds = [(k, p["staff"]) for k, p in _journal(sf)]
    assert kinds == [(Kind.LOGIN_FAILED, "kim"), (Kind.LOGIN, "maja")]
    # every page by keyboard, and back
    from ui.backoffice.orders_page import OrdersPage
    from ui.backoffice.stock_page import StockPage
    for i, cls in enumerate((DashboardPage, ReportsPage, StaffPage, SyncPage, JournalPage,
                                 DevicesPage, CampaignsPage,
                                 StockPage, OrdersPage)):
        QTest.keyClick(w, Qt.Key(Qt.Key.Key_1 + i), Qt.KeyboardModifier.ControlModifier)
        idle(qtbot, w)
        assert isinstance(w.current_page(), cls)
    from ui.backoffice.interest_page import InterestPage
    QTest.keyClick(w, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # the tenth
    idle(qtbot, w)
    assert isinstance(w.current_page(), LabelsPage)
    QTest.keyClick(w, Qt.Key.Key_F6)  # to the navigation: the arrows reach the eleventh
    QTest.keyClick(w.nav, Qt.Key.Key_Down)
    idle(qtbot, w)
    assert isinstance(w.current_page(), InterestPage)
    QTest.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    assert w.stack.currentWidget() is w.login_page and w.ctx.user is None
    assert _journal(sf)[-1][0] == Kind.LOGOUT


def test_touch_targets_are_44_px_at_least(qtbot, bo_window):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit
    w = bo_window
    log_in(qtbot, w)
    for i in range(len(w.page_list)):
        w.show_page(i)
        idle(qtbot, w)
        page = w.current_page()
        targets = [c for cls in (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox)
                   for c in page.findChildren(cls)]
        assert len(targets) > 3
        for b in targets:  # Qt's own parts (a date field's inner line) are inside their field
            if b.isVisible() and not b.objectName().startswith("qt_"):
                assert b.height() >= 44, (type(page).__name__, b.objectName())
        for i_row in range(w.nav.count()):
            assert w.nav.visualItemRect(w.nav.item(i_row)).height() >= 44


def test_the_overview_shows_the_days_figures_and_chart(qtbot, bo_window, day_db):
    sf, _ = day_db
    w = bo_window
    log_in(qtbot, w)
    page = w.current_page()
    d = dashboard(SqlUnitOfWork(sf), DAY)
    assert page.figures == d and d.receipts == 9
    assert page.sales_tile.value.text() == format_kronor(d.net_sales, symbol=True)
    assert page.receipts_tile.value.text() == "9"
    assert page.basket_tile.value.text() == format_kronor(d.average_basket, symbol=True)
    amounts = dict(d.per_hour)
    assert page.chart.values == [amounts[h] for h in page.chart.hours]
    assert page.chart.hours[0] == 8 and page.chart.hours[-1] == 20
    [bars] = page.chart.chart().series()[0].barSets()
    assert [round(bars.at(i) * 100) for i in range(bars.count())] == page.chart.values
    assert [r.method_id for r in page.methods.shown_rows()] == [m.method_id for m in d.per_method]
    assert sum(r.net_sales for r in page.registers.shown_rows()) == d.net_sales
    # the day before had no sales
    page.set_range(date(2026, 11, 29))
    idle(qtbot, w)
    assert page.figures.receipts == 0 and page.receipts_tile.value.text() == "0"


def test_reports_history_a_report_again_and_the_sales_report_exported(qtbot, bo_window,
                                                                       day_db, tmp_path):
    sf, day = day_db
    w = bo_window
    log_in(qtbot, w)
    QTest.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    page = w.current_page()
    assert [(e.register_id, e.kind) for e in page.history.shown_rows()] == [
        ("K1", "Z"), ("K1", "X"), ("K2", "X")]
    page.register_choice.setCurrentIndex(page.register_choice.findData("K2"))
    assert [e.register_id for e in page.history.shown_rows()] == ["K2"]
    page.register_choice.setCurrentIndex(0)
    page.history.select_where(lambda e: e.kind == "Z")
    idle(qtbot, w)
    text = page.text.toPlainText()
    z = day["z"]
    assert "Z-RAPPORT" in text and f"Z-nummer {z.z_number}" in text
    assert format_kronor(z.gross_sales) in text and format_kronor(z.grand_total) in text
    assert page.shown.differences == ()
    assert "equal to the journal" in page.text_note.text()

    # the sales report of the day, as CSV and as PDF, written on a worker
    page.first.setDate(page.first.date().fromString("2026-11-30", "yyyy-MM-dd"))
    page.last.setDate(page.last.date().fromString("2026-11-30", "yyyy-MM-dd"))
    asked = []
    page.ask_path = lambda title, suggested, filt: (asked.append(suggested)
                                                    or str(tmp_path / "day"))
    threads = []
    import ui.backoffice.sales_report_files as files
    real_write = files.write

    def write(*a, **kw):
        threads.append(threading.current_thread())
        return real_write(*a, **kw)
    files.write = write
    try:
        page.export("csv")
        assert not page.csv_button.isEnabled()  # while it is written
        idle(qtbot, w)
        QTest.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        idle(qtbot, w)
    finally:
        files.write = real_write
    assert all(t is not threading.main_thread() for t in threads) and len(threads) == 2
    assert asked[0].endswith("forsaljning_2026-11-30_2026-11-30.csv")
    assert page.exported == [tmp_path / "day.csv", tmp_path / "day.pdf"]
    assert page.message.property("level") == "ok"
    rows = list(csv.reader((tmp_path / "day.csv").read_text("utf-8-sig").splitlines(),
                           delimiter=";"))
    d = dashboard(SqlUnitOfWork(sf), DAY)
    summary = {r[1]: r for r in rows if r[0] == "summary"}
    assert summary["net_sales"][5] == f"{d.net_sales // 100},{d.net_sales % 100:02d}"
    assert summary["receipts"][3] == "9"
    pdf = (tmp_path / "day.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"/Type /Page" in pdf

    # a folder that does not exist: said on the page, the buttons back
    page.ask_path = lambda *a: str(tmp_path / "no" / "such" / "dir" / "x.csv")
    page.export("csv")
    idle(qtbot, w)
    assert page.message.property("level") == "error" and "could not be written" in \
        page.message.text()
    assert page.csv_button.isEnabled() and page.pdf_button.isEnabled()


def test_staff_pin_reset_lockout_and_a_new_member(qtbot, bo_window, day_db):
    sf, _ = day_db
    w = bo_window
    uow = SqlUnitOfWork(sf)
    for _ in range(5):  # kim locks himself out at a till
        try:
            authenticate(uow, "K1", w.ctx.now(), "kim", "0000")
        except AuthError:
            pass
    log_in(qtbot, w)
    QTest.keyClick(w, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    page = w.current_page()
    assert page.table.select_where(lambda r: r.member.id == "kim")
    assert page.unlock_button.isEnabled()
    assert "Locked until" in page.table.view.model().index(
        page.table.view.currentIndex().row(), 3).data()

    def fill_pin(dialog):
        dialog.first.setText("5678")
        dialog.second.setText("5679")
        dialog.try_accept()
        assert dialog.error.text() == "The two PINs differ." and not dialog.result()
        dialog.second.setText("5678")
        dialog.try_accept()
        return dialog.result() == dialog.DialogCode.Accepted
    page.run_dialog = fill_pin
    QTest.keyClick(page, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    assert authenticate(uow, "K1", w.ctx.now(), "kim", "5678").id == "kim"  # lockout gone too
    kind, payload = _journal(sf)[-1]
    assert (kind, payload["staff"], payload["user"], payload["lockout_lifted"]) == (
        Kind.PIN_RESET, "kim", "maja", True)
    assert "has a new PIN" in page.message.text()

    def fill_new(dialog):
        dialog.staff_id.setText("ali")
        dialog.name.setText("Ali Andersson")
        dialog.role.setCurrentIndex(0)
        dialog.first.setText("2468")
        dialog.second.setText("2468")
        dialog.try_accept()
        return dialog.result() == dialog.DialogCode.Accepted
    page.run_dialog = fill_new
    page.add()
    idle(qtbot, w)
    assert [r.member.id for r in page.table.shown_rows()] == ["ali", "kim", "maja"]
    page.table.filter.setText("mana")
    assert [r.member.id for r in page.table.shown_rows()] == ["maja"]
    page.table.filter.setText("")
    page.table.select_where(lambda r: r.member.id == "maja")
    page.toggle_role()  # the last manager stays one
    idle(qtbot, w)
    assert page.message.property("level") == "error" and "last active manager" in \
        page.message.text()


class FakeCentral:
    def __init__(self, answers: bool) -> None:
        self.answers = answers
        self.threads: list[threading.Thread] = []

    def ping(self) -> bool:
        self.threads.append(threading.current_thread())
        return self.answers


def test_sync_outbox_retry_and_reachability(qtbot, bo_window, day_db):
    from tests.backoffice.day import fail_one_message
    sf, _ = day_db
    fail_one_message(sf)
    w = bo_window
    central = FakeCentral(True)
    w.ctx.central = lambda: central
    log_in(qtbot, w)
    QTest.keyClick(w, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    page = w.current_page()
    assert page.central.text().startswith("Central store: answers")
    assert central.threads and central.threads[0] is not threading.main_thread()
    assert "1 dead" in page.counts.text()
    page.status_choice.setCurrentIndex(page.status_choice.findData("dead"))
    [dead] = page.table.shown_rows()
    page.table.select_where(lambda r: r.status == "dead")
    assert page.retry_button.isEnabled() and "HTTP 422" in page.error_text.text()
    QTest.keyClick(page, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    assert page.table.shown_rows() == []  # no dead message left
    page.status_choice.setCurrentIndex(0)
    [again] = [r for r in page.table.shown_rows() if r.key == dead.key]
    assert again.status == "pending" and again.attempts == 0
    kind, payload = _journal(sf)[-1]
    assert (kind, payload["key"], payload["user"]) == (Kind.OUTBOX_RETRY, dead.key, "maja")
    central.answers = False
    page.ping()
    idle(qtbot, w)
    assert page.central.text().startswith("Central store: does not answer")
    assert page.central.property("level") == "error"
