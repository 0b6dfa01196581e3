"""The preview printer's paper covers nothing the cashier needs: beside the till when the screen
has room for both, else a panel inside the till's window (under every dialog, so never over the
change the payment dialog shows) that closes when the next sale begins."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect

from tests.ui.conftest import demo_articles, log_in, wait_idle


def preview_till(qtbot, make_ui_till, area: QRect):
    from ui.till.main_window import MainWindow
    from ui.widgets.style import apply_style
    from PySide6.QtWidgets import QApplication

    till = make_ui_till(printer="preview")
    apply_style(QApplication.instance(), MainWindow.till_area(area, 42).size())
    window = MainWindow(till)
    qtbot.addWidget(window)
    window.show_on(area)
    return till, window


def sell_for_cash(qtbot, window, till):
    """A sale paid in cash, its change on the screen; returns the payment dialog (still open)."""
    page = window.sale_page
    page.scanned(demo_articles(till)[0].ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.pay()
    qtbot.waitUntil(lambda: page.payment_dialog is not None, timeout=5000)
    pay = page.payment_dialog
    pay.amount.setText("1000")
    pay.pay_cash()
    qtbot.waitUntil(lambda: pay.sale is not None, timeout=10000)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.preview_window.view.document is not None, timeout=5000)
    return pay


def global_rect(widget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def test_on_a_narrow_screen_the_paper_is_a_panel_that_goes_with_the_next_sale(
        qtbot, make_ui_till, english):
    till, window = preview_till(qtbot, make_ui_till, QRect(0, 0, 1024, 768))
    try:
        log_in(qtbot, window)
        page = window.sale_page
        pay = sell_for_cash(qtbot, window, till)
        paper = window.preview_window
        assert paper.isVisible()
        # part of the till's window: the payment dialog, a window of its own, is above it
        assert not paper.isWindow() and paper.window() is window
        assert pay.isWindow() and pay.isVisible() and pay.change_label.isVisible()
        # over the (now empty) cart's lines only: the total, the keys and the message line show
        inside = QRect(paper.mapTo(window, QPoint(0, 0)), paper.size())
        for needed in (page.total_label, page.pay_button, page.message, page.scan_input,
                       page.numpad, *page.buttons.values()):
            spot = QRect(needed.mapTo(window, QPoint(0, 0)), needed.size())
            assert not inside.intersects(spot), f"the paper covers {needed.objectName()}"

        pay.accept()  # the next customer
        qtbot.waitUntil(lambda: page.payment_dialog is None, timeout=5000)
        page.scanned(demo_articles(till)[1].ean)
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
        assert not paper.isVisible(), "the last receipt stays over the next sale"

        page.reprint_last()  # a copy shows it again; its button closes it
        qtbot.waitUntil(paper.isVisible, timeout=5000)
        qtbot.waitUntil(lambda: page.message.text() == "Copy of receipt 1 printed (KOPIA).",
                        timeout=5000)
        paper.close_button.click()
        assert not paper.isVisible()
    finally:
        wait_idle(qtbot, window)
        window.close()


def test_on_a_wide_screen_the_paper_stands_beside_the_till(qtbot, make_ui_till, english):
    screen = QRect(0, 0, 1920, 1080)
    till, window = preview_till(qtbot, make_ui_till, screen)
    try:
        paper = window.preview_window
        assert paper.isWindow() and paper.isVisible()
        till_frame, paper_frame = window.frameGeometry(), paper.frameGeometry()
        assert screen.contains(till_frame) and screen.contains(paper_frame)
        assert not till_frame.intersects(paper_frame)
        assert till_frame.width() + paper_frame.width() >= screen.width() - 8  # no room lost

        log_in(qtbot, window)
        pay = sell_for_cash(qtbot, window, till)
        assert paper.isVisible() and paper.view.document is not None
        assert not global_rect(pay.change_label).intersects(paper.frameGeometry())
        assert not pay.frameGeometry().intersects(paper.frameGeometry())
        pay.accept()
    finally:
        wait_idle(qtbot, window)
        window.close()
