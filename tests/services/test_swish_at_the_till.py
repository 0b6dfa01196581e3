"""Swish at the till on SQLite and PostgreSQL, against the Swish simulator over HTTP: a sale paid
part card part Swish (the QR code shown while the customer pays), an answer lost and charged
once, the cashier's cancel, a timeout, and a return refunded to Swish by the payment's
reference (partly, twice)."""
from __future__ import annotations

import json
import threading
import time
from decimal import Decimal

import pytest

from hardware.control_unit_simulator import SimulatedControlUnit
from hardware.simulators.swish_simulator import SwishSimulator
from hardware.terminals.simulator import SimulatedTerminal
from integrations.swish import messages as m
from integrations.swish.provider import SwishProvider
from pos.cart import Discount
from pos.db.unit_of_work import SqlUnitOfWork
from pos.payment_methods import PaymentMethods
from pos.payments import PaymentError
from pos.ports import PaymentOutcome
from pos.queries.journal import verify_journals
from pos.receipt_layout import sale_receipt
from pos.services.returns import ReturnPick
from pos.services.till import Devices, Till, TillConfig
from tests.services.conftest import ARTICLES
from tests.services.fakes import RecordingPrinter

TSHIRT, COFFEE, BOOK = ARTICLES
MERCHANT = "1231181189"


@pytest.fixture
def stocked(make_till):
    make_till()  # the catalogue and the demo staff in the database


@pytest.fixture
def sim():
    with SwishSimulator(pay_delay=0.3, refund_delay=0.05) as s:
        yield s


@pytest.fixture
def swish(sim):
    p = SwishProvider(sim.url, MERCHANT, listen="127.0.0.1:0")
    yield p
    p.close()


def till_with(session_factory, swish, terminal=None, *, restart=False, **config):
    t = Till(session_factory,
             Devices(RecordingPrinter(), terminal or SimulatedTerminal(), SimulatedControlUnit(),
                     providers={"swish": swish}),
             TillConfig(card_status_interval=0, mobile_status_interval=0.05,
                        payment_methods=PaymentMethods.from_config(None, swish=True), **config))
    t.login("kim", "1234")
    if not restart:
        t.open_shift(100000)
    return t


def test_a_sale_paid_part_card_part_swish(session_factory, stocked, sim, swish):
    till = till_with(session_factory, swish)
    till.scan(TSHIRT.ean, 2)
    till.scan(COFFEE.ean)
    till.discount_line(1, Discount(percent=Decimal(3)))
    till.start_payment()
    # 2 x 199,00 less 3 % = 386,06; coffee 59,90: 445,96
    assert till.payment_view().remaining == 44596
    till.pay_card(20001)
    shown = []
    sale = till.pay_with("swish", prompt=shown.append).sale
    assert sale is not None and sale.total == 44596
    assert [(t.method.id, t.amount) for t in sale.tenders] == [("card", 20001), ("swish", 24595)]
    swish_tender = sale.tenders[1]
    # the QR code was shown while the customer paid: the token Swish answered with
    assert len(shown) == 1 and shown[0].outcome is PaymentOutcome.PENDING
    assert shown[0].qr_data.startswith("swish://paymentrequest?token=")
    [paid] = sim.payments("PAID")
    assert paid["amount"] == "245.95" and paid["payeePaymentReference"] == swish_tender.attempt_id
    assert paid["id"] == m.instruction_id(swish_tender.attempt_id)
    assert swish_tender.terminal_ref == paid["paymentReference"]
    assert sim.charged_total == 24595 and sim.paid_by_reference() == {swish_tender.attempt_id: 1}
    with SqlUnitOfWork(session_factory) as uow:
        row = uow.attempts.get(swish_tender.attempt_id)
        assert (row.method, row.amount, row.status, row.used) == ("swish", 24595, "approved", True)
        assert json.loads(row.result_json)["terminal_ref"] == paid["paymentReference"]
    text = sale_receipt(sale, till.config.store, "CU1").plain_text()
    assert "Swish" in text and "245,95" in text and paid["paymentReference"] in text
    uow = SqlUnitOfWork(session_factory)
    assert all(j.ok for j in verify_journals(uow))
    report, doc = till.x_report()  # Swish is its own method on the X report
    assert dict(report.tenders) == {"card": 20001, "swish": 24595}
    assert "Swish" in doc.plain_text()


def test_e_commerce_answer_lost_is_asked_and_charged_once(session_factory, stocked, sim, swish):
    till = till_with(session_factory, swish)
    till.scan(BOOK.ean)
    till.start_payment()
    sim.control({"next": "lost"})
    sale = till.pay_with("swish", payer_phone="070-123 45 67").sale
    assert sale is not None and [(t.method.id, t.amount) for t in sale.tenders] == [("swish", 12950)]
    assert sim.repeats == [] and sim.charged_total == 12950
    assert sim.paid_by_reference() == {sale.tenders[0].attempt_id: 1}
    assert sim.payments()[0]["payerAlias"] == "46701234567"


