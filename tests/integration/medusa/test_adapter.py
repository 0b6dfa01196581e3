"""The Medusa adapter against the real local Medusa seeded with the demo retailer."""
import random
import uuid
from datetime import datetime, timedelta

import pytest

from pos.commerce import StoreOrder, StoreOrderLine
from pos.demo.catalog import demo_stock, demo_variants
from pos.ports import CommerceUnavailable
from tests.integration.lossy_proxy import LossyProxy

pytestmark = pytest.mark.medusa


def test_the_central_catalogue_is_the_tills_demo_catalogue(store):
    from pos.demo.catalog import demo_catalog
    remote = {v.sku: v for page in store.catalog.iter_variants(page_size=500) for v in page}
    local = {v.sku: v for v in demo_variants()}
    category = {v.sku: p.category for p in demo_catalog() for v in p.variants}
    category_id = {c["name"]: c["id"] for c in store.client.admin(
        "GET", "/admin/product-categories", params={"limit": 1000, "fields": "id,name"}
    )["product_categories"]}
    assert remote.keys() == local.keys()
    for sku, v in local.items():
        r = remote[sku]
        assert (r.ean, r.price, r.vat_rate, r.name) == (v.ean, v.price, v.vat_rate, v.name), sku
        assert (r.plu, r.unit) == (v.plu, v.unit), sku  # weighed articles and their labels' PLU
        # the central store's own ids, which its promotion rules target, come along
        assert r.refs.category_ids == (category_id[category[sku]],), sku
        assert r.refs.variant_id.startswith("variant_") and r.refs.product_id.startswith("prod_")


def test_stock_is_known_per_store_and_online(store):
    levels = {(s.variant_id, s.location_id): s.stocked for s in demo_stock()}
    skus = {v.id: v.sku for v in demo_variants()}
    (vid, loc), qty = next(((k, q) for k, q in levels.items() if q > 0))
    remote = store.catalog.stock_levels([skus[vid]])
    assert {s.location_id for s in remote} == {"store-gbg", "store-sthlm", "web-warehouse"}
    assert next(s.stocked for s in remote if s.location_id == loc) <= qty  # tests may have sold some


def an_order(store, quantity=1):
    stock = {(s.variant_id, s.location_id): s.stocked for s in demo_stock()}
    # A random article in stock here, so that runs against the same server do not collide.
    v = random.choice([v for v in demo_variants() if stock.get((v.id, "store-gbg"), 0) >= 5])
    key = f"sale:{uuid.uuid4()}"
    order = StoreOrder(sale_id=key[5:], register_id="T1", receipt_no=1,
                       completed_at=datetime.now().isoformat(timespec="seconds"),
                       location_id="store-gbg",
                       lines=(StoreOrderLine(v.sku, v.ean, v.name, quantity, v.price,
                                             v.price * quantity, v.vat_rate.value),),
                       tenders=(("card", v.price * quantity),), total=v.price * quantity)
    return v, key, order


def gbg(store, sku):
    return next(s.stocked for s in store.catalog.stock_levels([sku])
                if s.location_id == "store-gbg")


def orders_with_key(store, key):
    page = store.client.admin("GET", "/admin/orders", params={
        "limit": 200, "order": "-created_at", "fields": "id,metadata"})
    return [o["id"] for o in page["orders"] if (o.get("metadata") or {}).get("pos_key") == key]


def test_the_key_is_looked_for_among_every_order_since_the_sale(store):
    """Medusa cannot filter on metadata: the lookup reads the channel's orders from the sale's
    time on (less a day for clocks), oldest first, to the end; older ones are not read."""
    v, key, order = an_order(store)
    order_id = store.orders.create_store_order(order, key)
    sold = datetime.fromisoformat(order.completed_at)
    assert store.orders.find_order_by_key(key, sold).id == order_id
    assert store.orders.find_order_by_key(key, sold - timedelta(days=30)).id == order_id
    assert store.orders.find_order_by_key(key, sold + timedelta(days=2)) is None  # filter applied
    assert store.orders.find_order_by_key(key).id == order_id  # the newest ones, without a time


def test_a_store_sale_becomes_one_paid_fulfilled_order_and_stock_goes_down(store):
    v, key, order = an_order(store, quantity=2)
    before = gbg(store, v.sku)
    order_id = store.orders.create_store_order(order, key)
    assert store.orders.create_store_order(order, key) == order_id
    remote = store.orders.order(order_id)
    assert remote.payment_status == "captured" and remote.fulfillment_status == "fulfilled"
    assert remote.total == order.total and remote.metadata["pos_receipt_no"] == 1
    assert gbg(store, v.sku) == before - 2
    assert orders_with_key(store, key) == [order_id]


@pytest.mark.parametrize("lost", ["/admin/draft-orders ", "/convert-to-order",
                                  "/mark-as-paid", "/fulfillments"])
def test_a_lost_answer_at_any_step_never_makes_a_second_order(store, store_through, medusa_state, lost):
    upstream = int(medusa_state["url"].rsplit(":", 1)[1])
    proxy = LossyProxy(upstream, drop=lambda line: line.startswith("POST") and lost in line + " "
                       and not proxy.dropped)
    try:
        v, key, order = an_order(store)
        before = gbg(store, v.sku)
        with pytest.raises(CommerceUnavailable):
            store_through(proxy.url).orders.create_store_order(order, key)
        assert proxy.dropped, "the answer was swallowed"
        # the outbox retries
        order_id = store_through(proxy.url).orders.create_store_order(order, key)
    finally:
        proxy.close()
    assert orders_with_key(store, key) == [order_id]
    remote = store.orders.order(order_id)
    assert remote.payment_status == "captured" and remote.fulfillment_status == "fulfilled"
    assert gbg(store, v.sku) == before - 1
