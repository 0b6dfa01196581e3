"""Receipt printer adapters implementing :class:`pos.ports.ReceiptPrinter`.

Every adapter renders the whole document to bytes first (on a python-escpos ``Dummy`` with the
configured profile and paper width) and sends the job in one write, so a rendering problem never
leaves half a receipt on paper. Where the transport can read (network, serial, USB) the real-time
status is queried (``DLE EOT 1/2/4``) *before* the job is sent and a ``PaperOut``/``CoverOpen``/
``PrinterOffline`` is raised instead of sending it. OS errors (refused, timeout, broken pipe) become
``PrinterOffline``. Every error carries a code for the cashier's message (``pos.ports``).

Each adapter serialises its own I/O with a lock and holds no connection between calls, so a
drawer kick and a receipt sent from two threads take turns. The till sends both from its
printer's lane (``pos.services.receipts.ReceiptDesk``).
"""
from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from escpos.exceptions import DeviceNotFoundError
from escpos.printer import Dummy, Network, Serial

from hardware.printers.escpos_render import RenderSettings, drawer_kick_bytes, make_dummy, render, render_bytes
from hardware.printers.status import (
    QUERY_OFFLINE,
    QUERY_PAPER,
    QUERY_PRINTER,
    error_for_status,
    parse_status,
)
from pos.ports import PrinterError, PrinterOffline, PrinterStatus
from pos.receipt import ReceiptDocument
from pos.receipt_lines import Paper, as_text, lay_out

log = logging.getLogger(__name__)

UNKNOWN_STATUS_DETAIL = "this connection cannot read the printer's status"


def _offline(name: str, what: str, err: BaseException | str) -> PrinterOffline:
    return PrinterOffline("printer.no_answer", name=name, what=what, error=str(err))


class PreviewPrinter:
    """An in-memory printer: keeps printed documents and tells listeners (the UI shows them)."""

    def __init__(self, name: str = "preview", settings: RenderSettings | None = None) -> None:
        self.name = name
        self.settings = settings or RenderSettings()
        self.documents: list[ReceiptDocument] = []
        self.drawer_kicks = 0
        self._listeners: list[Callable[[ReceiptDocument], None]] = []
        self._lock = threading.Lock()

    def add_listener(self, fn: Callable[[ReceiptDocument], None]) -> None:
        with self._lock:
            self._listeners.append(fn)

    def remove_listener(self, fn: Callable[[ReceiptDocument], None]) -> None:
        with self._lock:
            if fn in self._listeners:
                self._listeners.remove(fn)

    @property
    def paper(self) -> Paper:
        """What documents are laid out for: the configured printer's paper (the window showing
        this printer's "paper" lays documents out for it too)."""
        return self.settings.paper

    def text(self, doc: ReceiptDocument) -> str:
        """The document as it would look on this paper, line by line as the printer prints it."""
        return as_text(lay_out(doc, self.settings.paper))

    def print_document(self, doc: ReceiptDocument) -> None:
        with self._lock:
            self.documents.append(doc)
            if doc.open_drawer:
                self.drawer_kicks += 1
            listeners = list(self._listeners)
        for fn in listeners:
            try:
                fn(doc)
            except Exception:  # a broken listener must not fail the print
                log.exception("preview listener failed")

    def status(self) -> PrinterStatus:
        return PrinterStatus(online=True, paper="ok", drawer_open=None, detail="preview")

    def open_drawer(self) -> None:
        with self._lock:
            self.drawer_kicks += 1


class _JobPrinter:
    """Shared logic: render, check status, send."""

    reads_status = False

    def __init__(self, name: str, settings: RenderSettings) -> None:
        self.name = name
        self.settings = settings
        self._io_lock = threading.RLock()

    # transport hooks -----------------------------------------------------------------------
    def _send(self, data: bytes, check_status: bool) -> None:
        raise NotImplementedError

    # ReceiptPrinter ------------------------------------------------------------------------
    def render(self, doc: ReceiptDocument) -> bytes:
        return render_bytes(doc, self.settings)

    def print_document(self, doc: ReceiptDocument) -> None:
        try:
            data = self.render(doc)
        except Exception as e:  # a document the printer cannot take
            raise PrinterError("printer.cannot_prepare", detail=str(e)) from e
        self._send(data, check_status=True)

    def open_drawer(self) -> None:
        # The drawer must open even when the paper is out: no status check before the kick.
        self._send(drawer_kick_bytes(self.settings.drawer_pin), check_status=False)

    def status(self) -> PrinterStatus:
        return PrinterStatus(online=True, paper="unknown", drawer_open=None, detail=UNKNOWN_STATUS_DETAIL)


