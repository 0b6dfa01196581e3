"""Ingenico Telium "Concert" over a serial line (protocol E: the 34-character message).

Link layer (both directions, the sender starts)::

    sender ENQ  ->        <- receiver ACK
    sender STX <message> ETX LRC  ->   <- receiver ACK (or NAK: the sender repeats, 3 tries)
    sender EOT

``LRC`` is the XOR of every byte after STX up to and including ETX.

The till sends (34 ASCII characters)::

    pos number 2 | amount in öre 8 | answer flag 1 ("1" full answer) | payment mode 1 ("1" card)
    | transaction type 1 ("0" purchase, "1" refund/credit, "2" cancellation)
    | currency 3 (ISO numeric, "752" SEK) | private 10 | delay 4 ("A010": answer at the end)
    | authorisation 4 ("B010": terminal decides)

then waits (up to ``answer_timeout``) for the terminal to send its answer the same way::

    pos number 2 | result 1 ("0" approved, "7" refused, "9" cancelled/not done) | amount 8
    | payment mode 1 | report 55 (card number; only in the full answer) | currency 3 | private 10

(80 characters, or 25 without the report). The terminal's ``private`` field is its transaction
reference (``terminal_ref``); the card number is masked to its last four digits.

Concert has no status query. What this adapter can do about a lost answer:
``transaction_status`` returns the result if it has it, otherwise listens on the line for a late
answer (terminals repeat an unacknowledged answer) and else says UNKNOWN with a message telling the
cashier to look at the terminal's last receipt. A ``purchase`` for an attempt that was already sent
is never sent again. ``abort`` does nothing: the customer or cashier cancels on the terminal.
"""
from __future__ import annotations

import hashlib
import logging
import threading
import time
from dataclasses import dataclass
from typing import Protocol

import serial

from hardware.scanners.serial_scanner import parse_url
from hardware.terminals.reasons import TerminalReason
from pos.money import format_kronor
from pos.ports import PaymentOutcome, PaymentRequest, PaymentResult

log = logging.getLogger(__name__)

STX, ETX, EOT, ENQ, ACK, NAK = b"\x02", b"\x03", b"\x04", b"\x05", b"\x06", b"\x15"

ASK_LENGTH = 34
ANSWER_FULL = 80
ANSWER_SHORT = 25
MAX_AMOUNT = 99_999_999  # eight digits of öre

TYPE_PURCHASE, TYPE_REFUND, TYPE_CANCEL = "0", "1", "2"
CURRENCIES = {"SEK": "752", "EUR": "978", "NOK": "578", "DKK": "208", "USD": "840"}
# result code -> outcome, and the word printed on the card slip (a Swedish receipt)
RESULTS = {
    "0": (PaymentOutcome.APPROVED, "Godkänd"),
    "7": (PaymentOutcome.DECLINED, "Nekad av kortutgivaren"),
    "9": (PaymentOutcome.CANCELLED, "Avbrutet på terminalen"),
}


class ConcertError(Exception):
    pass


# --- framing -------------------------------------------------------------------------------------


def lrc(data: bytes) -> int:
    v = 0
    for b in data:
        v ^= b
    return v


def frame(message: str) -> bytes:
    body = message.encode("ascii") + ETX
    return STX + body + bytes([lrc(body)])


def unframe(data: bytes) -> str:
    """The message inside ``STX ... ETX LRC``; ConcertError if the frame or LRC is wrong."""
    if len(data) < 3 or data[:1] != STX or data[-2:-1] != ETX:
        raise ConcertError("not an STX...ETX frame")
    if lrc(data[1:-1]) != data[-1]:
        raise ConcertError("LRC mismatch")
    return data[1:-2].decode("ascii", errors="replace")


