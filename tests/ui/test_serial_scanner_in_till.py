"""A serial scanner's scans, read on its own thread, reach the sale screen on the GUI thread."""
import os
import tty

from hardware.scanners.factory import make_scanner
from tests.ui.conftest import log_in, wait_idle
from ui.till.app import ScanBridge


def test_a_scan_on_a_serial_scanner_adds_the_article(qtbot, window, till):
    log_in(qtbot, window)
    article = till.search("kaffe")[0]
    bridge = ScanBridge(window)
    bridge.scanned.connect(window.sale_page.scanned)
    master, slave = os.openpty()
    tty.setraw(slave)
    scanner = make_scanner(os.ttyname(slave), bridge.scanned.emit, suffix="\r")
    try:
        assert scanner.wait_open()
        os.write(master, b"\x02" + article.ean.encode() + b"\r")  # STX prefix as some scanners send
        qtbot.waitUntil(lambda: till.totals().item_count == 1, timeout=10000)
        wait_idle(qtbot, window)
        assert window.sale_page.table.model().rowCount() == 1
    finally:
        scanner.close()
        os.close(master)
        os.close(slave)
