"""Amounts in major units leave the till as exact JSON numbers, never through a float."""
import json
from decimal import Decimal

import pytest

from pos.json_numbers import dumps, loads


def test_a_decimal_is_written_as_the_number_it_is():
    assert dumps({"amount": Decimal("199.50")}) == '{"amount": 199.50}'
    assert dumps(Decimal("0.07")) == "0.07"  # 0.07 has no exact float
    assert dumps(Decimal("199.95")) == "199.95"


def test_nested_lists_dicts_and_tuples_negatives_and_exponents():
    body = {"items": [{"unit_price": Decimal("198.6666666666666666666666667"), "quantity": 3},
                      (Decimal("-12.30"), Decimal("1E+2"), Decimal("-0.001"))],
            "name": "Tröja ö", "paid": True, "note": None}
    text = dumps(body)
    assert text == ('{"items": [{"unit_price": 198.6666666666666666666666667, "quantity": 3}, '
                    '[-12.30, 100, -0.001]], "name": "Tröja ö", "paid": true, "note": null}')
    back = loads(text)
    assert back["items"][0]["unit_price"] == Decimal("198.6666666666666666666666667")
    assert back["items"][1] == [Decimal("-12.30"), 100, Decimal("-0.001")]
    assert json.loads(text)["name"] == "Tröja ö"  # plain JSON for anyone else


def test_loads_gives_decimals_not_floats():
    assert loads('{"a": 125.50, "b": 3}') == {"a": Decimal("125.50"), "b": 3}
    assert isinstance(loads("0.1"), Decimal)


def test_a_float_is_refused_unless_the_caller_allows_it():
    with pytest.raises(TypeError, match="Decimal"):
        dumps({"x": 1.5})
    with pytest.raises(TypeError):
        dumps([Decimal("1"), 0.1])
    assert dumps({"total": 199.5}, allow_float=True) == '{"total": 199.5}'


def test_what_is_not_a_number_is_refused():
    with pytest.raises(ValueError):
        dumps({"x": Decimal("NaN")})
    with pytest.raises(ValueError):
        dumps(Decimal("Infinity"))
    with pytest.raises(TypeError):
        dumps({"when": object()})


def test_a_string_that_looks_like_the_mark_stays_a_string_or_is_refused():
    assert dumps("DEC:12") == '"DEC:12"'
    with pytest.raises(ValueError):
        dumps("\u0000DEC:12")
