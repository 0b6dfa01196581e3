"""Make a barcode scanner reader from the device config.

``wedge`` (or ``keyboard``), ``camera`` and ``none`` need no reader here (the UI's keyboard filter
or the kiosk camera does the work): ``make_scanner`` returns None. Anything else is a serial URL
for :class:`~hardware.scanners.serial_scanner.SerialScanner` (``serial:///dev/ttyACM0?baud=9600``,
``/dev/ttyACM0``, ``socket://host:port``, ``loop://``).
"""
from __future__ import annotations

from collections.abc import Callable

from hardware.scanners.serial_scanner import SerialScanner

NOT_SERIAL = {"", "wedge", "keyboard", "camera", "none"}


def make_scanner(
    url: str,
    on_scan: Callable[[str], None],
    on_error: Callable[[str], None] | None = None,
    prefix: str = "",
    suffix: str = "\r",
) -> SerialScanner | None:
    if (url or "").strip().lower() in NOT_SERIAL:
        return None
    return SerialScanner(url.strip(), on_scan, on_error, prefix=prefix, suffix=suffix or "\r")
