"""nexo Sale-to-POI JSON: message shape, Decimal amounts, and the client against the simulator."""
from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from decimal import Decimal

import pytest
import requests

from hardware.simulators.nexo_terminal import NexoSimulator
from hardware.terminals.factory import make_terminal
from hardware.terminals.nexo import NexoTerminal, dumps, loads, payment_request, service_id_for
from pos.ports import PaymentOutcome, PaymentRequest, CardTerminal


@pytest.fixture
def sim() -> Iterator[NexoSimulator]:
    s = NexoSimulator(port=0, timeout_delay=3.0).start()
    try:
        yield s
    finally:
        s.stop()


def term(sim: NexoSimulator, **kw: object) -> NexoTerminal:
    t = make_terminal(sim.url + "&sale=TILL-7")
    assert isinstance(t, NexoTerminal)
    for k, v in kw.items():
        setattr(t, k, v)
    return t


def req(amount: int, attempt: str) -> PaymentRequest:
    return PaymentRequest(attempt_id=attempt, amount=amount, sale_ref="K1-42")


def test_payment_request_shape_and_decimal_amounts() -> None:
    msg = payment_request(req(12_550, "att-1"), sale_id="TILL-1", poi_id="P1", timestamp="2026-01-01T00:00:00Z")
    text = dumps(msg)
    assert '"RequestedAmount": 125.50' in text  # a JSON number, exact, written from Decimal
    doc = json.loads(text)
    h = doc["SaleToPOIRequest"]["MessageHeader"]
    assert h == {
        "ProtocolVersion": "3.0", "MessageClass": "Service", "MessageCategory": "Payment",
        "MessageType": "Request", "ServiceID": service_id_for("att-1"), "SaleID": "TILL-1", "POIID": "P1",
    }
    assert len(h["ServiceID"]) == 10 and service_id_for("att-1") == service_id_for("att-1")
    body = doc["SaleToPOIRequest"]["PaymentRequest"]
    assert body["SaleData"]["SaleTransactionID"] == {"TransactionID": "att-1", "TimeStamp": "2026-01-01T00:00:00Z"}
    assert body["PaymentTransaction"]["AmountsReq"]["Currency"] == "SEK"
    assert loads(text)["SaleToPOIRequest"]["PaymentRequest"]["PaymentTransaction"]["AmountsReq"][
        "RequestedAmount"
    ] == Decimal("125.50")
    with pytest.raises(TypeError):
        dumps({"x": 1.5})
    assert '"a": 0.07' in dumps({"a": Decimal("0.07")})


def test_approved_purchase(sim: NexoSimulator) -> None:
    t = term(sim)
    assert isinstance(t, CardTerminal)
    r = t.start(req(12_550, "p1"))
    assert r.approved and r.amount == 12_550 and len(r.auth_code) == 6
    assert r.masked_pan.endswith(r.masked_pan[-4:]) and r.masked_pan.startswith("*" * 12) and r.brand
    assert r.terminal_ref.startswith("SIMTX")
    assert any("125,50 SEK" in ln for ln in r.receipt_lines)
    assert sim.charged_total == 12_550
    sent = sim.requests[0]
    assert sent["MessageHeader"]["SaleID"] == "TILL-7"
    assert sent["PaymentRequest"]["PaymentTransaction"]["AmountsReq"]["RequestedAmount"] == Decimal("125.5")


@pytest.mark.parametrize(
    "amount,outcome,text",
    [
        (10_013, PaymentOutcome.DECLINED, "Nekad av kortutgivaren"),
        (5_000_100, PaymentOutcome.DECLINED, "Belopp över gräns"),
        # the terminal adds nothing to "busy" and "cancelled": no words to repeat the outcome
        (10_014, PaymentOutcome.BUSY, ""),
        (10_015, PaymentOutcome.CANCELLED, ""),
    ],
)
def test_magic_amounts(sim: NexoSimulator, amount: int, outcome: PaymentOutcome, text: str) -> None:
    r = term(sim).start(req(amount, f"m{amount}"))
    assert r.outcome is outcome and r.message == text
    assert sim.charged_total == 0


def test_lost_response_recovered_by_transaction_status_without_charging_twice(sim: NexoSimulator) -> None:
    t = term(sim)
    requests.post(f"http://127.0.0.1:{sim.port}/control", json={"next": "lost_response"}, timeout=5)
    r = t.start(req(20_000, "lost-1"))
    assert r.outcome is PaymentOutcome.UNKNOWN
    st = t.status("lost-1")
    assert st.approved and st.amount == 20_000 and st.auth_code
    status_req = sim.requests[-1]
    ref = status_req["TransactionStatusRequest"]["MessageReference"]
    assert status_req["MessageHeader"]["MessageCategory"] == "TransactionStatus"
    assert ref["ServiceID"] == sim.requests[0]["MessageHeader"]["ServiceID"] and ref["SaleID"] == "TILL-7"
    # asking again to pay the same attempt does not charge again
    assert t.start(req(20_000, "lost-1")) == st
    # a fresh client (after a restart) asks for the status by the attempt id alone
    fresh = term(sim)
    assert fresh.status("lost-1").approved
    assert sim.charged_total == 20_000


