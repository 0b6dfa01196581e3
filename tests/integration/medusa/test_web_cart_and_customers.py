"""A web cart continued at the till, and one customer found however the cashier types it, on the
real local Medusa (``store`` comes from conftest)."""
from __future__ import annotations

import uuid

import pytest

from integrations.medusa.seed import AUTOMATIC_PROMOTION_CATEGORY
from integrations.medusa.store import MedusaStore
from pos.catalog import Variant
from pos.demo.catalog import demo_catalog
from pos.money import percent_of
from pos.vat import VatRate

pytestmark = pytest.mark.medusa


def _web_cart(store: MedusaStore, variant: Variant, quantity: int) -> str:
    """A cart started online (the store API, with the publishable key), as a shopper would."""
    variant_id = store.catalog.variant_ids_by_sku([variant.sku])[variant.sku]
    cart = store.client.store("POST", "/store/carts", json={
        "region_id": store.ids["region_id"], "sales_channel_id": store.ids["sales_channels"]["web"],
        "email": f"shopper-{uuid.uuid4().hex[:8]}@example.se",
        "items": [{"variant_id": variant_id, "quantity": quantity}]})
    return str(cart["cart"]["id"])


def _a_variant(rate: VatRate) -> Variant:
    """An article no automatic promotion touches (the seed's VINTER20 targets one category)."""
    return next(v for p in demo_catalog() for v in p.variants
                if v.vat_rate is rate and p.category != AUTOMATIC_PROMOTION_CATEGORY)


def test_a_web_cart_arrives_at_the_till_with_the_catalogue_prices(
        store: MedusaStore) -> None:
    variant = _a_variant(VatRate.STANDARD)
    cart = store.web_carts.get_web_cart(_web_cart(store, variant, 2))
    assert cart is not None and not cart.completed and cart.currency == "SEK"
    (line,) = cart.lines
    assert (line.sku, line.ean, line.name, line.quantity) == (variant.sku, variant.ean,
                                                              variant.name, 2)
    assert line.unit_price == variant.price
    assert cart.total == line.total == 2 * variant.price  # tax-inclusive SEK prices
    assert cart.tax_total == 2 * variant.price // 5  # 25 % VAT inside: a fifth of the price


def test_a_code_used_online_is_in_the_cart_the_till_sees(store: MedusaStore) -> None:
    variant = _a_variant(VatRate.STANDARD)
    cart_id = _web_cart(store, variant, 1)
    store.client.store("POST", f"/store/carts/{cart_id}/promotions",
                       json={"promo_codes": ["HOST10"]})
    cart = store.web_carts.get_web_cart(cart_id)
    assert cart is not None and cart.promo_codes == ("HOST10",)
    assert cart.discount_total == percent_of(variant.price, 10)
    assert cart.total == variant.price - cart.discount_total


def test_a_cart_that_does_not_exist_is_none(store: MedusaStore) -> None:
    assert store.web_carts.get_web_cart("cart_01NOTHING000000000000000000") is None


@pytest.mark.parametrize("typed", ["070-123 45 67", "0701234567", "+46701234567",
                                   "svensson", "ANNA.SVENSSON@example.se"])
def test_one_customer_is_found_however_the_cashier_types_her(
        store: MedusaStore, typed: str) -> None:
    found = store.customers.find_customers(typed)
    assert [(c.email, c.phone, c.name) for c in found] == [
        ("anna.svensson@example.se", "+46701234567", "Anna Svensson")]


def test_nobody_is_found_for_an_unknown_name(store: MedusaStore) -> None:
    assert store.customers.find_customers(f"nobody-{uuid.uuid4().hex[:6]}") == []
    assert store.customers.find_customers("  ") == []
