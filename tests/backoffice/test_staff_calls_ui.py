"""A kiosk's call for help shows in the back office too (the same banner as the till's) until
someone takes it; the manager who takes it is recorded, and the call is gone everywhere."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.db.unit_of_work import SqlUnitOfWork
from pos.services import kiosk as use
from tests.backoffice.conftest import idle, log_in


def test_a_kiosk_call_shows_in_the_back_office_until_a_manager_takes_it(qtbot, bo_window):
    w = bo_window
    log_in(qtbot, w)
    idle(qtbot, w)
    banner = w.staff_calls
    assert not banner.isVisible()
    uow = SqlUnitOfWork(w.ctx.session_factory)
    call = use.call_staff(uow, "Kiosk vid kassorna", datetime(2026, 11, 30, 14, 7))
    banner.poll()
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    assert "Kiosk vid kassorna" in banner.text.text() and "14:07" in banner.text.text()
    QTest.mouseClick(banner.take, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)
    with uow:
        taken = uow.kiosk.call(call.id)
    assert taken.taken_by == "Maja Chef" and taken.taken_at is not None
    assert use.open_calls(uow) == []
