"""After a crash while printing, the restarted till says at once that a sale in progress was
restored and which receipts were never printed, and offers to print them once a cashier is
logged in."""
from __future__ import annotations

from pos.money import format_kronor
from tests.ui.conftest import demo_articles, log_in, wait_idle


def crash_while_printing(till) -> tuple[int, int]:
    """A cash sale completes and the till dies before its receipt prints; the next customer's
    sale had begun (both are in the database: the sale, and the sale in progress saved at every
    change). Returns the sale's receipt number and the total of the sale in progress."""
    coffee, book, _shirt = demo_articles(till)
    till.login("kim", "1234")
    till.open_shift(150000)
    till.scan(coffee.ean)
    till.start_payment()
    view = till.pay_cash(100000)
    assert view.sale is not None and till.unprinted_sales() == [view.sale.id]
    till.scan(book.ean)
    totals = till.scan(book.ean)
    return view.sale.receipt_no, totals.total


def test_the_restarted_till_says_what_it_restored_and_what_never_printed(
        qtbot, make_ui_till, english):
    from ui.till.main_window import MainWindow

    receipt_no, in_progress = crash_while_printing(make_ui_till())
    till = make_ui_till()  # the restart, on the same database
    window = MainWindow(till)
    qtbot.addWidget(window)
    window.show()
    try:
        bar = window.recovery_bar
        qtbot.waitUntil(bar.isVisible, timeout=5000)  # on the login page, at once
        assert window.pages.currentWidget() is window.login_page
        said = bar.text.text()
        assert "restarted with a sale in progress" in said
        assert "2 items" in said and format_kronor(in_progress) in said
        assert f"Receipt {receipt_no} was never printed" in said
        assert "Log in to print it" in said
        assert not bar.print_button.isVisible()  # nobody to print it for yet

        log_in(qtbot, window)
        assert bar.isVisible() and bar.print_button.isVisible()
        assert bar.print_button.text() == "Print the receipt"
        assert "Log in" not in bar.text.text()
        assert window.sale_page.model.rowCount() == 1  # the restored sale is on the screen
        printer = till.devices.printer
        jobs_before = len(printer.jobs)

        bar.print_button.click()
        qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)
        wait_idle(qtbot, window)
        assert till.unprinted_sales() == []
        assert len(printer.jobs) > jobs_before  # the original went to the printer
        assert window.sale_page.message.text() == f"Receipt {receipt_no} printed."
    finally:
        wait_idle(qtbot, window)
        window.close()


def test_a_clean_start_says_nothing(qtbot, window):
    wait_idle(qtbot, window)
    assert not window.recovery_bar.isVisible()
    assert not window.recovery_bar.recovered
