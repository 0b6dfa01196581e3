"""A shelf label's QR code scanned at the till (a customer hands over the label, or the cashier
scans the shelf): the article its SKU names goes on the sale, like its barcode; a product link
without a SKU is still "not for the till", and a label of an article this store does not have is
answered like an unknown article number."""
from __future__ import annotations

import pytest

from pos.catalog import UnknownCode
from pos.services.selling import ScanNotForSale
from pos.shelf_qr import shelf_qr_url
from tests.ui.conftest import log_in, wait_idle

BASE = "https://shop.example.se/shelf"


def test_a_shelf_qr_adds_the_article_it_names(qtbot, window, till):
    from pos.demo.catalog import demo_catalog
    log_in(qtbot, window)
    page = window.sale_page
    product = demo_catalog()[2]
    v = product.variants[7]  # the label's article: not the product's first size
    page.scanned(shelf_qr_url(BASE, product.handle, v.sku, "store-gbg"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    line = page.model.line_at(0).line
    assert line.variant.sku == v.sku and line.quantity == 1
    assert line.variant.id == v.id
    page.scanned(shelf_qr_url(BASE, product.handle, v.sku, "store-sthlm"))
    qtbot.waitUntil(lambda: page.model.line_at(0).line.quantity == 2, timeout=10000)
    # no such article here: the cashier reads what the code was
    page.scanned(shelf_qr_url(BASE, product.handle, "NOPE-1", "store-gbg"))
    qtbot.waitUntil(lambda: "NOPE-1" in page.message.text(), timeout=10000)
    assert page.message.property("level") == "error"
    assert page.model.rowCount() == 1
    wait_idle(qtbot, window)


def test_the_service_sells_a_shelf_qr_and_refuses_a_bare_product_link(till):
    from pos.demo.catalog import demo_catalog
    product = demo_catalog()[0]
    v = product.variants[3]
    till.login("kim", "1234")
    till.open_shift(0)
    till.scan(shelf_qr_url(BASE, product.handle, v.sku, "store-gbg"))
    totals = till.scan(shelf_qr_url(BASE, product.handle, v.sku, "store-gbg"), 2)
    assert [(lt.line.variant.sku, lt.line.quantity) for lt in totals.lines] == [(v.sku, 3)]
    with pytest.raises(ScanNotForSale):
        till.scan(f"https://shop.example.se/products/{product.handle}")  # no sku: no label's
    with pytest.raises(UnknownCode):
        till.scan(shelf_qr_url(BASE, product.handle, "NOPE-2", "store-gbg"))
