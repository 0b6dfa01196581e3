"""The till's lanes: a central store that does not answer never holds up a scan, and every
change reaches every screen once, through one signal."""
import threading

from pos.commerce import CustomerRef
from tests.ui.conftest import demo_articles, log_in, wait_idle
from ui.lanes import SaleChanged, SaleCompleted
from ui.till import operations as op


class HungDirectory:
    """A central store whose customer search hangs until released."""

    def __init__(self):
        self.release = threading.Event()
        self.asked = threading.Event()

    def find_customers(self, query, limit=20):
        self.asked.set()
        self.release.wait(30)
        return [CustomerRef("cus_1", "a@example.se", "Anna", "Svensson", "+46701234567")]

    def customer_by_card(self, number):
        return None


def test_a_scan_is_answered_while_the_customer_search_hangs(qtbot, window, till):
    log_in(qtbot, window)
    directory = HungDirectory()
    till.customers = directory
    found = []
    op.find_customers(window.lanes, till, "anna", on_done=found.append)
    assert directory.asked.wait(5)
    window.sale_page.scanned(demo_articles(till)[0].ean)
    qtbot.waitUntil(lambda: window.sale_page.model.rowCount() == 1, timeout=5000)
    assert found == [] and not window.lanes.network.is_idle()  # still waiting
    directory.release.set()
    qtbot.waitUntil(lambda: len(found) == 1, timeout=5000)
    assert found[0][0].first_name == "Anna"
    wait_idle(qtbot, window)


def test_every_change_reaches_the_screens_once_through_one_signal(qtbot, window, till):
    log_in(qtbot, window)
    seen = []
    window.lanes.changed.connect(seen.append)
    coffee, book, _shirt = demo_articles(till)
    window.sale_page.scanned(coffee.ean)
    window.sale_page.scanned(book.ean)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert [type(c) for c in seen] == [SaleChanged, SaleChanged]
    assert [len(c.totals.lines) for c in seen] == [1, 2]
    assert seen[1].totals.total == coffee.price + book.price
    op.pay_cash(window.lanes, till, 100_000)
    qtbot.waitUntil(lambda: any(isinstance(c, SaleCompleted) for c in seen), timeout=5000)
    qtbot.waitUntil(lambda: window.sale_page.model.rowCount() == 0, timeout=5000)
    wait_idle(qtbot, window)
