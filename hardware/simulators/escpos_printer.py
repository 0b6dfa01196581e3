"""A network ESC/POS receipt printer simulator (TCP, like an Epson TM on port 9100).

Run it::

    python -m hardware.simulators.escpos_printer --port 9100 [--host 127.0.0.1] [--out DIR]
        [--paper-out] [--near-end] [--cover-open] [--quiet]

and point the till at ``network://127.0.0.1:9100``. Each received receipt is printed as text on
stdout (and saved as ``job-0001.bin``/``job-0001.txt`` in ``--out DIR``). Type ``paper-out``,
``paper-ok``, ``near-end``, ``cover-open``, ``cover-closed``, ``drawer-open``, ``status`` ... on
its stdin to change the printer's state while it runs.

In tests::

    sim = PrinterSimulator(port=0).start()
    printer = make_printer(sim.url)
    sim.paper_out = True          # switch state at any time
    sim.wait_for_jobs(1); sim.jobs[0]; sim.texts[0]
    sim.stop()

What it does like a real printer:

* answers ``DLE EOT 1/2/3/4`` at once, in the stream, with the Epson status bits
  (see :mod:`hardware.printers.status`); ``silent = True`` stops answering (an old or odd printer);
* splits the received bytes into jobs at each cut (``GS V``); bytes left when the connection
  closes form an uncut job;
* while paper is out or the cover is open it is offline: jobs received then are *not* printed
  (kept in ``rejected_jobs``) and ``ESC p`` drawer kicks are not executed; the real-time
  ``DLE DC4 1`` pulse still is;
* logs drawer kicks (``drawer_kicks``: list of pins), and keeps every byte (``raw``).
"""
from __future__ import annotations

import argparse
import logging
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from hardware.simulators import serve_until_interrupted
from hardware.simulators.escpos_decode import (
    Incomplete,
    Token,
    decode_text,
    is_cut,
    is_drawer_kick,
    next_token,
    tokenize,
)

__all__ = ["PrinterSimulator", "decode_text", "main"]

log = logging.getLogger(__name__)


class _Handler(socketserver.BaseRequestHandler):
    server: "_Server"

    def handle(self) -> None:
        sim = self.server.sim
        sock: socket.socket = self.request
        sock.settimeout(0.2)
        with sim._lock:
            sim.connections += 1
        buf = bytearray()
        job = bytearray()
        while not sim._stopping.is_set():
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                continue
            except OSError:
                break
            if not chunk:
                break
            sim._record_raw(chunk)
            buf += chunk
            data = bytes(buf)
            pos = 0
            while True:
                try:
                    tok, nxt = next_token(data, pos)
                except Incomplete:
                    break
                pos = nxt
                try:
                    reply = sim._on_token(tok, job)
                except Exception:  # a simulator bug must not drop the connection
                    log.exception("printer simulator: token %r", tok)
                    reply = b""
                if reply:
                    try:
                        sock.sendall(reply)
                    except OSError:
                        break
                if is_cut(tok):
                    sim._finish_job(bytes(job))
                    job.clear()
            del buf[:pos]
        if buf:
            job += buf
        if _printable(bytes(job)):
            sim._finish_job(bytes(job))


def _printable(job: bytes) -> bool:
    """Whether an uncut remainder would put anything on paper (text, a code or an image)."""
    if decode_text(job).strip():
        return True
    return any(t.name in ("GS k", "GS ( k", "GS v", "GS 8", "ESC *") for t in tokenize(job))


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, addr: tuple[str, int], sim: "PrinterSimulator") -> None:
        self.sim = sim
        super().__init__(addr, _Handler)