def test_magic_16_loses_the_response(sim: NexoSimulator) -> None:
    t = term(sim)
    assert t.start(req(10_016, "m16")).outcome is PaymentOutcome.UNKNOWN
    assert t.status("m16").approved


def test_unknown_attempt_is_not_found(sim: NexoSimulator) -> None:
    assert term(sim).status("never-sent").outcome is PaymentOutcome.NOT_FOUND


def test_timeout_then_in_progress_then_abort(sim: NexoSimulator) -> None:
    sim.next_fault = "timeout"
    t = term(sim, timeout=0.3)
    r = t.start(req(5_000, "slow"))
    assert r.outcome is PaymentOutcome.UNKNOWN
    assert t.status("slow").outcome is PaymentOutcome.UNKNOWN  # still in progress
    t.abort("slow")
    deadline = time.monotonic() + 3
    st = t.status("slow")
    while st.outcome is PaymentOutcome.UNKNOWN and time.monotonic() < deadline:
        time.sleep(0.02)
        st = t.status("slow")
    assert st.outcome is PaymentOutcome.CANCELLED
    assert sim.charged_total == 0


def test_standing_fault_from_control_and_refund_and_reversal(sim: NexoSimulator) -> None:
    t = term(sim)
    requests.post(f"http://127.0.0.1:{sim.port}/control", json={"fault": "decline"}, timeout=5)
    assert t.start(req(1_000, "d1")).outcome is PaymentOutcome.DECLINED
    assert t.start(req(1_000, "d2")).outcome is PaymentOutcome.DECLINED
    requests.post(f"http://127.0.0.1:{sim.port}/control", json={"fault": None}, timeout=5)
    paid = t.start(req(30_000, "ok1"))
    assert paid.approved
    refund = t.refund(PaymentRequest("rf1", 10_000, sale_ref=paid.terminal_ref))
    sent = sim.requests[-1]["PaymentRequest"]
    assert refund.approved and sent["PaymentData"]["PaymentType"] == "Refund"
    assert sent["PaymentTransaction"]["OriginalPOITransaction"]["POITransactionID"][
        "TransactionID"] == paid.terminal_ref.partition("@")[0]
    assert sim.charged_total == 20_000
    rev = t.reversal("rev1", paid)
    assert rev.approved and sim.charged_total == -10_000
    assert t.reversal("rev2", paid).outcome is not PaymentOutcome.APPROVED  # not twice


def test_bad_control_request_is_refused(sim: NexoSimulator) -> None:
    r = requests.post(f"http://127.0.0.1:{sim.port}/control", json={"next": "explode"}, timeout=5)
    assert r.status_code == 400


def test_unreachable_terminal_is_busy_nothing_charged() -> None:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    t = NexoTerminal("127.0.0.1", port, timeout=1)
    r = t.start(req(1_000, "x"))
    assert r.outcome is PaymentOutcome.BUSY and r.message == ""
    assert r.reason is not None and r.reason.code == "terminal.unreachable"
    assert f"127.0.0.1:{port}" in r.reason.params["address"]
    assert t.status("x").outcome is PaymentOutcome.UNKNOWN


def test_garbage_answer_is_unknown() -> None:
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    port = srv.getsockname()[1]

    def serve() -> None:
        conn, _ = srv.accept()
        conn.recv(65536)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: application/json\r\n\r\nhello")
        conn.close()

    th = threading.Thread(target=serve, daemon=True)
    th.start()
    r = NexoTerminal("127.0.0.1", port, timeout=2).start(req(1_000, "g"))
    th.join(2)
    srv.close()
    assert r.outcome is PaymentOutcome.UNKNOWN


def test_nexo_url_options() -> None:
    t = make_terminal("nexo://10.0.0.9:8443?poi=P400-1&sale=K1&timeout=30")
    assert isinstance(t, NexoTerminal)
    assert t.url == "http://10.0.0.9:8443/nexo" and t.poi_id == "P400-1" and t.sale_id == "K1" and t.timeout == 30
    s = make_terminal("nexo://10.0.0.9:8443?tls=1&ca=/etc/pos/terminal-ca.pem")
    assert isinstance(s, NexoTerminal)
    assert s.url.startswith("https://") and s.session.verify == "/etc/pos/terminal-ca.pem"


# --- a repeated payment is answered as a terminal answers it (issue 9, item 27) -----------------


def payments_sent(sim: NexoSimulator, attempt: str) -> list[str]:
    """The categories of what the terminal received about ``attempt``, in order."""
    sid = service_id_for(attempt)
    out = []
    for r in sim.requests:
        h = r["MessageHeader"]
        ref = (r.get("TransactionStatusRequest") or r.get("AbortRequest") or {}).get("MessageReference", {})
        if h.get("ServiceID") == sid or ref.get("ServiceID") == sid:
            out.append(h["MessageCategory"])
    return out


