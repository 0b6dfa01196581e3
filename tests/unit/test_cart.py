from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.cart import ApprovalRequired, Cart, CartError, Discount
from pos.vat import VatRate
from tests.unit.helpers import variant


def test_scanning_the_same_article_twice_raises_the_quantity():
    cart = Cart()
    cart.add(variant(1))
    cart.add(variant(1))
    assert len(cart.lines) == 1 and cart.lines[0].quantity == 2
    assert cart.totals().total == 20000


@pytest.mark.parametrize("qty", [0, -1, 10000, 1.5, True])
def test_bad_quantities_are_refused_and_the_cart_is_unchanged(qty):
    cart = Cart()
    line = cart.add(variant(1))
    with pytest.raises(CartError):
        cart.set_quantity(line.line_id, qty)
    assert cart.lines[0].quantity == 1


def test_small_line_discount_needs_no_manager_but_a_large_one_does():
    cart = Cart()
    line = cart.add(variant(1, price=10000))
    cart.discount_line(line.line_id, Discount(percent=Decimal(10)))
    assert cart.totals().total == 9000
    with pytest.raises(ApprovalRequired) as e:
        cart.discount_line(line.line_id, Discount(amount=2000))
    assert e.value.action == "line_discount"
    cart.discount_line(line.line_id, Discount(amount=2000, approved_by="maja"))
    assert cart.totals().total == 8000


def test_amount_discount_never_makes_a_line_negative():
    cart = Cart()
    line = cart.add(variant(1, price=500))
    cart.discount_line(line.line_id, Discount(amount=900, approved_by="maja"))
    assert cart.totals().total == 0


def test_price_override_always_needs_a_manager_and_keeps_the_original():
    cart = Cart()
    line = cart.add(variant(1, price=19900))
    with pytest.raises(ApprovalRequired):
        cart.override_price(line.line_id, 14900, approved_by=None)
    cart.override_price(line.line_id, 14900, approved_by="maja")
    assert cart.lines[0].unit_price == 14900 and cart.lines[0].original_price == 19900


def test_cart_discount_is_spread_over_rates_so_vat_stays_right():
    cart = Cart()
    cart.add(variant(1, price=10000, rate=VatRate.STANDARD))
    cart.add(variant(2, price=10000, rate=VatRate.FOOD))
    cart.discount_cart(Discount(percent=Decimal(10)))
    t = cart.totals()
    assert t.total == 18000 and t.discount == 2000
    by_rate = {v.rate: v.gross for v in t.vat}
    assert by_rate == {VatRate.STANDARD: 9000, VatRate.FOOD: 9000}


def test_cart_round_trips_through_its_saved_form():
    cart = Cart()
    a = cart.add(variant(1, price=12345))
    cart.add(variant(2, price=999, rate=VatRate.REDUCED), 3)
    cart.discount_line(a.line_id, Discount(percent=Decimal("5"), reason="skadad"))
    cart.discount_cart(Discount(amount=100))
    again = Cart.from_dict(cart.to_dict())
    assert again.totals() == cart.totals()
    assert again.next_line_id == cart.next_line_id


prices = st.integers(min_value=0, max_value=5_000_000)
rates = st.sampled_from(list(VatRate))


@given(st.lists(st.tuples(prices, rates, st.integers(1, 20)), min_size=1, max_size=15),
       st.one_of(st.none(), st.decimals(min_value=Decimal("0.01"), max_value=100, places=2)
                 .map(lambda p: Discount(percent=p, approved_by="m")),
                 st.integers(1, 10**7).map(lambda a: Discount(amount=a, approved_by="m"))))
def test_totals_always_balance_to_the_ore(items, cart_discount):
    cart = Cart()
    for i, (price, rate, qty) in enumerate(items):
        cart.add(variant(i, price=price, rate=rate), qty)
    if cart_discount is not None and sum(p * q for p, _, q in items) > 0:
        cart.discount_cart(cart_discount)
    t = cart.totals()
    assert t.total == sum(lt.total for lt in t.lines)
    assert t.subtotal - t.discount == t.total
    assert sum(v.gross for v in t.vat) == t.total
    assert all(lt.total >= 0 for lt in t.lines)
