"""make_printer URLs, the preview, dummy and file printers, and serial status over a pty."""
from __future__ import annotations

import os
import threading
import tty
from pathlib import Path

import pytest

from hardware.printers import escpos_printers
from hardware.printers.escpos_printers import (
    DummyPrinter,
    FilePrinter,
    NetworkPrinter,
    PreviewPrinter,
    SerialPrinter,
)
from hardware.printers.factory import make_printer
from hardware.simulators import escpos_decode as dec
from pos.ports import PaperOut, PrinterError, PrinterOffline, ReceiptPrinter
from pos.receipt import Columns, ReceiptDocument, Text

DOC = ReceiptDocument(blocks=(Text("Hej då"), Columns("Öl", "25,00")), open_drawer=True)


def test_urls_make_the_right_adapters() -> None:
    assert isinstance(make_printer("preview"), PreviewPrinter)
    assert isinstance(make_printer("dummy"), DummyPrinter)
    n = make_printer("network://10.1.2.3:9101")
    assert isinstance(n, NetworkPrinter) and (n.host, n.port) == ("10.1.2.3", 9101)
    assert make_printer("network://10.1.2.3").port == 9100  # type: ignore[attr-defined]
    assert make_printer("network://10.1.2.3").drawer_open_when_high is True  # type: ignore[attr-defined]
    assert make_printer("network://10.1.2.3?drawer=low").drawer_open_when_high is False  # type: ignore[attr-defined]
    s = make_printer("serial:///dev/ttyS0?baud=19200")
    assert isinstance(s, SerialPrinter) and (s.port, s.baudrate) == ("/dev/ttyS0", 19200)
    f = make_printer("file:///tmp/x.bin")
    assert isinstance(f, FilePrinter) and f.path == "/tmp/x.bin"
    for p in (n, s, f):
        assert isinstance(p, ReceiptPrinter)


def test_width_and_profile_come_from_config() -> None:
    p = make_printer("dummy", profile="TM-T88V", width_mm=58)
    # The profile's own Font A counts (issue 9, item 13): a TM-T88V prints 42 columns on 80 mm
    # (180 dpi) and about 30 on 58 mm, so the 32 of a 203 dpi printer would run past its edge.
    assert p.settings.profile == "TM-T88V" and p.settings.chars == 27  # type: ignore[attr-defined]
    assert make_printer("dummy", profile="TM-T88V", width_mm=80).settings.chars == 42  # type: ignore[attr-defined]
    assert make_printer("dummy?columns=42").settings.chars == 42  # type: ignore[attr-defined]


@pytest.mark.parametrize("url", ["", "lpt1", "network://", "usb://nothex", "serial://"])
def test_bad_urls_raise_printer_error(url: str) -> None:
    with pytest.raises(PrinterError):
        make_printer(url)


def test_usb_without_pyusb_gives_an_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    import hardware.printers.factory as factory

    monkeypatch.setattr(factory, "usb_available", lambda: False)
    with pytest.raises(PrinterError, match="pip install"):
        make_printer("usb://04b8:0e15")


def test_preview_keeps_documents_and_tells_listeners() -> None:
    p = PreviewPrinter()
    seen: list[ReceiptDocument] = []

    def boom(d: ReceiptDocument) -> None:
        raise RuntimeError("listener bug")

    p.add_listener(boom)
    p.add_listener(seen.append)
    p.print_document(DOC)
    assert p.documents == [DOC] and seen == [DOC] and p.drawer_kicks == 1
    p.remove_listener(seen.append)
    p.print_document(DOC)
    assert len(seen) == 1 and len(p.documents) == 2
    assert "Öl" in p.text(DOC)


def test_dummy_keeps_each_job() -> None:
    p = DummyPrinter()
    p.print_document(DOC)
    p.open_drawer()
    assert len(p.jobs) == 2
    assert "Hej då" in dec.decode_text(p.jobs[0]) and dec.drawer_kicks(p.jobs[0]) == [2]
    assert dec.drawer_kicks(p.jobs[1]) == [2] and dec.count_cuts(p.jobs[1]) == 0
    assert p.output == p.jobs[0] + p.jobs[1]
    assert p.status().paper == "unknown"


def test_file_printer_appends(tmp_path: Path) -> None:
    out = tmp_path / "receipts.bin"
    p = make_printer(f"file://{out}")
    p.print_document(DOC)
    p.print_document(DOC)
    data = out.read_bytes()
    assert dec.count_cuts(data) == 2 and dec.decode_text(data).count("Hej då") == 2
    assert p.status().paper == "unknown"


def test_file_printer_unwritable_is_offline(tmp_path: Path) -> None:
    p = FilePrinter(str(tmp_path / "missing-dir" / "x.bin"))
    with pytest.raises(PrinterOffline):
        p.print_document(DOC)


class FakeSerialTm:
    """Answers DLE EOT on the master side of a pty like a TM printer, collecting what it gets."""

    def __init__(self, paper_out: bool = False) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        self.path = os.ttyname(self.slave)
        self.paper_out = paper_out
        self.received = bytearray()
        self._stop = False
        self.t = threading.Thread(target=self._run, daemon=True)
        self.t.start()

    def _run(self) -> None:
        import select

        pending = bytearray()
        while not self._stop:
            r, _, _ = select.select([self.master], [], [], 0.05)
            if not r:
                continue
            try:
                chunk = os.read(self.master, 4096)
            except OSError:
                return
            self.received += chunk
            pending += chunk
            while True:
                i = pending.find(b"\x10\x04")
                if i < 0 or len(pending) < i + 3:
                    break
                n = pending[i + 2]
                del pending[: i + 3]
                b = 0x12
                if self.paper_out and n == 1:
                    b |= 0x08
                if self.paper_out and n == 2:
                    b |= 0x20
                if self.paper_out and n == 4:
                    b |= 0x6C
                os.write(self.master, bytes([b]))

    def close(self) -> None:
        self._stop = True
        self.t.join(1)
        os.close(self.master)
        os.close(self.slave)


def test_serial_printer_reads_status_and_prints_over_a_pty() -> None:
    fake = FakeSerialTm()
    try:
        p = make_printer(f"serial://{fake.path}?baud=19200")
        st = p.status()
        assert st.online and st.paper == "ok"
        p.print_document(DOC)
        import time

        deadline = time.monotonic() + 3
        while b"\x1dV" not in fake.received and time.monotonic() < deadline:
            time.sleep(0.01)
        assert "Hej då" in dec.decode_text(bytes(fake.received))
        fake.paper_out = True
        before = len(fake.received)
        with pytest.raises(PaperOut):
            p.print_document(DOC)
        time.sleep(0.05)
        assert b"Hej" not in bytes(fake.received[before:])
    finally:
        fake.close()


def test_serial_printer_missing_port_is_offline() -> None:
    with pytest.raises(PrinterOffline):
        make_printer("serial:///dev/does-not-exist-42").print_document(DOC)


def test_module_exports_usb_check() -> None:
    assert isinstance(escpos_printers.usb_available(), bool)
