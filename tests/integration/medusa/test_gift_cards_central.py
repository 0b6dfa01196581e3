"""Gift cards and store credit against the real local Medusa with its loyalty plugin, both sides
checked (the plugin's cards, accounts, balances and transactions; the till's sales, tenders,
payment attempts and journal): a gift card sold at the till and redeemed on a web cart through
the store API; one redeemed partly at the till and the rest on the web; a lost answer to the
debit never debits twice; offline, a card is refused cleanly; a refund to store credit spent on
the web."""
from __future__ import annotations

import json
import uuid

import pytest

from hardware.control_unit_simulator import SimulatedControlUnit
from integrations.medusa.client import MedusaClient
from integrations.medusa.gift_cards import MedusaStoredValue
from integrations.medusa.store import MedusaStore
from pos.db.engine import make_engine
from pos.db.session import session_factory as make_factory
from pos.db.migrate import upgrade
from pos.db.unit_of_work import SqlUnitOfWork
from pos.demo.catalog import load_demo_catalog
from pos.gift_cards import GiftCardError, customer_account
from pos.commerce import CustomerRef
from pos.payment_methods import PaymentMethods
from pos.payments import PaymentError
from pos.queries.journal import verify_journals
from pos.services.gift_cards import StoredValuePayments
from pos.services.returns import ReturnPick
from pos.services.setup import ensure_demo_staff
from pos.services.till import Devices, Till, TillConfig
from pos.sync.gift_card_events import stored_value_handlers
from pos.sync.outbox import OutboxWorker
from tests.integration.lossy_proxy import LossyProxy
from tests.integration.medusa.articles import one_in_stock
from tests.integration.medusa.conftest import closing_session
from tests.integration.medusa.shopper import Shopper
from tests.services.fakes import RecordingPrinter, ScriptedTerminal

pytestmark = [pytest.mark.medusa, pytest.mark.timeout(600)]


@pytest.fixture
def central(medusa_state):
    return MedusaStore.from_state(location_key="store-gbg")


@pytest.fixture
def make_till(medusa_state, tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path}/pos.sqlite3")
    upgrade(engine)
    sf = make_factory(engine)
    with sf() as s, s.begin():
        load_demo_catalog(s)
    ensure_demo_staff(SqlUnitOfWork(sf))

    def build(stored_value, register=None):
        providers = {"gift_card": StoredValuePayments(stored_value, "gift_card", "Presentkort"),
                     "store_credit": StoredValuePayments(stored_value, "store_credit", "Tillgodo")}
        t = Till(sf, Devices(RecordingPrinter(), ScriptedTerminal(), SimulatedControlUnit(),
                             providers=providers),
                 TillConfig(card_status_interval=0.05,
                            register_id=register or f"G{uuid.uuid4().hex[:4]}",
                            payment_methods=PaymentMethods.from_config(None, stored_value=True)))
        t.stored_value = stored_value
        t.login("kim", "1234")
        t.open_shift(100000)
        return t
    yield build, sf
    engine.dispose()


def deliver(sf, central):
    """The outbox's gift card and store credit messages, to the central store (twice: the
    second finds them done)."""
    for _ in range(2):
        worker = OutboxWorker(SqlUnitOfWork(sf), central.orders,
                              handlers=stored_value_handlers(central))
        for m in _pending(sf):
            if m[1] in ("gift_card.issue", "store_credit.credit"):
                handler = worker.handlers[m[1]]
                handler(None, json.loads(m[2]), m[0])


def _pending(sf):
    uow = SqlUnitOfWork(sf)
    with uow:
        return [(m.key, m.kind, m.payload_json) for m in uow.outbox.latest(100)]


def card_of(central, code):
    return central.client.admin("GET", "/admin/gift-cards", params={
        "q": code, "fields": "id,code,value,status,reference_id,*store_credit_account"}
    )["gift_cards"][0]


def transactions(central, account_id):
    return central.client.admin(
        "GET", f"/admin/store-credit-accounts/{account_id}/transactions",
        params={"limit": 100, "order": "created_at"})["transactions"]


def article(minimum=5, price_over=10000):
    """An article the web warehouse has (the web carts take from it), over ``price_over`` öre;
    another each run (the central store's stock is shared by every test run on this state)."""
    return one_in_stock("web-warehouse", minimum=minimum, figure="available",
                        price_over=price_over)


