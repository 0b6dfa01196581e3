"""Issue 9, item 9: UPC-E read as the UPC-A it stands for, in-store price and weight labels (GS1
Sweden's 2X numbers), weights and their amounts.

Expected values are written out by hand from the rules (the UPC-E table of the GS1 General
Specifications, gs1.se's viktvarunummer), never computed with the code under test."""
from __future__ import annotations

from decimal import Decimal

import pytest

from pos.catalog import UnknownCode
from pos.gtin import (PRICE, SWEDISH_LAYOUTS, WEIGHT, GtinError, LayoutError, VariableLayout,
                      gtin14, gtin14_candidates, layouts_from_config, parse_gtin, read_variable,
                      upce_to_upca)
from pos.measure import WeightError, format_kg, parse_weight, weighed_amount
from pos.scan_router import ScanKind, classify


# UPC-E (8 digits) -> UPC-A, one per expansion rule (last of the six middle digits), number
# systems 0 and 1. Check digits worked out by hand on the UPC-A (3 x odd places + even places);
# none of these is a valid EAN-8 as well.
UPCE = [
    ("04252614", "042100005264"),  # d6 = 1: NS d1 d2 d6 0000 d3 d4 d5 (the example)
    ("01234505", "012000003455"),  # d6 = 0
    ("01234523", "012200003453"),  # d6 = 2
    ("01234531", "012300000451"),  # d6 = 3: NS d1 d2 d3 00000 d4 d5
    ("01234543", "012340000053"),  # d6 = 4: NS d1 d2 d3 d4 00000 d5
    ("11234502", "112000003452"),  # number system 1
]
# d6 = 5..9: NS d1 d2 d3 d4 d5 0000 d6. The UPC-A's check digit weighs the same digits as the
# EAN-8's: such a code is always a valid EAN-8 too, read as one, and looked up as both.
UPCE_ALSO_EAN8 = [("01234558", "012345000058"), ("01234565", "012345000065"),
                  ("11234562", "112345000062")]


@pytest.mark.parametrize("upce, upca", UPCE)
def test_upce_expands_to_its_upca_by_the_rule_of_its_last_digit(upce, upca):
    assert upce_to_upca(upce) == upca
    g = parse_gtin(upce)
    assert (g.kind, g.code, g.scanned) == ("UPC-E", upca, upce)
    assert g.gtin14 == "00" + upca == parse_gtin(upca).gtin14
    assert gtin14(upce) == gtin14(upca)
    assert gtin14_candidates(upce) == ["00" + upca]


@pytest.mark.parametrize("upce, upca", UPCE)
def test_a_scanned_upce_is_the_gtin_of_its_upca(upce, upca):
    s = classify(upce)
    assert s.kind is ScanKind.GTIN and s.value == upca and s.raw == upce and s.ok


@pytest.mark.parametrize("upce, upca", UPCE_ALSO_EAN8)
def test_a_upce_that_is_a_valid_ean8_too_is_looked_up_as_both(upce, upca):
    assert upce_to_upca(upce) == upca
    assert parse_gtin(upce).kind == "EAN-8"
    assert gtin14_candidates(upce) == ["000000" + upce, "00" + upca]


def test_an_ean8_whose_check_digit_holds_stays_an_ean8():
    # 0425261 as an EAN-8: 3*1 + 6 + 3*2 + 5 + 3*2 + 4 + 3*0 = 30 -> check digit 0
    g = parse_gtin("04252610")
    assert (g.kind, g.code) == ("EAN-8", "04252610")
    assert classify("73513537").value == "73513537"  # an EAN-8 outside number systems 0 and 1


def test_an_eight_digit_code_right_for_neither_says_both_check_digits():
    with pytest.raises(GtinError) as e:
        parse_gtin("04252615")
    assert e.value.code == "gtin.wrong_check_digit_8"
    assert e.value.params == {"code": "04252615", "digit": "5", "ean8": 0, "upce": 4}
    # number system 2-9: no UPC-E, the EAN-8 message as before
    with pytest.raises(GtinError, match=r"EAN-8 73513538 has a wrong check digit \(8, should be 7\)"):
        parse_gtin("73513538")
    assert classify("04252615").kind is ScanKind.INVALID_GTIN


