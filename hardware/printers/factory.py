"""Make a receipt printer from a URL in the device config.

========================================  =========================================================
URL                                       printer
========================================  =========================================================
``preview``                               :class:`PreviewPrinter` (in memory; the UI listens)
``dummy``                                 :class:`DummyPrinter` (python-escpos Dummy; for tests)
``network://HOST[:PORT]``                 :class:`NetworkPrinter` (TCP, default port 9100)
``serial:///dev/ttyS0?baud=19200``        :class:`SerialPrinter` (options: ``baud``, ``dsrdtr``,
                                          ``xonxoff``)
``usb://VID:PID``                         :class:`UsbPrinter` (hex ids, e.g. ``usb://04b8:0e15``)
``file:///PATH``                          :class:`FilePrinter` (appends the raw bytes)
========================================  =========================================================

Every URL also takes ``name=`` (shown to the cashier) and ``columns=`` (characters per line);
network and serial URLs take ``drawer=low`` when the drawer's switch reports *open* as low (the
default is high).

The profile and paper width are checked here, at start: a test receipt is rendered (not sent) with
them, and a profile no receipt can be printed with is refused with a ``PrinterError`` that says
why (``hardware.printers.profiles``), rather than every receipt failing later.
"""
from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from hardware.printers.escpos_printers import (
    DummyPrinter,
    FilePrinter,
    NetworkPrinter,
    PreviewPrinter,
    SerialPrinter,
    UsbPrinter,
    usb_available,
)
from hardware.printers.escpos_render import RenderSettings, probe
from pos.errors import messages
from pos.ports import PrinterError, ReceiptPrinter

MESSAGES = messages({
    "printer.url_not_number": "Printer URL {url}: {key} must be a number",
    "printer.url_no_host": "Printer URL {url} has no host: use network://HOST:9100",
    "printer.url_bad_port": "Printer URL {url} has a bad port",
    "printer.url_no_port": "Printer URL {url} has no port: use serial:///dev/ttyS0?baud=19200",
    "printer.url_usb_ids": "Printer URL {url}: use usb://VID:PID in hex, e.g. usb://04b8:0e15",
    "printer.usb_missing": "USB printing needs pyusb and libusb: install with `pip install "
                           "'python-escpos[usb]'` (and `apt install libusb-1.0-0`), or use a "
                           "network or serial printer.",
    "printer.url_no_path": "Printer URL {url} has no path: use file:///PATH",
    "printer.url_unknown": "Unknown printer URL {url}: use preview, dummy, network://HOST:9100, "
                           "serial:///dev/ttyS0?baud=19200, usb://VID:PID or file:///PATH",
})


def _truthy(v: str) -> bool:
    return v.strip().lower() in {"1", "true", "yes", "on"}


def make_printer(url: str, profile: str = "TM-T20II", width_mm: int = 80) -> ReceiptPrinter:
    """A ReceiptPrinter for ``url`` (see the module docstring); PrinterError for a bad URL, or a
    profile and paper width no receipt can be printed with."""
    printer = _printer(url, profile, width_mm)
    probe(printer.settings)  # type: ignore[attr-defined]
    return printer


def _printer(url: str, profile: str, width_mm: int) -> ReceiptPrinter:
    raw = (url or "").strip()
    parts = urlsplit(raw)
    scheme = parts.scheme.lower() if "://" in raw else raw.split("?", 1)[0].lower()
    q = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    try:
        columns = int(q["columns"]) if "columns" in q else None
    except ValueError:
        raise PrinterError("printer.url_not_number", url=repr(url), key="columns") from None
    settings = RenderSettings(profile=profile, width_mm=width_mm, columns=columns)
    settings.model  # noqa: B018 - a profile or paper no receipt can be printed with is refused here
    name = q.get("name", "")
    high = q.get("drawer", "high").strip().lower() != "low"

    if scheme == "preview":
        return PreviewPrinter(name or "preview", settings)
    if scheme == "dummy":
        return DummyPrinter(name or "dummy", settings)
    if scheme in ("network", "tcp"):
        if not parts.hostname:
            raise PrinterError("printer.url_no_host", url=repr(url))
        try:
            port = parts.port or 9100
        except ValueError:
            raise PrinterError("printer.url_bad_port", url=repr(url)) from None
        return NetworkPrinter(parts.hostname, port, name=name, settings=settings, drawer_open_when_high=high)
    if scheme == "serial":
        path = unquote(parts.path)
        if not path:
            raise PrinterError("printer.url_no_port", url=repr(url))
        try:
            baud = int(q.get("baud", "9600"))
        except ValueError:
            raise PrinterError("printer.url_not_number", url=repr(url), key="baud") from None
        return SerialPrinter(
            path,
            baud,
            name=name,
            settings=settings,
            dsrdtr=_truthy(q.get("dsrdtr", "0")),
            xonxoff=_truthy(q.get("xonxoff", "0")),
            drawer_open_when_high=high,
        )
    if scheme == "usb":
        ids = parts.netloc or parts.path.strip("/")
        try:
            vid_s, pid_s = ids.split(":")
            vid, pid = int(vid_s, 16), int(pid_s, 16)
        except ValueError:
            raise PrinterError("printer.url_usb_ids", url=repr(url)) from None
        if not usb_available():
            raise PrinterError("printer.usb_missing")
        return UsbPrinter(vid, pid, name=name, settings=settings)
    if scheme == "file":
        path = unquote(parts.path)
        if parts.netloc and parts.netloc != "localhost":
            path = "/" + parts.netloc + path  # file://relative/path tolerated
        if not path:
            raise PrinterError("printer.url_no_path", url=repr(url))
        return FilePrinter(path, name=name, settings=settings)
    raise PrinterError("printer.url_unknown", url=repr(url))
