"""Gift cards and store credit at the till on SQLite and PostgreSQL, against an in-memory central
store that keeps accounts as the loyalty plugin does (credits minus debits, keyed notes): a card
sold (no VAT, its code on the receipt as a barcode and a QR code, queued for the central store
once), redeemed partly, a lost answer debited once, offline refused with nothing half done, a
tender taken back credited again, a return refunded to the card and one to store credit."""
from __future__ import annotations

import json
import threading
from datetime import date

import pytest

from hardware.control_unit_simulator import SimulatedControlUnit
from hardware.terminals.simulator import SimulatedTerminal
from pos.commerce import CustomerRef
from pos.db.unit_of_work import SqlUnitOfWork
from pos.gift_cards import (Balance, GiftCardError, GiftCardRules, IssuedGiftCard, Movement,
                            customer_account, new_code)
from pos.payment_methods import PaymentMethods
from pos.payments import PaymentError
from pos.ports import CommerceUnavailable
from pos.receipt import Barcode, QrCode
from pos.receipt_layout import sale_receipt
from pos.services.gift_cards import StoredValuePayments
from pos.services.returns import ReturnPick
from pos.services.till import Devices, Till, TillConfig
from pos.sync.gift_card_events import CREDIT_KIND, ISSUE_KIND, stored_value_handlers
from pos.sync.sale_events import store_order
from pos.vat import VatRate
from tests.services.conftest import ARTICLES
from tests.services.fakes import RecordingPrinter

TSHIRT, COFFEE, BOOK = ARTICLES
CUSTOMER = CustomerRef("cus_01TESTKUND", "eva@example.se", "Eva", "Ek", "+46701234567")


class MemoryStoredValue:
    """Accounts as the plugin keeps them: a list of (kind, öre, key) per account; a debit the
    balance does not cover is refused. ``lose_next``: the next debit is made but its answer
    lost; ``offline``: every call is refused before it is sent."""

    def __init__(self) -> None:
        self.accounts: dict[str, list[tuple[str, int, str]]] = {}
        self.expires: dict[str, str] = {}
        self.lose_next = False
        self.offline = False
        self.calls: list[str] = []
        self.lock = threading.Lock()

    def _reach(self, what: str) -> None:
        self.calls.append(what)
        if self.offline:
            e = CommerceUnavailable("GET /admin/gift-cards: cannot reach the central store at "
                                    "http://127.0.0.1:9")
            e.sent = False  # as the adapter marks a call that never connected
            raise e

    def held(self, account: str) -> int:
        return sum(a if k == "credit" else -a for k, a, _ in self.accounts.get(account, []))

    def balance(self, account):
        self._reach("balance")
        if account not in self.accounts:
            return Balance(account, 0) if account.startswith("customer:") else None
        return Balance(account, self.held(account), self.expires.get(account, ""))

    def issue_gift_card(self, card: IssuedGiftCard, key):
        self._reach("issue")
        if card.code not in self.accounts:
            self.accounts[card.code] = [("credit", card.amount, key)]
            self.expires[card.code] = card.expires_on
        return "gcard_" + card.code

    def movement(self, account, key):
        self._reach("movement")
        for kind, amount, k in self.accounts.get(account, []):
            if k == key:
                return Movement(kind, amount, key)
        return None

    def debit(self, account, amount, key):
        self._reach("debit")
        with self.lock:
            if self.movement(account, key) is None:
                if self.held(account) < amount:
                    raise GiftCardError("giftcard.insufficient", balance="?")
                self.accounts[account].append(("debit", amount, key))
            if self.lose_next:
                self.lose_next = False
                raise CommerceUnavailable("POST /admin/store-credit-accounts/x/debit: no answer "
                                          "in time (ReadTimeout)")
        return Balance(account, self.held(account))

    def credit(self, account, amount, key):
        self._reach("credit")
        with self.lock:
            if self.movement(account, key) is None:
                self.accounts.setdefault(account, []).append(("credit", amount, key))
        return Balance(account, self.held(account))


@pytest.fixture
def central():
    return MemoryStoredValue()


@pytest.fixture
def stocked(make_till):
    make_till()


def till_with(session_factory, central, **config):
    providers = {"gift_card": StoredValuePayments(central, "gift_card", "Presentkort"),
                 "store_credit": StoredValuePayments(central, "store_credit", "Tillgodo")}
    t = Till(session_factory,
             Devices(RecordingPrinter(), SimulatedTerminal(), SimulatedControlUnit(),
                     providers=providers),
             TillConfig(card_status_interval=0,
                        payment_methods=PaymentMethods.from_config(None, stored_value=True),
                        **config))
    t.stored_value = central
    t.login("kim", "1234")
    t.open_shift(100000)
    return t


def outbox(session_factory, kind):
    uow = SqlUnitOfWork(session_factory)
    with uow:
        rows = [m for m in uow.outbox.latest(1000) if m.kind == kind]
        return [(m.key, json.loads(m.payload_json)) for m in rows]


