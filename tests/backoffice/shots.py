"""The back office's pages photographed in Swedish at 1024x768, 1366x768 and 1920x1080 on a demo
database with a day of sales on two registers, X and Z reports, staff and the outbox.

    QT_QPA_PLATFORM=offscreen python -m tests.backoffice.shots [--out /tmp/shots11-bo]

Prints the paths of the images. Each size runs in its own process (the style is sized once).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZES = ((1024, 768), (1366, 768), (1920, 1080))


def demo_database(url: str):  # type: ignore[no-untyped-def]
    """A migrated database at ``url`` with a day of sales (``tests.backoffice.day``)."""
    from pos.db.engine import make_engine
    from pos.db.migrate import upgrade
    from pos.db.session import session_factory
    from tests.backoffice.day import a_day_of_sales

    engine = make_engine(url)
    upgrade(engine)
    sf = session_factory(engine)
    a_day_of_sales(sf)
    return sf


def shoot(width: int, height: int, out: Path, language: str) -> list[str]:
    from PySide6.QtCore import QSize
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from pos.receipt_layout import StoreInfo
    from tests.backoffice.day import CLOCK, fail_one_message
    from ui.backoffice.context import BackofficeContext
    from ui.backoffice.window import BackofficeWindow
    from ui.i18n import install_translators
    from ui.widgets.style import apply_style

    app = QApplication.instance() or QApplication([])
    install_translators(app, language)
    apply_style(app, QSize(width, height))
    tmp = Path(tempfile.mkdtemp(prefix="bo-shots-"))
    sf = demo_database(f"sqlite:///{tmp / 'pos.sqlite3'}")
    fail_one_message(sf)
    from pos.demo.promotions import demo_promotions
    from pos.sync.promotion_sync import store_promotions
    from dataclasses import replace as _replace
    from datetime import datetime as _dt
    host, winter = demo_promotions()
    from pos.db.unit_of_work import SqlUnitOfWork as _Uow
    _u = _Uow(sf)
    with _u:
        store_promotions(_u.sync_state, [host, winter, _replace(
            host, id="promo_auto", code="", campaign_name="Helgrabatt", is_automatic=True),
            _replace(winter, id="promo_jul", code="JUL30", campaign_name="Julrea",
                     starts_at=_dt(2026, 12, 20), ends_at=_dt(2026, 12, 24))])
        _u.commit()
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.services.staff import authenticate
    from pos.staff import AuthError
    for _ in range(5):  # kim is locked out: the staff page shows it
        try:
            authenticate(SqlUnitOfWork(sf), "K1", CLOCK(), "kim", "0000")
        except AuthError:
            pass
    ctx = BackofficeContext(sf, store=StoreInfo(), clock=CLOCK, data_dir=tmp, own_register="K1",
                            own_devices={"printer": "dummy", "terminal": "simulator",
                                         "scanner": "wedge", "display": "window"},
                            other_devices={"K2": {"printer": "tcp://127.0.0.1:9",
                                                  "terminal": "simulator",
                                                  "scanner": "serial:///dev/ttyUSB0",
                                                  "display": "window"}})
    w = BackofficeWindow(ctx)
    w.resize(width, height)
    w.show()
    shots: list[str] = []

    def settle() -> None:
        for _ in range(200):
            app.processEvents()
            if w.lanes.idle():
                break
            QTest.qWait(10)
        QTest.qWait(50)
        app.processEvents()

    def grab(name: str) -> None:
        settle()
        path = out / f"{name}_{width}x{height}_{language}.png"
        w.grab().save(str(path))
        shots.append(str(path))

    settle()
    w.login_page.select("maja")
    grab("0_login")
    for d in "9999":
        w.login_page.pad._press(d)
    w.login_page.pad.submit()
    settle()
    for i, name in enumerate(("1_oversikt", "2_rapporter", "3_personal", "4_synk", "5_journal",
                                 "6_enheter", "7_kampanjer")):
        w.show_page(i)
        settle()
        if name == "2_rapporter":
            w.current_page().history.view.selectRow(0)
        if name == "4_synk":
            page = w.current_page()
            page.table.select_where(lambda r: r.status == "dead")
        if name == "7_kampanjer":
            w.current_page().article.setText("T-shirt")
            w.current_page().look_up()
        if name == "6_enheter":
            w.current_page().check()
        if name == "5_journal":
            w.current_page().table.view.selectRow(2)
            w.current_page().verify()
        grab(name)
        if name == "2_rapporter":
            page = w.current_page()
            page.first.setDate(page.first.date().fromString("2026-11-30", "yyyy-MM-dd"))
            page.show_vat()
            grab("2b_moms")
            page.tabs.setCurrentWidget(page.receipts)
            page.receipts.code.setText("K1 2")
            page.receipts.find()
            grab("2c_kvittokopia")
            page.tabs.setCurrentIndex(0)
        if name == "3_personal":
            from decimal import Decimal

            from ui.backoffice.discount_limit_dialog import DiscountLimitDialog
            from ui.backoffice.staff_page import NewStaffDialog, PinDialog
            limit = DiscountLimitDialog("Den största rabatt Kim Kassör får ge på en rad eller "
                                        "ett köp utan en chefs PIN.", Decimal("7.5"),
                                        "butikens gräns (10 %)", w)
            for dialog, dname in ((PinDialog("Kim Kassör", w), "3b_ny_pin"),
                                  (NewStaffDialog(w), "3c_ny_anstalld"),
                                  (limit, "3d_rabattgrans")):
                dialog.show()
                if dname == "3b_ny_pin":
                    dialog.first.setText("1234")
                    dialog.second.setText("1243")
                    dialog.try_accept()
                settle()
                path = out / f"{dname}_{width}x{height}_{language}.png"
                dialog.grab().save(str(path))
                shots.append(str(path))
                dialog.close()
    w.close()
    return shots


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--out", default="/tmp/shots11-bo")
    p.add_argument("--language", default="sv")
    p.add_argument("--size", default="")
    args = p.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.size:
        w, h = (int(x) for x in args.size.split("x"))
        print("\n".join(shoot(w, h, out, args.language)))
        return 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for w, h in SIZES:
        subprocess.run([sys.executable, "-m", "tests.backoffice.shots", "--out", str(out),
                        "--language", args.language, "--size", f"{w}x{h}"], check=True,
                       cwd=ROOT, env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
