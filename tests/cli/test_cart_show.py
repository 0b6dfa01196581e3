"""``main.py cart show CODE [--json]``: a web cart's lines, totals, customer, codes and status
(open, or bought with its order number), with what this store's database knows; exit codes as
the other commands (0 found, 1 no such cart, 3 the central store cannot be reached). The
central store is an in-memory stand-in here; against the real Medusa:
tests/integration/medusa/test_web_cart_at_the_till.py."""
import json
from dataclasses import replace
from datetime import datetime
from types import SimpleNamespace

import pytest

import main
import wiring
from pos.commerce import CustomerRef, WebCart, WebCartLine
from pos.ports import CommerceUnavailable

WILMA = CustomerRef("cus_wilma", "wilma@example.se", "Wilma", "Webb", "")
CART = WebCart(id="cart_01CLI", currency="SEK", email=WILMA.email, customer_id=WILMA.id,
               lines=(WebCartLine("variant_1", "KAF-1", "7350000000029", "Kaffe", 3, 5990, 1797,
                                  16173),),
               promo_codes=("HOST10",), discount_total=1797, tax_total=1733, total=16173,
               completed=False, customer=WILMA)


class WebCarts:
    def __init__(self, *carts, down=False):
        self.carts = {c.id: c for c in carts}
        self.down = down

    def get_web_cart(self, cart_id):
        if self.down:
            raise CommerceUnavailable("connection refused")
        return self.carts.get(cart_id)

    def close_web_cart(self, *a):
        raise AssertionError


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    config = tmp_path / "pos.toml"
    config.write_text(f'[devices]\nprinter = "dummy"\n[medusa]\nstate = "{tmp_path}/none.json"\n',
                      encoding="utf-8")

    def call(*args, store=None, json_out=True):
        monkeypatch.setattr(wiring, "build_commerce_store",
                            lambda cfg: None if store is None else SimpleNamespace(web_carts=store))
        code = main.main(["--config", str(config), *(["--json"] if json_out else []), *args])
        captured = capsys.readouterr()
        out = captured.out
        return code, (json.loads(out) if json_out and out.strip() else out), captured.err
    return call


def test_an_open_cart_by_its_qr_code(run):
    code, shown, _ = run("cart", "show", "https://shop.example.se/cart/cart_01CLI",
                         store=WebCarts(CART))
    assert code == 0
    assert shown["status"] == "open" and shown["order"] is None
    assert shown["lines"] == [{"sku": "KAF-1", "ean": "7350000000029", "name": "Kaffe",
                               "quantity": 3, "unit_price": 5990, "discount": 1797,
                               "total": 16173}]
    assert shown["totals"] == {"discount": 1797, "tax": 1733, "total": 16173, "currency": "SEK"}
    assert shown["customer"]["email"] == "wilma@example.se" and shown["promo_codes"] == ["HOST10"]


def test_a_bought_cart_says_its_order_number_in_text_too(run):
    bought = replace(CART, completed=True, order_id="order_1", order_display_id=1042,
                     bought_at="till", sale_key="sale:abc")
    code, shown, _ = run("cart", "show", "cart_01CLI", store=WebCarts(bought))
    assert code == 0 and shown["status"] == "bought"
    assert shown["order"] == {"id": "order_1", "display_id": 1042, "bought_at": "till",
                              "sale_key": "sale:abc"}
    code, text, _ = run("cart", "show", "cart_01CLI", store=WebCarts(bought), json_out=False)
    assert code == 0
    assert text.splitlines()[0] == "web cart cart_01CLI: bought, order #1042 (at a till)"
    assert "codes: HOST10" in text and "total 161,73 SEK" in text


def test_no_such_cart_exits_1(run):
    code, shown, err = run("cart", "show", "cart_01NONE", store=WebCarts(CART))
    assert code == 1 and shown["error"] == "there is no web cart cart_01NONE"
    assert shown["status"] == "not_found" and "no web cart" in err


def test_the_central_store_unreachable_exits_3_with_what_this_store_knows(run, tmp_path):
    till, _ = main.build_till(main.load_config(tmp_path / "pos.toml"))
    coffee = till.search("kaffe")[0]  # a demo article: the cart's line, as the till knows it
    cart = replace(CART, lines=(replace(CART.lines[0], sku=coffee.sku, ean=coffee.ean),))
    till.web_carts = WebCarts(cart)
    till.login("kim", "1234")
    till.open_shift(50000)
    loaded = till.web_cart("cart_01CLI")
    till.start_payment()
    sale = till.pay_cash(loaded.totals.total + 1000).sale
    for store in (None, WebCarts(CART, down=True)):
        code, shown, _ = run("cart", "show", "cart_01CLI", store=store)
        assert code == 3 and "cannot be reached" in shown["error"]
        assert shown["status"] == "bought_here"
        assert shown["local_sale"]["receipt_no"] == sale.receipt_no
        assert shown["local_sale"]["total"] == sale.total
        # an instant with its UTC offset, as every time the commands print
        assert datetime.fromisoformat(shown["local_sale"]["completed_at"]).utcoffset() is not None
    code, shown, _ = run("cart", "show", "cart_01OTHER", store=None)
    assert code == 3 and shown["status"] == "unknown"

    # bought centrally by another sale (another till, offline): a conflict, said plainly
    other = replace(cart, completed=True, order_id="order_9", order_display_id=1043,
                    bought_at="till", sale_key="sale:another")
    code, shown, _ = run("cart", "show", "cart_01CLI", store=WebCarts(other))
    assert code == 0 and shown["status"] == "bought" and shown["conflict"] is True
    code, text, _ = run("cart", "show", "cart_01CLI", store=WebCarts(other), json_out=False)
    assert "CONFLICT: sold here too" in text and f"receipt {sale.receipt_no}" in text
    mine = replace(other, sale_key=f"sale:{sale.id}")
    code, shown, _ = run("cart", "show", "cart_01CLI", store=WebCarts(mine))
    assert code == 0 and shown["conflict"] is False
