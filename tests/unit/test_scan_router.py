"""The scan router: every format, cleaning of scanner noise, and never raising."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos.gtin import with_check_digit
from pos.scan_router import Scan, ScanKind, classify, clean, luhn_check_digit, luhn_ok

EAN13 = with_check_digit("731234567890")
EAN8 = with_check_digit("7310001")
UPCA = with_check_digit("03600029145")
GTIN14 = with_check_digit("1731234567890")


@pytest.mark.parametrize("code", [EAN13, EAN8, UPCA, GTIN14])
def test_valid_gtins(code: str) -> None:
    s = classify(code)
    assert s.kind is ScanKind.GTIN and s.value == code and s.message == "" and s.ok


def test_bad_check_digit_is_invalid_gtin_with_gtin_message() -> None:
    bad = EAN13[:-1] + str((int(EAN13[-1]) + 1) % 10)
    s = classify(bad)
    assert s.kind is ScanKind.INVALID_GTIN and not s.ok
    assert "check digit" in s.message and f"should be {EAN13[-1]}" in s.message


@pytest.mark.parametrize("code", ["123456789", "12345678901", "123456789012345"])
def test_gtin_like_lengths_that_are_not_gtins(code: str) -> None:
    s = classify(code)
    assert s.kind is ScanKind.INVALID_GTIN and "digits" in s.message


@pytest.mark.parametrize(
    "payload",
    [f"\x02{EAN13}\r\n", f"  {EAN13}\t", f"]E0{EAN13}", f"\ufeff{EAN13}\x03", f"{EAN13[:6]}\x00{EAN13[6:]}"],
)
def test_scanner_noise_is_removed(payload: str) -> None:
    s = classify(payload)
    assert s.kind is ScanKind.GTIN and s.value == EAN13 and s.raw == payload


def test_receipt_barcode() -> None:
    s = classify("R-K1-000042")
    assert s.kind is ScanKind.RECEIPT and s.value == "R-K1-000042" and s.register == "K1" and s.number == 42
    # lower case and a US-layout scanner on a Swedish keyboard ('-' typed as '+')
    assert classify("r+k1+000042").value == "R-K1-000042"


@pytest.mark.parametrize(
    "payload,cart",
    [
        ("https://shop.example.se/sv/cart/cart_01HABCDEF", "cart_01HABCDEF"),
        ("https://shop.example.se/store/carts/cart_01H/?utm=qr", "cart_01H"),
        ("cart_01HXYZ", "cart_01HXYZ"),
    ],
)
def test_web_cart(payload: str, cart: str) -> None:
    s = classify(payload)
    assert s.kind is ScanKind.WEB_CART and s.value == cart


@pytest.mark.parametrize(
    "payload,order",
    [("https://shop.example.se/account/orders/order_01J9", "order_01J9"), ("order_01J9", "order_01J9")],
)
def test_order(payload: str, order: str) -> None:
    s = classify(payload)
    assert s.kind is ScanKind.ORDER and s.value == order


def test_product_url_and_other_urls() -> None:
    assert classify("https://shop.example.se/products/blue-shirt").kind is ScanKind.PRODUCT
    s = classify("https://kvitto.omnihandeln.se/r/0192f3a4-7b1c-7def-8a00-1234567890ab")
    assert s.kind is ScanKind.DIGITAL_RECEIPT and s.value == "0192f3a4-7b1c-7def-8a00-1234567890ab"
    s = classify("https://evil.example/phish?x=1")
    assert s.kind is ScanKind.UNKNOWN and "web address" in s.message


def test_customer_cards() -> None:
    assert classify("CUST-0012345") == Scan(ScanKind.CUSTOMER_CARD, "0012345", raw="CUST-0012345")
    assert classify("C123456789").kind is ScanKind.CUSTOMER_CARD
    assert classify("c123456789").value == "123456789"
    # a C followed by 8 or 10 digits is not a card
    assert classify("C12345678").kind is not ScanKind.CUSTOMER_CARD
    assert classify("C1234567890").kind is not ScanKind.CUSTOMER_CARD


def test_invoice_reference_with_luhn() -> None:
    body = "1234567890123"
    ref = body + str(luhn_check_digit(body))
    s = classify(f"OCR:{ref}")
    assert s.kind is ScanKind.INVOICE_REFERENCE and s.value == ref
    wrong = body + str((luhn_check_digit(body) + 3) % 10)
    bad = classify(f"ocr: {wrong}")
    assert bad.kind is ScanKind.INVALID_REFERENCE and "check digit" in bad.message
    assert f"should be {luhn_check_digit(body)}" in bad.message
    assert classify("OCR:5").kind is ScanKind.INVALID_REFERENCE


def test_luhn_known_values() -> None:
    assert luhn_ok("79927398713")  # the classic example
    assert not luhn_ok("79927398710")
    assert luhn_check_digit("7992739871") == 3


@pytest.mark.parametrize("payload", ["1234", "ABC-123", "sku.9/1", "7"])
def test_sku_or_text(payload: str) -> None:
    s = classify(payload)
    assert s.kind is ScanKind.SKU_OR_TEXT and s.value == payload


@pytest.mark.parametrize("payload", ["", "\r\n", "hello world!", "☃☃", "x" * 41, "9" * 30])
def test_unknown_has_a_message(payload: str) -> None:
    s = classify(payload)
    assert s.kind is ScanKind.UNKNOWN and s.message and not s.ok


def test_clean() -> None:
    assert clean("\x02ABC\x03\r") == "ABC"
    assert clean("]Q1https://x/cart/cart_1") == "https://x/cart/cart_1"


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(payload: str) -> None:
    s = classify(payload)
    assert isinstance(s.kind, ScanKind) and isinstance(s.value, str)
    if not s.ok:
        assert s.message


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=200), st.sampled_from(["utf-8", "latin-1", "cp1252", "ascii"]))
def test_never_raises_on_decoded_bytes(data: bytes, enc: str) -> None:
    s = classify(data.decode(enc, errors="replace"))
    assert isinstance(s.kind, ScanKind)


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"\A[0-9]{12}\Z"), st.text(alphabet="\x02\x03\r\n\t ", max_size=3))
def test_any_valid_ean13_with_noise_is_a_gtin(body: str, noise: str) -> None:
    code = with_check_digit(body)
    s = classify(noise + code + noise)
    assert s.kind is ScanKind.GTIN and s.value == code
