"""The kiosk's product page answers "In stock" at once while the network lane is busy with a
slow read (the web's product texts at start, an image): the stock lookup has its own lane. A
kiosk the central store does not know (not enrolled) shows the synced figures and says so
(pytest-qt, offscreen, SQLite)."""
from __future__ import annotations

import os
import threading
from datetime import datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from pos.db.engine import make_engine  # noqa: E402
from pos.db.migrate import upgrade  # noqa: E402
from pos.db.session import session_factory as make_factory  # noqa: E402
from pos.db.unit_of_work import SqlUnitOfWork  # noqa: E402
from pos.demo.catalog import demo_catalog  # noqa: E402
from pos.kiosk import KioskSettings  # noqa: E402
from pos.ports import CentralAccessRefused  # noqa: E402
from pos.services import kiosk as use  # noqa: E402
from pos.services.setup import load_demo_data  # noqa: E402


@pytest.fixture
def store_db(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path}/pos.sqlite3")
    upgrade(engine)
    sf = make_factory(engine)
    load_demo_data(SqlUnitOfWork(sf))
    use.ensure_products(SqlUnitOfWork(sf), datetime(2026, 11, 30, 9))
    yield sf
    engine.dispose()


class NotEnrolled:
    """The central store's stock directory as a kiosk not enrolled gets it."""
    def __init__(self) -> None:
        self.asked: list[str] = []

    def stock_of(self, sku: str):
        self.asked.append(sku)
        raise CentralAccessRefused("central.not_enrolled", "KIOSK1")


def test_stock_is_shown_while_the_network_lane_is_busy_and_not_enrolled_falls_back(qtbot,
                                                                                    store_db):
    from ui.kiosk.context import KioskContext
    from ui.kiosk.window import KioskWindow

    release = threading.Event()

    def slow_products():  # the web's product texts, a slow read at start
        release.wait(30)
        return []

    directory = NotEnrolled()
    ctx = KioskContext(store_db, KioskSettings.from_config({"place": "Kiosk entrén"}),
                       products=slow_products, stock=lambda: directory)
    w = KioskWindow(ctx)
    qtbot.addWidget(w)
    try:
        w.resize(1080, 1920)
        w.show_kiosk(fullscreen=False)
        qtbot.waitUntil(lambda: ctx.db.is_idle() and len(w.find.categories.buttons) > 3)
        assert not ctx.net.is_idle()  # the slow read holds the network lane
        v = demo_catalog()[0].variants[0]
        w.open_article(v.id)
        # the answer itself, not a text: the page's words are in whatever language is installed
        qtbot.waitUntil(lambda: w.product.page is not None and w.product.page.stock is not None,
                        timeout=5000)
        assert directory.asked == [v.sku]
        assert w.product.page.stock.fresh is False  # refused: the synced figures
        synced_note = w.product.tr("(as last synced; the central store cannot be asked now)")
        assert "Göteborg" in w.product.stock.text()
        assert synced_note in w.product.stock.text()
        assert not release.is_set() and not ctx.net.is_idle()
    finally:
        release.set()
        qtbot.waitUntil(ctx.net.is_idle, timeout=5000)
        w._may_close = True
        w.close()
        ctx.shutdown()
