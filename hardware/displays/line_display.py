"""A 2x20 customer pole display (VFD) on a serial line, implementing :class:`pos.ports.CustomerDisplay`.

It speaks the ESC/POS customer-display command set (Epson DM-D and the many compatibles):

* on open: ``ESC @`` (initialise), ``ESC t n`` (character table; 19 = PC858: å ä ö Å Ä Ö €);
* every screen: ``FF`` (0x0C, clear), ``VT`` (0x0B, cursor home), then the upper line padded to 20
  characters and the lower line padded to 20 (in overwrite mode the cursor runs on from the end of
  the upper line to the start of the lower one).

Screens (amounts with :func:`pos.money.format_kronor`):

* ``show_cart``: upper line the last article (``2x`` before the name when quantity > 1) and its
  amount, lower line ``Totalt`` and the total;
* ``show_payment``: ``Betalt``/paid, then ``Växel``/change (or what is left to pay);
* ``show_thanks``: the message wrapped and centred on two lines (a line display cannot show a QR);
* ``clear``.

A display is a courtesy: an I/O error is logged and kept in ``last_error`` and the port is opened
again on the next screen; it never interrupts a sale.
"""
from __future__ import annotations

import logging
import textwrap
import threading
from collections.abc import Sequence

import serial

from hardware.printers.escpos_render import printable_text
from hardware.scanners.serial_scanner import parse_url
from pos.money import format_kronor
from pos.ports import DisplayLine

log = logging.getLogger(__name__)

INIT = b"\x1b@"
CLEAR = b"\x0c"
HOME = b"\x0b"


def fit(left: str, right: str, width: int = 20) -> str:
    """``left`` and ``right`` on one line of ``width``; the left part is cut to keep the amount."""
    right = right[:width]
    room = width - len(right) - (1 if right else 0)
    left = left[: max(0, room)]
    return left + " " * (width - len(left) - len(right)) + right


LABELS_SV = {"total": "Totalt", "paid": "Betalt", "change": "Växel", "due": "Att betala"}
LABELS_EN = {"total": "Total", "paid": "Paid", "change": "Change", "due": "To pay"}


def cart_lines(
    lines: Sequence[DisplayLine], total: int, width: int = 20, labels: dict[str, str] = LABELS_SV
) -> tuple[str, str]:
    if lines:
        last = lines[-1]
        label = printable_text(last.name)
        name = f"{last.quantity}x {label}" if last.quantity != 1 else label
        upper = fit(name, format_kronor(last.amount), width)
    else:
        upper = "".ljust(width)
    return upper, fit(labels["total"], format_kronor(total), width)


def payment_lines(
    total: int, paid: int, change: int, width: int = 20, labels: dict[str, str] = LABELS_SV
) -> tuple[str, str]:
    upper = fit(labels["paid"], format_kronor(paid), width)
    if change > 0:
        lower = fit(labels["change"], format_kronor(change), width)
    elif paid < total:
        lower = fit(labels["due"], format_kronor(total - paid), width)
    else:
        lower = fit(labels["total"], format_kronor(total), width)
    return upper, lower


def thanks_lines(message: str, width: int = 20) -> tuple[str, str]:
    wrapped = textwrap.wrap(message, width) or [""]
    wrapped += [""]
    return wrapped[0].center(width), wrapped[1].center(width)


class LineDisplay:
    def __init__(
        self,
        url: str,
        *,
        columns: int = 20,
        code_page: int = 19,
        encoding: str = "cp858",
        baudrate: int = 9600,
        labels: dict[str, str] | None = None,
    ) -> None:
        """``labels``: the words shown (``LABELS_SV`` by default, ``LABELS_EN`` ...)."""
        self.url = url
        self.labels = {**LABELS_SV, **(labels or {})}
        self.columns = columns
        self.code_page = code_page
        self.encoding = encoding
        self.baudrate = baudrate
        self.port: serial.SerialBase | None = None
        self.last_error = ""
        self.screen: tuple[str, str] = ("", "")
        self._lock = threading.Lock()

    # CustomerDisplay -----------------------------------------------------------------------
    def show_cart(self, lines: Sequence[DisplayLine], total: int, vat: int) -> None:
        self._show(*cart_lines(lines, total, self.columns, self.labels))

    def show_payment(self, total: int, paid: int, change: int) -> None:
        self._show(*payment_lines(total, paid, change, self.columns, self.labels))

    def show_thanks(self, message: str, qr_data: str = "") -> None:
        self._show(*thanks_lines(message, self.columns))

    def clear(self) -> None:
        self.screen = ("", "")
        self._write(CLEAR)

    # internals -----------------------------------------------------------------------------
    def frame(self, upper: str, lower: str) -> bytes:
        """The bytes of one screen."""
        w = self.columns
        upper, lower = printable_text(upper).replace("\n", " "), printable_text(lower).replace("\n", " ")
        text = upper[:w].ljust(w) + lower[:w].ljust(w)
        return CLEAR + HOME + text.encode(self.encoding, errors="replace")

    def _show(self, upper: str, lower: str) -> None:
        self.screen = (upper, lower)
        self._write(self.frame(upper, lower))

    def _open(self) -> serial.SerialBase:
        port, kw = parse_url(self.url, self.baudrate)
        s = serial.serial_for_url(port, timeout=1, write_timeout=2, **kw)
        s.write(INIT + b"\x1bt" + bytes([self.code_page]))
        return s

    def _write(self, data: bytes) -> None:
        with self._lock:
            for attempt in (1, 2):
                try:
                    if self.port is None:
                        self.port = self._open()
                    self.port.write(data)
                    self.port.flush()
                    self.last_error = ""
                    return
                except Exception as e:  # serial.SerialException, OSError, a bad URL
                    self.last_error = f"Customer display {self.url}: {e}"
                    log.warning("%s", self.last_error)
                    self._drop_port()
                    if attempt == 2:
                        return

    def _drop_port(self) -> None:
        if self.port is not None:
            try:
                self.port.close()
            except Exception:
                pass
        self.port = None

    def close(self) -> None:
        with self._lock:
            self._drop_port()
