"""The status bar tells the cashier whether sales have reached the central store."""
from tests.ui.conftest import log_in, wait_idle


def test_the_status_bar_counts_sales_waiting_for_the_central_store(qtbot, window, till):
    window.refresh_sync()
    wait_idle(qtbot, window)
    assert window.sync_label.text() == "Central store: all sales sent"
    log_in(qtbot, window)
    till.scan(till.search("kaffe")[0].ean)
    till.pay_cash(100000)
    window.refresh_sync()
    qtbot.waitUntil(lambda: "1 sale(s) waiting" in window.sync_label.text(), timeout=10000)
