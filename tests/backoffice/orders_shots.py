"""The Orders page photographed (Swedish by default) at 1024x768 and 1920x1080 on a day at the
store with ship-to-home sales, a return and pickups (``tests.backoffice.orders_day``): each
tab, an order's detail, and the page with the central store offline.

    QT_QPA_PLATFORM=offscreen python -m tests.backoffice.orders_shots [--out /tmp/shots13-orders]
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.backoffice.shot_window import ShotWindow, shot_main


def shoot(width: int, height: int, out: Path, language: str) -> list[str]:
    from pos.receipt_layout import StoreInfo
    from tests.backoffice.day import CLOCK
    from tests.backoffice.orders_day import FakeCentral, ship_to_home_sales
    from tests.backoffice.shots import demo_database
    from ui.backoffice.context import BackofficeContext
    from ui.backoffice.orders_page import OrdersPage

    tmp = Path(tempfile.mkdtemp(prefix="orders-shots-"))
    sf = demo_database(f"sqlite:///{tmp / 'pos.sqlite3'}")
    ship_to_home_sales(sf)
    central = FakeCentral()

    class Notices:
        def order_ready(self, order, location_name):  # type: ignore[no-untyped-def]
            pass
    shots = ShotWindow(lambda: BackofficeContext(
        sf, store=StoreInfo(), clock=CLOCK, data_dir=tmp, central=lambda: central,
        notifier=Notices, location_name="Omnihandeln Göteborg"), width, height, out, language)
    page = shots.open(OrdersPage)
    page.pickups.select_where(lambda r: r.order.number == "1052")
    shots.grab("8a_ordrar_upphamtning")
    page.tabs.setCurrentIndex(1)
    shots.settle()
    page.ship.select_where(lambda r: r.local.display_id == 1042)
    shots.grab("8b_ordrar_hemleverans")
    page.open_detail(page.ship.current())
    shots.settle()
    shots.grab("8c_orderdetalj", page.detail)
    page.detail.close()
    page.tabs.setCurrentIndex(2)
    shots.grab("8d_ordrar_returer")
    central.down = True
    page.tabs.setCurrentIndex(1)
    page.activate()
    shots.grab("8e_ordrar_offline")
    return shots.close()


if __name__ == "__main__":
    sys.exit(shot_main("tests.backoffice.orders_shots", shoot, "/tmp/shots13-orders"))
