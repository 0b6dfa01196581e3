"""Lookups and per-location stock on the real local Medusa (``store`` comes from conftest):
an EAN scanned at the till finds the same article, price and VAT online; a sale in Stockholm
takes stock from Stockholm."""
from __future__ import annotations

import uuid

import pytest

from integrations.medusa.catalog_feed import VARIANT_FIELDS
from integrations.medusa.mapping import to_variant
from integrations.medusa.store import MedusaStore
from pos.catalog import Variant
from pos.commerce import StoreOrder, StoreOrderLine
from pos.demo.catalog import demo_catalog, demo_stock
from pos.ports import (CatalogFeed, CommerceStore, CustomerDirectory, OrderSink, PromotionFeed,
                       WebCarts)
from pos.vat import VatRate

pytestmark = pytest.mark.medusa


def _demo_variant(rate: VatRate, nth: int = 0) -> Variant:
    """The nth demo variant with ``rate`` that every location has in stock (room to sell)."""
    stock: dict[str, dict[str, int]] = {}
    for lvl in demo_stock():
        stock.setdefault(lvl.variant_id, {})[lvl.location_id] = lvl.available
    found = [v for p in demo_catalog() for v in p.variants
             if v.vat_rate is rate and min(stock.get(v.id, {}).values(), default=0) >= 3]
    return found[nth]


def _sale_of(variant: Variant, quantity: int, location: str = "store-gbg") -> StoreOrder:
    total = variant.price * quantity
    return StoreOrder(sale_id=str(uuid.uuid4()), register_id="K1", receipt_no=1,
                      completed_at="2026-11-23T10:00:00+01:00", location_id=location,
                      lines=(StoreOrderLine(variant.sku, variant.ean, variant.name, quantity,
                                            variant.price, total, variant.vat_rate.value),),
                      tenders=(("cash", total),), total=total)


def _stock_at(store: MedusaStore, sku: str) -> dict[str, int]:
    return {lvl.location_id: lvl.stocked for lvl in store.catalog.stock_levels([sku])}


def test_the_adapter_is_a_commerce_store(store: MedusaStore) -> None:
    assert isinstance(store, CommerceStore)
    assert isinstance(store.catalog, CatalogFeed) and isinstance(store.catalog, PromotionFeed)
    assert isinstance(store.orders, OrderSink) and isinstance(store.web_carts, WebCarts)
    assert isinstance(store.customers, CustomerDirectory)
    assert store.catalog.client is store.orders.client is store.customers.client  # one client


def test_ping_answers_when_the_server_is_up(store: MedusaStore) -> None:
    assert store.ping() is True


@pytest.mark.parametrize("rate", [VatRate.STANDARD, VatRate.FOOD, VatRate.REDUCED])
def test_a_variant_looked_up_by_ean_is_the_demo_catalogues_article(
        store: MedusaStore, rate: VatRate) -> None:
    demo = _demo_variant(rate)
    page = store.client.admin("GET", "/admin/product-variants",
                              params={"barcode": demo.ean, "fields": VARIANT_FIELDS})
    assert len(page["variants"]) == 1
    remote = to_variant(page["variants"][0])
    assert (remote.id, remote.sku, remote.ean, remote.price, remote.vat_rate) == \
        (demo.id, demo.sku, demo.ean, demo.price, demo.vat_rate)
    assert remote.product_name == demo.product_name


def test_stock_levels_are_per_location(store: MedusaStore) -> None:
    demo = _demo_variant(VatRate.STANDARD, nth=40)
    expected = {lvl.location_id: lvl.stocked for lvl in demo_stock() if lvl.variant_id == demo.id}
    levels = store.catalog.stock_levels([demo.sku])
    assert {lvl.location_id for lvl in levels} == {"store-gbg", "store-sthlm", "web-warehouse"}
    assert all(lvl.variant_id == demo.sku for lvl in levels)
    # Other tests sell from Göteborg; this article is not theirs, so the seeded levels hold.
    assert _stock_at(store, demo.sku) == expected


