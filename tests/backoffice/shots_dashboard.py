"""The dashboard with every channel, product interest and the non-sales tile, photographed at
1024x768 and 1920x1080 (top, and scrolled to the bottom):

    QT_QPA_PLATFORM=offscreen python -m tests.backoffice.shots_dashboard [--out DIR] [--lang sv]

Each size runs in its own process (the style is sized once). Prints the images' paths."""
from __future__ import annotations

import sys
import tempfile
from datetime import datetime
from pathlib import Path

from tests.backoffice.shot_window import ShotWindow, shot_main


def shoot(width: int, height: int, out: Path, language: str) -> list[str]:
    from PySide6.QtWidgets import QScrollArea

    from pos.db.engine import make_engine
    from pos.db.migrate import upgrade
    from pos.db.session import session_factory
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.receipt_layout import StoreInfo
    from tests.backoffice.test_dashboard_channels import DAY, a_day_of_channels
    from ui.backoffice.context import BackofficeContext
    from ui.backoffice.dashboard_page import DashboardPage

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
    shots = ShotWindow(lambda: BackofficeContext(sf, store=StoreInfo(), clock=clock, data_dir=tmp,
                                                 own_register="K1"), width, height, out, language)
    page = shots.open(DashboardPage)
    page.set_range(DAY)
    shots.grab("1_oversikt")
    scroll = page.findChild(QScrollArea)
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    shots.grab("1b_oversikt_kanaler")
    return shots.close()


if __name__ == "__main__":
    sys.exit(shot_main("tests.backoffice.shots_dashboard", shoot, "/tmp/shots13-dash"))
