import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.gtin import GtinError, check_digit, parse_gtin, with_check_digit
from pos.vat import VatRate, vat_breakdown, vat_included


def test_vat_included_in_125_kronor_at_25_percent_is_25_kronor():
    assert vat_included(12500, VatRate.STANDARD) == 2500
    assert vat_included(11200, VatRate.FOOD) == 1200
    assert vat_included(10600, VatRate.REDUCED) == 600
    assert vat_included(10000, VatRate.ZERO) == 0


def test_breakdown_groups_by_rate_highest_first_and_skips_zero_sums():
    lines = vat_breakdown([(VatRate.FOOD, 3000), (VatRate.STANDARD, 10000),
                           (VatRate.FOOD, 1000), (VatRate.REDUCED, 500), (VatRate.REDUCED, -500)])
    assert [v.rate for v in lines] == [VatRate.STANDARD, VatRate.FOOD]
    assert lines[1].gross == 4000 and lines[1].vat == vat_included(4000, VatRate.FOOD)


@given(st.lists(st.tuples(st.sampled_from(list(VatRate)), st.integers(0, 10**7)), max_size=40))
def test_breakdown_always_adds_up_to_the_total(items):
    lines = vat_breakdown(items)
    assert sum(v.gross for v in lines) == sum(a for _, a in items)
    for v in lines:
        assert v.net + v.vat == v.gross
        assert 0 <= v.vat <= v.gross


def test_rate_from_percent():
    assert VatRate.from_percent("12") is VatRate.FOOD
    assert VatRate.from_percent(25) is VatRate.STANDARD
    with pytest.raises(ValueError):
        VatRate.from_percent(19)


@pytest.mark.parametrize("code, kind", [("73513537", "EAN-8"), ("036000291452", "UPC-A"),
                                        ("7310865004703", "EAN-13"), ("17350053850252", "GTIN-14")])
def test_valid_gtins_of_every_length(code, kind):
    assert parse_gtin(code).kind == kind


def test_wrong_check_digit_names_the_right_one():
    with pytest.raises(GtinError, match=r"wrong check digit \(4, should be 3\)"):
        parse_gtin("7310865004704")


@pytest.mark.parametrize("code, message", [("12345", "has 5 digits"), ("73108650047O3", "digits only")])
def test_malformed_codes_are_refused_with_a_message(code, message):
    with pytest.raises(GtinError, match=message):
        parse_gtin(code)


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_with_check_digit_always_validates_and_any_other_digit_fails(body):
    good = with_check_digit(body)
    assert parse_gtin(good).code == good
    wrong = body + str((check_digit(body) + 1) % 10)
    with pytest.raises(GtinError):
        parse_gtin(wrong)


def test_upc_a_and_ean13_of_the_same_article_share_a_gtin14():
    assert parse_gtin("036000291452").gtin14 == parse_gtin("0036000291452").gtin14