def a_card(central, amount, code=None):
    code = code or new_code()
    central.issue_gift_card(IssuedGiftCard(code, amount, "2030-12-31", "s", "K0", 1), "k")
    return code


def test_the_receipt_and_the_central_card_have_the_same_last_day(session_factory, stocked,
                                                                 central, tmp_path):
    """[gift_cards] valid_days reaches the receipt as it reaches the card the central store
    makes (the receipt printed 730 days whatever the store had chosen)."""
    import datetime as dt

    import main
    from pos.config import load_config

    toml = tmp_path / "pos.toml"
    toml.write_text("[gift_cards]\nvalid_days = 365\n", encoding="utf-8")
    wired = main.till_config(load_config(toml, env={}))
    till = till_with(session_factory, central, store=wired.store, gift_cards=wired.gift_cards)
    till.sell_gift_card(31337)
    sale = till.pay_cash(31400).sale
    assert sale is not None
    [(_, issued)] = outbox(session_factory, ISSUE_KIND)
    assert issued["expires_on"] == (sale.completed_at.date() + dt.timedelta(days=365)).isoformat()
    text = sale_receipt(sale, till.config.store, "CU-1").plain_text()
    assert f"Giltigt t.o.m. {issued['expires_on']}" in text


def test_a_gift_card_is_sold_without_vat_printed_as_barcode_and_qr_and_queued_once(
        session_factory, stocked, central):
    till = till_with(session_factory, central)
    with pytest.raises(GiftCardError) as e:
        till.sell_gift_card(4999)  # below the store's 50 kr
    assert e.value.code == "giftcard.amount_out_of_range"
    till.scan(COFFEE.ean)
    totals = till.sell_gift_card(25050)
    assert totals.total == 5990 + 25050
    # VAT only on the coffee (12 %): the gift card is a multi-purpose voucher
    assert {v.rate: v.vat for v in totals.vat if v.vat} == {VatRate.FOOD: 642}
    sale = till.pay_cash(40000).sale
    assert sale is not None and (sale.change, sale.rounding) == (9000, -40)  # 310 kr in cash
    code = sale.lines[1].variant_id.split(":", 1)[1]
    doc = sale_receipt(sale, till.config.store, "CU-1")
    assert Barcode(code) in doc.blocks
    assert any(isinstance(b, QrCode) and b.data == code for b in doc.blocks)
    text = doc.plain_text()
    assert "250,50" in text and "Giltigt t.o.m." in text
    issued = outbox(session_factory, ISSUE_KIND)
    assert issued == [(f"gift_card:{code}", {
        "code": code, "amount": 25050, "expires_on": (sale.completed_at.date().replace(
            year=sale.completed_at.year) + __import__("datetime").timedelta(days=730)).isoformat(),
        "sale_id": sale.id, "register_id": "K1", "receipt_no": sale.receipt_no})]
    # the store's order has the coffee only; the card is its own message
    order = store_order(sale, "store-gbg")
    assert [ln.sku for ln in order.lines] == [COFFEE.sku] and order.total == 5990
    # delivered twice (a lost answer): one card
    handlers = stored_value_handlers(type("S", (), {"stored_value": central})())
    payload = issued[0][1]
    assert handlers[ISSUE_KIND](None, payload, issued[0][0]) == handlers[ISSUE_KIND](
        None, payload, issued[0][0])
    assert central.held(code) == 25050 and len(central.accounts[code]) == 1


def test_a_gift_card_pays_part_of_a_sale_and_the_rest_is_left_on_it(
        session_factory, stocked, central):
    code = a_card(central, 30001)
    till = till_with(session_factory, central)
    till.scan(TSHIRT.ean)
    till.scan(COFFEE.ean)
    till.start_payment()
    balance = till.gift_card_balance(code.lower().replace("-", " "))  # typed loosely
    assert balance.balance == 30001
    view = till.pay_with_gift_card(code, 12345)
    assert view.remaining == 19900 + 5990 - 12345
    sale = till.pay_card(None).sale
    gc = sale.tenders[0]
    assert (gc.method.id, gc.amount, gc.terminal_ref) == ("gift_card", 12345, code)
    assert gc.receipt_lines[-1] == "Kvar: 176,56 kr"
    assert central.held(code) == 30001 - 12345
    text = sale_receipt(sale, till.config.store, "CU-1").plain_text()
    assert "Kvar: 176,56 kr" in text and code not in text  # masked: the last group only


def test_more_than_the_card_holds_is_refused_and_nothing_is_taken(
        session_factory, stocked, central):
    code = a_card(central, 5000)
    till = till_with(session_factory, central)
    till.scan(TSHIRT.ean)
    with pytest.raises(PaymentError) as e:
        till.pay_with_gift_card(code, 19900)
    assert e.value.code == "payment.mobile_declined"
    assert central.held(code) == 5000 and till.payment_view().paid == 0


