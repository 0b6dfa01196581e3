"""A web cart's QR code scanned at the till: fetched on the network lane (a scan right after it
is answered at once, while the central store is slow), loaded into the sale, and the sale page
says which web cart it continues and that the web cart's prices apply; refusals in words."""
from __future__ import annotations

import threading

from pos.commerce import WebCart, WebCartLine
from pos.money import format_kronor
from pos.ports import CommerceUnavailable
from tests.ui.conftest import demo_articles, log_in, wait_idle
from ui.widgets.style import unbroken

CART_ID = "cart_01UITEST"


class SlowWebCarts:
    """The central store's web carts, answering only when ``release`` is set."""

    def __init__(self, cart: WebCart):
        self.cart = cart
        self.release = threading.Event()
        self.down = False

    def get_web_cart(self, cart_id):
        assert self.release.wait(10)
        if self.down:
            raise CommerceUnavailable("connection refused")
        return self.cart if cart_id == self.cart.id else None

    def close_web_cart(self, cart_id, sale_key, order_id):
        raise AssertionError("not the till's to close")


def web_cart(till) -> WebCart:
    coffee, book, _ = demo_articles(till)
    web_price = coffee.price - 1000  # the web sells the coffee 10 kr cheaper
    return WebCart(id=CART_ID, currency="SEK", email=None, customer_id=None, lines=(
        WebCartLine("variant_c", coffee.sku, coffee.ean, coffee.name, 2, web_price, 0,
                    2 * web_price),
        WebCartLine("variant_b", book.sku, book.ean, book.name, 1, book.price, 0, book.price)),
        promo_codes=(), discount_total=0, tax_total=0, total=2 * web_price + book.price,
        completed=False)


def test_a_web_cart_loads_on_the_network_lane_and_the_page_names_it(qtbot, window, till):
    wait_idle(qtbot, window)  # the window has started: the till is the lanes' from now on
    cart = web_cart(till)
    till.web_carts = store = SlowWebCarts(cart)
    log_in(qtbot, window)
    page = window.sale_page
    _, _, shirt = demo_articles(till)

    page.scanned(f"https://shop.example.se/cart/{CART_ID}")
    qtbot.waitUntil(lambda: "Fetching web cart cart_01UITEST" in page.message.text(),
                    timeout=5000)
    page.scanned(shirt.ean)  # the central store is slow: the scan is answered all the same
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert not page.web_cart.banner.isVisible()

    store.release.set()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)
    wait_idle(qtbot, window)
    banner = page.web_cart.banner
    assert banner.isVisible()
    assert banner.text() == f"Continues web cart {CART_ID} · the web cart's prices apply"
    coffee = cart.lines[0]
    assert page.totals.total == cart.total + shirt.price
    assert page.message.property("level") == "ok"
    assert page.message.text() == unbroken(
        f"Web cart {CART_ID} loaded: 3 articles, {format_kronor(cart.total)} kr. "
        f"{coffee.name}: the web cart's price {format_kronor(coffee.unit_price)} kr applies "
        f"(the till's is {format_kronor(coffee.unit_price + 1000)} kr).")

    row = page.model.row_of_line(page.totals.lines[1].line.line_id)  # the coffee, web-priced
    assert page.model.index(row, 0).data() == (
        f"{coffee.name}\nWeb price (till: {format_kronor(coffee.unit_price + 1000)})")
    assert page.model.index(row + 1, 0).data() == cart.lines[1].name  # the book: same price

    # paid: the next customer's sale continues no web cart
    till.start_payment()
    assert till.pay_card().sale.web_cart_id == CART_ID
    page.load()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)


def test_the_central_store_down_is_said_plainly_and_the_sale_is_untouched(qtbot, window, till):
    wait_idle(qtbot, window)
    till.web_carts = store = SlowWebCarts(web_cart(till))
    store.down = True
    store.release.set()
    log_in(qtbot, window)
    page = window.sale_page
    page.scan_input.setText(CART_ID)  # typed, as the cashier would from a phone's screen
    page._scan_entered()
    qtbot.waitUntil(lambda: "cannot be reached" in page.message.text(), timeout=10000)
    assert page.message.text() == unbroken(
        f"Web cart {CART_ID} cannot be loaded: the central store cannot be reached now. Scan "
        "the articles instead, or try again later")
    assert page.message.property("level") == "error"
    assert page.model.rowCount() == 0 and not page.web_cart.banner.isVisible()


def test_a_web_cart_bought_online_meanwhile_is_not_paid_for_again(qtbot, window, till):
    """Loaded, then the shopper completed it online: F9 asks the central store first and
    refuses the payment in words (the customer would pay twice); while the central store
    cannot be reached the payment goes on (the outbox's close flags a conflict)."""
    from dataclasses import replace

    wait_idle(qtbot, window)
    cart = web_cart(till)
    till.web_carts = store = SlowWebCarts(cart)
    store.release.set()
    log_in(qtbot, window)
    page = window.sale_page
    page.scanned(CART_ID)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    wait_idle(qtbot, window)
    assert page.web_cart_id() == CART_ID

    store.cart = replace(cart, completed=True, order_id="order_01X", order_display_id=19)
    page.pay()
    qtbot.waitUntil(lambda: "was bought meanwhile (order #19)" in page.message.text(),
                    timeout=5000)
    assert page.payment_dialog is None and till.ctx.state.payment is None

    store.cart, store.down = cart, True  # unreachable: the sale goes on
    page.pay()
    qtbot.waitUntil(lambda: page.payment_dialog is not None, timeout=5000)
    page.payment_dialog.reject()
