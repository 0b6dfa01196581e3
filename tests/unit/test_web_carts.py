"""Web carts at the till on the in-memory unit of work: fetched (refused when bought, unknown,
empty, or the central store is down), loaded at the web cart's prices with its codes and its
customer, all or nothing, kept across a crash, and recorded on the sale, its journal entry, its
receipt and its order. The same flow against the real Medusa: tests/integration/medusa/
test_web_cart_at_the_till.py."""
from __future__ import annotations

from dataclasses import replace

import pytest

from pos.cart import Cart
from pos.catalog import Variant
from pos.commerce import CustomerRef, StoreOrder, WebCart, WebCartLine
from pos.gtin import with_check_digit
from pos.journal import Kind
from pos.ports import CommerceUnavailable
from pos.receipt import Text
from pos.receipt_layout import sale_receipt
from pos.receipt_layout import StoreInfo
from pos.services import payments, selling
from pos.services import web_carts as service
from pos.sync.sale_events import store_order
from pos.vat import VatRate
from pos.web_carts import WebCartError
from tests.fakes.register import open_register, stocked_uow

SHIRT = Variant("v-shirt", "TSH-1", with_check_digit("735000000001"), "T-shirt Bas", 19900,
                VatRate.STANDARD)
BOOK = Variant("v-book", "BOK-1", with_check_digit("735000000003"), "Bok: Röda rummet", 12950,
               VatRate.REDUCED)
WILMA = CustomerRef("cus_wilma", "wilma@example.se", "Wilma", "Webb", "")


def web_cart(**changes) -> WebCart:
    """Two shirts at the web's price (17900, the till's catalogue says 19900) and a book."""
    cart = WebCart(id="cart_01WEB", currency="SEK", email=WILMA.email, customer_id=WILMA.id,
                   lines=(WebCartLine("variant_shirt", SHIRT.sku, SHIRT.ean, SHIRT.name, 2,
                                      17900, 0, 35800),
                          WebCartLine("variant_book", BOOK.sku, BOOK.ean, BOOK.name, 1,
                                      12950, 0, 12950)),
                   promo_codes=(), discount_total=0, tax_total=0, total=48750, completed=False,
                   customer=WILMA)
    return replace(cart, **changes)


class WebCarts:
    """The central store's web carts, in memory; ``down`` makes it unreachable."""

    def __init__(self, *carts: WebCart):
        self.carts = {c.id: c for c in carts}
        self.down = False
        self.asked: list[str] = []

    def get_web_cart(self, cart_id):
        self.asked.append(cart_id)
        if self.down:
            raise CommerceUnavailable("connection refused")
        return self.carts.get(cart_id)

    def close_web_cart(self, cart_id, sale_key, order_id):
        raise AssertionError("the till never closes a cart itself: the outbox does")


@pytest.fixture
def uow():
    return stocked_uow([SHIRT, BOOK])


def test_a_qr_code_and_a_typed_code_name_the_same_cart():
    assert service.cart_id_of("https://shop.example.se/sv/cart/cart_01WEB") == "cart_01WEB"
    assert service.cart_id_of(" cart_01WEB ") == "cart_01WEB"


def test_a_web_cart_comes_in_at_its_own_prices_with_its_customer_and_is_sold(uow):
    ctx = open_register(uow, 50000)
    store = WebCarts(web_cart())
    cart = service.fetch(uow, store, "https://shop.example.se/cart/cart_01WEB")
    loaded = service.load(ctx, cart)
    assert loaded.total_matches and loaded.totals.total == 48750
    assert [(lt.line.variant.sku, lt.line.quantity, lt.line.unit_price, lt.line.from_web)
            for lt in loaded.totals.lines] == [("TSH-1", 2, 17900, True),
                                                ("BOK-1", 1, 12950, True)]
    # the web cart's price governs; the screen is told where the till's own differs
    assert loaded.price_differences == (service.PriceDifference(SHIRT.name, 17900, 19900),)
    assert loaded.totals.customer == WILMA
    assert loaded.totals.web_cart is not None and loaded.totals.web_cart.id == "cart_01WEB"

    # the cashier goes on as usual: the same article scanned again is a line of its own at
    # the till's price, a web line's quantity changes at the web's price
    selling.scan(ctx, SHIRT.ean)
    totals = selling.set_quantity(ctx, 1, 3)
    assert totals.total == 3 * 17900 + 12950 + 19900
    payments.start_payment(ctx)
    payments.pay_cash(ctx, 20000)
    sale = payments.pay_card(ctx).sale
    assert sale is not None and sale.web_cart_id == "cart_01WEB" and sale.customer_id == WILMA.id
    with uow:
        entry = [e for e in uow.journal.entries("K1") if e.kind == Kind.SALE][-1]
    assert entry.payload["web_cart_id"] == "cart_01WEB"
    order = store_order(sale, "store-gbg")
    assert order.web_cart_id == "cart_01WEB"
    assert StoreOrder.from_dict(order.to_dict()) == order
    receipt = sale_receipt(sale, StoreInfo(), "CU-1")
    assert "Webbkorg: cart_01WEB" in [b.text for b in receipt.blocks if isinstance(b, Text)]
    assert ctx.state.cart.web_cart is None  # the next customer starts without it

    # scanned again here: bought, with its receipt, before the central store is even asked
    store.asked.clear()
    with pytest.raises(WebCartError) as again:
        service.fetch(uow, store, "cart_01WEB")
    assert again.value.code == "web_cart.already_bought_here"
    assert again.value.params == {"cart": "cart_01WEB", "receipt": sale.receipt_no,
                                  "register": "K1"}
    assert store.asked == []


