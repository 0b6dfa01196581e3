"""ESC/POS real-time status: ``DLE EOT n`` (``10 04 n``) queries and their answers.

Each query is answered with one byte whose bits 0 and 7 are 0 and bits 1 and 4 are 1 (``0x12``
fixed part). Meaning of the other bits (Epson TM series):

* n=1 printer status: bit 2 (0x04) drawer kick connector pin 3 high; bit 3 (0x08) offline.
* n=2 offline cause: bit 2 (0x04) cover open; bit 3 (0x08) paper fed by the FEED button;
  bit 5 (0x20) printing stopped by paper end; bit 6 (0x40) error.
* n=3 error cause: bit 2 mechanical, bit 3 auto-cutter, bit 5 unrecoverable, bit 6 auto-recoverable.
* n=4 roll paper sensor: bits 2+3 (0x0C) paper near end; bits 5+6 (0x60) paper end.

Whether "pin 3 high" means the drawer is open depends on the drawer; ``drawer_open_when_high``
chooses (most drawers with a switch report open as high).
"""
from __future__ import annotations

from pos.ports import CoverOpen, PaperOut, PrinterError, PrinterOffline, PrinterStatus

DLE_EOT = b"\x10\x04"
QUERY_PRINTER = DLE_EOT + b"\x01"
QUERY_OFFLINE = DLE_EOT + b"\x02"
QUERY_ERROR = DLE_EOT + b"\x03"
QUERY_PAPER = DLE_EOT + b"\x04"

FIXED_MASK = 0x93
FIXED_BITS = 0x12


def valid_status_byte(b: int) -> bool:
    return (b & FIXED_MASK) == FIXED_BITS


def parse_status(
    printer: int | None,
    offline_cause: int | None,
    paper: int | None,
    *,
    drawer_open_when_high: bool = True,
) -> PrinterStatus:
    """Build a PrinterStatus from the answers to DLE EOT 1, 2 and 4 (``None``: no valid answer)."""
    if printer is None or not valid_status_byte(printer):
        return PrinterStatus(online=True, paper="unknown", drawer_open=None, detail="no status reply")
    online = not (printer & 0x08)
    drawer_high = bool(printer & 0x04)
    drawer_open = drawer_high if drawer_open_when_high else not drawer_high
    cover = False
    paper_state = "unknown"
    details: list[str] = []
    if offline_cause is not None and valid_status_byte(offline_cause):
        cover = bool(offline_cause & 0x04)
        if offline_cause & 0x20:
            paper_state = "out"
        if offline_cause & 0x40:
            details.append("error")
    if paper is not None and valid_status_byte(paper):
        if (paper & 0x60) == 0x60:
            paper_state = "out"
        elif paper_state != "out":
            paper_state = "near_end" if (paper & 0x0C) == 0x0C else "ok"
    return PrinterStatus(
        online=online,
        paper=paper_state,
        cover_open=cover,
        drawer_open=drawer_open,
        detail=", ".join(details),
    )


def error_for_status(status: PrinterStatus, name: str) -> PrinterError | None:
    """The exception to raise before sending a job, or None when the printer can print."""
    if status.paper == "out":
        return PaperOut("printer.paper_out", name=name)
    if status.cover_open:
        return CoverOpen("printer.cover_open", name=name)
    if not status.online:
        return PrinterOffline("printer.offline", name=name,
                              detail=f" ({status.detail})" if status.detail else "")
    return None
