"""A customer at the till: searched in the central store, on the sale (promotions for their group,
the receipt, the order queued for the central store), kept across a crash; when the central store
cannot be reached the search says so and the sale goes on.

The central store here is a small in-memory stand-in for ``find_customers``; the same flow runs
against the real Medusa in tests/integration/medusa/test_till_customers.py."""
import json
from decimal import Decimal

import pytest
from sqlalchemy import text

from pos.db.repositories import SaleRepository, SyncStateRepository
from pos.promotions import ApplicationMethod, Promotion, Rule
from pos.receipt import Text
from pos.services.till import CustomerSearchError
from pos.staff import AuthError
from pos.sync.promotion_sync import store_promotions
from tests.services.conftest import ARTICLES
from tests.services.fakes import ANNA, ERIK, Customers


@pytest.fixture
def store():
    return Customers(ANNA, ERIK, cards={"10000001": ANNA})


@pytest.fixture
def till(make_till, store):
    t = make_till()
    t.customers = store
    t.login("kim", "1234")
    t.open_shift(200000)
    return t


def test_a_customer_found_by_phone_is_on_the_sale_receipt_and_order(till, session_factory):
    found = till.find_customers("070-123 45 67")
    assert found == [ANNA]
    assert ANNA in till.find_customers("0701")  # the number's beginning, as a cashier types it
    till.scan(ARTICLES[0].ean)
    totals = till.set_customer(ANNA)
    assert till.cart.customer == ANNA and totals.total == ARTICLES[0].price
    sale = till.pay_cash(20000).sale
    assert sale.customer_id == "cus_anna" and sale.customer_name == "Anna Svensson"
    with session_factory() as s:
        assert SaleRepository(s).get(sale.id) == sale
        payload = json.loads(s.execute(text("SELECT payload_json FROM outbox")).scalar_one())
    assert payload["customer_id"] == "cus_anna"
    assert payload["customer_email"] == "anna.svensson@example.se"
    lines = [b.text for b in till.receipt(sale).blocks if isinstance(b, Text)]
    assert "Kund: Anna Svensson" in lines
    assert till.cart.customer is None  # the next customer starts anonymous


def test_a_sale_without_a_customer_has_no_customer_anywhere(till, session_factory):
    till.scan(ARTICLES[1].ean)
    sale = till.pay_cash(10000).sale
    assert sale.customer_id is None and sale.customer_name == ""
    with session_factory() as s:
        payload = json.loads(s.execute(text("SELECT payload_json FROM outbox")).scalar_one())
    assert payload["customer_id"] is None and payload["customer_email"] is None
    assert not any(isinstance(b, Text) and b.text.startswith("Kund")
                   for b in till.receipt(sale).blocks)


def test_the_customers_group_gets_its_promotion(till, session_factory):
    vip = Promotion(id="promo_vip", code="VIP15", is_automatic=True,
                    rules=(Rule("customer.groups.id", "in", ("cusgroup_vip",)),),
                    application_method=ApplicationMethod(
                        type="percentage", target_type="order", value=Decimal(15),
                        allocation="across", currency_code="sek"))
    with session_factory() as s, s.begin():
        store_promotions(SyncStateRepository(s), [vip])
    till.reload_promotions()
    till.scan(ARTICLES[0].ean)
    assert till.totals().promotion_discount == 0  # nobody identified: no VIP price
    assert till.set_customer(ERIK).promotion_discount == 0  # not in the group
    t = till.set_customer(ANNA)
    assert t.promotions() == [("VIP15", ARTICLES[0].price * 15 // 100)]
    assert till.set_customer(None).promotion_discount == 0


def test_the_central_store_down_says_so_and_the_sale_goes_on(till, store):
    till.scan(ARTICLES[0].ean)
    store.down = True
    with pytest.raises(CustomerSearchError, match="cannot be reached"):
        till.find_customers("anna")
    assert till.totals().total == ARTICLES[0].price
    assert till.pay_cash(20000).sale is not None


def test_a_refused_or_unreadable_answer_is_a_clear_message(till, store):
    def broken(query, limit=20):
        raise ValueError("expected a list 'customers' in the answer")
    store.find_customers = broken
    with pytest.raises(CustomerSearchError, match="customer search failed: expected a list"):
        till.find_customers("anna")


def test_no_central_store_and_empty_queries(make_till):
    t = make_till()
    t.login("kim", "1234")
    assert t.find_customers("   ") == []
    with pytest.raises(CustomerSearchError, match="No central store"):
        t.find_customers("anna")
    t.logout()
    with pytest.raises(AuthError):
        t.find_customers("anna")


def test_the_customer_survives_a_crash(till, make_till, store):
    till.scan(ARTICLES[0].ean)
    till.set_customer(ANNA)
    again = make_till()
    assert again.cart.customer == ANNA


def test_the_demo_directory_finds_as_the_central_store_does():
    from pos.demo.customers import DemoCustomers
    demo = DemoCustomers()
    assert [c.name for c in demo.find_customers("070-123 45 67")] == ["Anna Svensson"]
    assert [c.name for c in demo.find_customers("0046 70 234 56 78")] == ["Erik Lindqvist"]
    assert [c.name for c in demo.find_customers("NILSSON")] == ["Sara Nilsson"]
    assert demo.find_customers("example.se", limit=2)[1].name == "Erik Lindqvist"
    assert demo.find_customers("  ") == [] and demo.find_customers("zzz") == []


def test_a_scanned_customer_card_puts_its_customer_on_the_sale(till, store):
    till.scan(ARTICLES[0].ean)
    totals = till.scan("CUST-10000001")
    assert totals.customer == ANNA and till.cart.customer == ANNA
    assert store.queries[-1] == "card:10000001"
    # a card nobody has, or the central store down: said plainly, the sale as it was
    before = till.totals()
    with pytest.raises(CustomerSearchError, match="No customer has card 10000009"):
        till.scan("CUST-10000009")
    store.down = True
    with pytest.raises(CustomerSearchError, match="customer card 10000002 cannot be read now"):
        till.scan("CUST-10000002")  # never read here
    assert till.totals() == before
    assert till.pay_cash(20000).sale.customer_id == ANNA.id


def test_a_card_read_before_finds_its_customer_while_the_central_store_is_down(
        till, make_till, store):
    store.cards["10000002"] = ERIK
    till.scan("CUST-10000002")  # read once, with the central store up
    till.set_customer(None)
    store.down = True
    other = make_till()  # another till on the store's database, later
    other.customers = store
    other.login("kim", "1234")
    assert other.scan("CUST-10000002").customer == ERIK
    assert store.queries[-1] == "card:10000002"  # it asked the central store first
    store.down = False
    store.cards["10000002"] = ANNA  # the card moved on: the central store's answer wins
    assert other.scan("CUST-10000002").customer == ANNA


def test_a_customer_card_needs_a_central_store_and_a_cashier(make_till):
    t = make_till()
    t.login("kim", "1234")
    with pytest.raises(CustomerSearchError, match="customer cards cannot be read"):
        t.scan("CUST-10000001")
    t.logout()
    with pytest.raises(AuthError):
        t.customer_card("10000001")


def test_the_demo_directory_knows_the_demo_cards():
    from pos.demo.customers import DemoCustomers
    demo = DemoCustomers()
    assert demo.customer_by_card("10000003").name == "Sara Nilsson"
    assert demo.customer_by_card("10000009") is None