# --- in-store labels ---------------------------------------------------------------------------

def label(body12: str) -> str:
    """An EAN-13 from its 12 digits, the check digit worked out by GS1's mod 10 by hand."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)


def test_a_weight_label_with_three_decimals():
    code = label("230001010512")  # 23: kg, three decimals; article part 000101; 0,512 kg
    assert code == "2300010105121"
    s = classify(code)
    assert s.kind is ScanKind.GTIN and s.value == code
    m = s.measure
    assert m is not None and m.is_weight and m.item == "000101"
    assert m.weight == Decimal("0.512")


@pytest.mark.parametrize("prefix, value, expected", [
    ("20", PRICE, 1234),       # 12,34 kr
    ("21", PRICE, 12340),      # 123,4 kr
    ("22", PRICE, 123400),     # 1234 kr
    ("23", WEIGHT, Decimal("1.234")),
    ("24", WEIGHT, Decimal("12.340")),
    ("25", WEIGHT, Decimal("123.400")),
])
def test_the_swedish_prefixes_say_what_the_four_value_digits_are(prefix, value, expected):
    m = read_variable(label(prefix + "0003011234"), SWEDISH_LAYOUTS)
    assert m is not None and m.layout.value == value and m.item == "000301"
    assert (m.price if value == PRICE else m.weight) == expected


def test_codes_outside_the_layouts_are_plain_gtins():
    assert classify(label("260001011234")).measure is None  # 26: not configured
    assert classify("7350120020338").measure is None
    assert classify(label("230001010512"), layouts=()).measure is None  # a store without labels


def test_a_layout_from_the_configuration():
    layouts = layouts_from_config([{"prefix": "28", "value": "weight", "decimals": 3,
                                    "item_digits": 5, "value_digits": 5}])
    m = read_variable(label("281234501234"), layouts)
    assert m is not None and m.item == "12345" and m.weight == Decimal("1.234")
    assert layouts_from_config(None) == SWEDISH_LAYOUTS
    assert layouts_from_config([]) == ()


@pytest.mark.parametrize("table, detail", [
    ({"prefix": "2A", "value": "price", "decimals": 2}, "digits"),
    ({"prefix": "20", "value": "volume", "decimals": 2}, "'price' or 'weight'"),
    ({"prefix": "20", "value": "price", "decimals": 3}, "0 to 2 decimals"),
    ({"prefix": "23", "value": "weight", "decimals": 4}, "0 to 3 decimals"),
    ({"prefix": "20", "value": "price", "decimals": 2, "item_digits": 5}, "must be 13 digits"),
    ({"prefix": "20", "value": "price", "decimals": "two"}, "whole number"),
])
def test_a_wrong_layout_is_refused_naming_its_prefix_and_what_is_wrong(table, detail):
    with pytest.raises(LayoutError) as e:
        layouts_from_config([table])
    assert e.value.code == "barcodes.layout_invalid" and detail in e.value.params["detail"]


def test_overlapping_prefixes_are_refused():
    with pytest.raises(LayoutError, match="overlaps"):
        layouts_from_config([{"prefix": "23", "value": "weight", "decimals": 3},
                             {"prefix": "230", "value": "price", "decimals": 2,
                              "item_digits": 5}])
    assert VariableLayout("2", PRICE, 2, 6, 5).prefix == "2"


# --- weights and their amounts -----------------------------------------------------------------

@pytest.mark.parametrize("price, kg, amount", [
    (8990, "0.512", 4603),   # 0,512 kg à 89,90 = 46,0288 -> 46,03
    (8990, "0.150", 1349),   # 13,485: half up -> 13,49 (banker's and truncation give 13,48)
    (24900, "1.003", 24975),  # 249,747 -> 249,75
    (29900, "0.333", 9957),  # 99,567 -> 99,57
    (1, "0.499", 0),         # 0,499 öre -> 0
    (1, "0.500", 1),         # 0,5 öre -> 1
])
def test_a_weighed_amount_is_price_times_weight_rounded_half_up(price, kg, amount):
    result = weighed_amount(price, Decimal(kg))
    assert result == amount and type(result) is int


def test_weights_are_typed_with_a_comma_and_whole_grams():
    assert parse_weight("0,512") == Decimal("0.512")
    assert parse_weight(" 1.2 kg") == Decimal("1.200")
    assert format_kg(Decimal("1.2")) == "1,200"
    for bad, code in (("0,5125", "weight.too_many_decimals"), ("abc", "weight.not_a_weight"),
                      ("0", "weight.out_of_range"), ("1000", "weight.out_of_range"),
                      ("nan", "weight.not_a_weight")):
        with pytest.raises(WeightError) as e:
            parse_weight(bad)
        assert e.value.code == code


def test_unknown_article_errors_are_one_kind():
    """A malformed code's error is an UnknownCode too: the screen treats them alike."""
    assert isinstance(classify("12345678901234567").error, UnknownCode)


