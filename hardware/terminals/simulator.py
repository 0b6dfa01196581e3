"""An in-process card terminal simulator implementing :class:`pos.ports.CardTerminal`.

It approves everything except these magic amounts (purchase and refund alike):

==========================  ==============================================================
amount                      outcome
==========================  ==============================================================
öre part 13 (100,13 kr)     DECLINED "Nekad av kortutgivaren"
over 50 000,00 kr           DECLINED "Belopp över gräns"
0 or less                   DECLINED "Ogiltigt belopp"
öre part 14                 BUSY (nothing charged; the same attempt may be tried again)
öre part 15                 CANCELLED (the customer pressed cancel)
öre part 16                 approved, but the response is lost: UNKNOWN is returned and
                            ``status(attempt_id)`` gives the approved result
==========================  ==============================================================

Each ``attempt_id`` is remembered: a second ``start`` with the same id never charges again and
returns the first (final) result. With ``delay`` > 0 a transaction takes that long; meanwhile
``status`` answers UNKNOWN (in progress) and ``abort`` cancels it.

References (``terminal_ref``, ``TERMINALID-00000042``) are numbered by the terminal's own counter,
kept on disk (:mod:`hardware.simulators.sequence`): unique per terminal across restarts and
processes, as a real terminal's are (a return refunds by them); the authorisation code follows
from the reference.
"""
from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, replace
from pathlib import Path

from hardware.simulators.sequence import TransactionCounter
from hardware.terminals.reasons import TerminalReason
from pos.money import format_kronor
from pos.ports import PaymentOutcome, PaymentRequest, PaymentResult

LIMIT_ORE = 5_000_000  # 50 000,00 kr

# The simulated terminal's own display words (a Swedish store's terminal speaks Swedish) where
# they tell more than the outcome; otherwise it says nothing and the till's sentence stands alone
# (never "Avbrutet: Avbrutet på terminalen").
DECLINED_MSG = "Nekad av kortutgivaren"
LIMIT_MSG = "Belopp över gräns"
INVALID_MSG = "Ogiltigt belopp"

FINAL = {PaymentOutcome.APPROVED, PaymentOutcome.DECLINED, PaymentOutcome.CANCELLED}

_CARDS = (("VISA", "4921"), ("Mastercard", "5412"), ("VISA", "0019"), ("Maestro", "6759"))


def magic_outcome(amount: int) -> tuple[PaymentOutcome, str, bool]:
    """(outcome, message, response_lost) the simulators give for ``amount`` öre."""
    ore = abs(amount) % 100
    if amount <= 0:
        return PaymentOutcome.DECLINED, INVALID_MSG, False
    if amount > LIMIT_ORE:
        return PaymentOutcome.DECLINED, LIMIT_MSG, False
    if ore == 13:
        return PaymentOutcome.DECLINED, DECLINED_MSG, False
    if ore == 14:
        return PaymentOutcome.BUSY, "", False
    if ore == 15:
        return PaymentOutcome.CANCELLED, "", False
    if ore == 16:
        return PaymentOutcome.APPROVED, "", True
    return PaymentOutcome.APPROVED, "", False


def card_for(attempt_id: str) -> tuple[str, str]:
    """A deterministic (brand, last four digits) for an attempt."""
    h = int(hashlib.sha256(attempt_id.encode()).hexdigest(), 16)
    return _CARDS[h % len(_CARDS)]


def mask(last4: str) -> str:
    return "*" * 12 + last4


@dataclass
class _Attempt:
    request: PaymentRequest
    kind: str  # "purchase" | "refund" | "reversal"
    result: PaymentResult | None = None  # the terminal's real (final) result
    cancel: threading.Event | None = None


