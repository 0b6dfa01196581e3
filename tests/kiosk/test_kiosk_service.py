"""The kiosk's use cases over the real database (SQLite and PostgreSQL): finding by category,
name, EAN and a shelf label's URL; the product page's price (the till's, with the campaign),
variants and alternatives; stock with the nearest store; a staff call taken once; the staff PIN;
the cart saved or refused plainly; product interest counted per article and day."""
from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

import pytest

from pos.cart import Cart
from pos.catalog import UnknownCode
from pos.db.unit_of_work import SqlUnitOfWork
from pos.demo.catalog import demo_catalog
from pos.errors import UserError
from pos.gtin import with_check_digit
from pos.kiosk import (IdleCountdown, KioskError, KioskSettings, SavedCart, StorePlace,
                       contact_kind, distance_km, nearest_store)
from pos.ports import CommerceUnavailable
from pos.services import kiosk
from pos.stock import StockLevel

DAY = date(2026, 11, 30)
NOON = datetime(2026, 11, 30, 12, 0)


def test_categories_search_and_scans_find_articles(demo_store):
    uow = SqlUnitOfWork(demo_store)
    cats = kiosk.categories(uow)
    names = [c.name for c in cats]
    assert "Skor" in names and names == sorted(names, key=str.casefold)
    shoes = next(c for c in cats if c.name == "Skor")
    found = kiosk.products_in(uow, shoes.id)
    assert len(found) == shoes.articles and len({v.product_id for v in found}) == len(found)

    hits = kiosk.search(uow, "tröja", location="store-gbg", today=DAY)
    assert hits and all("tröja" in v.name.lower() for v in hits)
    assert len({v.product_id for v in hits}) == len(hits)  # one per product
    by_ean = kiosk.search(uow, hits[0].ean)
    assert [v.id for v in by_ean] == [hits[0].id]

    scanned = kiosk.find_scanned(uow, f"\x02{hits[0].ean}\r", location="store-gbg", today=DAY)
    assert scanned.id == hits[0].id
    with uow:
        info = uow.kiosk.product(hits[0].product_id)
    by_label = kiosk.find_scanned(uow, f"https://shop.example.se/products/{info.handle}")
    assert by_label.product_id == hits[0].product_id
    with pytest.raises(UnknownCode):
        kiosk.find_scanned(uow, with_check_digit("735012999999"))
    wrong = hits[0].ean[:-1] + str((int(hits[0].ean[-1]) + 1) % 10)
    with pytest.raises(UserError) as misread:
        kiosk.find_scanned(uow, wrong)  # a wrong check digit: said so
    assert misread.value.code == "gtin.wrong_check_digit"

    counts = {(r.variant_id): r.counts for r in kiosk.interest(uow, DAY, DAY)}
    assert counts[hits[0].id] == {"search": 1, "scan": 1}


def test_the_product_page_has_the_tills_price_variants_and_alternatives(demo_store):
    uow = SqlUnitOfWork(demo_store)
    book = kiosk.promotion_book(uow, clock=lambda: NOON)
    page = kiosk.product_page(uow, kiosk.search(uow, "t-shirt")[0].id, book, location="store-gbg",
                              today=DAY)
    assert page.price.total == page.variant.price - page.price.discount
    assert len(page.variants) > 1 and page.sizes and page.colours
    assert all(v.product_id == page.variant.product_id for v in page.variants)
    assert page.alternatives and all(v.product_id != page.variant.product_id
                                     for v in page.alternatives)
    cat = page.info.categories[0][0]
    with uow:
        same = set(uow.kiosk.product_ids_in(cat))
    assert {v.product_id for v in page.alternatives} <= same


