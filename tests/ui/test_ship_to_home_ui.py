"""Stock everywhere and ship-to-home on the till's screen: Ctrl+I shows the selected line's (or
search result's) stock at every location, fresh or marked not fresh; Ctrl+D marks a line for
home delivery and asks for the address (a bad postcode refused in words, the customer's saved
address offered), the nearest location with stock proposed; the sale shows the delivery, and a
crash keeps it. Screenshots in Swedish at 1024x768 and 1920x1080 go to $POS_UI_SHOTS (or
/tmp/shots10-ship)."""
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.delivery import DeliveryAddress
from pos.ports import CommerceUnavailable
from pos.stock import StockLevel
from tests.ui.conftest import demo_articles, log_in, reactivate, wait_idle
from ui.models.cart_model import ARTICLE

SHOTS = Path(os.environ.get("POS_UI_SHOTS", "/tmp/shots10-ship"))


class Stock:
    """The central store's stock, as a test sets it."""

    def __init__(self, levels):
        self.levels = levels
        self.down = False

    def stock_of(self, sku):
        if self.down:
            raise CommerceUnavailable("connection refused")
        return [StockLevel(sku, loc, name, s, r) for loc, name, s, r in self.levels]


class Addresses:
    def addresses(self, customer_id):
        return [DeliveryAddress("Anna Svensson", "Storgatan 1", "11122", "Stockholm",
                                "+46701234567")]


LEVELS = [("store-gbg", "Butik Göteborg", 0, 0), ("store-sthlm", "Butik Stockholm", 2, 2),
          ("web-warehouse", "Webblager", 40, 3)]


def press(page, key, modifiers=Qt.KeyboardModifier.ControlModifier):
    QTest.keyClick(page.scan_input, key, modifiers)


def wait_dialog(qtbot, page, name):
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.objectName() == name
                    and page.dialog.isVisible(), timeout=5000)
    return page.dialog


def test_stock_everywhere_fresh_and_marked_not_fresh_when_the_central_store_is_down(
        qtbot, window, till):
    stock = Stock(LEVELS)
    till.stock_directory = stock
    log_in(qtbot, window)
    page = window.sale_page
    coffee = demo_articles(till)[0]
    page.scanned(coffee.ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)

    press(page, Qt.Key.Key_I)
    d = wait_dialog(qtbot, page, "stockDialog")
    qtbot.waitUntil(lambda: d.report is not None, timeout=5000)
    assert d.status.property("level") == "ok" and "Fresh from the central store" in d.status.text()
    rows = [[d.table.item(r, c).text() for c in range(4)] for r in range(d.table.rowCount())]
    assert rows == [["Butik Göteborg (this store)", "0", "0", "0"],
                    ["Butik Stockholm", "0", "2", "2"], ["Webblager", "37", "40", "3"]]

    stock.down = True  # the central store goes away: the last synced figures, marked
    d.refresh_button.click()
    qtbot.waitUntil(lambda: d.report is not None and not d.report.fresh, timeout=5000)
    assert d.status.property("level") == "error" and "NOT FRESH" in d.status.text()
    assert d.table.rowCount() == len(d.report.levels)
    d.reject()
    wait_idle(qtbot, window)


def test_a_line_sent_home_asks_for_the_address_and_proposes_the_nearest_with_stock(
        qtbot, window, till, make_ui_till):
    till.stock_directory = Stock(LEVELS)
    till.address_book = Addresses()
    log_in(qtbot, window)
    page = window.sale_page
    coffee, book, shirt = demo_articles(till)
    page.scanned(coffee.ean)
    page.scanned(shirt.ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    page.table.selectRow(1)

    press(page, Qt.Key.Key_D)  # Ctrl+D: the shirt is sent home; the address is asked for
    d = wait_dialog(qtbot, page, "deliveryDialog")
    d.reject()  # not now: paying asks for it again
    reactivate(qtbot, window)
    QTest.keyClick(page.scan_input, Qt.Key.Key_F9)
    d = wait_dialog(qtbot, page, "deliveryDialog")
    assert "need a delivery address" in page.message.text()
    assert page.payment_dialog is None
    qtbot.waitUntil(lambda: d.proposed is not None, timeout=5000)
    assert d.proposed == "web-warehouse"  # Stockholm, nearer, has none available
    assert d.location_id() == "web-warehouse"
    assert "Home delivery" in page.model.index(1, ARTICLE).data()
    assert "Home delivery" not in page.model.index(0, ARTICLE).data()
    assert d.profile.isEnabled() is False  # no customer on the sale: typed
    d.name.setText("Anna Svensson")
    d.street.setText("Storgatan 1")
    d.postcode.setText("01122")
    d.city.setText("Stockholm")
    d.ok_button.click()
    assert d.isVisible() and "not a Swedish postcode" in d.message.text()
    assert d.message.property("level") == "error"
    d.postcode.setText("11122")
    # Stockholm has none available: the central store would refuse the order after the
    # customer paid, so the delivery is not saved from there
    d._select_location("store-sthlm")
    d.ok_button.click()
    assert d.isVisible() and d.message.text().startswith("Butik Stockholm cannot send this")
    assert "Not enough in stock at Butik Stockholm" in d.location_note.text()
    d._select_location("web-warehouse")
    d.ok_button.click()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: "Storgatan 1" in page.delivery.button.full_text(), timeout=5000)
    assert page.delivery.button.isVisible()
    assert "111 22 Stockholm" in page.delivery.button.full_text()
    assert [lt.line.variant.sku for lt in page.totals.lines][-1] == "POS-FRAKT"

    again = make_ui_till()  # a crash: the till starts again on the same database
    choice = again.delivery_choice()
    assert choice.address.street == "Storgatan 1" and choice.location_id == "web-warehouse"
    assert [lt.line.deliver for lt in again.totals().lines] == [False, True, True]


