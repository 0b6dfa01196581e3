"""Scanning and typing at the till as a cashier does: a real scanner's key events (Shift around
capitals), numbers typed before a scan, text typed that is not a code, malformed codes, weighed
articles and UPC-E."""
from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.conftest import log_in, wait_idle
from tests.ui.test_wedge import SE_SHIFTED, US_SHIFTED, scanner_keys
from ui.widgets.style import unbroken
from ui.widgets.wedge import WedgeFilter


@pytest.fixture
def wedge(qapp, window):
    f = WedgeFilter(max_interval_ms=250, min_length=6).install(qapp)
    f.scanned.connect(window.sale_page.scanned)
    yield f
    f.uninstall(qapp)


def test_a_loyalty_card_scanned_with_shift_presses_puts_its_customer_on_the_sale(
        qtbot, window, till, wedge):
    """Item 8: "CUST-10000001" from a real scanner (Shift before C, U, S, T) used to arrive as
    "T-10000001" with "CUS" left in the field."""
    from tests.services.fakes import ANNA, Customers
    till.customers = Customers(ANNA, cards={"10000001": ANNA})
    log_in(qtbot, window)
    page = window.sale_page
    page.scan_input.setFocus()
    scanner_keys(page.scan_input, "CUST-10000001", US_SHIFTED)
    qtbot.waitUntil(lambda: page.customer_label.text() == "Customer: Anna Svensson",
                    timeout=10000)
    assert page.scan_input.text() == ""
    scanner_keys(page.table, "R-K1-000042", SE_SHIFTED)  # whatever has the focus
    # a receipt's code opens the returns dialog on it (this till never sold receipt 42)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.objectName() == "returnDialog"
                    and "R-K1-000042" in page.dialog.banner.text(), timeout=10000)
    assert page.scan_input.text() == ""
    wait_idle(qtbot, window)
    page.dialog.reject()


def demo(till, sku):
    return till.lookup(sku)


def test_a_number_on_the_numpad_then_a_scan_is_the_quantity(qtbot, window, till, wedge):
    """Item 10: "3" then a scan adds 3 of the article scanned."""
    from tests.ui.conftest import demo_articles
    log_in(qtbot, window)
    page = window.sale_page
    coffee = demo_articles(till)[0]
    qtbot.mouseClick(page.numpad.buttons["3"], Qt.MouseButton.LeftButton)
    assert page.scan_input.text() == "3"
    scanner_keys(page.scan_input, coffee.ean, US_SHIFTED)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    assert page.model.line_at(0).line.quantity == 3
    assert page.scan_input.text() == ""
    assert page.count_label.text() == "3 items"
    type_in(page, "2*" + coffee.ean)  # typed with its quantity: 2 more
    qtbot.waitUntil(lambda: page.model.line_at(0).line.quantity == 5, timeout=10000)
    wait_idle(qtbot, window)


def type_in(page, text):
    """Typed by a person (the text set at once: typed at QTest's speed, a wedge filter would
    take it for a scan), then Enter."""
    page.scan_input.setFocus()
    page.scan_input.setText(text)
    QTest.keyClick(page.scan_input, Qt.Key.Key_Return)


def test_weighed_articles_on_the_screen(qtbot, window, till, wedge):
    """Item 9: a scale's weight label, and a weight typed on the numpad before the article's own
    barcode: the weight with three decimals, the price per kg, the amount rounded half up."""
    from ui.models.cart_model import ARTICLE, PRICE, QTY, TOTAL
    log_in(qtbot, window)
    page = window.sale_page
    scanner_keys(page.scan_input, "2300010105121", US_SHIFTED)  # 0,512 kg of PLU 101
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    wait_idle(qtbot, window)
    row = [page.model.index(0, c).data() for c in (ARTICLE, QTY, PRICE, TOTAL)]
    assert row == ["Lösgodis Plock & mix\n0,512 kg à 89,90 kr/kg", "0,512", "89,90/kg", "46,03"]
    assert page.message.text() == unbroken("Lösgodis Plock & mix  0,512 kg à 89,90 kr/kg: 46,03 kr")
    assert page.count_label.text() == "1 item"
    for key in ("0", ",", "1", "5", "0"):
        qtbot.mouseClick(page.numpad.buttons[key], Qt.MouseButton.LeftButton)
    scanner_keys(page.scan_input, till.lookup("LOS-GOD").ean, US_SHIFTED)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    wait_idle(qtbot, window)
    assert [page.model.index(1, c).data() for c in (QTY, TOTAL)] == ["0,150", "13,49"]
    assert page.total_label.text() == "59,52 kr"
    scanner_keys(page.scan_input, till.lookup("LOS-GOD").ean, US_SHIFTED)  # no weight typed
    qtbot.waitUntil(lambda: "sold by weight" in page.message.text(), timeout=10000)
    assert page.model.rowCount() == 2
    screenshot(qtbot, window, "weighed")


