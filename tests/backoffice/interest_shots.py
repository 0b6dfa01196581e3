"""The Intresse page photographed in Swedish at 1024x768 and 1920x1080 (the central store
answering, and down), on the back office's demo day with kiosk and shelf-QR interest.

    QT_QPA_PLATFORM=offscreen python -m tests.backoffice.interest_shots [--out /tmp/shots13-interest]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZES = ((1024, 768), (1920, 1080))


def shoot(width: int, height: int, out: Path) -> list[str]:
    from PySide6.QtCore import QSize
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from pos.receipt_layout import StoreInfo
    from tests.backoffice.day import CLOCK
    from tests.backoffice.shots import demo_database
    from tests.backoffice.test_interest import DAY, Store, kiosk_interest
    from ui.backoffice.context import BackofficeContext
    from ui.backoffice.interest_page import InterestPage
    from ui.backoffice.window import BackofficeWindow, page_factories
    from ui.i18n import install_translators
    from ui.widgets.style import apply_style

    app = QApplication.instance() or QApplication([])
    install_translators(app, "sv")
    apply_style(app, QSize(width, height))
    tmp = Path(tempfile.mkdtemp(prefix="interest-shots-"))
    sf = demo_database(f"sqlite:///{tmp / 'pos.sqlite3'}")
    kiosk_interest(sf)
    down = {"now": False}
    ctx = BackofficeContext(sf, store=StoreInfo(), clock=CLOCK, data_dir=tmp,
                            central=lambda: Store(down=down["now"]))
    w = BackofficeWindow(ctx)
    w.resize(width, height)
    w.show()
    shots: list[str] = []

    def settle() -> None:
        for _ in range(300):
            app.processEvents()
            if w.lanes.idle():
                break
            QTest.qWait(10)
        QTest.qWait(80)
        app.processEvents()

    settle()
    w.login_page.select("maja")
    for d in "9999":
        w.login_page.pad._press(d)
    w.login_page.pad.submit()
    settle()
    w.show_page(page_factories().index(InterestPage))
    settle()
    page = w.current_page()
    for name, offline, per_article in (("online", False, False), ("per_artikel", False, True),
                                       ("offline", True, False)):
        down["now"] = offline
        page.per_article.setChecked(per_article)
        page.set_range(DAY, DAY)
        settle()
        settle()
        path = out / f"interest_{name}_{width}x{height}_sv.png"
        w.grab().save(str(path))
        shots.append(str(path))
    return shots


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="/tmp/shots13-interest")
    parser.add_argument("--size", help="WxH: one size in this process")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.size:
        w, h = (int(n) for n in args.size.split("x"))
        print("\n".join(shoot(w, h, out)), flush=True)
        import os
        os._exit(0)  # the lanes' threads are not joined here: nothing is left to save
    for w, h in SIZES:
        subprocess.run([sys.executable, "-m", "tests.backoffice.interest_shots", "--out",
                        str(out), "--size", f"{w}x{h}"], check=True, cwd=ROOT)


if __name__ == "__main__":
    main()
