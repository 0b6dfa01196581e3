"""Scanning and typing at the till as a cashier does: a real scanner's key events (Shift around
capitals), numbers typed before a scan, text typed that is not a code, malformed codes, weighed
articles and UPC-E."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.conftest import log_in, wait_idle
from tests.ui.test_wedge import SE_SHIFTED, US_SHIFTED, scanner_keys
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
    qtbot.waitUntil(lambda: "Receipt R-K1-000042" in page.message.text(), timeout=10000)
    assert page.scan_input.text() == ""
    wait_idle(qtbot, window)
