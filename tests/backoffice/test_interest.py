"""Product interest next to what sold (``pos.queries.interest``) on both databases, and the back
office's Intresse page: the central store's shelf-QR counts asked on the network lane, the kiosks'
own counts and the day's sales of the tills; offline it shows the kiosks' figures and says so.

The day (``tests.backoffice.day``): T-shirt TSH-1 sold 5, one returned (4 net, 796,00 kr), the
book BOK-1 sold 7 (3 of them with 5 % off the basket: 388,50 - 19,43 = 369,07; 887,07 kr in
all), coffee KAF-1 sold 8 and asked about by nobody."""
from __future__ import annotations

import os
from datetime import date
from decimal import Decimal

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from pos.db.unit_of_work import SqlUnitOfWork  # noqa: E402
from pos.interest import CentralInterestCount  # noqa: E402
from pos.ports import CommerceUnavailable  # noqa: E402
from pos.queries.interest import interest_report  # noqa: E402
from pos.services.interest import central_counts  # noqa: E402

DAY = date(2026, 11, 30)
NEXT = date(2026, 12, 1)
CENTRAL = (
    CentralInterestCount("TSH-1", "store-gbg", DAY, "shelf_qr", 5),
    CentralInterestCount("TSH-1", "store-sthlm", DAY, "shelf_qr", 2),
    CentralInterestCount("BOK-1", "store-gbg", DAY, "shelf_qr", 4),
    CentralInterestCount("ZZZ-9", "", DAY, "shelf_qr", 1),  # an article this store does not have
    CentralInterestCount("TSH-1", "store-gbg", NEXT, "shelf_qr", 9),  # another day
)


class Central:
    """The central store's interest (``pos.ports.CentralInterest``), or down."""

    def __init__(self, down: bool = False) -> None:
        self.down, self.asked = down, []

    def interest_between(self, first, last, store=None):
        self.asked.append((first, last, store))
        if self.down:
            raise CommerceUnavailable("GET /admin/pos/product-interest: connection refused")
        return [c for c in CENTRAL if first <= c.day <= last]


class Store:
    def __init__(self, down: bool = False) -> None:
        self.interest = Central(down)


def kiosk_interest(sf) -> None:
    uow = SqlUnitOfWork(sf)
    with uow:
        for source, n in (("scan", 2), ("search", 1), ("view", 1), ("scan_qr", 1)):
            for _ in range(n):
                uow.kiosk.count_interest(DAY, "store-gbg", "v-tshirt", source)
        for _ in range(3):
            uow.kiosk.count_interest(DAY, "store-sthlm", "v-bok", "view")
        uow.kiosk.count_interest(NEXT, "store-gbg", "v-bok", "view")  # outside the day
        uow.commit()


@pytest.fixture
def interest_day(session_factory):
    from tests.backoffice.day import a_day_of_sales
    a_day_of_sales(session_factory)
    kiosk_interest(session_factory)
    return session_factory


def test_interest_next_to_what_sold_on_both_databases(interest_day):
    sf = interest_day
    central = central_counts(Central(), DAY, DAY)
    assert central.asked
    report = interest_report(SqlUnitOfWork(sf), DAY, DAY, central.counts)
    rows = {r.sku: r for r in report.rows}
    assert set(rows) == {"TSH-1", "BOK-1", "ZZZ-9"}  # coffee sold, but nobody asked
    t, b, z = rows["TSH-1"], rows["BOK-1"], rows["ZZZ-9"]
    assert t.counts == {"shelf_qr": 7, "scan_qr": 1, "scan": 2, "search": 1, "view": 1}
    assert (t.interest, t.sold_units, t.sold_total) == (12, 4, 79600)
    assert t.name == "T-shirt Bas blå M"
    assert t.conversion == Decimal("0.33")
    assert b.counts == {"shelf_qr": 4, "view": 3}
    assert (b.interest, b.sold_units, b.sold_total) == (7, 7, 88707)
    assert b.conversion == Decimal("1.00")
    assert (z.interest, z.sold_units, z.sold_total, z.name) == (1, 0, 0, "")
    assert [r.sku for r in report.rows] == ["TSH-1", "BOK-1", "ZZZ-9"]  # most interest first
    assert (report.total(), report.total("shelf_qr")) == (20, 12)
    assert (report.sold_units, report.sold_total) == (11, 168307)
    assert report.conversion == Decimal("0.55")
    assert report.stores == ("", "store-gbg", "store-sthlm")
    assert [a.sku for a in report.top(2)] == ["TSH-1", "BOK-1"]
    # one store: the interest counted there; sales stay this database's
    gbg = {r.sku: r for r in interest_report(SqlUnitOfWork(sf), DAY, DAY, central.counts,
                                             "store-gbg").rows}
    assert set(gbg) == {"TSH-1", "BOK-1"}
    assert (gbg["TSH-1"].interest, gbg["BOK-1"].interest) == (10, 4)
    # two days: the next day's interest has no sales
    two = interest_report(SqlUnitOfWork(sf), DAY, NEXT, central_counts(Central(), DAY, NEXT).counts)
    nxt = {r.sku: r for r in two.rows if r.day == NEXT}
    assert {k: (r.interest, r.sold_units) for k, r in nxt.items()} == {"TSH-1": (9, 0),
                                                                       "BOK-1": (1, 0)}
    per = {a.sku: a for a in two.per_article()}
    assert (per["TSH-1"].interest, per["TSH-1"].sold_units) == (21, 4)