@pytest.fixture
def swedish_window(qtbot, qapp, till):
    """The till's window built in Swedish (the translators installed before its widgets)."""
    from ui.i18n import install_translators
    from ui.till.main_window import MainWindow
    from ui.widgets.style import apply_style

    install_translators(qapp, "sv")
    apply_style(qapp)
    w = MainWindow(till)
    qtbot.addWidget(w)
    yield w
    wait_idle(qtbot, w)
    w.close()
    install_translators(qapp, "en")


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_screenshots_in_swedish(qtbot, swedish_window, till, size):
    window = swedish_window
    stock = till.stock_directory = Stock(LEVELS)
    till.address_book = Addresses()
    window.resize(*size)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    log_in(qtbot, window)
    page = window.sale_page
    coffee, book, shirt = demo_articles(till)
    anna = next(iter(till.find_customers("anna"))) if till.customers else None
    if anna is not None:
        till.set_customer(anna)
    for a in (coffee, shirt):
        page.scanned(a.ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    page.table.selectRow(1)
    SHOTS.mkdir(parents=True, exist_ok=True)
    tag = f"{size[0]}x{size[1]}"

    press(page, Qt.Key.Key_I)
    d = wait_dialog(qtbot, page, "stockDialog")
    qtbot.waitUntil(lambda: d.report is not None, timeout=5000)
    assert "Aktuellt från centralsystemet" in d.status.text()
    d.grab().save(str(SHOTS / f"{tag}_stock.png"))
    stock.down = True
    d.refresh_button.click()
    qtbot.waitUntil(lambda: not d.report.fresh, timeout=5000)
    assert "INTE AKTUELLT" in d.status.text()
    d.grab().save(str(SHOTS / f"{tag}_stock_not_fresh.png"))
    stock.down = False
    d.reject()
    reactivate(qtbot, window)

    press(page, Qt.Key.Key_D)
    d = wait_dialog(qtbot, page, "deliveryDialog")
    qtbot.waitUntil(lambda: d.proposed is not None, timeout=5000)
    d.name.setText("Anna Svensson")
    d.street.setText("Storgatan 1")
    d.postcode.setText("0112")
    d.city.setText("Stockholm")
    d.ok_button.click()
    assert "postnummer" in d.message.text()
    d.grab().save(str(SHOTS / f"{tag}_delivery_dialog.png"))
    for b in d.findChildren(type(d.ok_button)):
        if b.isVisible():
            assert b.height() >= 44, b.text()
    d.postcode.setText("111 22")
    d.ok_button.click()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: "Storgatan 1" in page.delivery.button.full_text(), timeout=5000)
    reactivate(qtbot, window)
    window.grab().save(str(SHOTS / f"{tag}_sale_with_delivery.png"))
    for name in ("stockButton", "deliverButton"):
        b = page.findChild(type(page.pay_button), name)
        assert b is not None and b.height() >= 44 and b.isVisible()
    assert page.delivery.button.height() >= 44


def test_the_stock_of_a_search_result_is_shown_before_it_is_sold(qtbot, window, till):
    till.stock_directory = Stock(LEVELS)
    log_in(qtbot, window)
    page = window.sale_page
    QTest.keyClick(page.scan_input, Qt.Key.Key_F2)
    for ch in "kaffe":
        QTest.keyClick(page.search_input, ch)
    qtbot.waitUntil(lambda: page.search_results.isVisible() and page.search_results.count() > 1,
                    timeout=10000)
    QTest.keyClick(page.search_input, Qt.Key.Key_Down)
    QTest.keyClick(page.search_results, Qt.Key.Key_Down)
    wanted = page.search_results.currentItem().text().split("    ")[0]
    QTest.keyClick(page.search_results, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    d = wait_dialog(qtbot, page, "stockDialog")
    qtbot.waitUntil(lambda: d.report is not None, timeout=5000)
    assert d.heading.text() == wanted and d.report.name == wanted
    assert page.model.rowCount() == 0  # looked at, not sold
    d.reject()