def test_the_campaign_price_is_the_tills(demo_store):
    uow = SqlUnitOfWork(demo_store)
    book = kiosk.promotion_book(uow, clock=lambda: NOON)
    winter = demo_catalog()[0]  # in the winter sale: 20 % off each unit
    v = next(x for x in winter.variants if (x.price * 20) % 10000)  # not whole kronor off
    page = kiosk.product_page(uow, v.id, book)
    expected = (Decimal(v.price) * Decimal("0.2")).quantize(Decimal(1), ROUND_HALF_UP)
    assert page.price.discount == int(expected) and page.price.total == v.price - int(expected)
    cart = Cart(book=book)  # the till's own cart and promotion book
    cart.add(v, 1)
    assert page.price.total == cart.totals().total
    assert [amount for _, amount in page.campaigns] == [int(expected)]
    other = kiosk.search(uow, "jeans")[0]  # not in the sale: the shelf price
    assert kiosk.product_page(uow, other.id, book).price.total == other.price


def test_stock_everywhere_and_the_nearest_store(demo_store):
    uow = SqlUnitOfWork(demo_store)
    settings = KioskSettings.from_config({"place": "Entrén"})
    v = kiosk.search(uow, "jeans")[0]
    page = kiosk.with_stock(uow, kiosk.product_page(uow, v.id, kiosk.promotion_book(uow)), None,
                            settings)
    assert page.stock is not None and not page.stock.fresh
    assert page.stock.levels[0].location_id == "store-gbg"
    sthlm = page.stock.at("store-sthlm")
    assert sthlm is not None and sthlm.available > 0
    assert page.nearest is not None and page.nearest.name == "Stockholm"
    assert page.nearest.available == sthlm.available
    assert round(page.nearest.km) == 397  # Göteborg to Stockholm as the crow flies
    web = page.stock.at("web-warehouse")
    assert page.online == (web.available if web else 0)


def test_nearest_store_skips_here_the_warehouse_and_empty_shelves():
    settings = KioskSettings(here="a", places=(
        StorePlace("a", "A", 57.7, 11.97), StorePlace("b", "B", 59.33, 18.07),
        StorePlace("c", "C", 58.41, 15.62), StorePlace("w", "Web", 57.71, 11.98, is_store=False)))
    levels = [StockLevel("x", "a", "A", 9), StockLevel("x", "w", "Web", 9),
              StockLevel("x", "c", "C", 2, reserved=2), StockLevel("x", "b", "B", 1)]
    found = nearest_store(levels, settings)
    assert (found.location_id, found.available) == ("b", 1)
    levels[2] = StockLevel("x", "c", "C", 3, reserved=1)
    assert nearest_store(levels, settings).name == "C"
    assert nearest_store(levels[:2], settings) is None
    assert 396 < distance_km(settings.places[0], settings.places[1]) < 400


def test_idle_countdown():
    idle = IdleCountdown(idle=90, countdown=15)
    idle.touch(100.0)
    assert idle.seconds_left(189.9) is None
    assert idle.seconds_left(190.0) == 15
    assert idle.seconds_left(200.5) == pytest.approx(4.5)
    assert idle.seconds_left(300.0) == 0
    idle.touch(300.0)
    assert idle.seconds_left(300.0) is None
    # a done screen's own countdown, from its showing or the last touch
    assert idle.closing_left(300.0, 60) == 60
    assert idle.closing_left(345.5, 60) == pytest.approx(14.5)
    assert idle.closing_left(361.0, 60) == 0
    assert KioskSettings().done_seconds == 60
    assert KioskSettings.from_config({"done_seconds": 45}).done_seconds == 45


def test_a_staff_call_is_seen_until_one_takes_it(demo_store):
    uow = SqlUnitOfWork(demo_store)
    call = kiosk.call_staff(uow, "Kiosk entrén", NOON)
    assert kiosk.call_staff(uow, "Kiosk entrén", NOON).id == call.id  # pressed twice: one call
    other = kiosk.call_staff(uow, "Kiosk skor", NOON)
    assert [c.place for c in kiosk.open_calls(SqlUnitOfWork(demo_store))] == [
        "Kiosk entrén", "Kiosk skor"]
    taken = kiosk.take_call(uow, call.id, "Kim Kassör", NOON)
    assert taken.taken_by == "Kim Kassör" and not taken.open
    with pytest.raises(KioskError) as again:
        kiosk.take_call(uow, call.id, "Maja Chef", NOON)
    assert again.value.code == "kiosk.call_taken" and again.value.params["by"] == "Kim Kassör"
    assert [c.id for c in kiosk.open_calls(uow)] == [other.id]