def web_cart(shopper, items):
    """A web cart sent home from the web warehouse (not a pickup order: this store's pickups are
    other tests' business)."""
    address = {"first_name": "Lisa", "last_name": "Ek", "address_1": "Kungsgatan 1",
               "city": "Göteborg", "postal_code": "41119", "country_code": "se"}
    cart = shopper.call("POST", "/store/carts", json={
        "region_id": shopper.ids["region_id"],
        "sales_channel_id": shopper.ids["sales_channels"]["web"],
        "items": [{"variant_id": shopper.variant_id(sku), "quantity": q} for sku, q in items],
        "shipping_address": address, "billing_address": address,
        **({"email": shopper.email} if not shopper.token else {})})["cart"]
    option = shopper.ids["shipping_options"]["shipping-web-warehouse"]
    shopper.call("POST", f"/store/carts/{cart['id']}/shipping-methods", json={"option_id": option})
    return cart["id"]


def complete(shopper, cart_id):
    cart = shopper.call("GET", f"/store/carts/{cart_id}",
                        params={"fields": "id,total,credit_line_total,*credit_lines"})["cart"]
    pc = shopper.call("POST", "/store/payment-collections", json={"cart_id": cart_id})
    shopper.call("POST", f"/store/payment-collections/{pc['payment_collection']['id']}"
                         "/payment-sessions", json={"provider_id": "pp_system_default"})
    done = shopper.call("POST", f"/store/carts/{cart_id}/complete")
    assert done.get("type") == "order", done
    return cart, done["order"]


def test_a_gift_card_sold_at_the_till_is_redeemed_partly_there_and_the_rest_on_the_web(
        central, make_till, medusa_state):
    build, sf = make_till
    till = build(central.stored_value)
    coffee = article(price_over=12345)  # the card pays 123,45 kr of one
    till.scan(coffee.ean)
    till.sell_gift_card(50050)  # 500,50 kr
    sale = till.pay_card(None).sale
    code = sale.lines[1].variant_id.split(":", 1)[1]
    # not yet at the central store: the till says so rather than "no such card"
    with pytest.raises(GiftCardError) as e:
        till.gift_card_balance(code)
    assert e.value.code == "giftcard.not_found"
    deliver(sf, central)
    card = card_of(central, code)
    assert card["value"] == 500.5 and card["reference_id"] == sale.id
    assert card["store_credit_account"]["balance"] == 500.5

    # partly at the till: 123,45 of it
    till.scan(coffee.ean)
    assert till.gift_card_balance(code).balance == 50050
    rest = till.pay_with_gift_card(code, 12345).cash_due
    paid = till.pay_cash(rest + 5000).sale  # (any price: a CI run drew one over 1 123,45 kr)
    gc = paid.tenders[0]
    assert (gc.method.id, gc.amount, gc.terminal_ref) == ("gift_card", 12345, code)
    assert gc.receipt_lines[-1] == "Kvar: 377,05 kr"
    acc = card_of(central, code)["store_credit_account"]
    assert acc["balance"] == 377.05
    moves = transactions(central, acc["id"])
    assert [(t["type"], t["amount"]) for t in moves] == [("credit", 500.5), ("debit", 123.45)]
    assert moves[1]["note"] == f"omnipos:{gc.attempt_id}"

    # the rest on a web cart through the store API
    shopper = Shopper(medusa_state)
    cart_id = web_cart(shopper, [(coffee.sku, 4)])
    before = shopper.call("GET", f"/store/carts/{cart_id}", params={"fields": "id,total"})["cart"]
    shopper.call("POST", f"/store/carts/{cart_id}/gift-cards", json={"code": code})
    cart, order = complete(shopper, cart_id)
    used = min(before["total"], 377.05)  # 4 articles over 100 kr and shipping: all of the card
    assert used == 377.05 and round(order["total"], 2) == round(before["total"] - used, 2)
    acc = card_of(central, code)["store_credit_account"]
    assert round(acc["balance"], 2) == round(377.05 - used, 2)
    assert [t["type"] for t in transactions(central, acc["id"])] == ["credit", "debit", "debit"]
    # the till's side: one approved attempt, journal intact
    uow = SqlUnitOfWork(sf)
    with uow:
        attempts = [a for a in uow.attempts.unresolved(till.config.register_id)]
    assert attempts == []
    assert all(r.ok for r in verify_journals(SqlUnitOfWork(sf)))


