"""A web cart at the till on SQLite and PostgreSQL: loaded, the register restarted mid-sale
(the link comes back from the saved sale), paid; the stored sale, its journal entry and its
outbox message name the cart, and a second register sharing the database is told it is bought
here. The central store is an in-memory stand-in (tests/unit/test_web_carts.py); the real one:
tests/integration/medusa/test_web_cart_at_the_till.py."""
import json

import pytest
from sqlalchemy import text

from pos.commerce import WebCart, WebCartLine
from pos.db.repositories import CartRepository, SaleRepository
from pos.web_carts import WebCartError
from tests.services.conftest import ARTICLES

SHIRT, COFFEE = ARTICLES[0], ARTICLES[1]
CART = WebCart(id="cart_01DB", currency="SEK", email="wilma@example.se", customer_id=None,
               lines=(WebCartLine("variant_1", SHIRT.sku, SHIRT.ean, SHIRT.name, 2, 18900, 0,
                                  37800),
                      WebCartLine("variant_2", COFFEE.sku, COFFEE.ean, COFFEE.name, 3, 5990, 0,
                                  17970)),
               promo_codes=(), discount_total=0, tax_total=0, total=55770, completed=False)


class WebCarts:
    def get_web_cart(self, cart_id):
        return CART if cart_id == CART.id else None

    def close_web_cart(self, cart_id, sale_key, order_id):
        raise AssertionError("the outbox closes carts, not the till")


@pytest.fixture
def open_till(make_till):
    def build(register="K1"):
        t = make_till(register_id=register)
        t.web_carts = WebCarts()
        t.login("kim", "1234")
        if t.current_shift() is None:
            t.open_shift(100000)
        return t
    return build


def test_a_web_cart_survives_a_restart_and_its_sale_names_it(open_till, session_factory):
    till = open_till()
    loaded = till.scan("https://shop.example.se/cart/cart_01DB")
    assert loaded.total == 55770 and loaded.web_cart.id == "cart_01DB"
    with session_factory() as s:
        assert CartRepository(s).holding_web_cart("cart_01DB") == ["K1"]

    restarted = open_till()  # the till crashed; a new one on the same database
    assert restarted.cart.web_cart == till.cart.web_cart
    assert restarted.totals().total == 55770
    assert [line.from_web for line in restarted.cart.lines] == [True, True]
    restarted.start_payment()
    sale = restarted.pay_cash(60000).sale
    assert sale.web_cart_id == "cart_01DB"
    with session_factory() as s:
        assert SaleRepository(s).get(sale.id) == sale
        assert SaleRepository(s).by_web_cart("cart_01DB") == sale
        assert CartRepository(s).holding_web_cart("cart_01DB") == []
        payload = json.loads(s.execute(text("SELECT payload_json FROM outbox")).scalar_one())
        journal = [json.loads(p) for (p,) in s.execute(text(
            "SELECT payload_json FROM journal WHERE kind = 'sale'"))]
    assert payload["web_cart_id"] == "cart_01DB" and payload["total"] == 55770
    assert [j["web_cart_id"] for j in journal] == ["cart_01DB"]

    with pytest.raises(WebCartError) as again:
        open_till("K2").fetch_web_cart("cart_01DB")
    assert again.value.code == "web_cart.already_bought_here"
    assert again.value.params["register"] == "K1"


def test_a_till_without_a_central_store_says_so(make_till):
    till = make_till()
    till.login("kim", "1234")
    with pytest.raises(WebCartError) as refused:
        till.fetch_web_cart("https://shop.example.se/cart/cart_01DB")
    assert (refused.value.code, refused.value.params) == ("web_cart.no_central_store",
                                                          {"cart": "cart_01DB"})