def test_only_a_staff_pin_leaves_the_kiosk(demo_store):
    uow = SqlUnitOfWork(demo_store)
    assert kiosk.staff_by_pin(uow, "KIOSK1", NOON, "1234").id == "kim"
    with pytest.raises(KioskError) as wrong:
        kiosk.staff_by_pin(uow, "KIOSK1", NOON, "0000")
    assert wrong.value.code == "kiosk.not_staff"


class FakeCarts:
    def __init__(self, down: bool = False):
        self.down, self.made = down, []

    def create_cart(self, items, *, email="", metadata=None):
        if self.down:
            raise CommerceUnavailable("POST /store/carts: connection refused")
        self.made.append((items, email, metadata))
        return SavedCart("cart_01ABC", "https://shop.example.se/cart/cart_01ABC", 0)


def test_saving_the_cart(demo_store):
    uow = SqlUnitOfWork(demo_store)
    cart = Cart()
    with pytest.raises(KioskError) as empty:
        kiosk.save_cart(cart, FakeCarts())
    assert empty.value.code == "kiosk.cart_empty"
    v = kiosk.search(uow, "jeans")[0]
    cart.add(v, 2)
    # the demo's own ids are not the central store's: said, not sent
    with pytest.raises(KioskError) as unknown:
        kiosk.save_cart(cart, FakeCarts())
    assert unknown.value.code == "kiosk.not_in_central_store"
    from dataclasses import replace
    central = replace(v, refs=replace(v.refs, variant_id="variant_01XYZ"))
    cart = Cart()
    cart.add(central, 2)
    carts = FakeCarts()
    kiosk.save_cart(cart, carts, contact=" Lisa@Example.se ", place="Entrén")
    assert carts.made == [([("variant_01XYZ", 2)], "lisa@example.se", {"pos_kiosk": "Entrén"})]
    with pytest.raises(KioskError) as offline:
        kiosk.save_cart(cart, FakeCarts(down=True))
    assert offline.value.code == "kiosk.cart_offline"
    with pytest.raises(KioskError) as no_store:
        kiosk.save_cart(cart, None)
    assert no_store.value.code == "kiosk.cart_offline"
    with pytest.raises(KioskError) as bad:
        kiosk.save_cart(cart, FakeCarts(), contact="lisa@")
    assert bad.value.code == "kiosk.bad_contact"
    with pytest.raises(KioskError) as phone:
        kiosk.save_cart(cart, FakeCarts(), contact="070-123 45 67")
    assert phone.value.code == "kiosk.customer_not_found"
    assert contact_kind("+46 70 123 45 67") == "phone"
    from pos.demo.customers import DemoCustomers
    made = FakeCarts()
    kiosk.save_cart(cart, made, contact="070-123 45 67", customers=DemoCustomers())
    assert made.made[0][1] == "anna.svensson@example.se"  # the phone's customer's account


@pytest.mark.parametrize("key,value", [("done_seconds", 0), ("done_seconds", -5),
                                       ("done_seconds", 9), ("done_seconds", "abc"),
                                       ("idle_seconds", 0), ("countdown_seconds", "x")])
def test_a_kiosk_time_that_cannot_work_is_refused_naming_the_setting(key, value):
    """A done screen of 0 s took the receipt's QR code away before the customer saw it, and
    "abc" ended the kiosk with a traceback: both are a configuration error naming the key."""
    from pos.config import ConfigError

    with pytest.raises(ConfigError) as e:
        KioskSettings.from_config({key: value})
    assert f"[kiosk] {key}" in str(e.value) and repr(value) in str(e.value)
