"""The in-process card terminal simulator: magic amounts, idempotency, lost responses, abort."""
from __future__ import annotations

import threading
import time

import pytest

from hardware.terminals.factory import TerminalConfigError, make_terminal
from hardware.terminals.simulator import SimulatedTerminal
from pos.ports import PaymentOutcome, PaymentRequest, CardTerminal


def req(amount: int, attempt: str = "a1") -> PaymentRequest:
    return PaymentRequest(attempt_id=attempt, amount=amount, sale_ref="K1-42")


def test_is_a_card_terminal_from_the_factory() -> None:
    t = make_terminal("simulator")
    assert isinstance(t, CardTerminal) and t.name == "simulator"
    with pytest.raises(TerminalConfigError):
        make_terminal("bogus://x")


def test_approves_with_masked_pan_auth_ref_and_receipt_lines() -> None:
    t = SimulatedTerminal()
    r = t.start(req(12_550))
    assert r.approved and r.amount == 12_550 and r.attempt_id == "a1"
    assert r.masked_pan.startswith("*" * 12) and len(r.masked_pan) == 16 and r.masked_pan[-4:].isdigit()
    assert len(r.auth_code) == 6 and r.auth_code.isdigit()
    assert r.terminal_ref and r.brand
    text = "\n".join(r.receipt_lines)
    assert "125,50 SEK" in text and r.masked_pan in text and r.terminal_ref in text and "GODKÄND" in text
    assert t.charged_total == 12_550


@pytest.mark.parametrize(
    "amount,outcome,message",
    [
        (10_013, PaymentOutcome.DECLINED, "Nekad av kortutgivaren"),
        (5_000_001, PaymentOutcome.DECLINED, "Belopp över gräns"),
        (10_014, PaymentOutcome.BUSY, ""),
        (10_015, PaymentOutcome.CANCELLED, ""),
        (0, PaymentOutcome.DECLINED, "Ogiltigt belopp"),
    ],
)
def test_magic_amounts(amount: int, outcome: PaymentOutcome, message: str) -> None:
    t = SimulatedTerminal()
    r = t.start(req(amount))
    assert r.outcome is outcome and r.message == message
    assert not r.approved and t.charged_total == 0


def test_exactly_the_limit_is_approved() -> None:
    assert SimulatedTerminal().start(req(5_000_000)).approved


def test_lost_response_is_unknown_but_status_says_approved_and_no_double_charge() -> None:
    t = SimulatedTerminal()
    r = t.start(req(10_016, "lost-1"))
    assert r.outcome is PaymentOutcome.UNKNOWN and r.auth_code == ""
    st = t.status("lost-1")
    assert st.approved and st.amount == 10_016 and st.auth_code
    again = t.start(req(10_016, "lost-1"))
    assert again == st
    assert t.charged_total == 10_016 and len(t.charges) == 1


def test_same_attempt_never_charges_twice() -> None:
    t = SimulatedTerminal()
    first = t.start(req(5_000, "x"))
    second = t.start(req(5_000, "x"))
    assert second == first and t.charged_total == 5_000
    declined = t.start(req(10_013, "y"))
    assert t.start(req(10_013, "y")) == declined


def test_busy_attempt_can_be_tried_again() -> None:
    t = SimulatedTerminal()
    assert t.start(req(10_014, "b")).outcome is PaymentOutcome.BUSY
    assert t.status("b").outcome is PaymentOutcome.BUSY
    assert t.start(req(10_000, "b")).approved  # not a final result: the terminal runs it


def test_unknown_attempt_is_not_found() -> None:
    assert SimulatedTerminal().status("never").outcome is PaymentOutcome.NOT_FOUND


def test_refund_is_recorded_negative() -> None:
    t = SimulatedTerminal()
    t.start(req(20_000, "p"))
    r = t.refund(req(5_000, "r"))
    assert r.approved and "ÅTERKÖP" in "\n".join(r.receipt_lines)
    assert t.charged_total == 15_000


def test_in_progress_status_and_abort() -> None:
    t = SimulatedTerminal(delay=5.0)
    out: list = []
    th = threading.Thread(target=lambda: out.append(t.start(req(1_000, "slow"))))
    th.start()
    deadline = time.monotonic() + 2
    while "slow" not in t.attempts and time.monotonic() < deadline:
        time.sleep(0.005)
    assert t.status("slow").outcome is PaymentOutcome.UNKNOWN
    assert t.start(req(1_000, "slow")).outcome is PaymentOutcome.BUSY  # same attempt while running
    t.abort("slow")
    th.join(2)
    assert out and out[0].outcome is PaymentOutcome.CANCELLED
    assert t.status("slow").outcome is PaymentOutcome.CANCELLED
    assert t.charged_total == 0


def test_reversal_once_by_terminal_ref() -> None:
    t = SimulatedTerminal()
    paid = t.start(req(7_000, "p1"))
    rev = t.reversal("rev1", paid)
    assert rev.approved and rev.terminal_ref == paid.terminal_ref and "ÅTERFÖRD" in rev.receipt_lines
    assert t.charged_total == 0
    assert t.reversal("rev1", paid) == rev  # same attempt: same answer
    assert t.reversal("rev2", paid).outcome is PaymentOutcome.DECLINED  # never twice
    assert t.charged_total == 0
