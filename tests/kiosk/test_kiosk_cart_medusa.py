"""A cart built at the kiosk is saved in the real Medusa as a web cart (store API, publishable
key only, this store's sales channel, on the customer's account by e-mail), its QR code is
scanned at a till, paid, and becomes one order in Medusa: paid, fulfilled here, the customer's,
the kiosk's price to the öre (the winter sale's 20 % off a price that does not divide evenly).

Checked on both sides: Medusa's cart, order, payment, fulfilment, stock here and the cart's
status; the till's sale and its outbox. Also: the web's product information for the kiosk."""
from __future__ import annotations

from datetime import datetime

import pytest

from integrations.medusa.client import MedusaClient
from integrations.medusa.kiosk import MedusaKioskCarts, MedusaKioskCatalog
from pos.cart import Cart
from pos.db.catalog_repository import CatalogRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.demo.promotions import WINTER_CATEGORY
from pos.kiosk import KioskError
from pos.scan_router import ScanKind, classify
from pos.services import kiosk
from pos.sync.outbox import OutboxWorker
from tests.integration.medusa.conftest import medusa_state  # noqa: F401 - the fixture
from tests.integration.medusa.test_web_cart_at_the_till import (make_till, order_of, stock,
                                                                synced)  # noqa: F401

pytestmark = [pytest.mark.medusa, pytest.mark.slow, pytest.mark.timeout(900)]

CUSTOMER = "anna.svensson@example.se"  # a customer of the seed


def kiosk_side(store) -> tuple[MedusaKioskCarts, MedusaKioskCatalog]:
    """What a kiosk holds: the URL and the publishable key, no admin credential."""
    client = MedusaClient(store.ids["url"], publishable_key=store.ids["publishable_key"])
    return MedusaKioskCarts(client, store.ids, "store-gbg"), MedusaKioskCatalog(client, store.ids)


def in_stock_here(sf, n: int, winter: bool) -> list:
    winter_id = None
    out = []
    with sf() as s:
        repo = CatalogRepository(s)
        for word in ("tröja", "skjorta", "jeans", "kudde", "t-shirt", "bok", "kaffe"):
            for v in repo.search(word, 80):
                levels = {lv.location_id: lv.available for lv in repo.stock_for(v.id)}
                in_winter = any(c for c in v.refs.category_ids if c == winter_id)
                if (v.active and not v.sold_by_weight and levels.get("store-gbg", 0) >= 3
                        and v.refs.variant_id.startswith("variant_")
                        and (v.price * 20) % 10000 and v not in out):
                    out.append((v, in_winter))
    return [v for v, _ in out]


def test_a_kiosk_cart_is_saved_in_medusa_and_paid_at_a_till_by_its_qr(synced):  # noqa: F811
    store, sf = synced
    carts, catalog = kiosk_side(store)
    uow = SqlUnitOfWork(sf)
    infos = catalog.products()
    assert len(infos) >= 200 and all(i.product_id for i in infos)
    kiosk.store_products(uow, infos, datetime(2026, 11, 30, 10))
    winter_id = store.ids["categories"][WINTER_CATEGORY]
    cats = {c.id: c.name for c in kiosk.categories(uow)}
    assert cats[winter_id] == WINTER_CATEGORY.replace("/", " \u203a ")

    candidates = in_stock_here(sf, 2, True)
    winter = next(v for v in candidates if winter_id in v.refs.category_ids)
    other = next(v for v in candidates if winter_id not in v.refs.category_ids)
    book = kiosk.promotion_book(uow)
    page = kiosk.product_page(uow, winter.id, book)
    assert page.price.discount > 0  # the winter sale, as the till would give it
    assert page.info is not None and page.info.title == winter.product_name

    cart = Cart(book=book)
    cart.add(winter, 3)
    cart.add(other, 1)
    kiosk_total = cart.totals().total
    here = store.ids["stock_locations"]["store-gbg"]
    before = {v.sku: stock(store, v.sku)[here] for v in (winter, other)}

    saved = kiosk.save_cart(cart, carts, contact=CUSTOMER.upper(), place="Entrén")
    assert saved.total == kiosk_total  # the kiosk's price is Medusa's, to the öre
    customer = store.client.admin("GET", "/admin/customers", params={"email": CUSTOMER})
    assert saved.customer_id == customer["customers"][0]["id"]
    central = store.client.admin("GET", "/admin/orders", params={"limit": 1})  # noqa: F841
    web = store.client.store("GET", f"/store/carts/{saved.id}", params={
        "fields": "id,sales_channel_id,email,metadata,*items"})["cart"]
    assert web["sales_channel_id"] == store.ids["sales_channels"]["store-gbg"]
    assert web["metadata"]["pos_kiosk"] == "Entrén" and web["email"] == CUSTOMER
    assert sorted((i["variant_id"], i["quantity"]) for i in web["items"]) == sorted(
        [(winter.refs.variant_id, 3), (other.refs.variant_id, 1)])

    # the till scans the QR code the kiosk shows
    scan = classify(saved.url)
    assert (scan.kind, scan.value) == (ScanKind.WEB_CART, saved.id)
    till = make_till(sf, store)
    loaded = till.web_cart(saved.url)
    assert loaded.totals.total == kiosk_total
    assert loaded.totals.customer is not None and loaded.totals.customer.id == saved.customer_id
    till.start_payment()
    sale = till.pay_card().sale
    assert sale is not None and sale.web_cart_id == saved.id and sale.total == kiosk_total

    assert OutboxWorker(SqlUnitOfWork(sf), store.orders).run_once().sent == [f"sale:{sale.id}"]
    order = order_of(sf, store, sale.id)
    assert order["sales_channel_id"] == store.ids["sales_channels"]["store-gbg"]
    assert round(float(order["total"]) * 100) == kiosk_total
    assert order["payment_status"] == "captured" and order["fulfillment_status"] == "fulfilled"
    assert order["customer_id"] == saved.customer_id
    assert {f["location_id"] for f in order["fulfillments"]} == {here}
    for v, n in ((winter, 3), (other, 1)):
        corrected = order["metadata"]["pos_stock_corrections"].get(v.sku, 0)
        assert stock(store, v.sku)[here] == before[v.sku] + corrected - n
    status = store.web_carts.web_cart_status(saved.id)
    assert status["status"] == "bought" and status["order_id"] == order["id"]


def test_an_article_out_of_stock_is_refused_plainly(synced):  # noqa: F811
    store, sf = synced
    carts, _ = kiosk_side(store)
    with sf() as s:
        repo = CatalogRepository(s)
        gone = next(v for v in repo.search("t-shirt", 200)
                    if v.refs.variant_id.startswith("variant_")
                    and sum(lv.available for lv in repo.stock_for(v.id)
                            if lv.location_id == "store-gbg") == 0)
    cart = Cart()
    cart.add(gone, 1)
    with pytest.raises(KioskError) as refused:
        kiosk.save_cart(cart, carts)
    assert refused.value.code == "kiosk.cart_out_of_stock"
