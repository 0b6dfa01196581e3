"""A barcode scanner on a serial line (RS-232, USB CDC-ACM, or a TCP bridge), read in a daemon thread.

URLs (anything ``serial.serial_for_url`` takes):

* ``serial:///dev/ttyACM0?baud=9600`` -> port ``/dev/ttyACM0`` at 9600 baud (``baud`` defaults to 9600);
* ``/dev/ttyACM0`` or ``COM3`` -> that port;
* ``socket://host:port``, ``loop://``, ``rfc2217://...`` -> passed through unchanged.

Each scan ends with ``suffix`` (default CR); a configured ``prefix`` is removed. Bytes are decoded
as UTF-8, or as Latin-1 when they are not valid UTF-8, and stray control characters are removed;
empty lines are ignored and a line longer than ``max_line`` bytes without a suffix is dropped as
garbage. ``on_scan(text)`` and ``on_error(message)`` are called from the reader thread (the UI
wraps them in Qt signals); an exception in a callback is logged and reading goes on. After a read
or open error the port is reopened with a growing delay until :meth:`close`; the same error
repeated while retrying is reported once.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from urllib.parse import parse_qs, unquote, urlsplit

import serial

log = logging.getLogger(__name__)

DEFAULT_RECONNECT_DELAYS = (0.5, 1.0, 2.0, 5.0)


def parse_url(url: str, default_baud: int = 9600) -> tuple[str, dict]:
    """(port or URL for ``serial_for_url``, keyword arguments) for a scanner URL."""
    if url.startswith("serial://"):
        parts = urlsplit(url)
        q = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        port = unquote(parts.path) or unquote(parts.netloc)
        baud = int(q.get("baud", default_baud))
        return port, {"baudrate": baud}
    if "://" in url:
        return url, {}
    return url, {"baudrate": default_baud}


def decode_scan(raw: bytes) -> str:
    """Bytes of one scan to text: UTF-8 if valid, else Latin-1; control characters removed."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return "".join(ch for ch in text if ch >= " " and ch != "\x7f").strip()


class SerialScanner:
    def __init__(
        self,
        url: str,
        on_scan: Callable[[str], None],
        on_error: Callable[[str], None] | None = None,
        prefix: str = "",
        suffix: str = "\r",
        *,
        max_line: int = 512,
        reconnect_delays: Sequence[float] = DEFAULT_RECONNECT_DELAYS,
        read_timeout: float = 0.1,
        start: bool = True,
    ) -> None:
        if not suffix:
            raise ValueError("a scanner needs a suffix that ends each scan")
        self.url = url
        self.on_scan = on_scan
        self.on_error = on_error
        self.prefix = prefix.encode("latin-1", errors="replace") if prefix else b""
        self.suffix = suffix.encode("latin-1", errors="replace")
        self.max_line = max_line
        self.reconnect_delays = tuple(reconnect_delays) or DEFAULT_RECONNECT_DELAYS
        self.read_timeout = read_timeout
        self.serial: serial.SerialBase | None = None
        self.opened = threading.Event()
        self.dropped = 0  # garbage lines dropped
        self.errors = 0
        self._last_error = ""
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name=f"scanner {url}", daemon=True)
        if start:
            self.start()

    def start(self) -> None:
        if not self._thread.is_alive():
            self._thread.start()

    def wait_open(self, timeout: float = 5.0) -> bool:
        return self.opened.wait(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def close(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)
        self._close_port()

    # internals -----------------------------------------------------------------------------
    def _report(self, message: str) -> None:
        self.errors += 1
        if message == self._last_error:
            return  # the same failure again while reconnecting: tell the UI once
        self._last_error = message
        log.warning("scanner %s: %s", self.url, message)
        if self.on_error is not None:
            try:
                self.on_error(message)
            except Exception:
                log.exception("scanner error callback failed")

    def _emit(self, raw: bytes) -> None:
        if self.prefix and raw.startswith(self.prefix):
            raw = raw[len(self.prefix) :]
        text = decode_scan(raw)
        if not text:
            return
        try:
            self.on_scan(text)
        except Exception:
            log.exception("scanner callback failed")

    def _open(self) -> serial.SerialBase:
        port, kw = parse_url(self.url)
        s = serial.serial_for_url(port, timeout=self.read_timeout, do_not_open=True, **kw)
        s.open()
        return s

    def _close_port(self) -> None:
        with self._lock:
            s, self.serial = self.serial, None
            self.opened.clear()
        if s is not None:
            try:
                s.close()
            except Exception:
                pass

    def _run(self) -> None:
        failures = 0
        buf = bytearray()
        while not self._stop.is_set():
            if self.serial is None:
                try:
                    s = self._open()
                except Exception as e:  # SerialException, OSError, ValueError for a bad URL
                    self._report(f"Scanner {self.url} cannot be opened: {e}")
                    delay = self.reconnect_delays[min(failures, len(self.reconnect_delays) - 1)]
                    failures += 1
                    self._stop.wait(delay)
                    continue
                with self._lock:
                    self.serial = s
                self._last_error = ""
                self.opened.set()
                buf.clear()
            try:
                s = self.serial
                assert s is not None
                data = s.read(max(1, s.in_waiting))
            except Exception as e:
                if self._stop.is_set():
                    break
                self._report(f"Scanner {self.url} stopped answering: {e}")
                self._close_port()
                delay = self.reconnect_delays[min(failures, len(self.reconnect_delays) - 1)]
                failures += 1
                self._stop.wait(delay)
                continue
            if not data:
                continue
            failures = 0
            buf += data
            while True:
                i = buf.find(self.suffix)
                if i < 0:
                    break
                line = bytes(buf[:i])
                del buf[: i + len(self.suffix)]
                if len(line) > self.max_line:
                    self.dropped += 1
                    continue
                self._emit(line)
            if len(buf) > self.max_line:
                self.dropped += 1
                buf.clear()
