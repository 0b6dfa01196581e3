"""The Orders page photographed (Swedish by default) at 1024x768 and 1920x1080 on a day at the
store with ship-to-home sales, a return and pickups (``tests.backoffice.orders_day``): each
tab, an order's detail, and the page with the central store offline.

    QT_QPA_PLATFORM=offscreen python -m tests.backoffice.orders_shots [--out /tmp/shots13-orders]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZES = ((1024, 768), (1920, 1080))


def shoot(width: int, height: int, out: Path, language: str) -> list[str]:
    from PySide6.QtCore import QSize
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from pos.receipt_layout import StoreInfo
    from tests.backoffice.day import CLOCK
    from tests.backoffice.orders_day import FakeCentral, ship_to_home_sales
    from tests.backoffice.shots import demo_database
    from ui.backoffice.context import BackofficeContext
    from ui.backoffice.orders_page import OrdersPage
    from ui.backoffice.window import BackofficeWindow
    from ui.i18n import install_translators
    from ui.widgets.style import apply_style

    app = QApplication.instance() or QApplication([])
    install_translators(app, language)
    apply_style(app, QSize(width, height))
    tmp = Path(tempfile.mkdtemp(prefix="orders-shots-"))
    sf = demo_database(f"sqlite:///{tmp / 'pos.sqlite3'}")
    ship_to_home_sales(sf)
    central = FakeCentral()

    class Notices:
        def order_ready(self, order, location_name):  # type: ignore[no-untyped-def]
            pass
    ctx = BackofficeContext(sf, store=StoreInfo(), clock=CLOCK, data_dir=tmp,
                            central=lambda: central, notifier=Notices,
                            location_name="Omnihandeln Göteborg")
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

    def grab(name: str, widget=None) -> None:  # type: ignore[no-untyped-def]
        settle()
        path = out / f"{name}_{width}x{height}_{language}.png"
        (widget or w).grab().save(str(path))
        shots.append(str(path))

    settle()
    w.login_page.select("maja")
    for d in "9999":
        w.login_page.pad._press(d)
    w.login_page.pad.submit()
    settle()
    page = w.page(OrdersPage)
    w.show_page(w.page_list.index(page))
    settle()
    page.pickups.select_where(lambda r: r.order.number == "1052")
    grab("8a_ordrar_upphamtning")
    page.tabs.setCurrentIndex(1)
    settle()
    page.ship.select_where(lambda r: r.local.display_id == 1042)
    grab("8b_ordrar_hemleverans")
    page.open_detail(page.ship.current())
    settle()
    grab("8c_orderdetalj", page.detail)
    page.detail.close()
    page.tabs.setCurrentIndex(2)
    settle()
    grab("8d_ordrar_returer")
    central.down = True
    page.tabs.setCurrentIndex(1)
    page.activate()
    settle()
    grab("8e_ordrar_offline")
    w.close()
    return shots


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/shots13-orders")
    ap.add_argument("--language", default="sv")
    ap.add_argument("--size", default="")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.size:
        width, height = (int(x) for x in args.size.split("x"))
        print("\n".join(shoot(width, height, out, args.language)))
        return
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    for width, height in SIZES:
        subprocess.run([sys.executable, "-m", "tests.backoffice.orders_shots", "--out", str(out),
                        "--language", args.language, "--size", f"{width}x{height}"],
                       cwd=ROOT, env=env, check=True)


if __name__ == "__main__":
    main()
