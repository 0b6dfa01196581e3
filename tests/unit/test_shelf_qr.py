"""The shelf label's QR address: written and read back, and classified by the scan router as a
product (pos.shelf_qr)."""
import pytest

from pos.scan_router import ScanKind, classify
from pos.shelf_qr import ShelfQr, parse_shelf_qr, shelf_qr_url


def test_a_label_address_names_the_article_and_the_store_and_reads_back():
    url = shelf_qr_url("https://shop.example.se/shelf/", "t-shirt-bas", "TSH-BAS-SVA-XS",
                       "store-gbg")
    assert url == ("https://shop.example.se/shelf/products/t-shirt-bas"
                   "?sku=TSH-BAS-SVA-XS&store=store-gbg")
    assert parse_shelf_qr(url) == ShelfQr("t-shirt-bas", "TSH-BAS-SVA-XS", "store-gbg")
    scan = classify(url)
    assert scan.kind is ScanKind.PRODUCT and scan.value == "t-shirt-bas"


def test_without_a_handle_the_sku_stands_in():
    url = shelf_qr_url("http://localhost:9000/shelf", "", "KAFFE-500", "store-sth")
    assert url == "http://localhost:9000/shelf/products/KAFFE-500?sku=KAFFE-500&store=store-sth"


@pytest.mark.parametrize("text", ["https://shop.example.se/products/tshirt",  # no sku
                                  "https://shop.example.se/cart/cart_01?sku=X",
                                  "ftp://shop/products/x?sku=X", "not a url", ""])
def test_other_addresses_are_no_shelf_labels(text):
    assert parse_shelf_qr(text) is None


@pytest.mark.parametrize("base,sku", [("shop.example.se", "X"), ("https://", "X"),
                                      ("https://shop.example.se", " ")])
def test_a_bad_base_or_empty_sku_is_refused(base, sku):
    with pytest.raises(ValueError):
        shelf_qr_url(base, "h", sku, "store-gbg")
