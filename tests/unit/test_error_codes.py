"""Errors meant for a person carry a registered code and named parameters; their English text is
the registered template filled in (the screen's language comes from ui/i18n)."""
import pytest

from pos.cart import ApprovalRequired, Cart, CartError
from pos.errors import UserError, messages, placeholders
from pos.gtin import GtinError, parse_gtin
from tests.error_codes import ROOT, PACKAGES, raised_codes, registered, user_error_classes


def test_an_error_is_its_code_its_parameters_and_its_english_sentence():
    with pytest.raises(CartError) as e:
        Cart().set_quantity(1, 10000)
    assert e.value.code == "cart.quantity_too_large" and e.value.params == {"max": 9999}
    assert str(e.value) == "The quantity can be at most 9999"


def test_a_gtin_error_names_the_check_digit_it_should_have():
    with pytest.raises(GtinError) as e:
        parse_gtin("7350000000012")
    assert e.value.code == "gtin.wrong_check_digit"
    assert e.value.params == {"symbology": "EAN-13", "code": "7350000000012", "digit": "2",
                              "expected": 6}  # 7+3·3+5+1·3 = 24 → 6


def test_an_unregistered_code_or_a_missing_parameter_fails_at_once():
    with pytest.raises(ValueError, match="unknown error code"):
        CartError("cart.no_such_code")
    with pytest.raises(ValueError, match=r"needs \['max'\]"):
        CartError("cart.quantity_too_large")


def test_a_code_cannot_be_registered_twice_with_two_texts(monkeypatch):
    import pos.errors
    monkeypatch.setattr(pos.errors, "_MESSAGES", dict(pos.errors._MESSAGES))  # leave no trace
    messages({"test.twice": "Once {x}"})
    messages({"test.twice": "Once {x}"})  # the same text again is harmless (a reload)
    with pytest.raises(ValueError, match="twice"):
        messages({"test.twice": "Twice {x}"})


def test_an_approval_keeps_its_action_beside_its_code():
    e = ApprovalRequired("approval.discount_above", "cart_discount", percent=10)
    assert (e.code, e.action, str(e)) == ("approval.discount_above", "cart_discount",
                                          "A discount above 10 % needs a manager")


def test_every_code_raised_in_the_code_base_is_registered():
    """A code in a rarely taken branch would otherwise fail only when that branch runs."""
    known = registered()
    classes = user_error_classes()
    missing = [f"{path.relative_to(ROOT)}:{line} raises unregistered {code!r}"
               for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))
               for code, line in raised_codes(path, classes) if code not in known]
    assert not missing, "\n".join(missing)
    assert len(known) > 100


def test_the_check_sees_an_unregistered_code(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('raise CartError("cart.nope", x=1)\nraise ValueError("free text")\n')
    assert raised_codes(bad, {"CartError"}) == [("cart.nope", 1)]


def test_placeholders_are_the_named_fields_of_a_template():
    assert placeholders("{a} of {b}: {a}") == {"a", "b"}
    assert placeholders("no fields") == set()


def test_user_errors_are_still_the_exceptions_callers_catch():
    assert issubclass(CartError, ValueError) and issubclass(CartError, UserError)


def test_an_errors_code_cannot_be_overwritten_by_a_value_of_its_own():
    from pos.catalog import UnknownCode
    e = UnknownCode("1234567890128")
    assert (e.code, e.scanned, e.params) == ("catalog.unknown_code", "1234567890128",
                                             {"code": "1234567890128"})
    with pytest.raises(AttributeError):
        e.code = "1234567890128"  # type: ignore[misc]
