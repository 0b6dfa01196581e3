"""Promotions on the sale screen: the automatic winter sale under the line and in the totals, the
code dialog (refused code, added code, removed code) and a coupon scanned into the scan field."""
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.money import format_kronor
from ui.widgets.style import unbroken
from ui.models.cart_model import ARTICLE
from tests.ui.conftest import demo_articles, log_in, promoted_article, type_keys, wait_idle


def article_text(page, row):
    return page.model.index(row, ARTICLE).data()


def test_the_automatic_promotion_shows_under_the_line_and_in_the_totals(qtbot, window, till):
    log_in(qtbot, window)
    page = window.sale_page
    shirt = promoted_article(till)
    page.scanned(shirt.ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    off = shirt.price // 5
    assert article_text(page, 0) == f"{shirt.name}\nVINTER20 -{format_kronor(off)}"
    assert page.total_label.text() == format_kronor(shirt.price - off, symbol=True)
    assert page.promotions_label.text() == f"VINTER20: -{format_kronor(off)} kr"
    # a row with a promotion is tall enough for its second line
    assert page.table.rowHeight(0) > page.table.fontMetrics().lineSpacing() * 2


def test_codes_are_refused_added_and_removed_in_the_dialog(qtbot, window, till):
    log_in(qtbot, window)
    page = window.sale_page
    coffee = demo_articles(till)[0]
    page.scanned(coffee.ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)

    QTest.keyClick(page.scan_input, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: page.dialog is not None
                    and page.dialog.objectName() == "promoCodeDialog", timeout=5000)
    d = page.dialog
    assert d.codes.item(0).text() == "No codes yet" and not d.remove_button.isEnabled()

    type_keys(d.field, "gratis")
    QTest.keyClick(d.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "no promotion code GRATIS" in d.error.text(), timeout=5000)
    assert d.error.property("level") == "error" and d.isVisible()
    assert page.totals.total == coffee.price

    d.field.clear()
    type_keys(d.field, "host10")
    QTest.keyClick(d.field, Qt.Key.Key_Return)
    off = coffee.price // 10
    qtbot.waitUntil(lambda: page.totals.total == coffee.price - off, timeout=5000)
    assert d.codes.item(0).text() == unbroken(f"HOST10   -{format_kronor(off)} kr")
    assert d.field.text() == "" and d.error.property("level") == "ok"
    assert "HOST10" in page.promotions_label.text()

    d.field.setText("HOST10")  # again: refused, said why
    d.submit()
    qtbot.waitUntil(lambda: "already on this sale" in d.error.text(), timeout=5000)

    d.codes.setCurrentRow(0)
    qtbot.mouseClick(d.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.totals.total == coffee.price, timeout=5000)
    assert d.codes.item(0).text() == "No codes yet"
    d.reject()
    qtbot.waitUntil(lambda: not shiboken6.isValid(d) or not d.isVisible(), timeout=5000)
    assert page.promotions_label.text() == ""


def test_a_code_that_gives_nothing_yet_is_kept_and_shown(qtbot, window, till):
    log_in(qtbot, window)
    page = window.sale_page
    page.scan_input.setText("host10")
    page.promo_code()  # typed first, then F11: taken at once
    qtbot.waitUntil(lambda: page.totals is not None and page.totals.codes == ("HOST10",),
                    timeout=5000)
    wait_idle(qtbot, window)
    assert "nothing on these articles yet" in page.promotions_label.text()
    page.dialog.reject()


def test_a_scanned_coupon_adds_its_code(qtbot, window, till):
    log_in(qtbot, window)
    page = window.sale_page
    coffee = demo_articles(till)[0]
    page.scanned(coffee.ean)
    page.scanned("HOST10")  # a coupon's barcode, or the code typed into the scan field
    qtbot.waitUntil(lambda: page.totals is not None and page.totals.codes == ("HOST10",),
                    timeout=5000)
    assert page.totals.total == coffee.price - coffee.price // 10
    assert page.message.text() == unbroken(f"Code HOST10: -{format_kronor(coffee.price // 10)} kr.")
    page.scanned("NOSUCHCODE")
    qtbot.waitUntil(lambda: "NOSUCHCODE" in page.message.text(), timeout=5000)
    assert page.message.property("level") == "error"


def test_the_customer_is_found_chosen_shown_and_taken_off(qtbot, window, till):
    from tests.services.fakes import ANNA, ERIK, Customers
    store = Customers(ANNA, ERIK)
    till.customers = store
    log_in(qtbot, window)
    page = window.sale_page
    page.scanned(demo_articles(till)[0].ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)

    QTest.keyClick(page.scan_input, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.dialog is not None
                    and page.dialog.objectName() == "customerDialog", timeout=5000)
    d = page.dialog
    store.down = True
    type_keys(d.field, "anna")
    QTest.keyClick(d.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "cannot be reached" in d.message.text(), timeout=5000)
    assert d.message.property("level") == "error" and d.isVisible()

    store.down = False
    d.field.setText("070-123 45 67")
    d.search()
    qtbot.waitUntil(lambda: d.results.count() == 1, timeout=5000)
    assert "Anna Svensson" in d.results.item(0).text()
    QTest.keyClick(d.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.customer_label.text() == "Customer: Anna Svensson",
                    timeout=5000)
    assert till.cart.customer == ANNA

    page.customer()
    d = page.dialog
    assert "Anna Svensson" in d.message.text() and d.none_button.isEnabled()
    qtbot.mouseClick(d.none_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.customer_label.text() == "", timeout=5000)
    assert till.cart.customer is None


def test_a_scanned_customer_card_shows_its_customer(qtbot, window, till):
    from tests.services.fakes import ANNA, Customers
    store = Customers(ANNA, cards={"10000001": ANNA})
    till.customers = store
    log_in(qtbot, window)
    page = window.sale_page
    page.scanned(demo_articles(till)[0].ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    page.scanned("CUST-10000009")
    qtbot.waitUntil(lambda: "No customer has card 10000009" in page.message.text(), timeout=5000)
    assert page.message.property("level") == "error" and page.customer_label.text() == ""
    page.scanned("CUST-10000001")
    qtbot.waitUntil(lambda: page.customer_label.text() == "Customer: Anna Svensson",
                    timeout=5000)
    assert page.model.rowCount() == 1 and till.cart.customer == ANNA
    assert page.message.text() == "Customer: Anna Svensson"  # not the last article again
    page.show_message("", "ok")
    page.scanned("CUST-10000001")  # her card again: said again, nothing else changes
    qtbot.waitUntil(lambda: page.message.text() == "Customer: Anna Svensson", timeout=5000)
    assert page.model.rowCount() == 1
