"""The Devices page (pytest-qt, offscreen): each register's devices as configured, checked with
``main.py devices test``'s checks, a test receipt printed and the drawer opened (journaled in the
register's journal with who); a printer that does not answer is a fault said on the page."""
from __future__ import annotations

import socket

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.db.unit_of_work import SqlUnitOfWork
from pos.journal import Kind
from pos.register_devices import register_devices
from tests.backoffice.conftest import idle, log_in


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_devices_checked_printed_and_the_drawer_opened(qtbot, bo_window, day_db):
    sf, _ = day_db
    w = bo_window
    w.ctx.own_register = "K1"
    w.ctx.own_devices = {"printer": "dummy", "printer_profile": "TM-T20II",
                         "paper_width_mm": 80, "terminal": "simulator", "scanner": "wedge",
                         "display": "window"}
    dead = f"tcp://127.0.0.1:{_closed_port()}"
    w.ctx.other_devices = {"K2": {"printer": dead, "terminal": "simulator"}}
    log_in(qtbot, w)
    QTest.keyClick(w, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    page = w.current_page()
    assert page.title() == "Devices"
    assert [(r.register_id, r.url("printer"), r.source) for r in page.table.shown_rows()] == [
        ("K1", "dummy", "this machine"), ("K2", dead, "config")]
    assert page.current().register_id == "K1" and page.check_button.isEnabled()

    QTest.keyClick(page, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    assert [r["name"] for r in page.checks.shown_rows()] == ["printer", "terminal", "scanner",
                                                            "display"]
    assert all(r["ok"] for r in page.results) and page.message.property("level") == "ok"
    QTest.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    assert page.message.property("level") == "ok" and "test receipt" in page.message.text()
    QTest.keyClick(page, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    assert page.message.property("level") == "ok"
    uow = SqlUnitOfWork(sf)
    with uow:
        last = list(uow.journal.entries("K1"))[-1]
    assert last.kind == Kind.DRAWER_OPEN and last.payload["user"] == "maja"
    assert last.payload["reason"] == "backoffice"

    # K2's printer does not answer: a fault, on the page, the page still live
    page.table.select_where(lambda r: r.register_id == "K2")
    page.check()
    idle(qtbot, w)
    printer = next(r for r in page.results if r["name"] == "printer")
    assert not printer["ok"] and printer["state"] == "offline"
    assert page.message.property("level") == "error" and "fault" in page.message.text()
    page.test_print()
    idle(qtbot, w)
    assert page.message.property("level") == "error"


def test_how_registers_are_known():
    rows = register_devices(["K1", "K2", "BACKOFFICE"], "K3", {"printer": "dummy"},
                            {"K2": {"printer": "tcp://10.0.0.2", "bogus": 1}})
    assert [(r.register_id, r.source, dict(r.devices)) for r in rows] == [
        ("K1", "", {}), ("K2", "config", {"printer": "tcp://10.0.0.2"}),
        ("K3", "this machine", {"printer": "dummy"})]
    assert not rows[0].configured and rows[0].url("printer") == ""