class DummyPrinter(_JobPrinter):
    """python-escpos ``Dummy``: the bytes of every job are kept (``output``, ``jobs``); for tests."""

    def __init__(self, name: str = "dummy", settings: RenderSettings | None = None) -> None:
        super().__init__(name, settings or RenderSettings())
        self.device: Dummy = make_dummy(self.settings)
        self.jobs: list[bytes] = []

    def print_document(self, doc: ReceiptDocument) -> None:
        # Render on the kept Dummy itself (the renderer's "any Escpos object" path).
        with self._io_lock:
            before = len(self.device.output)
            try:
                render(doc, self.device, self.settings)
            except Exception as e:
                raise PrinterError("printer.cannot_prepare", detail=str(e)) from e
            self.jobs.append(self.device.output[before:])

    def _send(self, data: bytes, check_status: bool) -> None:
        with self._io_lock:
            self.device._raw(data)
            self.jobs.append(data)

    @property
    def output(self) -> bytes:
        return self.device.output


class FilePrinter(_JobPrinter):
    """Appends each job's raw bytes to a file (a device node such as /dev/usb/lp0, or a log)."""

    def __init__(self, path: str, name: str = "", settings: RenderSettings | None = None) -> None:
        super().__init__(name or f"file {path}", settings or RenderSettings())
        self.path = path

    def _send(self, data: bytes, check_status: bool) -> None:
        try:
            with self._io_lock, open(self.path, "ab") as f:
                f.write(data)
                f.flush()
        except OSError as e:
            raise _offline(self.name, f"cannot write to {self.path}", e) from e


class _ReadingPrinter(_JobPrinter):
    """A transport that can read the status back (network, serial, USB)."""

    reads_status = True
    status_timeout = 1.0

    def __init__(self, name: str, settings: RenderSettings, drawer_open_when_high: bool = True) -> None:
        super().__init__(name, settings)
        self.drawer_open_when_high = drawer_open_when_high

    def _connect(self) -> Any:
        raise NotImplementedError

    def _write(self, dev: Any, data: bytes) -> None:
        dev._raw(data)

    def _read_byte(self, dev: Any) -> int | None:
        raise NotImplementedError

    def _close(self, dev: Any) -> None:
        try:
            dev.close()
        except Exception:  # closing a broken connection
            pass

    def _what(self) -> str:
        return self.name

    def _query(self, dev: Any) -> PrinterStatus:
        answers: list[int | None] = []
        for q in (QUERY_PRINTER, QUERY_OFFLINE, QUERY_PAPER):
            self._write(dev, q)
            answers.append(self._read_byte(dev))
            if answers[0] is None:
                # No reply to the first query: do not wait three times.
                return PrinterStatus(online=True, paper="unknown", drawer_open=None, detail="no status reply")
        return parse_status(*answers, drawer_open_when_high=self.drawer_open_when_high)

    def status(self) -> PrinterStatus:
        with self._io_lock:
            dev = self._connect()
            try:
                return self._query(dev)
            except (OSError, DeviceNotFoundError) as e:
                raise _offline(self.name, self._what(), e) from e
            finally:
                self._close(dev)

    def _send(self, data: bytes, check_status: bool) -> None:
        with self._io_lock:
            self._send_locked(data, check_status)

    def _send_locked(self, data: bytes, check_status: bool) -> None:
        dev = self._connect()
        try:
            if check_status:
                err = error_for_status(self._query(dev), self.name)
                if err is not None:
                    raise err
            self._write(dev, data)
        except PrinterError:
            raise
        except (OSError, DeviceNotFoundError) as e:
            raise _offline(self.name, self._what(), e) from e
        finally:
            self._close(dev)