# --- messages ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ask:
    pos_number: str
    amount: int  # öre
    transaction_type: str = TYPE_PURCHASE
    currency: str = "752"
    private: str = ""
    answer_flag: str = "1"
    payment_mode: str = "1"
    delay: str = "A010"
    authorization: str = "B010"

    def encode(self) -> str:
        if not 0 <= self.amount <= MAX_AMOUNT:
            raise ConcertError("amount out of range")
        msg = (
            self.pos_number.rjust(2, "0")[:2]
            + f"{self.amount:08d}"
            + self.answer_flag[:1]
            + self.payment_mode[:1]
            + self.transaction_type[:1]
            + self.currency.rjust(3, "0")[:3]
            + self.private.ljust(10)[:10]
            + self.delay[:4]
            + self.authorization[:4]
        )
        assert len(msg) == ASK_LENGTH
        return msg

    @staticmethod
    def decode(msg: str) -> "Ask":
        if len(msg) != ASK_LENGTH or not msg[2:10].isdigit():
            raise ConcertError(f"an ask message has {ASK_LENGTH} characters")
        return Ask(
            pos_number=msg[0:2],
            amount=int(msg[2:10]),
            answer_flag=msg[10],
            payment_mode=msg[11],
            transaction_type=msg[12],
            currency=msg[13:16],
            private=msg[16:26].rstrip(),
            delay=msg[26:30],
            authorization=msg[30:34],
        )


@dataclass(frozen=True)
class Answer:
    pos_number: str
    result: str
    amount: int
    payment_mode: str = "1"
    report: str = ""
    currency: str = "752"
    private: str = ""
    full: bool = True

    def encode(self) -> str:
        msg = (
            self.pos_number.rjust(2, "0")[:2]
            + self.result[:1]
            + f"{self.amount:08d}"
            + self.payment_mode[:1]
            + (self.report.ljust(55)[:55] if self.full else "")
            + self.currency.rjust(3, "0")[:3]
            + self.private.ljust(10)[:10]
        )
        return msg

    @staticmethod
    def decode(msg: str) -> "Answer":
        if len(msg) == ANSWER_FULL:
            report, currency, private, full = msg[12:67], msg[67:70], msg[70:80], True
        elif len(msg) == ANSWER_SHORT:
            report, currency, private, full = "", msg[12:15], msg[15:25], False
        else:
            raise ConcertError(f"an answer has {ANSWER_FULL} or {ANSWER_SHORT} characters, not {len(msg)}")
        if not msg[3:11].isdigit():
            raise ConcertError("the amount is not a number")
        return Answer(msg[0:2], msg[2], int(msg[3:11]), msg[11], report.strip(), currency, private.strip(), full)


def private_ref(attempt_id: str) -> str:
    """10 characters naming the attempt in the ask's private field."""
    return hashlib.sha256(attempt_id.encode()).hexdigest()[:10].upper()


def masked(report: str) -> str:
    digits = "".join(ch for ch in report if ch.isdigit())
    return "*" * 12 + digits[-4:] if len(digits) >= 4 else ""


# --- link layer ----------------------------------------------------------------------------------


class Port(Protocol):
    timeout: float | None

    def read(self, size: int = 1) -> bytes: ...

    def write(self, data: bytes) -> int | None: ...


def read_byte(port: Port, timeout: float) -> bytes:
    port.timeout = timeout
    return port.read(1)