def test_the_simulator_refuses_a_payment_whose_service_id_was_used_and_charges_a_new_one_again(
        sim: NexoSimulator) -> None:
    url = f"http://127.0.0.1:{sim.port}/nexo"

    def post(message: dict) -> dict:
        r = requests.post(url, data=dumps(message).encode(), timeout=5)
        return loads(r.content)["SaleToPOIResponse"]["PaymentResponse"]["Response"]

    first = payment_request(req(10_000, "dup"), sale_id="TILL-7", poi_id=sim.poi_id)
    assert post(first)["Result"] == "Success"
    again = post(first)  # the same message again: refused, not run, not the first answer
    assert again["Result"] == "Failure" and again["ErrorCondition"] == "MessageFormat"
    assert len(sim.repeats) == 1 and sim.charged_total == 10_000 and sim.charged_twice == []
    renamed = json.loads(dumps(first), parse_float=Decimal)
    renamed["SaleToPOIRequest"]["MessageHeader"]["ServiceID"] = "NEWSERVICE"
    assert post(renamed)["Result"] == "Success"  # a new ServiceID is a new payment: charged again
    assert sim.charged_total == 20_000 and sim.charged_twice == ["dup"]


def test_a_repeat_while_the_payment_runs_is_busy(sim: NexoSimulator) -> None:
    sim.next_fault = "timeout"
    t = term(sim, timeout=0.3)
    assert t.start(req(5_000, "running")).outcome is PaymentOutcome.UNKNOWN
    message = payment_request(req(5_000, "running"), sale_id="TILL-7", poi_id=sim.poi_id)
    r = requests.post(f"http://127.0.0.1:{sim.port}/nexo", data=dumps(message).encode(), timeout=5)
    assert loads(r.content)["SaleToPOIResponse"]["PaymentResponse"]["Response"]["ErrorCondition"] == "Busy"
    t.abort("running")


def test_after_a_lost_answer_the_driver_asks_the_status_and_never_pays_again(sim: NexoSimulator) -> None:
    """A driver that sends the payment again instead (same or new ServiceID) is caught here: the
    terminal refuses the repeat or charges the card twice, as a real one would."""
    t = term(sim)
    sim.next_fault = "lost_response"
    first = t.start(req(20_000, "lost-2"))
    assert first.outcome is PaymentOutcome.UNKNOWN
    again = t.start(req(20_000, "lost-2"))  # the till tries the same attempt again
    assert again.approved and again.amount == 20_000 and again.auth_code
    assert t.status("lost-2") == again
    assert payments_sent(sim, "lost-2") == ["Payment", "TransactionStatus"]
    assert sim.repeats == [] and sim.charged_twice == [] and sim.charged_total == 20_000
    assert [r["MessageHeader"]["MessageCategory"] for r in sim.requests].count("Payment") == 1


def test_after_a_timeout_the_driver_asks_the_status_while_the_payment_runs(sim: NexoSimulator) -> None:
    sim.next_fault = "timeout"
    sim.timeout_delay = 1.0
    t = term(sim, timeout=0.3)
    assert t.start(req(7_000, "slow-2")).outcome is PaymentOutcome.UNKNOWN
    assert t.start(req(7_000, "slow-2")).outcome is PaymentOutcome.UNKNOWN  # still running: not BUSY
    deadline = time.monotonic() + 5
    st = t.status("slow-2")
    while st.outcome is PaymentOutcome.UNKNOWN and time.monotonic() < deadline:
        time.sleep(0.05)
        st = t.status("slow-2")
    assert st.approved and sim.charged_total == 7_000
    assert sim.repeats == [] and sim.charged_twice == []
    assert set(payments_sent(sim, "slow-2")) == {"Payment", "TransactionStatus"}
    assert payments_sent(sim, "slow-2").count("Payment") == 1


def test_a_referenced_refund_is_refused_beyond_what_its_payment_took(sim: NexoSimulator) -> None:
    """A return refunds a card by its original reference: never more than that payment took
    minus earlier refunds to it, and never to a payment the terminal never approved."""
    t = term(sim)
    paid = t.start(req(12_347, "buy"))
    first = t.refund(PaymentRequest("back1", 4_109, sale_ref=paid.terminal_ref))
    too_much = t.refund(PaymentRequest("back2", 8_239, sale_ref=paid.terminal_ref))
    rest = t.refund(PaymentRequest("back3", 8_238, sale_ref=paid.terminal_ref))
    unknown = t.refund(PaymentRequest("back4", 100, sale_ref="SIMTX99999999"))
    assert first.approved and rest.approved
    assert too_much.outcome is PaymentOutcome.DECLINED and "82,38" in too_much.message
    assert unknown.outcome is PaymentOutcome.DECLINED
    assert sim.charged_total == 0