@pytest.mark.parametrize("cart, code, params", [
    (None, "web_cart.not_found", {"cart": "cart_01WEB"}),
    (web_cart(completed=True, order_id="order_1", order_display_id=1042, bought_at="online"),
     "web_cart.already_bought", {"cart": "cart_01WEB", "order": "#1042"}),
    (web_cart(lines=()), "web_cart.empty", {"cart": "cart_01WEB"}),
    (web_cart(currency="EUR"), "web_cart.currency", {"cart": "cart_01WEB", "currency": "EUR"}),
])
def test_a_cart_that_cannot_be_sold_is_refused_saying_why(uow, cart, code, params):
    store = WebCarts(*([cart] if cart else []))
    with pytest.raises(WebCartError) as refused:
        service.fetch(uow, store, "cart_01WEB")
    assert (refused.value.code, refused.value.params) == (code, params)


def test_the_central_store_down_says_so_and_nothing_changes(uow):
    ctx = open_register(uow, 50000)
    selling.scan(ctx, BOOK.ean)
    store = WebCarts(web_cart())
    store.down = True
    with pytest.raises(WebCartError) as down:
        service.fetch(uow, store, "cart_01WEB")
    assert down.value.code == "web_cart.unreachable"
    assert [lt.line.variant.sku for lt in ctx.state.cart.totals().lines] == ["BOK-1"]
    assert ctx.state.cart.web_cart is None


def test_an_article_the_till_does_not_know_refuses_the_whole_cart(uow):
    ctx = open_register(uow, 50000)
    unknown = WebCartLine("variant_x", "NEW-1", "", "Ny tröja", 1, 29900, 0, 29900)
    cart = web_cart(lines=web_cart().lines + (unknown,), total=78650)
    with pytest.raises(WebCartError) as refused:
        service.load(ctx, cart)
    assert refused.value.code == "web_cart.unknown_articles"
    assert refused.value.params["articles"] == "NEW-1"
    assert ctx.state.cart.is_empty and ctx.state.cart.web_cart is None
    with uow:
        saved = uow.carts.load_open("K1")
    assert saved is None or not saved[0]["lines"]


def test_one_web_cart_per_sale_and_not_another_customers(uow):
    ctx = open_register(uow, 50000)
    service.load(ctx, web_cart())
    with pytest.raises(WebCartError) as second:
        service.load(ctx, web_cart(id="cart_02WEB"))
    assert second.value.code == "web_cart.one_per_sale"
    selling.void_sale(ctx)
    other = CustomerRef("cus_erik", "erik@example.se", "Erik", "Ek", "")
    ctx.state.cart.set_customer(other)
    with pytest.raises(WebCartError) as theirs:
        service.load(ctx, web_cart())
    assert theirs.value.code == "web_cart.other_customer"
    assert ctx.state.cart.is_empty


def test_the_link_survives_a_crash(uow):
    ctx = open_register(uow, 50000)
    service.load(ctx, replace(web_cart(), promo_codes=("HOST10",)))
    with uow:
        saved, _ = uow.carts.load_open("K1")
        assert uow.carts.holding_web_cart("cart_01WEB") == ["K1"]
    restored = Cart.from_dict(saved)
    assert restored.web_cart == ctx.state.cart.web_cart
    assert restored.promo_codes == ["HOST10"] and restored.customer == WILMA
    assert [line.from_web for line in restored.lines] == [True, True]


def test_a_web_line_from_a_cart_saved_before_web_carts_reads_as_a_till_line():
    data = Cart().to_dict()
    assert "web_cart" not in data and Cart.from_dict(data).web_cart is None


def test_the_shopper_comes_as_the_central_stores_customer_with_name_and_groups(uow):
    """The store API gives the cart's customer by id and e-mail only: the till reads them in
    the customer directory (their name for the screen and receipt, their groups for the
    promotions); a directory that fails leaves the cart as it came."""
    from pos.commerce import CustomerRef

    bare = web_cart(customer=None, customer_id="cus_wilma", email="wilma@example.se")
    full = CustomerRef("cus_wilma", "wilma@example.se", "Wilma", "Berg", "+46701112233",
                       group_ids=("cusgroup_vip",))
    other = CustomerRef("cus_other", "wilma@example.se.nu", "Ola", "Ek", "")

    class Directory:
        def __init__(self, fail=False):
            self.fail, self.asked = fail, []

        def find_customers(self, query, limit=20):
            self.asked.append(query)
            if self.fail:
                raise CommerceUnavailable("down")
            return [other, full]

    directory = Directory()
    cart = service.fetch(uow, WebCarts(bare), bare.id, directory)
    assert cart.customer == full and directory.asked == ["wilma@example.se"]
    assert service.fetch(uow, WebCarts(bare), bare.id, Directory(fail=True)).customer is None