class PrinterSimulator:
    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        out_dir: str | Path | None = None,
        *,
        echo: bool = False,
    ) -> None:
        self.host = host
        self._req_port = port
        self.out_dir = Path(out_dir) if out_dir else None
        self.echo = echo
        # state (switch at any time)
        self.paper_out = False
        self.paper_near_end = False
        self.cover_open = False
        self.drawer_open = False
        self.error = False
        self.silent = False  # do not answer status queries
        # records
        self.jobs: list[bytes] = []
        self.rejected_jobs: list[bytes] = []
        self.drawer_kicks: list[int] = []
        self.status_queries: list[int] = []
        self.raw = bytearray()
        self.connections = 0
        self._lock = threading.Condition()
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # lifecycle -----------------------------------------------------------------------------
    def start(self) -> "PrinterSimulator":
        self._server = _Server((self.host, self._req_port), self)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="escpos-sim", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=2)

    def __enter__(self) -> "PrinterSimulator":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "start() first"
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        return f"network://{self.host}:{self.port}"

    @property
    def online(self) -> bool:
        return not (self.paper_out or self.cover_open or self.error)

    # views ---------------------------------------------------------------------------------
    @property
    def texts(self) -> list[str]:
        with self._lock:
            return [decode_text(j) for j in self.jobs]

    def wait_for_jobs(self, n: int, timeout: float = 5.0) -> list[bytes]:
        """Block until ``n`` jobs were printed (or timeout); return the jobs."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while len(self.jobs) < n:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._lock.wait(left)
            return list(self.jobs)

    def wait_until(self, predicate: "Callable[[PrinterSimulator], bool]", timeout: float = 5.0) -> bool:
        """Block until ``predicate(self)`` is true (re-checked on every job and drawer kick)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while not predicate(self):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._lock.wait(min(left, 0.05))
            return True

    # status bytes --------------------------------------------------------------------------
    def status_byte(self, n: int) -> int:
        b = 0x12
        if n == 1:
            if not self.online:
                b |= 0x08
            if self.drawer_open:
                b |= 0x04
        elif n == 2:
            if self.cover_open:
                b |= 0x04
            if self.paper_out:
                b |= 0x20
            if self.error:
                b |= 0x40
        elif n == 3:
            if self.error:
                b |= 0x40
        elif n == 4:
            if self.paper_near_end or self.paper_out:
                b |= 0x0C
            if self.paper_out:
                b |= 0x60
        return b

    # internals -----------------------------------------------------------------------------
    def _record_raw(self, chunk: bytes) -> None:
        with self._lock:
            self.raw += chunk

    def _on_token(self, tok: Token, job: bytearray) -> bytes:
        if tok.kind == "cmd" and tok.name == "DLE EOT":
            n = tok.raw[2]
            with self._lock:
                self.status_queries.append(n)
            if self.silent:
                return b""
            return bytes([self.status_byte(n)])
        if tok.kind == "cmd" and tok.name == "DLE ENQ":
            return b""
        if is_drawer_kick(tok):
            realtime = tok.name == "DLE DC4"
            if realtime or self.online:
                m = tok.raw[2] if tok.name == "ESC p" else tok.raw[3]
                with self._lock:
                    self.drawer_kicks.append(5 if m in (1, 49) else 2)
                    self._lock.notify_all()
                if self.echo:
                    print("[drawer kick]", flush=True)
            if realtime:
                return b""
        job += tok.raw
        return b""

    def _finish_job(self, job: bytes) -> None:
        if not job:
            return
        with self._lock:
            if not self.online:
                self.rejected_jobs.append(job)
                self._lock.notify_all()
                return
            self.jobs.append(job)
            n = len(self.jobs)
            self._lock.notify_all()
        text = decode_text(job)
        if self.out_dir is not None:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            (self.out_dir / f"job-{n:04d}.bin").write_bytes(job)
            (self.out_dir / f"job-{n:04d}.txt").write_text(text, encoding="utf-8")
        if self.echo:
            print(f"----- job {n} -----\n{text.rstrip()}\n", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="ESC/POS network receipt printer simulator")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=9100)
    ap.add_argument("--out", help="directory to save each job as .bin and .txt")
    ap.add_argument("--paper-out", action="store_true", help="start with the paper out")
    ap.add_argument("--near-end", action="store_true", help="start with the paper near its end")
    ap.add_argument("--cover-open", action="store_true", help="start with the cover open")
    ap.add_argument("--quiet", action="store_true", help="do not print jobs on stdout")
    args = ap.parse_args(argv)
    sim = PrinterSimulator(args.host, args.port, args.out, echo=not args.quiet)
    sim.paper_out = args.paper_out
    sim.paper_near_end = args.near_end
    sim.cover_open = args.cover_open
    sim.start()
    print(f"ESC/POS printer simulator on {sim.url} (Ctrl+C to stop)", flush=True)
    print("commands on stdin: " + ", ".join(COMMANDS) + ", status", flush=True)
    def commands() -> None:  # until stdin closes (e.g. run in the background): then serve on
        for line in sys.stdin:
            print(command(sim, line), flush=True)

    return serve_until_interrupted(sim, commands)


COMMANDS = {
    "paper-out": ("paper_out", True),
    "paper-ok": ("paper_out", False),
    "near-end": ("paper_near_end", True),
    "paper-full": ("paper_near_end", False),
    "cover-open": ("cover_open", True),
    "cover-closed": ("cover_open", False),
    "drawer-open": ("drawer_open", True),
    "drawer-closed": ("drawer_open", False),
    "silent": ("silent", True),
    "talk": ("silent", False),
}


def command(sim: PrinterSimulator, line: str) -> str:
    """Apply one stdin command (``paper-out``, ``paper-ok``, ...) and describe the state."""
    word = line.strip().lower()
    if word in COMMANDS:
        attr, value = COMMANDS[word]
        setattr(sim, attr, value)
    elif word not in ("", "status"):
        return f"unknown command {word!r}: " + ", ".join(COMMANDS) + ", status"
    return (
        f"online={sim.online} paper_out={sim.paper_out} near_end={sim.paper_near_end} "
        f"cover_open={sim.cover_open} drawer_open={sim.drawer_open} jobs={len(sim.jobs)} "
        f"rejected={len(sim.rejected_jobs)} kicks={len(sim.drawer_kicks)}"
    )


if __name__ == "__main__":
    sys.exit(main())