# --- what a cashier types into the scan field (item 10) ----------------------------------------

def test_a_number_typed_before_a_scan_is_a_quantity_or_a_weight():
    from pos.scan_router import split_typed, typed_quantity
    assert typed_quantity("3") == Decimal(3)
    assert typed_quantity(" 0,512 ") == Decimal("0.512")
    assert typed_quantity("12") == 12 and typed_quantity("9999") == 9999
    for not_one in ("12345", "1,2345", "abc", "", "3*", ",5"):
        assert typed_quantity(not_one) is None, not_one
    assert split_typed("3*7350120020338") == (Decimal(3), "7350120020338")
    assert split_typed("0,512 * 101") == (Decimal("0.512"), "101")
    assert split_typed("2*troja") == (Decimal(2), "troja")
    assert split_typed("troja") == (None, "troja")
    assert split_typed("R-K1-000042") == (None, "R-K1-000042")


def test_words_are_told_from_codes():
    from pos.scan_router import is_words
    for words in ("troja", "kaffe mörk", "Skjorta", "tsh-bas"):
        assert is_words(words), words
    for code in ("12345", "7350120020338", "R-K1-000042", "CUST-10000001", "cart_01ABC",
                 "https://shop.example.se/products/x", "OCR:4000012345678", ""):
        assert not is_words(code), code


# --- a weighed line in the cart ---------------------------------------------------------------

def test_a_weighed_line_is_discounted_and_repriced_on_its_amount():
    from pos.cart import Cart, Discount
    from pos.catalog import Variant
    from pos.vat import VatRate
    candy = Variant("v", "LOS", "", "Lösgodis", 8990, VatRate.FOOD, plu="101", unit="kg")
    cart = Cart()
    line = cart.add(candy, Decimal("0.512"))
    assert line.gross == 4603 and line.quantity == 1
    cart.discount_line(line.line_id, Discount(percent=Decimal(10), approved_by="maja"))
    (lt,) = cart.totals().lines
    assert (lt.discount, lt.total) == (460, 4143)  # 10 % of 46,03 = 4,603 -> 4,60
    cart.override_price(line.line_id, 7990, approved_by="maja")  # 79,90 kr/kg
    (lt,) = cart.totals().lines
    assert lt.line.gross == 4091 and lt.line.original_price == 8990  # 40,9088 -> 40,91
    again = Cart.from_dict(cart.to_dict())
    assert again.lines == cart.lines and again.totals().total == cart.totals().total
    cart.add(candy, Decimal("0.512"))  # never merged with the first
    assert len(cart.lines) == 2 and cart.totals().item_count == 2


def test_the_customer_sees_a_weighed_lines_weight():
    from pos.cart import Cart
    from pos.catalog import Variant
    from pos.display import display_lines
    from pos.vat import VatRate
    cart = Cart()
    cart.add(Variant("v", "LOS", "", "Lösgodis", 8990, VatRate.FOOD, plu="101", unit="kg"),
             Decimal("0.512"))
    (shown,) = display_lines(cart.totals())
    assert (shown.name, shown.quantity, shown.amount) == ("Lösgodis, 0,512 kg", 1, 4603)