class SimulatedTerminal:
    """See the module docstring. Thread-safe."""

    def __init__(self, name: str = "simulator", *, delay: float = 0.0, terminal_id: str = "SIM00001",
                 state_dir: Path | str | None = None) -> None:
        self.name = name
        self.delay = delay
        self.terminal_id = terminal_id
        self.attempts: dict[str, _Attempt] = {}
        self.charges: list[PaymentResult] = []  # approved purchases and refunds actually carried out
        self._lock = threading.Lock()
        self._refs = TransactionCounter(f"simulator-{terminal_id}", state_dir)

    # CardTerminal ---------------------------------------------------------------------------
    def start(self, request: PaymentRequest) -> PaymentResult:
        return self._transact(request, "purchase")

    def refund(self, request: PaymentRequest) -> PaymentResult:
        return self._transact(request, "refund")

    def status(self, attempt_id: str) -> PaymentResult:
        with self._lock:
            att = self.attempts.get(attempt_id)
            if att is None:
                return PaymentResult(PaymentOutcome.NOT_FOUND, attempt_id, reason=TerminalReason("terminal.unknown_transaction"))
            if att.result is None:
                return PaymentResult(PaymentOutcome.UNKNOWN, attempt_id, att.request.amount, reason=TerminalReason("terminal.in_progress"))
            return att.result

    def abort(self, attempt_id: str) -> None:
        with self._lock:
            att = self.attempts.get(attempt_id)
            if att is not None and att.result is None and att.cancel is not None:
                att.cancel.set()

    def reversal(self, attempt_id: str, original: PaymentResult) -> PaymentResult:
        """Reverse an approved purchase (same day) by its terminal reference; once only."""
        with self._lock:
            prev = self.attempts.get(attempt_id)
            if prev is not None and prev.result is not None:
                return prev.result
            target = next(
                (a for a in self.attempts.values()
                 if a.result is not None and a.result.approved and a.result.terminal_ref == original.terminal_ref
                 and a.kind == "purchase"),
                None,
            )
            already = any(a.kind == "reversal" and a.result is not None and a.result.approved
                          and a.result.terminal_ref == original.terminal_ref for a in self.attempts.values())
            req = PaymentRequest(attempt_id, original.amount, sale_ref=original.terminal_ref)
            if target is None or already:
                result = PaymentResult(PaymentOutcome.DECLINED, attempt_id, original.amount,
                                    terminal_ref=original.terminal_ref,
                                    reason=TerminalReason("terminal.unknown_transaction"))
            else:
                result = replace(target.result, attempt_id=attempt_id, message="",  # type: ignore[arg-type]
                                 receipt_lines=(*target.result.receipt_lines[:-1], "ÅTERFÖRD"))  # type: ignore[union-attr]
                self.charges.append(replace(result, amount=-original.amount))
            self.attempts[attempt_id] = _Attempt(req, "reversal", result=result)
            return result

    # helpers ------------------------------------------------------------------------------
    @property
    def charged_total(self) -> int:
        """Net öre charged: approved purchases minus approved refunds."""
        with self._lock:
            return sum(r.amount for r in self.charges)

    def _transact(self, request: PaymentRequest, kind: str) -> PaymentResult:
        with self._lock:
            prev = self.attempts.get(request.attempt_id)
            if prev is not None:
                if prev.result is None:
                    return PaymentResult(PaymentOutcome.BUSY, request.attempt_id, request.amount)
                if prev.result.outcome in FINAL:
                    return prev.result
                # BUSY before: nothing happened, run it again
            cancel = threading.Event()
            att = _Attempt(request, kind, cancel=cancel)
            self.attempts[request.attempt_id] = att
        if self.delay > 0 and cancel.wait(self.delay):
            result = PaymentResult(PaymentOutcome.CANCELLED, request.attempt_id, request.amount)
            with self._lock:
                att.result = result
            return result
        outcome, message, lost = magic_outcome(request.amount)
        result = self._result(request, kind, outcome, message)
        with self._lock:
            att.result = result
            if outcome is PaymentOutcome.APPROVED:
                sign = -1 if kind == "refund" else 1
                self.charges.append(replace(result, amount=sign * request.amount))
        if lost:
            return PaymentResult(PaymentOutcome.UNKNOWN, request.attempt_id, request.amount, reason=TerminalReason("terminal.no_answer"))
        return result

    def _result(self, request: PaymentRequest, kind: str, outcome: PaymentOutcome, message: str) -> PaymentResult:
        if outcome is PaymentOutcome.BUSY:
            return PaymentResult(outcome, request.attempt_id, request.amount, message=message)
        brand, last4 = card_for(request.attempt_id)
        ref = f"{self.terminal_id}-{self._refs.next():08d}"
        approved = outcome is PaymentOutcome.APPROVED
        auth = f"{int(hashlib.sha256(ref.encode()).hexdigest(), 16) % 1_000_000:06d}" if approved else ""
        word = "KÖP" if kind == "purchase" else "ÅTERKÖP"
        lines = (
            "KORTTERMINAL (SIMULATOR)",
            f"TERM {self.terminal_id}",
            f"{brand} {mask(last4)}",
            f"{word} {format_kronor(request.amount)} {request.currency}",
            f"REF {ref}" + (f"  AUTH {auth}" if auth else ""),
            "GODKÄND" if approved else message.upper(),
        )
        return PaymentResult(
            outcome=outcome,
            attempt_id=request.attempt_id,
            amount=request.amount,
            auth_code=auth,
            masked_pan=mask(last4),
            brand=brand,
            terminal_ref=ref,
            message=message,
            receipt_lines=lines,
        )