def test_offline_the_kiosks_figures_alone_and_the_reason(interest_day):
    down = central_counts(Central(down=True), DAY, DAY)
    assert not down.asked and down.reason.startswith("unavailable")
    assert central_counts(None, DAY, DAY).reason == "no_central"
    report = interest_report(SqlUnitOfWork(interest_day), DAY, DAY, down.counts)
    assert not report.central_asked
    assert {r.sku: r.interest for r in report.rows} == {"TSH-1": 5, "BOK-1": 3}
    assert {r.sku: r.sold_units for r in report.rows} == {"TSH-1": 4, "BOK-1": 7}


# --- the page ----------------------------------------------------------------------------------


def window(qtbot, sf, tmp_path, central, size=(1366, 768)):
    from pos.receipt_layout import StoreInfo
    from tests.backoffice.conftest import idle, log_in
    from tests.backoffice.day import CLOCK
    from ui.backoffice.context import BackofficeContext
    from ui.backoffice.window import BackofficeWindow

    ctx = BackofficeContext(sf, store=StoreInfo(), clock=CLOCK, data_dir=tmp_path,
                            central=central)
    w = BackofficeWindow(ctx)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    idle(qtbot, w)
    log_in(qtbot, w)
    return w


def show_interest(qtbot, w):
    from tests.backoffice.conftest import idle
    from ui.backoffice.interest_page import InterestPage
    from ui.backoffice.window import page_factories
    at = page_factories().index(InterestPage)
    w.show_page(at)
    idle(qtbot, w)
    page = w.current_page()
    assert isinstance(page, InterestPage)
    page.set_range(DAY, DAY)
    idle(qtbot, w)
    qtbot.waitUntil(lambda: page.report is not None and page.report.first == DAY)
    idle(qtbot, w)
    return page


def table_rows(page):
    model = page.table.proxy
    cols = model.columnCount()
    return [[model.index(r, c).data() for c in range(cols)] for r in range(model.rowCount())]


def test_the_page_shows_central_and_kiosk_interest_next_to_sales(qtbot, day_db, bo_english,
                                                                tmp_path):
    import threading
    sf, _ = day_db
    kiosk_interest(sf)
    store = Store()
    threads = []

    def central():
        threads.append(threading.current_thread())
        return store
    w = window(qtbot, sf, tmp_path, central)
    page = show_interest(qtbot, w)
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert store.interest.asked[-1] == (DAY, DAY, None)
    rows = {r[1]: r for r in table_rows(page)}
    # Day, SKU, Article, Shelf QR, Kiosk QR, Scans, Searches, Views, Interest, Sold, Sold for,
    # Sold per interest
    assert rows["TSH-1"] == ["30/11", "TSH-1", "T-shirt Bas blå M", "7", "1", "2", "1", "1",
                             "12", "4", "796,00", "0,33"]
    assert rows["BOK-1"][3:] == ["4", "0", "0", "0", "3", "7", "7", "887,07", "1,00"]
    assert "Interest 20 (shelf QR 12, kiosk 8)" in page.summary.text()
    assert "1 683,07 kr" in page.summary.text().replace("\u00a0", " ")
    assert page.chart.names[-1] == "T-shirt Bas blå M"  # the top article at the top
    # sortable: by sold, largest first
    page.table.view.sortByColumn(9, __import__("PySide6.QtCore").QtCore.Qt.SortOrder.DescendingOrder)
    assert [r[1] for r in table_rows(page)][0] == "BOK-1"
    # filterable
    page.table.filter.setText("bok")
    assert [r[1] for r in table_rows(page)] == ["BOK-1"]
    page.table.filter.setText("")
    # one store
    from tests.backoffice.conftest import idle
    page.store.setCurrentIndex(page.store.findData("store-sthlm"))
    page.store.activated.emit(page.store.currentIndex())
    idle(qtbot, w)
    qtbot.waitUntil(lambda: {r[1] for r in table_rows(page)} == {"TSH-1", "BOK-1"})
    assert {r[1]: r[8] for r in table_rows(page)} == {"TSH-1": "2", "BOK-1": "3"}
    # per article over the period
    page.per_article.setChecked(True)
    assert len(table_rows(page)) == 2
    w.close()


def test_offline_the_page_says_only_the_kiosks_figures_are_shown(qtbot, day_db, bo_english,
                                                                 tmp_path):
    sf, _ = day_db
    kiosk_interest(sf)
    w = window(qtbot, sf, tmp_path, lambda: Store(down=True))
    page = show_interest(qtbot, w)
    assert "could not be reached" in page.central_note.text()
    assert page.central_note.property("level") == "error"
    rows = {r[1]: r for r in table_rows(page)}
    assert rows["TSH-1"][3] == "–" and rows["TSH-1"][8] == "5"
    assert rows["BOK-1"][8] == "3" and rows["BOK-1"][9] == "7"
    w.close()