def test_a_sale_in_stockholm_takes_stock_from_stockholm(store: MedusaStore) -> None:
    # An article Stockholm still has (each run sells one, so pick by the central stock now).
    candidates = [v for p in demo_catalog() for v in p.variants if v.vat_rate is VatRate.REDUCED]
    stock = {lvl.variant_id: lvl.available
             for lvl in store.catalog.stock_levels([v.sku for v in candidates])
             if lvl.location_id == "store-sthlm"}
    variant = next(v for v in candidates if stock.get(v.sku, 0) >= 2)
    before = _stock_at(store, variant.sku)
    order_id = store.orders.create_store_order(_sale_of(variant, 1, "store-sthlm"),
                                               f"test-{uuid.uuid4()}")
    assert store.orders.order(order_id).fulfillment_status == "fulfilled"
    after = _stock_at(store, variant.sku)
    assert after["store-sthlm"] == before["store-sthlm"] - 1
    assert after["store-gbg"] == before["store-gbg"]


def test_an_unknown_key_finds_no_order(store: MedusaStore) -> None:
    assert store.orders.find_order_by_key(f"never-{uuid.uuid4()}") is None


def test_a_discounted_line_that_does_not_divide_by_its_quantity_keeps_its_total(
        store: MedusaStore) -> None:
    """Medusa takes a unit price: a line of 3 for 596,00 kr is sent as 198,666... each; the
    order's total must still be what the customer paid, to the öre."""
    variant = _demo_variant(VatRate.STANDARD, 3)
    total = variant.price * 3 - 101  # 1,01 kr off: not a multiple of 3 öre
    sale = StoreOrder(sale_id=str(uuid.uuid4()), register_id="K1", receipt_no=1,
                      completed_at="2026-11-23T10:00:00+01:00", location_id="store-gbg",
                      lines=(StoreOrderLine(variant.sku, variant.ean, variant.name, 3,
                                            variant.price, total, variant.vat_rate.value),),
                      tenders=(("cash", total),), total=total)
    order_id = store.orders.create_store_order(sale, f"test-{uuid.uuid4()}")
    assert store.orders.order(order_id).total == total


def test_a_weighed_line_is_one_unit_at_its_amount_with_its_weight_beside_it(
        store: MedusaStore) -> None:
    """Issue 9, item 9: Medusa counts whole units; 0,512 kg à 89,90 kr/kg goes as quantity 1 at
    46,03 kr, the weight and the price per kg in the item's metadata."""
    losgodis = next(v for p in demo_catalog() for v in p.variants if v.sku == "LOS-GOD")
    assert losgodis.sold_by_weight and losgodis.price == 8990
    sale = StoreOrder(sale_id=str(uuid.uuid4()), register_id="K1", receipt_no=1,
                      completed_at="2026-11-23T10:00:00+01:00", location_id="store-gbg",
                      lines=(StoreOrderLine(losgodis.sku, losgodis.ean, losgodis.name, 1, 8990,
                                            4603, "12", weight_kg="0.512"),),
                      tenders=(("cash", 4603),), total=4603)
    order_id = store.orders.create_store_order(sale, f"test-{uuid.uuid4()}")
    assert store.orders.order(order_id).total == 4603
    order = store.client.admin("GET", f"/admin/orders/{order_id}",
                               params={"fields": "id,*items"})["order"]
    (item,) = order["items"]
    assert int(item["quantity"]) == 1
    assert item["metadata"]["pos_weight_kg"] == "0.512"
    assert item["metadata"]["pos_price_per_kg"] == "89.9"
    page = store.client.admin("GET", "/admin/product-variants",
                              params={"barcode": losgodis.ean, "fields": VARIANT_FIELDS})
    remote = to_variant(page["variants"][0])  # the till's catalogue sync reads it so
    assert (remote.sku, remote.plu, remote.unit, remote.price) == ("LOS-GOD", "101", "kg", 8990)