def screenshot(qtbot, window, name):
    """Look at the screen: OMNIPOS_SCREENSHOTS=/tmp/dir pytest ... saves it at 1024x768 and
    1920x1080."""
    shots = os.environ.get("OMNIPOS_SCREENSHOTS")
    if not shots:
        return
    size = window.size()
    for w, h in ((1024, 768), (1920, 1080)):
        window.setMinimumSize(0, 0)
        window.setMaximumSize(16777215, 16777215)
        window.resize(w, h)
        qtbot.wait(50)
        window.grab().save(os.path.join(shots, f"{name}-{w}x{h}.png"))
    window.resize(size)


def test_text_typed_in_the_scan_field_searches_names_without_diacritics(qtbot, window, till):
    """Item 10: "troja" is no code: the names are searched, and Tröja is found; the first Down
    selects the first result, Enter adds it."""
    log_in(qtbot, window)
    page = window.sale_page
    type_in(page, "troja")
    qtbot.waitUntil(lambda: page.search_results.isVisible() and page.search_results.count() > 1,
                    timeout=10000)
    assert all("tröja" in page.search_results.item(i).text().lower()
               for i in range(page.search_results.count()))
    assert page.search_input.text() == "troja"
    first = page.search_results.item(0).data(Qt.ItemDataRole.UserRole)
    QTest.keyClick(page.focusWidget(), Qt.Key.Key_Down)
    screenshot(qtbot, window, "typed-troja")
    assert page.search_results.hasFocus()
    assert page.search_results.currentRow() == 0
    assert page.search_results.item(0).isSelected()
    QTest.keyClick(page.search_results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    assert page.model.line_at(0).line.variant.id == first
    wait_idle(qtbot, window)


def test_a_word_that_is_no_article_number_searches_names_and_says_so(qtbot, window, till):
    log_in(qtbot, window)
    page = window.sale_page
    type_in(page, "skjorta")  # could be an article number: it is tried as one first
    qtbot.waitUntil(lambda: page.search_results.isVisible() and page.search_results.count() > 1,
                    timeout=10000)
    assert page.message.text() == ("'skjorta' is no article's code: the articles whose names "
                                   "match it are listed (Down, Enter).")
    assert page.message.property("level") == "info"
    type_in(page, "3*flanell")  # a quantity, then words: 3 of the article chosen
    qtbot.waitUntil(lambda: page.search_results.isVisible()
                    and "Flanell" in page.search_results.item(0).text(), timeout=10000)
    QTest.keyClick(page.search_input, Qt.Key.Key_Down)
    QTest.keyClick(page.search_results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    assert page.model.line_at(0).line.quantity == 3
    wait_idle(qtbot, window)


def test_the_first_down_selects_the_first_result_even_before_the_results_come(qtbot, window,
                                                                              till):
    log_in(qtbot, window)
    page = window.sale_page
    QTest.keyClick(page.scan_input, Qt.Key.Key_F2)
    QTest.keyClicks(page.search_input, "kaff")
    QTest.keyClick(page.search_input, Qt.Key.Key_Down)  # at once: the results are not there yet
    qtbot.waitUntil(lambda: page.search_results.hasFocus(), timeout=10000)
    assert page.search_results.currentRow() == 0 and page.search_results.item(0).isSelected()
    assert "kaff" in page.search_results.item(0).text().lower()
    QTest.keyClick(page.search_results, Qt.Key.Key_Down)
    assert page.search_results.currentRow() == 1
    wait_idle(qtbot, window)


@pytest.mark.parametrize("code, english, swedish", [
    ("12345678901234567", "it has 17 digits", "den har 17 siffror"),
    ("]E0", "the scan was empty", "skanningen var tom"),
    ("abc#$%", "'#', '$', '%' cannot be in an article code", "'#', '$', '%' kan inte ingå"),
    ("1234567", "no article has it as its article number or short number",
     "ingen vara har det som artikelnummer eller kortnummer"),
    ("7350000009996", "No article with code 7350000009996 in the catalogue",
     "Ingen vara med koden 7350000009996 i sortimentet"),
])
def test_a_malformed_scan_is_answered_like_an_unknown_article(qtbot, qapp, window, code, english,
                                                             swedish):
    """Item 11: every scan path ends in the same kind of message, in the cashier's language:
    "No article with code ...", and what is wrong."""
    from ui.i18n import install_translators
    log_in(qtbot, window)
    page = window.sale_page
    page.scanned(code)
    qtbot.waitUntil(lambda: english in page.message.text(), timeout=10000)
    assert page.message.property("level") == "error"
    assert page.message.text().startswith("No article")
    install_translators(qapp, "sv")
    try:
        page.show_message("", "info")
        page.scanned(code)
        qtbot.waitUntil(lambda: swedish in page.message.text(), timeout=10000)
        assert page.message.text().startswith("Ingen vara")
    finally:
        install_translators(qapp, "en")
    wait_idle(qtbot, window)


def test_a_weight_typed_then_enter_waits_for_its_article(qtbot, window, till):
    log_in(qtbot, window)
    page = window.sale_page
    type_in(page, "0,512")
    assert page.message.text() == "0,512 kg: now scan the article, or find it (F2)"
    assert page.scan_input.text() == "0,512"
    page.scanned(till.lookup("LOS-GOD").ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    assert page.model.line_at(0).total == 4603 and page.scan_input.text() == ""
    wait_idle(qtbot, window)
