"""make_scanner and make_display: None where the UI does the work, adapters for serial URLs."""
from __future__ import annotations

import queue

from hardware.displays.factory import make_display
from hardware.displays.line_display import LineDisplay
from hardware.scanners.factory import make_scanner
from hardware.scanners.serial_scanner import SerialScanner
from pos.ports import CustomerDisplay


def test_scanner_factory() -> None:
    assert make_scanner("wedge", print) is None and make_scanner("camera", print) is None
    got: queue.Queue[str] = queue.Queue()
    sc = make_scanner("loop://", got.put, suffix="\n")
    assert isinstance(sc, SerialScanner)
    try:
        assert sc.wait_open() and sc.serial is not None
        sc.serial.write(b"7310001000015\n")
        assert got.get(timeout=3) == "7310001000015"
    finally:
        sc.close()


def test_display_factory() -> None:
    assert make_display("window") is None and make_display("") is None
    d = make_display("loop://")
    assert isinstance(d, LineDisplay) and isinstance(d, CustomerDisplay)
