"""The Journal page (pytest-qt, offscreen): browsed by range, register, kind and text, paged,
verified (a changed row found and named) and exported on a worker."""
from __future__ import annotations

import threading

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from sqlalchemy import text as sql

from pos.db.unit_of_work import SqlUnitOfWork
from pos.journal import Kind
from pos.queries.journal_browse import read_csv
from tests.backoffice.conftest import idle, log_in
from tests.backoffice.journal_bulk import bulk_journal


def test_the_journal_browsed_verified_and_exported(qtbot, bo_window, day_db, tmp_path):
    sf, _ = day_db
    w = bo_window
    log_in(qtbot, w)
    QTest.keyClick(w, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    page = w.current_page()
    assert page.title() == "Journal"
    uow = SqlUnitOfWork(sf)
    with uow:
        k1 = list(uow.journal.entries("K1"))
        total = sum(uow.journal.count(r) for r in uow.registers.ids())
    # today (the clock's 2026-11-30): the whole day, the back office's login too
    assert page.page_shown.total == total
    assert "K1" in [page.register_choice.itemData(i) for i in range(page.register_choice.count())]
    page.register_choice.setCurrentIndex(page.register_choice.findData("K1"))
    page.kind_choice.setCurrentIndex(page.kind_choice.findData(Kind.SALE))
    idle(qtbot, w)
    rows = page.table.shown_rows()
    assert {e.seq for e in rows} == {e.seq for e in k1 if e.kind == Kind.SALE}
    page.table.view.selectRow(0)
    assert f"K1 #{rows[0].seq}" in page.entry_text.toPlainText()
    QTest.keyClicks(page.text, "BOK-1")
    qtbot.waitUntil(lambda: page.page_shown.total < len(rows), timeout=3000)
    idle(qtbot, w)
    assert all("BOK-1" in e.payload_json for e in page.table.shown_rows())
    page.text.clear()
    page.first.setDate(QDate(2026, 11, 29))
    page.last.setDate(QDate(2026, 11, 29))
    idle(qtbot, w)
    assert page.page_shown.total == 0 and page.table.shown_rows() == []

    # verify: whole, then a changed row named
    QTest.keyClick(page, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    assert page.verify_result.property("level") == "ok" and "whole" in page.verify_result.text()
    with sf() as s, s.begin():
        s.execute(sql("UPDATE journal SET ts = '2026-11-30T09:00:01' WHERE register_id = 'K1' "
                      "AND seq = 3"))
    page.verify()
    idle(qtbot, w)
    assert page.verify_result.property("level") == "error"
    assert "register K1, entry 3" in page.verify_result.text()

    # export the day, on a worker
    page.register_choice.setCurrentIndex(0)
    page.kind_choice.setCurrentIndex(0)
    page.first.setDate(QDate(2026, 11, 30))
    page.last.setDate(QDate(2026, 11, 30))
    idle(qtbot, w)
    page.ask_path = lambda *a: str(tmp_path / "journal")
    threads = []
    import pos.queries.journal_browse as jb
    real = jb.write_csv

    def write(*a, **kw):
        threads.append(threading.current_thread())
        return real(*a, **kw)
    jb.write_csv = write
    try:
        QTest.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        idle(qtbot, w)
    finally:
        jb.write_csv = real
    assert threads and threads[0] is not threading.main_thread()
    assert page.exported == [tmp_path / "journal.csv"] and page.message.property("level") == "ok"
    assert len(read_csv((tmp_path / "journal.csv").read_text("utf-8"))) == total


def test_a_hundred_thousand_entries_page_by_page(qtbot, bo_window, day_db):
    sf, _ = day_db
    bulk_journal(sf, ("K7", "K8"), n=100_000)
    w = bo_window
    log_in(qtbot, w)
    w.show_page(4)
    idle(qtbot, w)
    page = w.current_page()
    page.last.setDate(QDate(2027, 1, 1))
    page.first.setDate(QDate(2026, 1, 1))
    idle(qtbot, w)
    assert page.page_shown.total > 100_000 and len(page.table.shown_rows()) == 100
    first_rows = page.table.shown_rows()
    QTest.keyClick(page, Qt.Key.Key_PageDown)
    idle(qtbot, w)
    assert page.page_shown.page == 1 and page.table.shown_rows()[0].ts <= first_rows[-1].ts
    QTest.keyClick(page, Qt.Key.Key_PageUp)
    idle(qtbot, w)
    assert page.page_shown.page == 0 and page.table.shown_rows() == first_rows
