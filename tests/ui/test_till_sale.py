"""A whole sale at the till, driven like a cashier: wedge scans, a refused code, split tender,
and the receipt the printer received."""
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.money import format_kronor
from tests.ui.conftest import demo_articles, log_in, wait_idle
from ui.widgets.wedge import WedgeFilter


def wedge_scan(widget, code: str) -> None:
    """What a keyboard-wedge scanner does: the code a few ms per key, then Enter."""
    for ch in code:
        QTest.keyClick(widget, ch, Qt.KeyboardModifier.NoModifier, 2)
    QTest.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, 2)


def test_full_sale_with_wedge_scans_bad_check_digit_and_split_tender(qtbot, qapp, window, till):
    from hardware.simulators.escpos_decode import decode_text

    # Keys arrive 2 ms apart; the burst limit is generous so that a loaded CI machine cannot split
    # a scan (the 30 ms limit itself is tested with an injected clock in test_wedge.py).
    wedge = WedgeFilter(max_interval_ms=250, min_length=6).install(qapp)
    wedge.scanned.connect(window.sale_page.scanned)
    try:
        log_in(qtbot, window)
        page = window.sale_page
        articles = demo_articles(till)
        page.scan_input.setFocus()

        wedge_scan(page.scan_input, articles[0].ean)
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
        assert page.scan_input.text() == ""  # the scan never landed in the field

        bad = articles[1].ean[:-1] + str((int(articles[1].ean[-1]) + 3) % 10)
        wedge_scan(page.table, bad)  # whatever has the focus: the cart table here
        qtbot.waitUntil(lambda: "check digit" in page.message.text(), timeout=10000)
        assert page.message.property("level") == "error"
        assert page.model.rowCount() == 1

        wedge_scan(page.scan_input, articles[1].ean)
        wedge_scan(page.scan_input, articles[2].ean)
        qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)
        total = sum(v.price for v in articles)
        assert page.total_label.text() == format_kronor(total, symbol=True)
        assert "VAT 25 %" in page.vat_label.text() and "VAT 6 %" in page.vat_label.text()

        QTest.keyClick(page.scan_input, Qt.Key.Key_F9)
        qtbot.waitUntil(lambda: page.payment_dialog is not None, timeout=10000)
        dlg = page.payment_dialog
        assert dlg.objectName() == "paymentDialog"
        assert dlg.amount.text() == format_kronor(total).replace(" ", "")

        dlg.amount.setText("100")
        qtbot.mouseClick(dlg.card_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dlg.tender_count == 1, timeout=10000)
        assert dlg.remaining_value.text() == format_kronor(total - 10000, symbol=True)
        assert "Card 100,00" in dlg.tenders.item(0).text()

        dlg.amount.setText("1000")
        qtbot.mouseClick(dlg.cash_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dlg.sale is not None, timeout=10000)
        sale = dlg.sale
        assert dlg.tender_count == 2
        assert dlg.change_label.text() == format_kronor(sale.change, symbol=True)
        assert sale.change == 100000 - (total - 10000 + sale.rounding)
        wait_idle(qtbot, window)
        qtbot.waitUntil(lambda: "printed" in dlg.receipt_label.text(), timeout=10000)

        text = decode_text(till.devices.printer.output)
        for v in articles:
            assert v.name[:16] in text
        assert format_kronor(total) in text

        QTest.keyClick(dlg, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.payment_dialog is None, timeout=5000)
        wait_idle(qtbot, window)
        assert page.model.rowCount() == 0
        assert str(sale.receipt_no) in page.message.text()
    finally:
        wedge.uninstall(qapp)


def test_search_as_you_type_and_enter_adds(qtbot, window, till):
    log_in(qtbot, window)
    page = window.sale_page
    QTest.keyClick(page.scan_input, Qt.Key.Key_F2)
    assert page.search_input.hasFocus() or page.search_input is page.focusWidget()
    qtbot.keyClicks(page.search_input, "kaff")
    qtbot.waitUntil(lambda: page.search_results.isVisible() and page.search_results.count() > 0,
                    timeout=5000)
    first = page.search_results.item(0).text()
    assert "Kaffe" in first or "kaffe" in first.lower()
    QTest.keyClick(page.search_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.search_input.text() == ""


def test_unknown_code_typed_by_hand_says_so(qtbot, window):
    log_in(qtbot, window)
    page = window.sale_page
    qtbot.keyClicks(page.scan_input, "NO-SUCH-SKU")
    QTest.keyClick(page.scan_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "NO-SUCH-SKU" in page.message.text(), timeout=5000)
    assert page.message.property("level") == "error"


def test_plus_minus_and_delete_change_the_selected_line(qtbot, window, till):
    log_in(qtbot, window)
    page = window.sale_page
    a = demo_articles(till)
    page.scanned(a[0].ean)
    page.scanned(a[1].ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    QTest.keyClick(page.scan_input, Qt.Key.Key_Up)
    assert page.selected_row() == 0
    QTest.keyClick(page.scan_input, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: page.model.line_at(0).line.quantity == 2, timeout=5000)
    QTest.keyClick(page.scan_input, Qt.Key.Key_Minus)
    qtbot.waitUntil(lambda: page.model.line_at(0).line.quantity == 1, timeout=5000)
    QTest.keyClick(page.scan_input, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.model.line_at(0).line.variant.id == a[1].id


def test_number_then_f3_sets_the_quantity_of_the_selected_line(qtbot, window, till):
    log_in(qtbot, window)
    page = window.sale_page
    page.scanned(demo_articles(till)[0].ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    qtbot.keyClicks(page.scan_input, "3")
    QTest.keyClick(page.scan_input, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: page.model.line_at(0).line.quantity == 3, timeout=5000)
    assert page.scan_input.text() == ""
    assert page.count_label.text() == "3 items"


def test_a_receipt_scanned_at_the_till_opens_the_returns_dialog_on_it(qtbot, window):
    log_in(qtbot, window)
    page = window.sale_page
    page.scanned("R-K1-000042")
    # this till never sold receipt 42, and no central store answers: refused, said in a banner
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.objectName() == "returnDialog"
                    and "R-K1-000042 was not sold here" in page.dialog.banner.text(),
                    timeout=5000)
    assert page.model.rowCount() == 0
    page.dialog.reject()


def test_a_repeated_scan_points_at_the_line_it_counted_up(qtbot, window, till):
    """Scanning an article already on the sale raises its line: that line is selected and named,
    not the newest one."""
    log_in(qtbot, window)
    page = window.sale_page
    coffee, book, _shirt = demo_articles(till)
    page.scanned(coffee.ean)
    page.scanned(book.ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    wait_idle(qtbot, window)
    page.scanned(coffee.ean)
    qtbot.waitUntil(lambda: page.model.line_at(0).line.quantity == 2, timeout=5000)
    wait_idle(qtbot, window)
    assert page.selected_row() == 0
    assert page.message.text().startswith(coffee.name)


def test_a_line_key_on_an_empty_sale_asks_for_an_article_not_a_line(qtbot, window, till):
    log_in(qtbot, window)
    page = window.sale_page
    QTest.keyClick(page.scan_input, Qt.Key.Key_F3)  # quantity
    assert page.message.text() == "The sale has no lines yet: scan an article first."
    assert page.dialog is None or not page.dialog.isVisible()
