"""The till under a real X server with no window manager, driven by real key presses (xdotool,
through the X server's XTEST extension, to whatever window has the X focus).

    DISPLAY=:N QT_QPA_PLATFORM=xcb POS_DATA_DIR=DIR python -m tests.ui.x11_keys

Starts the till with ``ui.till.app.run_till``, as ``main.py`` does, on a database whose shift is
open (so no dialog opens after the login). Then, with the keyboard alone: the PIN and Enter
(the login page must have the keyboard from the start), F10 (the shift menu: the function keys
work right after the start), Esc, F10 again (they work after a dialog closed), Esc, and F2 (the
search field). Prints one JSON object: what each step saw.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

STEP_TIMEOUT = 6.0  # s a step may wait for what it expects


def xdotool(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True, timeout=10)


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from main import build_till
    from pos.config import load_config
    from ui.till import app as till_app

    data = Path(os.environ["POS_DATA_DIR"])
    config = data / "pos.toml"
    config.write_text('[devices]\nprinter = "dummy"\nterminal = "simulator"\n'
                      '[register]\nid = "K1"\nlanguage = "en"\n'
                      f'[medusa]\nstate = "{data / "no-central-store.json"}"\n', encoding="utf-8")
    till, ctx = build_till(load_config(config))
    till.login("kim", "1234")
    till.open_shift(0)
    till.logout()

    seen: dict[str, Any] = {}

    def window() -> Any:
        from ui.till.main_window import MainWindow
        found = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, MainWindow) and w.isVisible()]
        return found[0] if found else None

    def dialog_named(name: str) -> Any:
        return next((w for w in QApplication.topLevelWidgets()
                     if w.objectName() == name and w.isVisible()), None)

    def has_the_keys(name: str) -> bool:
        """The dialog is open and has the keyboard (its Esc will reach it)."""
        d = dialog_named(name)
        return d is not None and QApplication.activeWindow() is d

    def scenario() -> Iterator[tuple[str, Callable[[], Any]]]:
        """Yields (what, condition): the next step runs once the condition holds."""
        yield "the till's window", lambda: window() is not None and bool(window().login_page.staff)
        w = window()
        seen["active_at_start"] = QApplication.activeWindow() is w
        xdotool("type", "--delay", "120", "1234")
        xdotool("key", "Return")
        yield "the sale page after typing the PIN", \
            lambda: w.pages.currentWidget() is w.sale_page and w.lanes.idle()
        seen["login_by_keyboard"] = True
        xdotool("key", "F10")
        yield "the shift menu after F10 at the start", lambda: has_the_keys("shiftMenu")
        seen["f10_at_start"] = True
        xdotool("key", "Escape")
        yield "the shift menu closed", lambda: dialog_named("shiftMenu") is None
        yield "a moment", _after(0.3)
        seen["active_after_dialog"] = QApplication.activeWindow() is w
        seen["scan_field_focused"] = QApplication.focusWidget() is w.sale_page.scan_input
        xdotool("key", "F10")
        yield "the shift menu after F10 once a dialog closed", lambda: has_the_keys("shiftMenu")
        seen["f10_after_dialog"] = True
        xdotool("key", "Escape")
        yield "the shift menu closed again", lambda: dialog_named("shiftMenu") is None
        yield "a moment", _after(0.3)
        xdotool("key", "F2")
        yield "the search field after F2", \
            lambda: QApplication.focusWidget() is w.sale_page.search_input
        seen["f2"] = True

    steps = scenario()
    state: dict[str, Any] = {"what": "", "until": None, "deadline": 0.0}

    def advance() -> None:
        try:
            what, cond = next(steps)
        except StopIteration:
            seen["done"] = True
            QApplication.quit()
            return
        state.update(what=what, cond=cond, deadline=time.monotonic() + STEP_TIMEOUT)

    def tick() -> None:
        try:
            if state["cond"] is None:
                advance()
            elif state["cond"]():
                advance()
            elif time.monotonic() > state["deadline"]:
                seen["stuck_at"] = state["what"]
                QApplication.quit()
        except Exception as e:  # noqa: BLE001 - reported, the till is closed
            seen["error"] = f"{type(e).__name__}: {e}"
            QApplication.quit()

    state["cond"] = None
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(tick)
    QTimer.singleShot(0, timer.start)
    till_app.run_till(till, language="en", customer_display=False, argv=["x11_keys"])
    timer.stop()
    ctx.engine.dispose()
    print(json.dumps(seen))
    return 0


def _after(seconds: float) -> Callable[[], bool]:
    end = time.monotonic() + seconds
    return lambda: time.monotonic() >= end


if __name__ == "__main__":
    sys.exit(main())
