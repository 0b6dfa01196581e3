"""The back office's pages photographed in Swedish at 1024x768, 1366x768 and 1920x1080 on a demo
database with a day of sales on two registers, X and Z reports, staff and the outbox.

    QT_QPA_PLATFORM=offscreen python -m tests.backoffice.shots [--out /tmp/shots11-bo]

Prints the paths of the images. Each size runs in its own process (the style is sized once).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.backoffice.shot_window import ShotWindow, shot_main

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
    from pos.receipt_layout import StoreInfo
    from tests.backoffice.day import CLOCK, fail_one_message
    from ui.backoffice.context import BackofficeContext

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
    shots = ShotWindow(lambda: BackofficeContext(
        sf, store=StoreInfo(), clock=CLOCK, data_dir=tmp, own_register="K1",
        own_devices={"printer": "dummy", "terminal": "simulator", "scanner": "wedge",
                     "display": "window"},
        other_devices={"K2": {"printer": "tcp://127.0.0.1:9", "terminal": "simulator",
                              "scanner": "serial:///dev/ttyUSB0", "display": "window"}}),
        width, height, out, language, log_in=False, settle_rounds=200, settle_ms=50)
    w, settle, grab = shots.window, shots.settle, shots.grab

    w.login_page.select("maja")
    grab("0_login")
    shots.log_in()
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
        if name == "5_journal":  # a till's day: sales, a return, reports, as a manager reads them
            page = w.current_page()
            page.register_choice.setCurrentIndex(page.register_choice.findData("K2"))
            settle()
            page.table.view.selectRow(1)
            grab("5b_journal_k2")
            page.register_choice.setCurrentIndex(0)
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
                grab(dname, dialog)
                dialog.close()
    return shots.close()


if __name__ == "__main__":
    sys.exit(shot_main("tests.backoffice.shots", shoot, "/tmp/shots11-bo", SIZES))