def test_a_lost_answer_debits_the_card_once(session_factory, stocked, central):
    code = a_card(central, 50000)
    till = till_with(session_factory, central)
    till.scan(BOOK.ean)
    central.lose_next = True
    sale = till.pay_with_gift_card(code).sale
    assert sale is not None and sale.tenders[0].amount == 12950
    assert central.held(code) == 50000 - 12950
    assert [k for k, _, _ in central.accounts[code]] == ["credit", "debit"]
    # after a restart, the attempt is asked again: nothing more is taken
    assert till.resolve_card_attempts() == [] or central.held(code) == 50000 - 12950


def test_offline_the_card_cannot_be_redeemed_and_nothing_is_half_done(
        session_factory, stocked, central):
    code = a_card(central, 50000)
    till = till_with(session_factory, central)
    till.scan(BOOK.ean)
    till.start_payment()
    central.offline = True
    with pytest.raises(GiftCardError) as e:
        till.gift_card_balance(code)
    assert e.value.code == "giftcard.offline"
    with pytest.raises(PaymentError) as e:
        till.pay_with_gift_card(code)
    assert e.value.params["detail"].params["text"].code == "giftcard.offline"
    central.offline = False
    assert central.held(code) == 50000
    view = till.payment_view()
    assert view.paid == 0 and view.tenders == ()
    assert till.pay_cash(13000).sale is not None


def test_a_gift_card_tender_taken_back_before_the_sale_completes_is_credited_again(
        session_factory, stocked, central):
    code = a_card(central, 10000)
    till = till_with(session_factory, central)
    till.scan(TSHIRT.ean)
    till.pay_with_gift_card(code, 10000)  # all 100 kr of it
    assert central.held(code) == 0
    till.remove_tender(0)
    assert central.held(code) == 10000
    assert till.payment_view().paid == 0
    till.cancel_payment()
    till.void_sale()


def test_goods_bought_with_a_gift_card_go_back_to_the_card(session_factory, stocked, central):
    code = a_card(central, 20000)
    till = till_with(session_factory, central)
    till.scan(TSHIRT.ean)
    till.scan(COFFEE.ean)
    till.pay_with_gift_card(code, 20000)
    sale = till.pay_cash(5890).sale  # 258,90 - 200,00 = 58,90 in cash
    assert central.held(code) == 0
    till.return_lines(till.find_purchase(sale.receipt_code).purchase,
                      [ReturnPick("1", 1, "changed_mind")])
    back = till.refund().sale
    assert [(t.method.id, t.amount) for t in back.tenders] == [("gift_card", -19900)]
    assert central.held(code) == 19900


def test_a_return_is_refunded_to_the_customers_store_credit_once(
        session_factory, stocked, central):
    till = till_with(session_factory, central)
    till.set_customer(CUSTOMER)
    till.scan(COFFEE.ean, 3)  # 3 x 59,90
    sale = till.pay_card(None).sale
    till.set_customer(CUSTOMER)
    till.return_lines(till.find_purchase(sale.receipt_code).purchase,
                      [ReturnPick("1", 2, "changed_mind")])
    back = till.refund_to_store_credit().sale
    account = customer_account(CUSTOMER.id)
    assert [(t.method.id, t.method.label, t.amount, t.refund_of) for t in back.tenders] == [
        ("store_credit", "Tillgodo", -11980, account)]
    queued = outbox(session_factory, CREDIT_KIND)
    assert [p["amount"] for _, p in queued] == [11980]
    handlers = stored_value_handlers(type("S", (), {"stored_value": central})())
    for _ in range(2):  # a retry after a lost answer
        handlers[CREDIT_KIND](None, queued[0][1], queued[0][0])
    assert central.held(account) == 11980
    # spent at the till as a tender
    till.set_customer(CUSTOMER)
    till.scan(BOOK.ean)
    assert till.store_credit_balance().balance == 11980
    till.pay_with_store_credit(11980)
    sale = till.pay_cash(1000).sale  # 129,50 - 119,80 = 9,70: 10 kr in cash
    assert [t.method.id for t in sale.tenders] == ["store_credit", "cash"]
    assert central.held(account) == 0


def test_a_return_without_a_receipt_suggests_store_credit_when_a_customer_is_on_it(
        session_factory, stocked, central):
    till = till_with(session_factory, central)
    till.return_without_receipt(TSHIRT, 1, "changed_mind", approver_pin="9999")
    assert till.suggests_store_credit() is False  # no customer: cash
    till.set_customer(CUSTOMER)
    assert till.suggests_store_credit() is True
    back = till.refund_to_store_credit().sale
    assert [(t.method.id, t.amount) for t in back.tenders] == [("store_credit", -19900)]
    other = till_with(session_factory, central, register_id="K2",
                      gift_cards=GiftCardRules(no_receipt_to_store_credit=False))
    other.set_customer(CUSTOMER)
    other.return_without_receipt(TSHIRT, 1, "changed_mind", approver_pin="9999")
    assert other.suggests_store_credit() is False  # the store's policy: cash
