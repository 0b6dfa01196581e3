"""Serial scanner over a pty pair, loop:// and a socket:// bridge that drops the connection."""
from __future__ import annotations

import os
import queue
import random
import socket
import threading
import tty
from collections.abc import Iterator

import pytest

from hardware.scanners.serial_scanner import SerialScanner, decode_scan, parse_url


class Collector:
    def __init__(self) -> None:
        self.scans: queue.Queue[str] = queue.Queue()
        self.errors: list[str] = []

    def scan(self, text: str) -> None:
        self.scans.put(text)

    def error(self, msg: str) -> None:
        self.errors.append(msg)

    def take(self, n: int, timeout: float = 3.0) -> list[str]:
        return [self.scans.get(timeout=timeout) for _ in range(n)]


@pytest.fixture
def pty_pair() -> Iterator[tuple[int, str]]:
    master, slave = os.openpty()
    tty.setraw(slave)
    try:
        yield master, os.ttyname(slave)
    finally:
        os.close(master)
        os.close(slave)


def test_parse_url() -> None:
    assert parse_url("serial:///dev/ttyACM0?baud=19200") == ("/dev/ttyACM0", {"baudrate": 19200})
    assert parse_url("serial:///dev/ttyACM0") == ("/dev/ttyACM0", {"baudrate": 9600})
    assert parse_url("socket://127.0.0.1:5000") == ("socket://127.0.0.1:5000", {})
    assert parse_url("loop://") == ("loop://", {})


def test_decode_scan() -> None:
    assert decode_scan("Åby".encode()) == "Åby"
    assert decode_scan("Åby".encode("latin-1")) == "Åby"
    assert decode_scan(b"\x02123\x03") == "123"


def test_scans_over_a_pty_with_prefix_and_suffix(pty_pair: tuple[int, str]) -> None:
    master, path = pty_pair
    c = Collector()
    sc = SerialScanner(f"serial://{path}?baud=9600", c.scan, c.error, prefix="]E0", suffix="\r")
    try:
        assert sc.wait_open()
        os.write(master, b"]E07312345678903\r")
        os.write(master, b"R-K1-0000")  # a scan split over two writes
        os.write(master, b"42\r\r")  # and an empty line
        os.write(master, "Smörgås\r".encode("latin-1"))
        assert c.take(3) == ["7312345678903", "R-K1-000042", "Smörgås"]
        assert c.scans.empty()
    finally:
        sc.close()
    assert not sc.running


def test_random_bytes_never_kill_the_reader(pty_pair: tuple[int, str]) -> None:
    master, path = pty_pair
    c = Collector()
    sc = SerialScanner(path, c.scan, c.error, max_line=64)
    try:
        assert sc.wait_open()
        rnd = random.Random(42)
        for _ in range(50):
            os.write(master, bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 200))))
        os.write(master, b"\r" + b"x" * 500 + b"\rEND-OF-NOISE\r")
        got: list[str] = []
        while "END-OF-NOISE" not in got:
            got.append(c.scans.get(timeout=3))
        assert sc.running and sc.dropped >= 1
        assert all(len(s.encode("utf-8")) <= 64 * 2 for s in got)
    finally:
        sc.close()


def test_loop_url_and_a_callback_that_raises() -> None:
    c = Collector()
    calls: list[str] = []

    def flaky(text: str) -> None:
        calls.append(text)
        if text == "boom":
            raise RuntimeError("UI bug")
        c.scan(text)

    sc = SerialScanner("loop://", flaky, c.error, suffix="\r\n")
    try:
        assert sc.wait_open()
        assert sc.serial is not None
        sc.serial.write(b"boom\r\nABC-1\r\n")
        assert c.take(1) == ["ABC-1"]
        assert calls == ["boom", "ABC-1"]
    finally:
        sc.close()


def test_reconnects_after_the_connection_drops() -> None:
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(2)
    srv.settimeout(5)
    port = srv.getsockname()[1]
    c = Collector()
    sc = SerialScanner(f"socket://127.0.0.1:{port}", c.scan, c.error, reconnect_delays=(0.05,))
    try:
        conn, _ = srv.accept()
        assert sc.wait_open()  # pyserial empties the input when it opens: send after that
        conn.sendall(b"first\r")
        assert c.take(1) == ["first"]
        conn.close()  # the bridge goes away
        conn2, _ = srv.accept()  # the scanner comes back by itself
        assert sc.wait_open()
        conn2.sendall(b"second\r")
        assert c.take(1) == ["second"]
        assert c.errors and "stopped answering" in c.errors[0]
        conn2.close()
    finally:
        sc.close()
        srv.close()


def test_missing_port_reports_and_keeps_trying() -> None:
    c = Collector()
    sc = SerialScanner("serial:///dev/no-such-scanner", c.scan, c.error, reconnect_delays=(0.02,))
    try:
        deadline = threading.Event()
        for _ in range(100):
            if sc.errors >= 3:
                break
            deadline.wait(0.02)
        assert sc.errors >= 3  # it keeps trying ...
        assert len(c.errors) == 1 and "cannot be opened" in c.errors[0]  # ... and says so once
        assert sc.running
    finally:
        sc.close()
    assert not sc.running