class NetworkPrinter(_ReadingPrinter):
    """A printer on TCP (port 9100), through python-escpos ``Network``."""

    def __init__(
        self,
        host: str,
        port: int = 9100,
        *,
        name: str = "",
        settings: RenderSettings | None = None,
        timeout: float = 5.0,
        status_timeout: float = 1.0,
        drawer_open_when_high: bool = True,
    ) -> None:
        super().__init__(name or f"{host}:{port}", settings or RenderSettings(), drawer_open_when_high)
        self.host = host
        self.port = port
        self.timeout = timeout
        self.status_timeout = status_timeout

    def _what(self) -> str:
        return f"network {self.host}:{self.port}"

    def _connect(self) -> Network:
        dev = Network(self.host, self.port, timeout=self.timeout, profile=self.settings.profile)
        try:
            dev.open()
        except DeviceNotFoundError as e:
            raise _offline(self.name, self._what(), str(e).replace("\n", " ")) from e
        return dev

    def _close(self, dev: Network) -> None:
        # Half-close and drain before closing: closing a socket with unread bytes from the printer
        # (e.g. automatic status back) sends a reset, which can throw away the end of the job.
        sock = dev._device
        if isinstance(sock, socket.socket):
            try:
                sock.shutdown(socket.SHUT_WR)
                sock.settimeout(0.5)
                deadline = time.monotonic() + 2.0
                while time.monotonic() < deadline and sock.recv(256):
                    pass
            except OSError:
                pass
        super()._close(dev)

    def _read_byte(self, dev: Network) -> int | None:
        sock: socket.socket = dev.device  # type: ignore[assignment]
        sock.settimeout(self.status_timeout)
        try:
            b = sock.recv(1)
        except socket.timeout:
            return None
        finally:
            sock.settimeout(self.timeout)
        if not b:
            raise ConnectionResetError("the printer closed the connection")
        return b[0]


class SerialPrinter(_ReadingPrinter):
    """A printer on a serial port, through python-escpos ``Serial``."""

    def __init__(
        self,
        port: str,
        baudrate: int = 9600,
        *,
        name: str = "",
        settings: RenderSettings | None = None,
        dsrdtr: bool = False,
        xonxoff: bool = False,
        status_timeout: float = 1.0,
        write_timeout: float = 20.0,
        drawer_open_when_high: bool = True,
    ) -> None:
        super().__init__(name or f"{port}", settings or RenderSettings(), drawer_open_when_high)
        self.write_timeout = write_timeout
        self.port = port
        self.baudrate = baudrate
        self.dsrdtr = dsrdtr
        self.xonxoff = xonxoff
        self.status_timeout = status_timeout

    def _what(self) -> str:
        return f"serial {self.port} at {self.baudrate} baud"

    def _connect(self) -> Serial:
        dev = Serial(
            devfile=self.port,
            baudrate=self.baudrate,
            timeout=self.status_timeout,
            dsrdtr=self.dsrdtr,
            xonxoff=self.xonxoff,
            profile=self.settings.profile,
        )
        try:
            dev.open()
        except DeviceNotFoundError as e:
            raise _offline(self.name, self._what(), str(e).replace("\n", " ")) from e
        dev.device.write_timeout = self.write_timeout  # type: ignore[union-attr]
        return dev

    def _write(self, dev: Serial, data: bytes) -> None:
        dev._raw(data)
        dev.device.flush()  # type: ignore[union-attr]

    def _read_byte(self, dev: Serial) -> int | None:
        b = dev.device.read(1)  # type: ignore[union-attr]
        return b[0] if b else None


class UsbPrinter(_ReadingPrinter):
    """A printer on USB, through python-escpos ``Usb`` (needs pyusb)."""

    def __init__(
        self,
        vendor_id: int,
        product_id: int,
        *,
        name: str = "",
        settings: RenderSettings | None = None,
        timeout_ms: int = 5000,
        drawer_open_when_high: bool = True,
    ) -> None:
        super().__init__(
            name or f"USB {vendor_id:04x}:{product_id:04x}", settings or RenderSettings(), drawer_open_when_high
        )
        self.vendor_id = vendor_id
        self.product_id = product_id
        self.timeout_ms = timeout_ms

    def _what(self) -> str:
        return f"USB {self.vendor_id:04x}:{self.product_id:04x}"

    def _connect(self) -> Any:
        from escpos.printer import Usb

        dev = Usb(self.vendor_id, self.product_id, timeout=self.timeout_ms, profile=self.settings.profile)
        try:
            dev.open()
        except DeviceNotFoundError as e:
            raise _offline(self.name, self._what(), str(e).replace("\n", " ")) from e
        except Exception as e:  # usb.core errors (permissions, busy)
            raise _offline(self.name, self._what(), e) from e
        return dev

    def _read_byte(self, dev: Any) -> int | None:
        try:
            data = dev._read()
        except Exception:  # no IN endpoint or timeout: status unknown
            return None
        return data[-1] if data else None


def usb_available() -> bool:
    try:
        from escpos.printer import Usb

        return bool(Usb.is_usable())
    except Exception:
        return False

