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


def test_messages_given_up_on_are_named_apart_from_those_waiting(qtbot, window):
    from pos.sync.outbox import OutboxStatus

    window.set_sync_status(OutboxStatus(counts={"sent": 4, "pending": 2, "dead": 1},
                                        oldest_pending_age=None, next_attempt_at=None,
                                        last_error=""))
    assert window.sync_label.text() == "Central store: 1 to check (sync status) · 2 waiting"
    window.set_sync_status(OutboxStatus(counts={"sent": 4, "failed": 1},
                                        oldest_pending_age=None, next_attempt_at=None,
                                        last_error="x"))
    assert window.sync_label.text() == "Central store: 1 sale(s) waiting, not reachable"
