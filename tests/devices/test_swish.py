"""Swish: the commerce API's message shapes, and the provider against the simulator (in this
process and as ``python -m``), with every fault the customer's side can have."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
import requests

from hardware.simulators.swish_simulator import SwishSimulator
from integrations.swish import messages as m
from integrations.swish.provider import SwishProvider
from pos.ports import PaymentOutcome, PaymentRequest

ROOT = Path(__file__).resolve().parents[2]
MERCHANT = "1231181189"


# --- message shapes ------------------------------------------------------------------------------


def test_instruction_id_is_swish_shaped_and_the_same_for_one_attempt() -> None:
    a = m.instruction_id("K1-0a1b2c3d4e5f6a7b")
    assert re.fullmatch(r"[0-9A-F]{32}", a)
    assert a == m.instruction_id("K1-0a1b2c3d4e5f6a7b")  # after a restart too
    assert a != m.instruction_id("K1-0a1b2c3d4e5f6a7c")
    assert m.instruction_id(a) == a  # one already Swish-shaped is used as it is


def test_amounts_are_kronor_with_two_decimals_and_read_back_to_the_ore() -> None:
    assert m.swish_amount(12345) == "123.45"
    assert m.swish_amount(1) == "0.01"
    assert m.swish_amount(100000) == "1000.00"
    assert m.ore_of("123.45") == 12345
    assert m.ore_of(Decimal("0.07")) == 7
    assert m.ore_of(100) == 10000
    with pytest.raises(ValueError):
        m.ore_of(1.1)  # never a float
    with pytest.raises(ValueError):
        m.ore_of("1.005")
    with pytest.raises(ValueError):
        m.swish_amount(0)


@pytest.mark.parametrize("typed", ["070-123 45 67", "+46 70 123 45 67", "0046701234567",
                                   "46701234567", "(070) 1234567"])
def test_a_customer_number_in_any_swedish_form_becomes_e164_without_plus(typed: str) -> None:
    assert m.payer_alias(typed) == "46701234567"


@pytest.mark.parametrize("typed", ["", "12", "08-123 456 78", "abc", "070-123 45 6"])
def test_what_cannot_be_a_mobile_number_is_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        m.payer_alias(typed)


def test_payment_request_body_m_commerce_and_e_commerce() -> None:
    body = m.payment_request_body(payee_alias=MERCHANT, amount=19990, reference="K1-0a1b2c",
                                  message="Omnihandeln Göteborg #12 & co", callback_url="https://x/cb")
    assert body == {"payeePaymentReference": "K1-0a1b2c", "callbackUrl": "https://x/cb",
                    "payeeAlias": MERCHANT, "amount": "199.90", "currency": "SEK",
                    "message": "Omnihandeln Göteborg 12  co"}
    assert "payerAlias" not in body  # m-commerce: the customer scans a QR code
    e = m.payment_request_body(payee_alias=MERCHANT, amount=5, reference="K1-x", message="",
                               callback_url="https://x/cb", payer="46701234567")
    assert e["payerAlias"] == "46701234567" and e["amount"] == "0.05"


def test_refund_body_names_the_original_payment_and_the_store_as_payer() -> None:
    body = m.refund_body(payee_alias=MERCHANT, original_reference="ABC123", amount=4999,
                         reference="K1-r1", message="Retur", callback_url="https://x/cb")
    assert body == {"originalPaymentReference": "ABC123", "payerPaymentReference": "K1-r1",
                    "callbackUrl": "https://x/cb", "payerAlias": MERCHANT, "amount": "49.99",
                    "currency": "SEK", "message": "Retur"}
    assert m.qr_data("TOK") == "swish://paymentrequest?token=TOK"
    assert m.CANCEL_PATCH == [{"op": "replace", "path": "/status", "value": "cancelled"}]


# --- against the simulator -----------------------------------------------------------------------


@pytest.fixture
def sim():
    with SwishSimulator(pay_delay=0.2, refund_delay=0.05) as s:
        yield s


@pytest.fixture
def swish(sim):
    p = SwishProvider(sim.url, MERCHANT, listen="127.0.0.1:0", timeout=(2.0, 3.0))
    yield p
    p.close()


def wait_final(provider: SwishProvider, attempt: str, seconds: float = 5.0):
    deadline = time.monotonic() + seconds
    r = provider.status(attempt)
    while r.outcome in (PaymentOutcome.PENDING, PaymentOutcome.UNKNOWN) and time.monotonic() < deadline:
        provider.wait_for_news(attempt, 0.1)
        r = provider.status(attempt)
    return r


def test_m_commerce_paid_gives_a_qr_code_then_the_payment_reference(sim, swish) -> None:
    first = swish.start(PaymentRequest("K1-paid1", 12345))
    assert first.outcome is PaymentOutcome.PENDING
    assert re.fullmatch(r"swish://paymentrequest\?token=[0-9a-f]{32}", first.qr_data)
    done = wait_final(swish, "K1-paid1")
    assert done.outcome is PaymentOutcome.APPROVED and done.amount == 12345
    paid = sim.payments("PAID")
    assert len(paid) == 1 and done.terminal_ref == paid[0]["paymentReference"]
    assert paid[0]["id"] == m.instruction_id("K1-paid1")
    assert paid[0]["amount"] == "123.45" and paid[0]["payeeAlias"] == MERCHANT
    assert done.receipt_lines[0] == "SWISH"


def test_e_commerce_goes_to_the_customers_phone(sim, swish) -> None:
    first = swish.start(PaymentRequest("K1-e1", 7001, payer_phone="070-123 45 67"))
    assert first.outcome is PaymentOutcome.PENDING and first.qr_data == ""
    assert wait_final(swish, "K1-e1").approved
    assert sim.payments()[0]["payerAlias"] == "46701234567"


def test_a_number_without_swish_is_refused_and_nothing_is_made(sim, swish) -> None:
    r = swish.start(PaymentRequest("K1-ne", 5000, payer_phone="070-000 00 00"))
    assert r.outcome is PaymentOutcome.DECLINED and r.reason.code == "swish.payer_not_enrolled"
    bad = swish.start(PaymentRequest("K1-bad", 5000, payer_phone="08-123 456 78"))
    assert bad.outcome is PaymentOutcome.DECLINED and bad.reason.code == "swish.phone_invalid"
    assert sim.payments() == []


def test_declined(sim, swish) -> None:
    sim.control({"next": "declined"})
    assert swish.start(PaymentRequest("K1-d", 5000)).outcome is PaymentOutcome.PENDING
    r = wait_final(swish, "K1-d")
    assert r.outcome is PaymentOutcome.DECLINED and r.reason.code == "swish.declined"
    assert sim.charged_total == 0


def test_magic_amount_13_declines_and_15_is_the_payer_cancelling(sim, swish) -> None:
    swish.start(PaymentRequest("K1-m13", 10013))
    swish.start(PaymentRequest("K1-m15", 10015))
    assert wait_final(swish, "K1-m13").outcome is PaymentOutcome.DECLINED
    r = wait_final(swish, "K1-m15")
    assert r.outcome is PaymentOutcome.CANCELLED and r.reason.code == "swish.cancelled_by_payer"


def test_timeout_stays_created_then_error_tm01(sim, swish) -> None:
    sim.control({"next": "timeout", "timeout_after": 0.5})
    swish.start(PaymentRequest("K1-t", 5000))
    time.sleep(0.3)
    assert swish.status("K1-t").outcome is PaymentOutcome.PENDING  # still CREATED
    r = wait_final(swish, "K1-t")
    assert r.outcome is PaymentOutcome.DECLINED and r.reason.code == "swish.timed_out"
    assert sim.payments()[0]["errorCode"] == "TM01"


def test_answer_lost_e_commerce_status_is_asked_and_charged_once(sim, swish) -> None:
    sim.control({"next": "lost"})
    r = swish.start(PaymentRequest("K1-lost", 25050, payer_phone="0701234567"))
    assert r.outcome is PaymentOutcome.UNKNOWN and r.reason.code == "swish.no_answer"
    assert swish.start(PaymentRequest("K1-lost", 25050, payer_phone="0701234567")).outcome in (
        PaymentOutcome.PENDING, PaymentOutcome.APPROVED)  # asked, never sent again
    assert wait_final(swish, "K1-lost").approved
    assert sim.repeats == []  # no second PUT
    assert sim.paid_by_reference() == {"K1-lost": 1}
    assert sim.charged_total == 25050


def test_answer_lost_m_commerce_is_cancelled_since_nobody_can_scan_it(sim, swish) -> None:
    sim.control({"next": "lost", "pay_delay": 5})
    assert swish.start(PaymentRequest("K1-lostqr", 5000)).outcome is PaymentOutcome.UNKNOWN
    r = swish.status("K1-lostqr")
    assert r.outcome is PaymentOutcome.CANCELLED and r.reason.code == "swish.cancelled_unseen"
    assert sim.payments()[0]["status"] == "CANCELLED" and sim.charged_total == 0


def test_a_restarted_till_asks_instead_of_sending_again(sim, swish) -> None:
    swish.start(PaymentRequest("K1-rs", 5000, payer_phone="0701234567"))
    after_restart = SwishProvider(sim.url, MERCHANT, callback_url=swish.callback_url)  # knows
    # nothing of what was sent
    r = after_restart.start(PaymentRequest("K1-rs", 5000, payer_phone="0701234567"))
    assert sim.repeats == [m.instruction_id("K1-rs")]  # Swish refused the second PUT (RP09) ...
    assert r.outcome in (PaymentOutcome.PENDING, PaymentOutcome.APPROVED)  # ... and it asked
    assert wait_final(after_restart, "K1-rs").approved
    assert sim.paid_by_reference() == {"K1-rs": 1}


def test_cancel_while_the_customer_has_not_paid(sim, swish) -> None:
    sim.control({"pay_delay": 5})
    swish.start(PaymentRequest("K1-c", 5000))
    swish.abort("K1-c")
    r = swish.status("K1-c")
    assert r.outcome is PaymentOutcome.CANCELLED
    assert sim.payments()[0]["status"] == "CANCELLED"


def test_cancel_after_the_customer_paid_keeps_the_payment(sim, swish) -> None:
    swish.start(PaymentRequest("K1-cp", 5000))
    assert wait_final(swish, "K1-cp").approved
    swish.abort("K1-cp")
    assert swish.status("K1-cp").approved


def test_refunds_partial_twice_never_more_than_paid(sim, swish) -> None:
    swish.start(PaymentRequest("K1-p", 29990))
    ref = wait_final(swish, "K1-p").terminal_ref
    one = swish.refund(PaymentRequest("K1-r1", 9997, sale_ref=ref))
    assert one.approved and one.amount == 9997 and one.receipt_lines[0] == "SWISH ÅTERBETALNING"
    two = swish.refund(PaymentRequest("K1-r2", 10001, sale_ref=ref))
    assert two.approved
    too_much = swish.refund(PaymentRequest("K1-r3", 9993, sale_ref=ref))  # 9 992 left
    assert too_much.outcome is PaymentOutcome.DECLINED
    assert too_much.reason.code == "swish.refund_too_large"
    rest = swish.refund(PaymentRequest("K1-r4", 9992, sale_ref=ref))
    assert rest.approved
    assert sim.charged_total == 0
    assert [r["originalPaymentReference"] for r in sim.refunds("PAID")] == [ref] * 3
    # a refund asked again (a lost answer) is the same refund, never a second one
    again = swish.refund(PaymentRequest("K1-r1", 9997, sale_ref=ref))
    assert again.approved and len(sim.refunds()) == 3


def test_refund_of_an_unknown_payment_is_refused(sim, swish) -> None:
    r = swish.refund(PaymentRequest("K1-rx", 100, sale_ref="0" * 32))
    assert r.outcome is PaymentOutcome.DECLINED and r.reason.code == "swish.refused"
    assert swish.refund(PaymentRequest("K1-ry", 100)).reason.code == "swish.no_original"


def test_a_callback_is_received_and_wakes_the_waiting_till(sim, swish) -> None:
    sim.control({"pay_delay": 0.3})
    swish.start(PaymentRequest("K1-cb", 4200))
    started = time.monotonic()
    swish.wait_for_news("K1-cb", 5.0)  # woken by the callback, not by the 5 s
    assert time.monotonic() - started < 2.0
    heard = swish.callbacks.received
    assert [(c["id"], c["status"]) for c in heard] == [(m.instruction_id("K1-cb"), "PAID")]
    deadline = time.monotonic() + 2
    while not sim.callbacks and time.monotonic() < deadline:
        time.sleep(0.02)
    assert sim.callbacks[0]["answer"] == 200
    # the status is read from the callback: Swish is not asked again
    sim.stop()
    assert swish.status("K1-cb").approved


def test_unreachable_swish_is_busy_and_nothing_was_made() -> None:
    with SwishSimulator() as s:
        url = s.url
    p = SwishProvider(url, MERCHANT, retries=0)
    r = p.start(PaymentRequest("K1-u", 100))
    assert r.outcome is PaymentOutcome.BUSY and r.reason.code == "swish.unreachable"


def test_the_simulator_refuses_what_swish_refuses(sim) -> None:
    iid = m.instruction_id("K1-v")
    url = f"{sim.url}{m.PAYMENT_REQUESTS}/{iid}"
    good = m.payment_request_body(payee_alias=MERCHANT, amount=100, reference="K1-v", message="",
                                  callback_url="https://x/cb")
    assert requests.put(url, json={**good, "amount": "1.5"}, timeout=5).json()[0]["errorCode"] == "PA02"
    assert requests.put(url, json={**good, "currency": "EUR"}, timeout=5).json()[0]["errorCode"] == "AM03"
    assert requests.put(f"{sim.url}{m.PAYMENT_REQUESTS}/abc", json=good, timeout=5).status_code == 422
    r = requests.put(url, json=good, timeout=5)
    assert r.status_code == 201 and r.headers["PaymentRequestToken"]
    assert r.headers["Location"].endswith(iid)
    assert requests.put(url, json=good, timeout=5).json()[0]["errorCode"] == "RP09"
    assert requests.get(f"{sim.url}{m.PAYMENT_REQUESTS}/{'F' * 32}", timeout=5).status_code == 404


# --- as a program --------------------------------------------------------------------------------


def test_the_simulator_program_answers_and_takes_faults() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "hardware.simulators.swish_simulator", "--port", "0",
         "--pay-delay", "0.2"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, encoding="utf-8", env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+", first)
        assert found, first
        url = found.group(0)
        p = SwishProvider(url, MERCHANT, callback_url="http://127.0.0.1:9/none")
        assert p.start(PaymentRequest("K1-prog", 31420)).outcome is PaymentOutcome.PENDING
        assert wait_final(p, "K1-prog").approved
        assert requests.post(f"{url}/control", json={"next": "declined"}, timeout=5).json()["next"] == "declined"
        p.start(PaymentRequest("K1-prog2", 100))
        assert wait_final(p, "K1-prog2").outcome is PaymentOutcome.DECLINED
        sent = requests.get(f"{url}/requests", timeout=5).json()
        assert [(d["payeePaymentReference"], d["status"]) for d in sent] == [
            ("K1-prog", "PAID"), ("K1-prog2", "DECLINED")]
        assert requests.post(f"{url}/control", json={"next": "nonsense"}, timeout=5).status_code == 400
    finally:
        proc.kill()
        proc.wait(5)


def test_the_client_certificate_and_ca_from_the_config_are_used_for_every_call(tmp_path) -> None:
    from integrations.swish.factory import make_swish

    assert make_swish({"url": ""}) is None  # no url: no Swish
    p = make_swish({"url": "https://cpc.getswish.net", "payee_alias": "1234679304",
                    "cert": "/etc/omnipos/swish.pem", "key": "/etc/omnipos/swish.key",
                    "ca": "/etc/omnipos/swish-root.pem",
                    "callback_url": "https://pos.example.se/swish/callback"}, message="Butik")
    assert p is not None and p.base_url == "https://cpc.getswish.net"
    for session in (p.http, p.http_once):
        assert session.cert == ("/etc/omnipos/swish.pem", "/etc/omnipos/swish.key")
        assert session.verify == "/etc/omnipos/swish-root.pem"
    assert p.callback_url == "https://pos.example.se/swish/callback" and p.message == "Butik"
    assert p.simulator is None and p._listener is None  # no listener unless asked for
    # "simulator": one started in this process, called back on a listener of the till's own
    s = make_swish({"url": "simulator", "payee_alias": MERCHANT})
    try:
        assert s.base_url == s.simulator.url and s.callback_url.startswith("http://127.0.0.1:")
        assert s.start(PaymentRequest("K1-f", 100)).outcome is PaymentOutcome.PENDING
    finally:
        s.close()
        s.simulator.stop()
