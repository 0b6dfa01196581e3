"""Ingenico Telium Concert: framing, messages, the adapter against the pty simulator, and a
cross-check with the independent pyteliummanager implementation when it is installed."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from hardware.simulators.concert_terminal import ConcertSimulator
from hardware.terminals.concert import (
    ANSWER_FULL,
    ASK_LENGTH,
    Answer,
    Ask,
    ConcertError,
    ConcertTerminal,
    frame,
    lrc,
    unframe,
)
from hardware.terminals.factory import make_terminal
from pos.ports import PaymentOutcome, PaymentRequest, CardTerminal


def req(amount: int, attempt: str) -> PaymentRequest:
    return PaymentRequest(attempt_id=attempt, amount=amount)


def test_frame_and_lrc() -> None:
    f = frame("0100001250")
    assert f[0] == 0x02 and f[-2] == 0x03
    assert f[-1] == lrc(f[1:-1]) and lrc(b"\x01\x02\x04") == 0x07
    assert unframe(f) == "0100001250"
    broken = f[:-1] + bytes([f[-1] ^ 0x01])
    with pytest.raises(ConcertError):
        unframe(broken)
    with pytest.raises(ConcertError):
        unframe(b"hello")


def test_ask_and_answer_layout() -> None:
    ask = Ask("01", 12_550, "0", "752", "ABCDEFGHIJ")
    msg = ask.encode()
    assert len(msg) == ASK_LENGTH
    assert msg == "01" + "00012550" + "1" + "1" + "0" + "752" + "ABCDEFGHIJ" + "A010" + "B010"
    assert Ask.decode(msg) == ask
    ans = Answer("01", "0", 12_550, "1", "4921000000001234", "752", "T000000001")
    text = ans.encode()
    assert len(text) == ANSWER_FULL and Answer.decode(text) == ans
    short = Answer("01", "7", 100, full=False, private="X")
    assert len(short.encode()) == 25 and Answer.decode(short.encode()).result == "7"
    with pytest.raises(ConcertError):
        Ask("01", 10**9).encode()


@pytest.fixture
def sim() -> Iterator[ConcertSimulator]:
    s = ConcertSimulator(ack_timeout=0.3, lost_delay=0.6).start()
    try:
        yield s
    finally:
        s.stop()


def terminal(sim: ConcertSimulator, **kw: float) -> ConcertTerminal:
    t = make_terminal(sim.url)
    assert isinstance(t, ConcertTerminal) and isinstance(t, CardTerminal)
    t.ack_timeout = 0.3
    t.answer_timeout = kw.get("answer_timeout", 3.0)
    t.status_listen = kw.get("status_listen", 3.0)
    return t


def test_approved_purchase_over_a_pty(sim: ConcertSimulator) -> None:
    t = terminal(sim)
    r = t.start(req(12_550, "c1"))
    assert r.approved and r.amount == 12_550
    assert r.masked_pan.startswith("*" * 12) and len(r.masked_pan) == 16
    assert r.terminal_ref == "T000000001"
    assert any("125,50 SEK" in ln for ln in r.receipt_lines)
    (ask,) = sim.asks
    assert Ask.decode(ask).amount == 12_550 and Ask.decode(ask).currency == "752"
    assert sim.charged_total == 12_550
    assert t.start(req(12_550, "c1")) == r  # never twice
    assert len(sim.asks) == 1


@pytest.mark.parametrize(
    "amount,outcome",
    [(10_013, PaymentOutcome.DECLINED), (10_015, PaymentOutcome.CANCELLED), (10_014, PaymentOutcome.BUSY)],
)
def test_magic_amounts(sim: ConcertSimulator, amount: int, outcome: PaymentOutcome) -> None:
    r = terminal(sim).start(req(amount, f"m{amount}"))
    assert r.outcome is outcome and sim.charged_total == 0


def test_busy_terminal_does_not_answer_enq(sim: ConcertSimulator) -> None:
    sim.next_fault = "busy"
    r = terminal(sim).start(req(1_000, "b"))
    # the terminal says nothing; the till's own (coded, translated) reason says nothing was charged
    assert r.outcome is PaymentOutcome.BUSY and r.message == ""
    assert r.reason is not None and r.reason.code == "terminal.not_received"
    assert sim.asks == []


def test_lost_answer_is_recovered_from_the_repeated_answer(sim: ConcertSimulator) -> None:
    t = terminal(sim, answer_timeout=0.3)
    r = t.start(req(10_016, "lost"))
    assert r.outcome is PaymentOutcome.UNKNOWN
    st = t.status("lost")
    assert st.approved and st.amount == 10_016
    assert t.start(req(10_016, "lost")) == st and len(sim.asks) == 1
    assert t.status("never").outcome is PaymentOutcome.NOT_FOUND


def test_missing_port_is_busy_not_charged() -> None:
    t = make_terminal("concert:///dev/no-such-terminal?baud=9600")
    assert t.start(req(1_000, "x")).outcome is PaymentOutcome.BUSY


# --- cross-check with pyteliummanager (an independent implementation of the POS side) -----------


def test_framing_agrees_with_pyteliummanager() -> None:
    telium = pytest.importorskip("telium")
    ask = Ask("01", 12_550, "0", "752", "")
    theirs = telium.TeliumAsk.decode(frame(ask.encode()).decode("ascii").encode("ascii"))
    assert theirs.amount == pytest.approx(125.50)
    assert theirs.pos_number == "01" and theirs.transaction_type == "0" and theirs.payment_mode == "1"
    assert theirs.delay == "A010" and theirs.authorization == "B010"
    # and their ask, framed by them, is read by us
    their_ask = telium.TeliumAsk("01", "1", "0", "1", "SEK", "A010", "B010", 42.00)
    ours = Ask.decode(unframe(their_ask.encode().encode("ascii")))
    assert ours.amount == 4_200 and ours.currency == "752"
    resp = telium.TeliumResponse("01", 0, 125.50, "1", "4921000000001234".ljust(55), "SEK", "T000000001")
    got = Answer.decode(unframe(resp.encode().encode("ascii")))
    assert got.result == "0" and got.amount == 12_550 and got.private == "T000000001"


def test_pyteliummanager_pays_against_our_simulator(sim: ConcertSimulator) -> None:
    telium = pytest.importorskip("telium")
    dev = telium.Telium(sim.path, timeout=1)
    try:
        ask = telium.TeliumAsk.new_payment(12.50, payment_mode="debit", target_currency="SEK")
        assert dev.ask(ask)
        answer = dev.verify(ask, waiting_timeout=3)
        assert answer is not None and answer.has_succeeded
        assert answer.amount == pytest.approx(12.50) and answer.transaction_id.startswith("T")
    finally:
        dev.close()
    assert sim.charged_total == 1_250


def test_refund_and_reversal_use_their_transaction_types(sim: ConcertSimulator) -> None:
    t = terminal(sim)
    paid = t.start(req(30_000, "p"))
    refund = t.refund(req(10_000, "r"))
    assert refund.approved and any("ÅTERKÖP" in ln for ln in refund.receipt_lines)
    rev = t.reversal("v", paid)
    assert rev.approved and any("ANNULLERING" in ln for ln in rev.receipt_lines)
    assert [Ask.decode(a).transaction_type for a in sim.asks] == ["0", "1", "2"]
    assert sim.charged_total == 30_000 - 10_000 - 30_000


# --- a repeated ask is a new transaction, as on a real terminal (issue 9, item 27) ---------------


def test_the_simulator_charges_a_repeated_ask_again_and_records_it(sim: ConcertSimulator) -> None:
    from hardware.terminals.concert import private_ref

    t = terminal(sim)
    t.start(req(5_000, "twice"))
    t._final.clear()  # a driver that forgot it had sent this attempt
    t.start(req(5_000, "twice"))
    assert sim.charged_total == 10_000
    assert [r.ask.private for r in sim.repeats] == [private_ref("twice")]


def test_after_a_lost_answer_the_driver_never_sends_the_ask_again(sim: ConcertSimulator) -> None:
    t = terminal(sim, answer_timeout=0.3)
    assert t.start(req(10_016, "lost-3")).outcome is PaymentOutcome.UNKNOWN
    again = t.start(req(10_016, "lost-3"))  # the till tries the same attempt again
    assert again.approved and again.amount == 10_016
    assert sim.repeats == [] and len(sim.asks) == 1 and sim.charged_total == 10_016
