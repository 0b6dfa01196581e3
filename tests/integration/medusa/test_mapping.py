"""Mapping Medusa's JSON to the till's objects at the edge (no server needed)."""
from __future__ import annotations

import pytest

from integrations.medusa.client import MalformedResponse
from integrations.medusa.mapping import ore, to_customer, to_web_cart
from pos.commerce import customer_query


@pytest.mark.parametrize("typed, sent", [
    ("070-123 45 67", "+46701234567"), ("0701234567", "+46701234567"),
    ("0046701234567", "+46701234567"), ("+46701234567", "+46701234567"),
    ("anna", "anna"), (" Svensson ", "Svensson"), ("0", "0"), ("07", "07"),
    ("070", "+4670"), ("070-12", "+467012"),  # the beginning of a number finds it too
])
def test_a_swedish_phone_is_searched_as_e164(typed: str, sent: str) -> None:
    assert customer_query(typed) == sent


@pytest.mark.parametrize("amount, expected", [(199, 19900), ("199.5", 19950), (159.2, 15920),
                                              ({"value": "0.1"}, 10), (None, 0)])
def test_amounts_in_kronor_become_ore_without_float_noise(amount: object, expected: int) -> None:
    assert ore(amount) == expected


def test_a_cart_maps_lines_totals_and_codes() -> None:
    cart = to_web_cart({
        "id": "cart_1", "currency_code": "sek", "email": "a@example.se", "customer_id": None,
        "completed_at": None, "total": 1078.2, "tax_total": 215.64, "discount_total": 119.8,
        "promotions": [{"code": "HOST10"}, {"code": None}],
        "items": [{"variant_id": "variant_1", "variant_sku": "SKU-1", "variant_barcode": "7350120000019",
                   "variant_title": "T-shirt Bas, svart, M", "title": "T-shirt Bas", "quantity": 2,
                   "unit_price": 599, "discount_total": 119.8, "total": 1078.2}]})
    (line,) = cart.lines
    assert (line.name, line.unit_price, line.discount, line.total) == (
        "T-shirt Bas, svart, M", 59900, 11980, 107820)
    assert (cart.currency, cart.total, cart.tax_total, cart.promo_codes, cart.completed) == (
        "SEK", 107820, 21564, ("HOST10",), False)


def test_a_cart_without_an_id_is_malformed() -> None:
    with pytest.raises(MalformedResponse):
        to_web_cart({"items": []})


def test_a_customer_keeps_the_e164_phone() -> None:
    c = to_customer({"id": "cus_1", "email": "a@example.se", "first_name": "Anna",
                     "last_name": None, "phone": "+46701234567"})
    assert (c.name, c.phone) == ("Anna", "+46701234567")
