"""The logged-in back-office window the screenshot scripts photograph, built one way for all of
them (``tests/backoffice/*shots*.py``, ``tests/labels/shots.py``).

    def shoot(width, height, out, language):
        sf = demo_database(...)                       # the script's own data
        shots = ShotWindow(lambda: BackofficeContext(sf, ...), width, height, out, language)
        page = shots.open(OrdersPage)                 # logged in as Maja, the page shown
        shots.grab("8a_ordrar")                       # out/8a_ordrar_1024x768_sv.png
        return shots.close()                          # the images' paths

    if __name__ == "__main__":
        sys.exit(shot_main("tests.backoffice.orders_shots", shoot, "/tmp/shots13-orders"))

The application, its translation and its style (sized once per process for the screen) are set
before the context is built, so a script may make widgets of its own afterwards; each size then
runs in its own process (``shot_main``).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[2]
SIZES = ((1024, 768), (1920, 1080))
P = TypeVar("P")


class ShotWindow:
    """The back office at ``width`` x ``height`` in ``language`` on the context ``make_ctx``
    builds, logged in (``log_in``) unless ``log_in=False``; images go to ``out``."""

    def __init__(self, make_ctx: Callable[[], Any], width: int, height: int, out: Path,
                 language: str, *, log_in: bool = True, settle_rounds: int = 300,
                 settle_ms: int = 80) -> None:
        from PySide6.QtCore import QSize
        from PySide6.QtWidgets import QApplication

        from ui.i18n import install_translators
        from ui.widgets.style import apply_style

        self.app = QApplication.instance() or QApplication([])
        install_translators(self.app, language)
        apply_style(self.app, QSize(width, height))
        self.size, self.out, self.language = (width, height), Path(out), language
        self.settle_rounds, self.settle_ms = settle_rounds, settle_ms
        self.shots: list[str] = []

        from ui.backoffice.window import BackofficeWindow
        self.window = BackofficeWindow(make_ctx())
        self.window.resize(width, height)
        self.window.show()
        self.settle()
        if log_in:
            self.log_in()

    def settle(self) -> None:
        """Until the lanes are idle (at most ``settle_rounds`` rounds), then a last paint."""
        from PySide6.QtTest import QTest

        for _ in range(self.settle_rounds):
            self.app.processEvents()
            if self.window.lanes.idle():
                break
            QTest.qWait(10)
        QTest.qWait(self.settle_ms)
        self.app.processEvents()

    def log_in(self, staff_id: str = "maja", pin: str = "9999") -> None:
        login = self.window.login_page
        login.select(staff_id)
        for d in pin:
            login.pad._press(d)
        login.pad.submit()
        self.settle()

    def open(self, page_type: type[P]) -> P:
        """The page of ``page_type`` shown (and read), settled."""
        w = self.window
        page = w.page(page_type)
        w.show_page(w.page_list.index(page))
        self.settle()
        return page

    def path(self, name: str) -> Path:
        width, height = self.size
        return self.out / f"{name}_{width}x{height}_{self.language}.png"

    def grab(self, name: str, widget: Any = None) -> str:
        """``widget`` (the window by default) saved as ``name``, once everything settled."""
        self.settle()
        path = str(self.path(name))
        (widget or self.window).grab().save(path)
        self.shots.append(path)
        return path

    def close(self) -> list[str]:
        """The window closed and its lanes stopped (no thread left running at exit); the paths
        of the images taken."""
        self.window.close()  # its closeEvent stops the lanes
        return self.shots


def shot_main(module: str, shoot: Callable[[int, int, Path, str], Sequence[str]],
              default_out: str, sizes: Sequence[tuple[int, int]] = SIZES,
              argv: Sequence[str] | None = None) -> int:
    """A script's command line: ``--size WxH`` shoots in this process and prints the images'
    paths; without it each of ``sizes`` runs in a process of its own (the style is sized once
    per process). ``--lang`` is ``--language``'s short form."""
    p = argparse.ArgumentParser(prog=f"python -m {module}")
    p.add_argument("--out", default=default_out)
    p.add_argument("--language", "--lang", default="sv")
    p.add_argument("--size", default="")
    args = p.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.size:
        width, height = (int(x) for x in args.size.split("x"))
        print("\n".join(shoot(width, height, out, args.language)))
        return 0
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    for width, height in sizes:
        subprocess.run([sys.executable, "-m", module, "--out", str(out), "--language",
                        args.language, "--size", f"{width}x{height}"], check=True, cwd=ROOT,
                       env=env)
    return 0
