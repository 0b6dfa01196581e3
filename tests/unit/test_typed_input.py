"""What a person types that is not money, or not a code: refused with a coded message that says
what is wrong (a fresh user's findings: "1e3" closed the day as 1 000 kr, "OCR:abc" was called an
article code, "999999999*<EAN>" blamed the '*')."""
import pytest

from pos.money import MAX_TYPED_AMOUNT, MoneyError, parse_kronor
from pos.scan_router import ScanKind, classify


@pytest.mark.parametrize("text", ["1e3", "1E3", "2.5e2", "inf", "-inf", "Infinity", "nan", "NaN",
                                  "0x10", "1_000", "١٢", "12,5,0", "--5", "kr"])
def test_exponents_infinities_and_other_notations_are_not_amounts(text):
    with pytest.raises(MoneyError) as e:
        parse_kronor(text)
    assert e.value.code in ("money.not_an_amount", "money.empty")


@pytest.mark.parametrize("text", ["", "   ", " kr"])
def test_nothing_typed_asks_for_an_amount(text):
    with pytest.raises(MoneyError) as e:
        parse_kronor(text)
    assert e.value.code == "money.empty" and str(e.value) == "Enter an amount"


def test_more_than_two_decimals_is_refused():
    with pytest.raises(MoneyError) as e:
        parse_kronor("12,345")
    assert e.value.code == "money.too_many_decimals"


@pytest.mark.parametrize("text", ["99999999999999", "99999999999999999", "10000000,01",
                                  "-10000000,01"])
def test_absurd_amounts_are_refused_with_the_limit(text):
    with pytest.raises(MoneyError) as e:
        parse_kronor(text)
    assert e.value.code == "money.too_large"
    assert e.value.params["maximum"] == "10 000 000,00"


def test_a_smaller_limit_can_be_asked_for():
    assert parse_kronor("500", maximum=50000) == 50000
    with pytest.raises(MoneyError) as e:
        parse_kronor("500,01", maximum=50000)
    assert e.value.params["maximum"] == "500,00"


@pytest.mark.parametrize("text,ore", [("12", 1200), ("12,50", 1250), ("12.5", 1250),
                                      ("1 299,00", 129900), ("1\u00a0299,99 kr", 129999),
                                      (",5", 50), ("12,", 1200), ("-3,33", -333),
                                      ("+7", 700), ("10000000", MAX_TYPED_AMOUNT)])
def test_plain_amounts_still_parse(text, ore):
    assert parse_kronor(text) == ore


@pytest.mark.parametrize("text", ["OCR:", "OCR:abc", "ocr: 12a4", "OCR:-5"])
def test_an_ocr_prefix_without_digits_is_an_invalid_reference(text):
    scan = classify(text)
    assert scan.kind is ScanKind.INVALID_REFERENCE
    assert scan.error.code == "scan.ocr_not_digits"


@pytest.mark.parametrize("text,quantity", [("999999999*7350120017796", "999999999"),
                                           ("12345*101", "12345"), ("1,2345 * 101", "1,2345")])
def test_a_quantity_too_large_before_a_star_names_the_quantitys_limit(text, quantity):
    scan = classify(text)
    assert scan.error.code == "scan.quantity_too_large"
    assert scan.error.params["quantity"] == quantity
    assert "at most 9999" in str(scan.error)
