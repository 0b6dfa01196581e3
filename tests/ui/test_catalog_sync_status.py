"""The catalogue sync in the status bar: runs on its own worker while the till sells, shows its
progress, says when it finished or that it failed (no dialog for the cashier), starts again on a
click, and new promotions reach the till between customers.

The sync here is the real ``pos.sync.catalog_refresh.refresh`` on the till's own database,
against a generated central store that can be held mid-sync or be down."""
import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.db.unit_of_work import SqlUnitOfWork
from pos.demo.catalog import demo_stock, demo_variants
from pos.ports import CommerceUnavailable
from pos.promotions import ApplicationMethod, Promotion
from pos.stock import StockLevel
from pos.sync.catalog_refresh import refresh
from tests.sync.test_catalog_sync import Clock, GeneratedStore
from tests.ui.conftest import demo_articles, log_in, wait_idle


class CentralStore(GeneratedStore):
    """The demo catalogue (as the till's) and one promotion; ``hold`` stops it mid-catalogue,
    ``down`` fails."""

    def __init__(self):
        super().__init__(0, Clock())
        for v in demo_variants():
            self.variants[v.id] = v
            self.changed[v.id] = self.clock() - timedelta(days=1)
        self.hold = threading.Event()
        self.hold.set()
        self.down = False
        self.promotion_value = 10

    def iter_variants(self, updated_since=None, page_size=200):
        if self.down:
            raise CommerceUnavailable("connection refused")
        for i, page in enumerate(super().iter_variants(updated_since, page_size)):
            if i == 2:
                self.hold.wait(10)
            yield page

    def stock_levels(self, skus):
        sku_of = {v.id: v.sku for v in demo_variants()}
        wanted = set(skus)
        return [StockLevel(sku_of[lv.variant_id], lv.location_id, lv.location_name, lv.stocked,
                           lv.reserved) for lv in demo_stock() if sku_of[lv.variant_id] in wanted]

    def promotions(self):
        return [Promotion(id="promo_all", code="ALLA", is_automatic=True,
                          application_method=ApplicationMethod(
                              type="percentage", target_type="order",
                              value=Decimal(self.promotion_value), allocation="across",
                              currency_code="sek"))]

    def promotion_context(self):
        return {}


@pytest.fixture
def central():
    return CentralStore()


@pytest.fixture
def synced_window(qtbot, qapp, till, english, central):
    from ui.till.main_window import MainWindow
    from ui.widgets.style import apply_style

    apply_style(qapp)
    sf = till.session_factory
    w = MainWindow(till, refresh=lambda progress: refresh(SqlUnitOfWork(sf), central, on_progress=progress,
                                                           commit_every=500),
                   sync_interval_minutes=0)
    w.catalog_sync.first_sync.stop()  # the tests start it themselves
    qtbot.addWidget(w)
    w.show()
    yield w
    wait_idle(qtbot, w)
    qtbot.waitUntil(lambda: not w.catalog_sync.running, timeout=15000)
    w.close()


def test_the_sync_runs_beside_the_till_with_progress_and_a_finish_time(qtbot, synced_window,
                                                                      central, till):
    w, status = synced_window, synced_window.catalog_sync
    log_in(qtbot, w)
    central.hold.clear()  # the central store stops answering after two pages
    status.start()
    qtbot.waitUntil(lambda: status.bar.isVisible() and status.bar.value() >= 1_000, timeout=10000)
    assert status.bar.maximum() == len(demo_variants())
    assert "of" in status.button.text() and status.running
    # the cashier sells meanwhile: the till's worker is not the sync's
    coffee = demo_articles(till)[0]
    w.sale_page.scanned(coffee.ean)
    qtbot.waitUntil(lambda: w.sale_page.model.rowCount() == 1, timeout=5000)
    central.hold.set()
    qtbot.waitUntil(lambda: not status.running, timeout=15000)
    assert not status.bar.isVisible()
    assert status.button.text().startswith("Catalogue: synced ")
    assert status.last_report.catalog.variants == len(demo_variants())
    assert status.last_report.catalog.deactivated == 0
    assert f"{len(demo_variants())} variants" in status.button.toolTip()
    assert "1 promotions" in status.button.toolTip()
    # a customer is at the till: the new promotion waits for the next one
    wait_idle(qtbot, w)
    assert w.sale_page.totals.promotion_discount == 0
    sale_total = till.totals().total
    till.pay_cash(sale_total + 10000)
    till.scan(coffee.ean)
    assert till.totals().promotions() == [("ALLA", coffee.price // 10)]


def test_new_promotions_are_taken_at_once_when_nobody_is_served(qtbot, synced_window, central,
                                                                till):
    w, status = synced_window, synced_window.catalog_sync
    status.start()
    qtbot.waitUntil(lambda: status.last_report is not None, timeout=15000)
    wait_idle(qtbot, w)
    till.login("kim", "1234")
    till.open_shift(0)
    till.scan(demo_articles(till)[0].ean)
    assert [code for code, _ in till.totals().promotions()] == ["ALLA"]


def test_a_failed_sync_says_so_quietly_and_a_click_tries_again(qtbot, synced_window, central):
    w, status = synced_window, synced_window.catalog_sync
    qtbot.waitUntil(lambda: not status.running, timeout=15000)
    central.down = True
    status.start()
    qtbot.waitUntil(lambda: "failed" in status.button.text(), timeout=10000)
    assert "cannot be reached" in status.button.toolTip() or "refused" in status.button.toolTip()
    assert not hasattr(w, "last_exception")  # no error dialog for the cashier
    central.down = False
    QTest.mouseClick(status.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "synced" in status.button.text(), timeout=15000)


def test_the_first_sync_starts_by_itself_soon_after_the_till(qtbot, qapp, till, central):
    from ui.till.main_window import MainWindow
    w = MainWindow(till, refresh=lambda progress: refresh(SqlUnitOfWork(till.session_factory), central, on_progress=progress),
                   sync_interval_minutes=0)
    qtbot.addWidget(w)
    assert w.catalog_sync.first_sync.isActive() and not w.catalog_sync.timer.isActive()
    qtbot.waitUntil(lambda: w.catalog_sync.last_report is not None, timeout=20000)
    w.close()


def test_without_a_central_store_there_is_no_sync_in_the_status_bar(window):
    assert window.catalog_sync is None
