"""The dashboard with every channel, product interest and the non-sales tile, photographed at
1024x768 and 1920x1080 (top, and scrolled to the bottom):

    QT_QPA_PLATFORM=offscreen python -m tests.backoffice.shots_dashboard [--out DIR] [--lang sv]

Each size runs in its own process (the style is sized once). Prints the images' paths."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZES = ((1024, 768), (1920, 1080))


def shoot(width: int, height: int, out: Path, language: str) -> list[str]:
    from PySide6.QtCore import QSize
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QScrollArea

    from pos.db.engine import make_engine
    from pos.db.migrate import upgrade
    from pos.db.session import session_factory
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.receipt_layout import StoreInfo
    from tests.backoffice.test_dashboard_channels import DAY, a_day_of_channels
    from ui.backoffice.context import BackofficeContext
    from ui.backoffice.window import BackofficeWindow
    from ui.i18n import install_translators
    from ui.widgets.style import apply_style

    app = QApplication.instance() or QApplication([])
    install_translators(app, language)
    apply_style(app, QSize(width, height))
    tmp = Path(tempfile.mkdtemp(prefix="dash-shots-"))
    engine = make_engine(f"sqlite:///{tmp / 'pos.sqlite3'}")
    upgrade(engine)
    sf = session_factory(engine)
    a_day_of_channels(sf)
    # a code campaign used on K2 late in the day, and one that starts later
    from datetime import datetime as dt

    from pos.db.repositories import SyncStateRepository
    from pos.sync.promotion_sync import store_promotions
    from tests.backoffice.test_campaign_effect import HOST10, JUL
    from tests.backoffice.test_dashboard_figures import Clock, _till
    from tests.services.conftest import ARTICLES
    with sf() as s, s.begin():
        store_promotions(SyncStateRepository(s), [HOST10, JUL])
    clock = Clock()
    clock.now = dt(DAY.year, DAY.month, DAY.day, 16, 10)
    k2 = _till(sf, "K2", clock)
    k2.open_shift(50000)
    k2.scan(ARTICLES[0].ean)
    k2.scan(ARTICLES[2].ean)
    k2.add_promo_code("HOST10")
    k2.pay_card()
    uow = SqlUnitOfWork(sf)
    with uow:
        for variant, source, n in (("v1", "scan", 7), ("v2", "search", 3), ("v1", "view", 4)):
            for _ in range(n):
                uow.kiosk.count_interest(DAY, "store-gbg", variant, source)
        uow.commit()
    clock = lambda: datetime(DAY.year, DAY.month, DAY.day, 18, 0)  # noqa: E731
    w = BackofficeWindow(BackofficeContext(sf, store=StoreInfo(), clock=clock, data_dir=tmp,
                                           own_register="K1"))
    w.resize(width, height)
    w.show()

    def settle() -> None:
        for _ in range(300):
            app.processEvents()
            if w.lanes.idle():
                break
            QTest.qWait(10)
        QTest.qWait(80)
        app.processEvents()

    shots = []

    def grab(name: str) -> None:
        settle()
        path = out / f"{name}_{width}x{height}_{language}.png"
        w.grab().save(str(path))
        shots.append(str(path))

    settle()
    w.login_page.select("maja")
    for d in "9999":
        w.login_page.pad._press(d)
    w.login_page.pad.submit()
    settle()
    w.show_page(0)
    w.current_page().set_range(DAY)
    grab("1_oversikt")
    scroll = w.current_page().findChild(QScrollArea)
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    grab("1b_oversikt_kanaler")
    return shots


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--out", type=Path, default=Path("/tmp/shots13-dash"))
    p.add_argument("--lang", default="sv")
    p.add_argument("--size")
    args = p.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.size:
        wd, ht = (int(x) for x in args.size.split("x"))
        print("\n".join(shoot(wd, ht, args.out, args.lang)))
        return
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for wd, ht in SIZES:
        subprocess.run([sys.executable, "-m", "tests.backoffice.shots_dashboard", "--out",
                        str(args.out), "--lang", args.lang, "--size", f"{wd}x{ht}"],
                       check=True, cwd=ROOT, env=env)


if __name__ == "__main__":
    main()
