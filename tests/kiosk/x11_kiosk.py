"""The kiosk under a real X server with no window manager, driven by real key presses (xdotool):
it must have the keyboard from the start (nobody gives it the focus), Escape / Alt+F4 / Ctrl+Q
must leave it open, and only the staff keys and a PIN close it.

    DISPLAY=:N QT_QPA_PLATFORM=xcb POS_DATA_DIR=DIR python -m tests.kiosk.x11_kiosk

Starts it with ``ui.kiosk.app.run_kiosk`` as ``main.py kiosk`` does; prints one JSON object."""
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
STEP_TIMEOUT = 8.0


def xdotool(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True, timeout=10)


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import main as entry
    from ui.kiosk.app import run_kiosk
    from ui.kiosk.window import KioskWindow

    data = Path(os.environ["POS_DATA_DIR"])
    config = data / "pos.toml"
    config.write_text('[devices]\nprinter = "dummy"\n[register]\nlanguage = "en"\n'
                      '[kiosk]\nplace = "Entrance"\n'
                      f'[medusa]\nstate = "{data / "no-central-store.json"}"\n', encoding="utf-8")
    cfg = entry.load_config(config)
    ctx = entry.open_database(cfg)
    seen: dict[str, Any] = {}

    def window() -> Any:
        found = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, KioskWindow) and w.isVisible()]
        return found[0] if found else None

    def scenario() -> Iterator[tuple[str, Callable[[], Any]]]:
        yield "the kiosk's window", lambda: window() is not None and bool(
            window().find.categories.buttons)
        w = window()
        w.closed_by_staff.connect(lambda member: seen.__setitem__("closed_by", member.id))
        seen["active_at_start"] = QApplication.activeWindow() is w
        seen["fullscreen"] = w.isFullScreen()
        screen = w.screen().availableGeometry()
        # no window manager sizes it: the kiosk fills the screen itself (the keyboard's right
        # column, å and ä, in view)
        seen["fills_the_screen"] = (w.frameGeometry() == screen
                                    or (w.frameGeometry().width(), w.frameGeometry().height(),
                                        screen.width(), screen.height()))
        xdotool("key", "F2")
        yield "the find page", lambda: w.stack.currentWidget() is w.find
        xdotool("type", "--delay", "60", "jeans")
        xdotool("key", "Return")
        yield "results for what was typed", lambda: bool(w.find.found_variants())
        seen["typed_search"] = w.find.search.text()
        for keys in ("Escape", "alt+F4", "ctrl+q", "ctrl+w"):
            xdotool("key", keys)
        yield "a moment", _after(0.5)
        seen["still_open"] = window() is w
        xdotool("key", "ctrl+alt+shift+s")
        yield "the staff PIN dialog with the keys", lambda: QApplication.activeWindow() is not None \
            and QApplication.activeWindow().objectName() == "staffExit"
        seen["pin_dialog_has_the_keys"] = True
        xdotool("type", "--delay", "80", "1234")
        xdotool("key", "Return")
        yield "closed by the PIN", lambda: window() is None  # (the app quits with it)

    steps = scenario()
    state: dict[str, Any] = {"what": "", "cond": None, "deadline": 0.0}

    def tick() -> None:
        try:
            if state["cond"] is None or state["cond"]():
                try:
                    what, cond = next(steps)
                except StopIteration:
                    seen["done"] = True
                    QApplication.quit()
                    return
                state.update(what=what, cond=cond, deadline=time.monotonic() + STEP_TIMEOUT)
            elif time.monotonic() > state["deadline"]:
                seen["stuck_at"] = state["what"]
                QApplication.quit()
        except Exception as e:  # noqa: BLE001 - reported
            seen["error"] = f"{type(e).__name__}: {e}"
            QApplication.quit()

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(tick)
    QTimer.singleShot(0, timer.start)
    run_kiosk(ctx, config=cfg, language="en", argv=["x11_kiosk"])
    timer.stop()
    seen["window_gone"] = window() is None
    ctx.engine.dispose()
    print(json.dumps(seen))
    return 0


def _after(seconds: float) -> Callable[[], bool]:
    end = time.monotonic() + seconds
    return lambda: time.monotonic() >= end


if __name__ == "__main__":
    sys.exit(main())
