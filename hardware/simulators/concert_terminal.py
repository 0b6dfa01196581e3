"""An Ingenico Telium Concert (protocol E) card terminal simulator on a pseudo-terminal.

Run it::

    python -m hardware.simulators.concert_terminal [--fault decline|busy|cancelled|lost_response|timeout]
        [--answer-delay 0.5] [--lost-delay 5] [--terminal-id CONCERT1] [--state DIR]

It prints the pty to use, e.g. ``concert:///dev/pts/7?baud=9600``. In tests::

    sim = ConcertSimulator().start(); term = make_terminal(sim.url); ...; sim.stop()

Behaviour (the link layer and messages of :mod:`hardware.terminals.concert`):

* outcome by ``next_fault`` (once), the standing ``fault``, or the magic amounts of
  :mod:`hardware.terminals.simulator` (öre 13 refused "7", 14 busy, 15 cancelled "9",
  16 approved with the answer lost, over 50 000 kr refused);
* ``busy`` as a fault: ENQ is not answered; busy by amount: the ask frame is NAKed;
* ``lost_response``: approved, the answer is sent only after ``lost_delay`` seconds (``None``:
  never) and repeated every half second for a while, as a terminal repeats an unacknowledged answer;
* ``timeout``: the answer comes after ``answer_delay`` + 3600 s (that is, not in a test's time);
* every frame received is checked (LRC); a bad one is NAKed;
* an ask repeated (the same private field: the till's attempt) is a new transaction, as on a real
  terminal (protocol E has no message identity and no status query): the card is charged again.
  ``repeats`` lists those asks, so a till that asks again after a lost answer shows.
"""
from __future__ import annotations

import argparse
import os
import select
import sys
import threading
import time
import tty
from dataclasses import dataclass
from pathlib import Path

from hardware.simulators import serve_until_interrupted
from hardware.simulators.sequence import TransactionCounter
from hardware.terminals.concert import (
    ACK,
    ENQ,
    EOT,
    NAK,
    RESULTS,
    Answer,
    Ask,
    ConcertError,
    read_frame,
    send_message,
    unframe,
    wait_for,
)
from hardware.terminals.simulator import card_for, magic_outcome
from pos.ports import PaymentOutcome

FAULTS = ("decline", "busy", "cancelled", "lost_response", "timeout")


