"""The 2x20 customer display: exact bytes over loop:// and a pty."""
from __future__ import annotations

import os
import select
import tty

from hardware.displays.line_display import LineDisplay, cart_lines, fit, payment_lines, thanks_lines
from pos.ports import CustomerDisplay, DisplayLine


def read_all(d: LineDisplay) -> bytes:
    assert d.port is not None
    return d.port.read(d.port.in_waiting)


def test_is_a_customer_display() -> None:
    assert isinstance(LineDisplay("loop://"), CustomerDisplay)


def test_cart_screen_bytes_over_loop() -> None:
    d = LineDisplay("loop://")
    d.show_cart([DisplayLine("Kaffe", 1, 2500), DisplayLine("Räksmörgås", 2, 17800)], total=20300, vat=2175)
    data = read_all(d)
    init = b"\x1b@\x1bt\x13"
    assert data.startswith(init)
    screen = data[len(init) :]
    assert screen[:2] == b"\x0c\x0b"
    text = screen[2:].decode("cp858")
    assert len(text) == 40
    assert text[:20] == "2x Räksmörgås 178,00"
    assert text[20:] == "Totalt        203,00"
    assert "ö".encode("cp858") in screen


def test_later_screens_do_not_reinitialise() -> None:
    d = LineDisplay("loop://")
    d.clear()
    assert read_all(d) == b"\x1b@\x1bt\x13\x0c"
    d.show_payment(total=20300, paid=50000, change=29700)
    data = read_all(d)
    assert data == b"\x0c\x0b" + ("Betalt        500,00" + "Växel         297,00").encode("cp858")
    d.show_thanks("Tack för ditt köp och välkommen åter!")
    text = read_all(d)[2:].decode("cp858")
    assert text[:20].strip() == "Tack för ditt köp" and text[20:].strip() == "och välkommen åter!"


def test_english_labels() -> None:
    from hardware.displays.line_display import LABELS_EN

    d = LineDisplay("loop://", labels=LABELS_EN)
    d.show_payment(total=1000, paid=2000, change=1000)
    assert d.screen == ("Paid           20,00", "Change         10,00")


def test_line_helpers() -> None:
    assert fit("A very long article name", "1 299,00") == "A very long 1 299,00"
    assert payment_lines(10000, 4000, 0)[1] == "Att betala     60,00"
    assert cart_lines([], 0)[0] == " " * 20
    assert thanks_lines("")[0] == " " * 20


def test_over_a_pty_and_survives_a_missing_port() -> None:
    master, slave = os.openpty()
    tty.setraw(slave)
    try:
        d = LineDisplay(f"serial://{os.ttyname(slave)}?baud=9600")
        d.show_cart([DisplayLine("Öl", 1, 2500)], 2500, 500)
        got = b""
        while len(got) < 5 + 42:
            r, _, _ = select.select([master], [], [], 2)
            assert r, "display sent nothing"
            got += os.read(master, 1024)
        assert got.endswith(("Öl" + " " * 13 + "25,00" + "Totalt" + " " * 9 + "25,00").encode("cp858"))
        d.close()
    finally:
        os.close(master)
        os.close(slave)
    bad = LineDisplay("serial:///dev/no-such-display")
    bad.show_thanks("Hej")  # must not raise
    assert "no-such-display" in bad.last_error
