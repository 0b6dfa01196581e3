"""Make a customer display from the device config.

``window`` and ``none`` return None (the UI shows its own customer window, or nothing); anything
else is a serial URL for the 2x20 :class:`~hardware.displays.line_display.LineDisplay`
(``serial:///dev/ttyUSB1?baud=9600``, ``/dev/ttyUSB1``, ``socket://host:port``, ``loop://``).
"""
from __future__ import annotations

from hardware.displays.line_display import LineDisplay
from pos.ports import CustomerDisplay

NOT_SERIAL = {"", "window", "none"}


def make_display(url: str) -> CustomerDisplay | None:
    if (url or "").strip().lower() in NOT_SERIAL:
        return None
    return LineDisplay(url.strip())