class _MasterPort:
    """The pty master as a minimal serial-like port (read with timeout, write)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.timeout: float | None = 1.0

    def read(self, size: int = 1) -> bytes:
        r, _, _ = select.select([self.fd], [], [], self.timeout)
        if not r:
            return b""
        try:
            return os.read(self.fd, size)
        except OSError:
            return b""

    def write(self, data: bytes) -> int:
        try:
            return os.write(self.fd, data)
        except OSError:
            return 0


@dataclass
class Transaction:
    ask: Ask
    result: str  # "0", "7", "9"
    ref: str
    delivered: bool = False


class ConcertSimulator:
    def __init__(
        self,
        *,
        fault: str | None = None,
        answer_delay: float = 0.0,
        lost_delay: float | None = 1.0,
        ack_timeout: float = 1.0,
        terminal_id: str = "CONCERT1",
        state_dir: Path | str | None = None,
    ) -> None:
        if fault is not None and fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}: one of {', '.join(FAULTS)}")
        self.fault = fault
        self.next_fault: str | None = None
        self.answer_delay = answer_delay
        self.lost_delay = lost_delay
        self.ack_timeout = ack_timeout
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        self.path = os.ttyname(self.slave)
        self.port = _MasterPort(self.master)
        self.transactions: list[Transaction] = []
        self.bad_frames = 0
        self.asks: list[str] = []  # raw ask messages received
        # The terminal's transaction numbers go on across restarts: its references are unique.
        self._refs = TransactionCounter(f"concert-{terminal_id}", state_dir, modulo=10**9)
        self._late: list[tuple[float, Transaction, int]] = []  # (due, tx, tries left)
        self._busy_until = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="concert-sim", daemon=True)

    @property
    def url(self) -> str:
        return f"concert://{self.path}?baud=9600"

    @property
    def repeats(self) -> list[Transaction]:
        """Transactions whose ask repeated an earlier one's private field (charged again)."""
        seen: set[str] = set()
        out = []
        for t in self.transactions:
            if t.ask.private and t.ask.private in seen:
                out.append(t)
            seen.add(t.ask.private)
        return out

    @property
    def charged_total(self) -> int:
        total = 0
        for t in self.transactions:
            if t.result == "0" and t.ask.transaction_type == "0":
                total += t.ask.amount
            elif t.result == "0" and t.ask.transaction_type in ("1", "2"):
                total -= t.ask.amount
        return total

    def start(self) -> "ConcertSimulator":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)
        for fd in (self.master, self.slave):
            try:
                os.close(fd)
            except OSError:
                pass

    def __enter__(self) -> "ConcertSimulator":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # the terminal's loop -------------------------------------------------------------------
    def _run(self) -> None:
        while not self._stop.is_set():
            now = time.monotonic()
            due = [item for item in self._late if item[0] <= now]
            if due:
                item = due[0]
                self._late.remove(item)
                _, tx, tries = item
                if self._send_answer(tx):
                    tx.delivered = True
                elif tries > 1:
                    self._late.append((time.monotonic() + 0.5, tx, tries - 1))
                continue
            self.port.timeout = 0.05
            b = self.port.read(1)
            if b != ENQ:
                continue
            fault = self.next_fault or self.fault
            if fault == "busy" or time.monotonic() < self._busy_until:
                # A busy terminal does not answer ENQ, for a while (the till tries ENQ three times).
                if fault == "busy" and self.next_fault == "busy":
                    self.next_fault = None
                    self._busy_until = time.monotonic() + 4 * self.ack_timeout
                continue
            self.port.write(ACK)
            msg = None
            for _ in range(3):
                data = read_frame(self.port, self.ack_timeout * 2)
                try:
                    msg = unframe(data)
                    break
                except ConcertError:
                    self.bad_frames += 1
                    self.port.write(NAK)
            if msg is None:
                continue
            try:
                ask = Ask.decode(msg)
            except ConcertError:
                self.bad_frames += 1
                self.port.write(NAK)
                continue
            self.next_fault = None
            outcome, _, lost = magic_outcome(ask.amount)
            if fault is None and outcome is PaymentOutcome.BUSY:
                self.port.write(NAK)  # refused: the till retries the frame, then gives up
                continue
            self.port.write(ACK)
            wait_for(self.port, EOT, self.ack_timeout)
            self.asks.append(msg)
            if fault is None:
                fault = {PaymentOutcome.DECLINED: "decline", PaymentOutcome.CANCELLED: "cancelled"}.get(
                    outcome, "lost_response" if lost else None
                )
            result = {"decline": "7", "cancelled": "9"}.get(fault or "", "0")
            tx = Transaction(ask, result, f"T{self._refs.next():09d}")
            self.transactions.append(tx)
            if fault == "lost_response":
                if self.lost_delay is not None:
                    self._late.append((time.monotonic() + self.lost_delay, tx, 20))
                continue
            delay = self.answer_delay + (3600.0 if fault == "timeout" else 0.0)
            if delay > 0:
                self._late.append((time.monotonic() + delay, tx, 20))
                continue
            if self._send_answer(tx):
                tx.delivered = True
            else:
                self._late.append((time.monotonic() + 0.5, tx, 20))

    def _send_answer(self, tx: Transaction) -> bool:
        brand, last4 = card_for(tx.ref)
        report = ("492100000000" + last4) if tx.result != "9" else ""
        ans = Answer(
            tx.ask.pos_number,
            tx.result,
            tx.ask.amount,
            tx.ask.payment_mode,
            report,
            tx.ask.currency,
            tx.ref,
            full=tx.ask.answer_flag == "1",
        )
        return send_message(self.port, ans.encode(), ack_timeout=self.ack_timeout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Ingenico Telium Concert (protocol E) terminal simulator on a pty")
    ap.add_argument("--fault", choices=FAULTS)
    ap.add_argument("--answer-delay", type=float, default=0.5, help="seconds 'on the terminal' per payment")
    ap.add_argument("--lost-delay", type=float, default=5.0, help="seconds before a lost answer is repeated")
    ap.add_argument("--terminal-id", default="CONCERT1", help="names the terminal's transaction counter")
    ap.add_argument("--state", help="directory of the terminal's transaction counter (default: "
                                    "POS_SIMULATOR_STATE, else simulators/ in the data directory)")
    args = ap.parse_args(argv)
    sim = ConcertSimulator(fault=args.fault, answer_delay=args.answer_delay, lost_delay=args.lost_delay,
                           terminal_id=args.terminal_id, state_dir=args.state).start()
    print(f"Concert terminal simulator on {sim.path}  (till URL: {sim.url})", flush=True)
    print("results: " + ", ".join(f"{k}={v[1]}" for k, v in RESULTS.items()), flush=True)
    return serve_until_interrupted(sim)


if __name__ == "__main__":
    sys.exit(main())
