from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.money import (MoneyError, format_kronor, from_major, parse_kronor, percent_of,
                       round_to_krona)


@pytest.mark.parametrize("text, ore", [("12", 1200), ("12,50", 1250), ("12.5", 1250),
                                       ("1 299,00", 129900), ("0,01", 1), ("-3", -300),
                                       ("15 kr", 1500)])
def test_parse_kronor_accepts_what_people_type(text, ore):
    assert parse_kronor(text) == ore


@pytest.mark.parametrize("text", ["", "abc", "1,234", "NaN", "inf", "1.2.3"])
def test_parse_kronor_refuses_with_a_message(text):
    with pytest.raises(MoneyError):
        parse_kronor(text)


def test_format_kronor_groups_thousands_and_keeps_ore():
    assert format_kronor(129950) == "1 299,50"
    assert format_kronor(-5) == "-0,05"
    assert format_kronor(100, symbol=True) == "1,00 kr"


@pytest.mark.parametrize("ore, rounded", [(1049, 1000), (1050, 1100), (1099, 1100), (1000, 1000),
                                          (-1050, -1100), (49, 0), (50, 100)])
def test_cash_rounding_to_whole_kronor_half_up(ore, rounded):
    assert round_to_krona(ore) == rounded


@given(st.integers(min_value=-10**9, max_value=10**9))
def test_cash_rounding_moves_at_most_50_ore_and_lands_on_kronor(ore):
    r = round_to_krona(ore)
    assert r % 100 == 0
    assert abs(r - ore) <= 50


@given(st.integers(min_value=0, max_value=10**9), st.decimals(min_value=0, max_value=100, places=2))
def test_percent_of_is_within_half_an_ore_of_exact(amount, pct):
    exact = Decimal(amount) * pct / 100
    assert abs(Decimal(percent_of(amount, pct)) - exact) <= Decimal("0.5")


def test_from_major_never_trusts_float_noise():
    assert from_major("199.00") == 19900
    assert from_major(0.1 + 0.2) == 30  # repr rounds binary noise to the 0.30000000000000004 text
    assert from_major(Decimal("12.345")) == 1235
    with pytest.raises(MoneyError):
        from_major("twelve")
    with pytest.raises(MoneyError):
        from_major(True)