def test_a_lost_answer_to_the_debit_debits_the_card_once(central, make_till, medusa_state):
    build, sf = make_till
    ids = dict(medusa_state)
    seller = build(central.stored_value)
    seller.sell_gift_card(20000)
    code = seller.pay_cash(20000).sale.lines[0].variant_id.split(":", 1)[1]
    deliver(sf, central)

    port = int(ids["url"].rsplit(":", 1)[1])
    proxy = LossyProxy(port, drop=lambda line: line.startswith("POST ") and "/debit" in line
                       and not proxy.dropped)
    try:
        client = MedusaClient(proxy.url, ids["admin_email"], ids["admin_password"],
                              session_factory=closing_session, retries=0)
        till = build(MedusaStoredValue(client))
        till.scan(article(price_over=15000).ean)  # the card pays 150,00 kr of it
        due = till.start_payment().remaining
        view = till.pay_with_gift_card(code, 15000)
        assert proxy.dropped and view.paid == 15000
    finally:
        proxy.close()
    acc = card_of(central, code)["store_credit_account"]
    assert acc["balance"] == 50.0
    assert [t["type"] for t in transactions(central, acc["id"])] == ["credit", "debit"]
    sale = till.pay_cash(due).sale
    assert [(t.method.id, t.amount) for t in sale.tenders][0] == ("gift_card", 15000)


def test_offline_a_gift_card_is_refused_cleanly(central, make_till, medusa_state):
    build, sf = make_till
    seller = build(central.stored_value)
    seller.sell_gift_card(10000)
    code = seller.pay_cash(10000).sale.lines[0].variant_id.split(":", 1)[1]
    deliver(sf, central)
    ids = dict(medusa_state)
    dead = MedusaClient("http://127.0.0.1:9", ids["admin_email"], ids["admin_password"],
                        retries=0, timeout=(0.5, 2))
    till = build(MedusaStoredValue(dead))
    till.scan(article().ean)
    till.start_payment()
    with pytest.raises(GiftCardError) as e:
        till.gift_card_balance(code)
    assert e.value.code == "giftcard.offline"
    with pytest.raises(PaymentError) as e:
        till.pay_with_gift_card(code, 5000)
    assert e.value.params["detail"].params["text"].code == "giftcard.offline"
    view = till.payment_view()
    assert view.paid == 0 and view.tenders == ()
    uow = SqlUnitOfWork(sf)
    with uow:  # the attempt is recorded as never received, nothing left to resolve
        assert uow.attempts.unresolved(till.config.register_id) == []
    assert card_of(central, code)["store_credit_account"]["balance"] == 100.0


def test_a_refund_to_store_credit_is_spent_on_the_web(central, make_till, medusa_state):
    build, sf = make_till
    shopper = Shopper(medusa_state).register("Stina", "Kredit")
    me = shopper.call("GET", "/store/customers/me")["customer"]
    customer = CustomerRef(me["id"], me["email"], "Stina", "Kredit", "+46705551234")
    till = build(central.stored_value, register="K1")  # (a receipt code names K<digits>)
    till.set_customer(customer)
    item = article()
    till.scan(item.ean, 3)
    sale = till.pay_card(None).sale
    till.set_customer(customer)
    till.return_lines(till.find_purchase(sale.receipt_code).purchase,
                      [ReturnPick("1", 2, "changed_mind")])
    back = till.refund_to_store_credit().sale
    assert [(t.method.id, t.amount) for t in back.tenders] == [("store_credit", -2 * item.price)]
    deliver(sf, central)
    account = customer_account(customer.id)
    assert central.stored_value.balance(account).balance == 2 * item.price
    # spent on the web: the plugin's store route puts the credit on the cart
    cart_id = web_cart(shopper, [(item.sku, 1)])
    before = shopper.call("GET", f"/store/carts/{cart_id}", params={"fields": "id,total"})["cart"]
    shopper.call("POST", f"/store/carts/{cart_id}/store-credits", json={})
    cart, order = complete(shopper, cart_id)
    used = min(2 * item.price, round(before["total"] * 100))
    acc = central.client.admin("GET", "/admin/store-credit-accounts", params={
        "customer_id": customer.id})["store_credit_accounts"][0]
    assert [(t["type"], round(t["amount"] * 100)) for t in transactions(central, acc["id"])] == [
        ("credit", 2 * item.price), ("debit", used)]
    assert central.stored_value.balance(account).balance == 2 * item.price - used