def wait_for(port: Port, wanted: bytes, timeout: float) -> bool:
    """Read until ``wanted`` arrives (other bytes are skipped) or ``timeout`` passes."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        b = read_byte(port, left)
        if b == wanted:
            return True


def read_frame(port: Port, timeout: float) -> bytes:
    """STX ... ETX LRC, skipping anything before STX; b"" on timeout."""
    if not wait_for(port, STX, timeout):
        return b""
    data = bytearray(STX)
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return b""
        b = read_byte(port, left)
        if not b:
            continue
        data += b
        if b == ETX:
            lb = read_byte(port, max(0.1, deadline - time.monotonic()))
            if not lb:
                return b""
            data += lb
            return bytes(data)
        if len(data) > 512:
            return b""


def send_message(port: Port, message: str, *, ack_timeout: float = 2.0, tries: int = 3) -> bool:
    """ENQ/ACK, the frame (repeated on NAK), EOT. True when the other side acknowledged the frame."""
    for _ in range(tries):
        port.write(ENQ)
        if wait_for(port, ACK, ack_timeout):
            break
    else:
        return False
    data = frame(message)
    for _ in range(tries):
        port.write(data)
        port.timeout = ack_timeout
        reply = read_byte(port, ack_timeout)
        if reply == ACK:
            port.write(EOT)
            return True
        if reply != NAK:
            break
    port.write(EOT)
    return False


def receive_message(port: Port, timeout: float, *, ack_timeout: float = 2.0, tries: int = 3) -> str | None:
    """Wait for ENQ, ACK it, read the frame (NAK and read again on a bad LRC), ACK, wait for EOT."""
    if not wait_for(port, ENQ, timeout):
        return None
    port.write(ACK)
    for _ in range(tries):
        data = read_frame(port, ack_timeout * 2)
        try:
            msg = unframe(data)
        except ConcertError:
            port.write(NAK)
            continue
        port.write(ACK)
        wait_for(port, EOT, ack_timeout)
        return msg
    return None


# --- the adapter ---------------------------------------------------------------------------------


class ConcertTerminal:
    """A :class:`pos.ports.CardTerminal` over Concert protocol E (see the module docstring)."""

    def __init__(
        self,
        port: str,
        baudrate: int = 9600,
        *,
        name: str = "",
        pos_number: str = "01",
        answer_timeout: float = 120.0,
        ack_timeout: float = 2.0,
        status_listen: float = 3.0,
    ) -> None:
        self.name = name or f"Concert {port}"
        self.url = port
        self.baudrate = baudrate
        self.pos_number = pos_number
        self.answer_timeout = answer_timeout
        self.ack_timeout = ack_timeout
        self.status_listen = status_listen
        self._lock = threading.Lock()  # one transaction at a time on the line
        self._final: dict[str, PaymentResult] = {}
        self._pending: dict[str, tuple[PaymentRequest, str]] = {}  # sent, no answer yet: (request, type)

    def _open(self) -> serial.SerialBase:
        port, kw = parse_url(self.url, self.baudrate)
        if "://" not in port:
            kw.setdefault("baudrate", self.baudrate)
        return serial.serial_for_url(port, timeout=self.ack_timeout, **kw)

    # CardTerminal --------------------------------------------------------------------------
    def start(self, request: PaymentRequest) -> PaymentResult:
        return self._transact(request, TYPE_PURCHASE)

    def refund(self, request: PaymentRequest) -> PaymentResult:
        return self._transact(request, TYPE_REFUND)

    def status(self, attempt_id: str) -> PaymentResult:
        final = self._final.get(attempt_id)
        if final is not None:
            return final
        pending = self._pending.get(attempt_id)
        if pending is None:
            return PaymentResult(PaymentOutcome.NOT_FOUND, attempt_id, reason=TerminalReason("terminal.unknown_transaction"))
        req, ttype = pending
        # Listen for a late answer the terminal repeats.
        with self._lock:
            try:
                port = self._open()
            except Exception as e:
                return PaymentResult(PaymentOutcome.UNKNOWN, attempt_id, req.amount,
                                  reason=TerminalReason("terminal.unreachable", address=f"{self.url}: {e}"))
            try:
                msg = receive_message(port, self.status_listen, ack_timeout=self.ack_timeout)
            except Exception:
                msg = None
            finally:
                port.close()
        if msg is not None:
            result = self._result_from(msg, req, ttype)
            if result.outcome is not PaymentOutcome.UNKNOWN:
                return result
        return PaymentResult(
            PaymentOutcome.UNKNOWN, attempt_id, req.amount,
            reason=TerminalReason("terminal.no_answer_see_receipt"),
        )

    def abort(self, attempt_id: str) -> None:
        """Concert protocol E has no abort: cancel on the terminal."""

    def reversal(self, attempt_id: str, original: PaymentResult) -> PaymentResult:
        """Cancel (transaction type 2) an approved payment of the same day for its amount."""
        return self._transact(PaymentRequest(attempt_id, original.amount, sale_ref=original.terminal_ref), TYPE_CANCEL)

    # internals -----------------------------------------------------------------------------
    def _transact(self, request: PaymentRequest, ttype: str) -> PaymentResult:
        if request.attempt_id in self._final:
            return self._final[request.attempt_id]
        if request.attempt_id in self._pending:
            return self.status(request.attempt_id)
        currency = CURRENCIES.get(request.currency.upper())
        if currency is None or not 0 < request.amount <= MAX_AMOUNT:
            return PaymentResult(PaymentOutcome.DECLINED, request.attempt_id, request.amount,
                              reason=TerminalReason("terminal.invalid_amount"))
        ask = Ask(self.pos_number, request.amount, ttype, currency, private_ref(request.attempt_id))
        with self._lock:
            try:
                port = self._open()
            except Exception as e:
                return PaymentResult(PaymentOutcome.BUSY, request.attempt_id, request.amount,
                                  reason=TerminalReason("terminal.unreachable", address=f"{self.url}: {e}"))
            try:
                if not send_message(port, ask.encode(), ack_timeout=self.ack_timeout):
                    return PaymentResult(PaymentOutcome.BUSY, request.attempt_id, request.amount,
                                      reason=TerminalReason("terminal.not_received"))
                self._pending[request.attempt_id] = (request, ttype)
                msg = receive_message(port, self.answer_timeout, ack_timeout=self.ack_timeout)
            except Exception as e:  # the line broke after the ask went out
                log.warning("Concert link error: %s", e)
                msg = None
            finally:
                try:
                    port.close()
                except Exception:
                    pass
        if msg is None:
            return PaymentResult(PaymentOutcome.UNKNOWN, request.attempt_id, request.amount,
                              reason=TerminalReason("terminal.no_answer"))
        return self._result_from(msg, request, ttype)

    def _result_from(self, msg: str, request: PaymentRequest, ttype: str) -> PaymentResult:
        try:
            ans = Answer.decode(msg)
        except ConcertError as e:
            log.warning("unreadable Concert answer: %s", e)
            return PaymentResult(PaymentOutcome.UNKNOWN, request.attempt_id, request.amount,
                              reason=TerminalReason("terminal.unreadable_answer"))
        outcome, word_on_receipt = RESULTS.get(ans.result, (PaymentOutcome.DECLINED,
                                                            f"Nekad (kod {ans.result})"))
        # protocol E carries a result code, no words: the till says what a refusal means
        reason = (TerminalReason("terminal.declined_by_issuer") if ans.result == "7" else
                  TerminalReason("terminal.failure", condition=f"code {ans.result}")
                  if ans.result not in RESULTS else None)
        pan = masked(ans.report)
        word = {TYPE_REFUND: "ÅTERKÖP", TYPE_CANCEL: "ANNULLERING"}.get(ttype, "KÖP")
        lines = (
            "KORTBETALNING (CONCERT)",
            f"{pan}" if pan else "",
            f"{word} {format_kronor(ans.amount)} {request.currency}",
            f"REF {ans.private}" if ans.private else "",
            word_on_receipt.upper(),
        )
        result = PaymentResult(
            outcome=outcome,
            attempt_id=request.attempt_id,
            amount=ans.amount,
            auth_code="",  # protocol E does not carry the approval code
            masked_pan=pan,
            brand="",
            terminal_ref=ans.private,
            reason=reason,
            receipt_lines=tuple(ln for ln in lines if ln),
        )
        self._pending.pop(request.attempt_id, None)
        self._final[request.attempt_id] = result
        return result