def test_the_cashier_cancels_while_the_customer_has_not_paid(session_factory, stocked, sim, swish):
    sim.control({"pay_delay": 30})
    till = till_with(session_factory, swish)
    till.scan(BOOK.ean)
    till.start_payment()
    prompted = threading.Event()
    outcome: dict[str, object] = {}

    def pay():
        try:
            outcome["view"] = till.pay_with("swish", prompt=lambda _r: prompted.set())
        except PaymentError as e:
            outcome["error"] = e
    worker = threading.Thread(target=pay)
    started = time.monotonic()
    worker.start()
    assert prompted.wait(5)
    assert till.cancel_card()  # from another thread, as the dialog's Cancel does
    worker.join(10)
    assert time.monotonic() - started < 5
    assert outcome["error"].code == "payment.card_cancelled"
    assert sim.payments()[0]["status"] == "CANCELLED" and sim.charged_total == 0
    assert till.payment_view().remaining == 12950  # the sale waits for another tender
    assert till.pay_cash(13000).sale.change == 0


def test_the_customer_not_answering_ends_as_timed_out(session_factory, stocked, sim, swish):
    sim.control({"next": "timeout", "timeout_after": 0.4})
    till = till_with(session_factory, swish)
    till.scan(BOOK.ean)
    till.start_payment()
    with pytest.raises(PaymentError) as e:
        till.pay_with("swish")
    assert e.value.code == "payment.mobile_declined" and e.value.params["method"] == "Swish"
    assert "did not answer in time" in str(e.value)
    assert sim.charged_total == 0 and till.payment_view().paid == 0


def test_the_till_gives_up_waiting_and_cancels(session_factory, stocked, sim, swish):
    sim.control({"pay_delay": 30})
    till = till_with(session_factory, swish, mobile_wait_seconds=0.5)
    till.scan(BOOK.ean)
    till.start_payment()
    with pytest.raises(PaymentError) as e:
        till.pay_with("swish")
    assert e.value.code == "payment.card_cancelled"
    assert sim.payments()[0]["status"] == "CANCELLED"


def test_a_return_is_refunded_to_swish_by_reference_partly_twice(session_factory, stocked, sim,
                                                                  swish):
    till = till_with(session_factory, swish)
    till.scan(TSHIRT.ean, 3)
    till.discount_line(1, Discount(percent=Decimal(7)))
    till.start_payment()
    sale = till.pay_with("swish").sale
    assert sale.total == 55521
    ref = sale.tenders[0].terminal_ref

    def give_back(picks):
        view = till.find_purchase(sale.receipt_code)
        till.return_lines(view.purchase, [ReturnPick(*p) for p in picks])
        return till.refund().sale
    first = give_back([("1", 1, "wrong_size")])
    second = give_back([("1", 1, "changed_mind")])
    # 555,21 over three shirts: 185,07 each
    assert [(t.method.id, t.amount, t.refund_of) for t in first.tenders] == [
        ("swish", -18507, ref)]
    assert [(t.method.id, t.amount, t.refund_of) for t in second.tenders] == [
        ("swish", -18507, ref)]
    refunds = sim.refunds("PAID")
    assert [(r["originalPaymentReference"], r["amount"]) for r in refunds] == [
        (ref, "185.07"), (ref, "185.07")]
    assert sim.charged_total == 55521 - 2 * 18507


def test_a_swish_payment_sent_before_a_crash_is_applied_once_after_the_restart(
        session_factory, stocked, sim, swish):
    # the payer decides only when told (a fixed delay raced a loaded machine: paid before asked)
    sim.control({"next": "lost", "pay_delay": 60})
    # a till that does not ask: it "dies" right after Swish took the request to the phone
    dying = till_with(session_factory, swish, card_status_polls=0)
    dying.scan(BOOK.ean)
    dying.start_payment()
    with pytest.raises(PaymentError, match="did not answer"):
        dying.pay_with("swish", payer_phone="0701234567")
    restarted = SwishProvider(sim.url, MERCHANT, callback_url=swish.callback_url)  # no memory
    again = till_with(session_factory, restarted, restart=True)
    said = again.resolve_card_attempts()  # still with the customer: not applied, not failed
    assert any("did not answer" in s for s in said), said
    assert again.payment_view().paid == 0
    sim.control({"act_now": True})  # the customer approves on the phone
    assert len(sim.payments("PAID")) == 1
    said = again.resolve_card_attempts()
    assert any("approved" in s for s in said), said
    assert again.totals().lines == ()  # the Swish payment completed the sale
    assert again.resolve_card_attempts() == []  # nothing left, nothing charged twice
    assert sim.repeats == [] and sim.charged_total == 12950 and len(sim.payments()) == 1


def test_a_qr_code_lost_in_a_crash_is_cancelled_at_the_restart(session_factory, stocked, sim,
                                                              swish):
    sim.control({"next": "lost", "pay_delay": 30})
    dying = till_with(session_factory, swish, card_status_polls=0)
    dying.scan(BOOK.ean)
    dying.start_payment()
    with pytest.raises(PaymentError):
        dying.pay_with("swish")
    again = till_with(session_factory, SwishProvider(sim.url, MERCHANT,
                                                     callback_url=swish.callback_url),
                      restart=True)
    said = again.resolve_card_attempts()
    assert any("cancelled" in s for s in said), said
    assert sim.payments()[0]["status"] == "CANCELLED" and sim.charged_total == 0
    assert again.resolve_card_attempts() == []
    assert again.pay_cash(13000).sale is not None
