"""A kiosk's call for help shows on the till (a banner over its pages, polled on the network
lane) until a cashier takes it; then it is gone from every till and marked taken by them."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.db.unit_of_work import SqlUnitOfWork
from pos.services import kiosk as use
from tests.ui.conftest import english, log_in, make_ui_till, till, wait_idle, window  # noqa: F401


def test_a_kiosk_call_shows_on_the_till_until_a_cashier_takes_it(qtbot, window):  # noqa: F811
    log_in(qtbot, window)
    banner = window.staff_calls
    wait_idle(qtbot, window)
    assert not banner.isVisible()
    uow = SqlUnitOfWork(window.till.session_factory)
    call = use.call_staff(uow, "Kiosk entrén", datetime(2026, 11, 30, 10, 42))
    banner.poll()
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    assert "Kiosk entrén" in banner.text.text() and "10:42" in banner.text.text()
    QTest.mouseClick(banner.take, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)
    with uow:
        taken = uow.kiosk.call(call.id)
    assert taken.taken_by == "Kim Kassör" and taken.taken_at is not None
    assert use.open_calls(uow) == []

