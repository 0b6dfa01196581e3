"""The Campaigns page (pytest-qt, offscreen): the synced promotions by status, and an article's
price at the till now (Ctrl+7, Ctrl+F, Enter)."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.db.unit_of_work import SqlUnitOfWork
from pos.demo.promotions import demo_promotions
from pos.sync.promotion_sync import store_promotions
from tests.backoffice.conftest import idle, log_in
from tests.backoffice.day import TSHIRT


def test_campaigns_and_a_price_at_the_till(qtbot, bo_window, day_db):
    sf, _ = day_db
    host, winter = demo_promotions()
    auto = replace(host, id="promo_auto", code="AUTO10", is_automatic=True)  # 10 % off orders
    later = replace(winter, id="promo_later", code="LATER", starts_at=datetime(2099, 1, 1),
                    ends_at=datetime(2099, 2, 1))
    uow = SqlUnitOfWork(sf)
    with uow:
        store_promotions(uow.sync_state, [host, winter, auto, later])
        uow.commit()
    w = bo_window
    log_in(qtbot, w)
    QTest.keyClick(w, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    page = w.current_page()
    assert page.title() == "Campaigns"
    status = {p.code: page.status[p.id] for p in page.table.shown_rows()}
    assert status == {"HOST10": "Running", "VINTER20": "Running", "AUTO10": "Running",
                      "LATER": "Upcoming"}
    QTest.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(page.article, TSHIRT)
    QTest.keyClick(page.article, Qt.Key.Key_Return)
    idle(qtbot, w)
    [row] = page.prices.shown_rows()
    assert (row.sku, row.price, row.at_till, row.promotions) == ("TSH-1", 19900, 17910,
                                                                  ("AUTO10",))
    assert page.prices.proxy.index(0, 3).data().replace("\xa0", " ") == "179,10"
