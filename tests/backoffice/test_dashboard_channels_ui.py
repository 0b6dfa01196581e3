"""The dashboard's new parts on screen (pytest-qt, offscreen, SQLite): sales per channel as bars
and a table whose figures are the query's, the web order handed over without a sale, the Not
sales tile and the Product interest tile (its empty state, then figures), in English and in
Swedish."""
from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from pos.db.engine import make_engine
from pos.db.migrate import upgrade
from pos.db.session import session_factory
from pos.db.unit_of_work import SqlUnitOfWork
from pos.money import format_kronor
from pos.queries.dashboard import dashboard
from tests.backoffice.conftest import idle, log_in
from tests.backoffice.test_dashboard_channels import DAY, a_day_of_channels
from ui.backoffice.dashboard_page import DashboardPage


@pytest.fixture
def channels_window(qtbot, qapp, tmp_path, bo_english):
    from pos.receipt_layout import StoreInfo
    from ui.backoffice.context import BackofficeContext
    from ui.backoffice.window import BackofficeWindow

    engine = make_engine(f"sqlite:///{(tmp_path / 'pos.sqlite3').as_posix()}")
    upgrade(engine)
    sf = session_factory(engine)
    a_day_of_channels(sf)
    ctx = BackofficeContext(sf, store=StoreInfo(), data_dir=tmp_path,
                            clock=lambda: datetime(DAY.year, DAY.month, DAY.day, 18, 0))
    w = BackofficeWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    idle(qtbot, w)
    yield w, sf
    idle(qtbot, w)
    w.close()
    engine.dispose()


def cells(table) -> list[list[str]]:
    m = table.view.model()
    return [[m.index(r, c).data(Qt.ItemDataRole.DisplayRole) for c in range(m.columnCount())]
            for r in range(m.rowCount())]


def test_the_channels_not_sales_and_interest_on_the_dashboard(qtbot, channels_window):
    w, sf = channels_window
    log_in(qtbot, w)
    page = w.current_page()
    assert isinstance(page, DashboardPage)
    idle(qtbot, w)
    d = dashboard(SqlUnitOfWork(sf), DAY)
    kr = lambda ore: format_kronor(ore, symbol=True)  # noqa: E731
    assert cells(page.channels.table) == [
        ["This store's tills", "3", "", kr(51780)],
        ["Web orders collected here", "1", "", kr(49417)],
        ["Web orders returned here", "1", kr(17933), kr(-17933)],
        ["Ship-to-home placed here", "1", "", kr(30800)],
        ["Web carts paid here", "1", "", kr(17970)]]
    assert page.channels.values == [c.net_sales for c in d.per_channel]
    assert sum(page.channels.values) == d.net_sales
    bars = page.channels.chart.chart().series()[0].barSets()[0]
    # the first channel on top: the bars run from the bottom up
    assert [round(bars.at(i) * 100) for i in range(bars.count())] == list(
        reversed(page.channels.values))
    assert page.channels.handed_over.text() == (
        "1 web order paid on the web handed over here (no sale here).")
    assert page.not_sales_tile.value.text() == kr(0)
    assert page.not_sales_tile.detail.text() == f"invoices {kr(0)}, gift cards {kr(0)}"
    assert page.interest_tile.detail.text() == "No interest recorded"
    assert cells(page.campaigns.table) == [] and page.campaigns.note.text() == (
        "No campaign ran on these days.")

    uow = SqlUnitOfWork(sf)
    with uow:
        for source in ("scan", "scan", "view"):
            uow.kiosk.count_interest(DAY, "store-gbg", "v_kaffe", source)
        uow.commit()
    page.activate()
    idle(qtbot, w)
    assert (page.interest_tile.value.text(), page.interest_tile.detail.text()) == (
        "3", "1 article")


def test_the_campaigns_effect_on_the_dashboard(qtbot, channels_window):
    from datetime import datetime as dt

    from pos.db.repositories import SyncStateRepository
    from pos.sync.promotion_sync import store_promotions
    from tests.backoffice.test_campaign_effect import HOST10
    from tests.backoffice.test_dashboard_figures import Clock, _till
    from tests.services.conftest import ARTICLES
    w, sf = channels_window
    with sf() as s, s.begin():
        store_promotions(SyncStateRepository(s), [HOST10])
    clock = Clock()
    clock.now = dt(DAY.year, DAY.month, DAY.day, 16, 10)
    k2 = _till(sf, "K2", clock)
    k2.open_shift(50000)
    k2.scan(ARTICLES[0].ean)  # 199,00 and 129,50 kr, 10 % off the sale
    k2.scan(ARTICLES[2].ean)
    k2.add_promo_code("HOST10")
    k2.pay_card()
    log_in(qtbot, w)
    page = w.current_page()
    page.activate()
    idle(qtbot, w)
    kr = lambda ore: format_kronor(ore, symbol=True)  # noqa: E731
    off = (19900 + 12950) // 10  # 32,85 kr
    assert cells(page.campaigns.table) == [
        ["HOST10", "1", "2", kr(off), kr(19900 + 12950 - off), "–"]]
    assert "not a measured effect" in page.campaigns.note.text()


def test_the_new_parts_speak_swedish(qtbot, channels_window, qapp):
    from ui.i18n import install_translators
    w, _sf = channels_window
    install_translators(qapp, "sv")
    from ui.backoffice.window import BackofficeWindow
    sv = BackofficeWindow(w.ctx)
    qtbot.addWidget(sv)
    sv.show()
    log_in(qtbot, sv)
    page = sv.current_page()
    page.activate()
    qtbot.waitUntil(lambda: page.figures is not None, timeout=10000)
    idle(qtbot, sv)
    assert [r[0] for r in cells(page.channels.table)] == [
        "Butikens kassor", "Webbordrar hämtade här", "Webbordrar returnerade här",
        "Hemleveranser beställda här", "Webbkorgar betalda här"]
    assert page.not_sales_tile.caption.text() == "Ej försäljning"
    assert page.interest_tile.detail.text() == "Inget intresse registrerat"
    assert page.channels.handed_over.text().startswith("1 webborder betald på webben")
    sv.close()
