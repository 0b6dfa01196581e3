"""The function keys work from the start and after every dialog, also where no window manager
gives the till's window the focus (a common till set-up): the window activates itself on start
and after each dialog closes, and the scan field has the focus.

Under a real X server without a window manager (Xvfb, Debian's ``xvfb``, and ``xdotool``: both
installed by ``scripts/setup.sh``); without them this test is skipped, and fails in CI. The
offscreen tests check the same activation and focus where Qt has no window system.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import demo_articles, log_in, wait_idle

ROOT = Path(__file__).resolve().parents[2]


def press(qtbot, window, key) -> None:
    """A key as the keyboard sends it: to whatever has the focus (nothing if nothing has)."""
    target = QApplication.focusWidget()
    if target is not None:
        QTest.keyClick(target, key)
    wait_idle(qtbot, window)


def assert_has_the_keys(window) -> None:
    assert QApplication.activeWindow() is window
    assert QApplication.focusWidget() is window.sale_page.scan_input


def test_after_every_kind_of_dialog_the_window_has_the_keys(qtbot, window, till):
    log_in(qtbot, window)
    page = window.sale_page
    assert_has_the_keys(window)

    # a dialog of a flow (the sale page's own dialogs)
    press(qtbot, window, Qt.Key.Key_F10)
    menu = page.dialog
    qtbot.waitUntil(lambda: menu is not None and menu.isVisible(), timeout=5000)
    assert menu.objectName() == "shiftMenu"
    QTest.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    assert_has_the_keys(window)
    press(qtbot, window, Qt.Key.Key_F10)  # the function keys work again, without a click
    qtbot.waitUntil(lambda: page.dialog is not menu and page.dialog.isVisible(), timeout=5000)
    page.dialog.reject()

    # the manager's approval (opened by the approval flow itself)
    page.scanned(demo_articles(till)[2].ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    page.line_discount()
    page.dialog.field.setText("50")
    page.dialog.accept()
    qtbot.waitUntil(lambda: page.property("approvalDialog") is not None
                    and page.property("approvalDialog").isVisible(), timeout=5000)
    approval = page.property("approvalDialog")
    approval.reject()
    qtbot.waitUntil(lambda: not shiboken6.isValid(approval) or not approval.isVisible(),
                    timeout=5000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    assert_has_the_keys(window)

    # the payment dialog, after the sale: the next customer's F-keys work at once
    press(qtbot, window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: page.payment_dialog is not None, timeout=5000)
    pay = page.payment_dialog
    pay.amount.setText("1000")
    pay.pay_cash()
    qtbot.waitUntil(lambda: pay.sale is not None, timeout=10000)
    QTest.keyClick(pay, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.payment_dialog is None, timeout=5000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    assert_has_the_keys(window)
    press(qtbot, window, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is page.search_input


def test_the_window_takes_the_keyboard_when_it_is_shown(qtbot, qapp, till, english):
    from ui.till.main_window import MainWindow

    w = MainWindow(till)
    qtbot.addWidget(w)
    other = QApplication.activeWindow()
    calls = []
    real = w.activateWindow
    w.activateWindow = lambda: (calls.append("activate"), real())  # type: ignore[method-assign]
    try:
        w.show_on(qapp.primaryScreen())
        qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
        assert calls, "the window asked to be activated when shown"
        qtbot.waitUntil(lambda: bool(w.login_page.staff), timeout=10000)
        assert QApplication.focusWidget() is w.login_page.pad  # the PIN is typed at once
    finally:
        del w.activateWindow
        wait_idle(qtbot, w)
        w.close()
    assert other is not w


def _x_tools() -> list[str]:
    return [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]


@pytest.mark.slow
def test_function_keys_under_x_without_a_window_manager(tmp_path):
    missing = _x_tools()
    if missing:
        message = f"{', '.join(missing)} not installed (scripts/setup.sh installs xvfb, xdotool)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24",
                             "-nolisten", "tcp", "-noreset"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            display = pipe.readline().strip()
        assert display, "Xvfb did not start"
        env = {**os.environ, "DISPLAY": f":{display}", "QT_QPA_PLATFORM": "xcb",
               "POS_DATA_DIR": str(tmp_path)}
        env.pop("POS_CONFIG", None)
        run = subprocess.run([sys.executable, "-m", "tests.ui.x11_keys"], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=120)
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    assert run.returncode == 0, run.stderr[-3000:]
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert "error" not in seen, seen
    assert seen.get("stuck_at") is None, f"stuck waiting for {seen['stuck_at']}: {seen}"
    assert seen == {"active_at_start": True, "login_by_keyboard": True, "f10_at_start": True,
                    "active_after_dialog": True, "scan_field_focused": True,
                    "f10_after_dialog": True, "f2": True, "done": True}
