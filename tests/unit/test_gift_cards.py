"""Gift card codes, amounts and refunds (``pos.gift_cards``, ``pos.returns.plan_refund``)."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from pos.gift_cards import (ALPHABET, Balance, GiftCardError, GiftCardRules, from_major, mask,
                            new_code, parse_code, to_major)
from pos.returns import PaidTender, plan_refund
from pos.scan_router import ScanKind, classify


def test_a_code_is_read_however_it_is_typed_and_any_one_wrong_character_is_caught():
    code = new_code("23456789ABC")
    assert code == parse_code(code) and len(code) == len("GC-XXXX-XXXX-XXXX")
    assert parse_code(code.lower().replace("-", " ")) == code
    assert parse_code(code.replace("GC-", "")) == code
    raw = code.replace("GC-", "").replace("-", "")
    for i in range(len(raw)):
        for ch in ALPHABET:
            if ch != raw[i]:
                assert parse_code(raw[:i] + ch + raw[i + 1:]) is None
    for i in range(len(raw) - 1):  # neighbours swapped
        if raw[i] != raw[i + 1]:
            assert parse_code(raw[:i] + raw[i + 1] + raw[i] + raw[i + 2:]) is None
    assert parse_code("GC-0000-0000-0000") is None  # 0 is not in the alphabet
    assert mask(code) == f"GC-****-****-{code[-4:]}"


def test_the_scan_router_knows_a_gift_card_and_a_mistyped_one():
    code = new_code()
    assert classify(code).kind is ScanKind.GIFT_CARD and classify(code).value == code
    wrong = code[:-1] + ("2" if code[-1] != "2" else "3")
    scan = classify(wrong)
    assert scan.kind is ScanKind.INVALID_REFERENCE and scan.error.code == "giftcard.invalid_code"


def test_amounts_to_and_from_the_central_stores_major_units_never_drift():
    assert to_major(33333) == Decimal("333.33")
    assert from_major(333.33) == 33333
    assert from_major("0.1") + from_major("0.2") == 30
    assert from_major(0.1 + 0.2) == 30  # 0.30000000000000004 kr is 30 öre
    assert from_major("123.455") == 12346  # half up


def test_the_store_sells_a_card_within_its_limits():
    rules = GiftCardRules(min_amount=5000, max_amount=500000, valid_days=365)
    rules.check_amount(5000)
    rules.check_amount(500000)
    for wrong in (4999, 500001, 0):
        with pytest.raises(GiftCardError):
            rules.check_amount(wrong)
    assert rules.expires(datetime(2026, 2, 28, 18, 0)) == date(2027, 2, 28)


def test_partial_use_takes_the_smaller_of_balance_and_due_and_refuses_expired_or_empty():
    card = Balance("GC-X", 33333, "2027-01-31")
    today = date(2026, 11, 30)
    assert card.usable(44596, today) == 33333
    assert card.usable(12345, today) == 12345
    with pytest.raises(GiftCardError) as e:
        card.usable(100, date(2027, 2, 1))
    assert e.value.code == "giftcard.expired"
    with pytest.raises(GiftCardError) as e:
        Balance("GC-X", 0).usable(100, today)
    assert e.value.code == "giftcard.empty"
    with pytest.raises(GiftCardError) as e:
        Balance("customer:cus_1", 0).usable(100, today)
    assert e.value.code == "storecredit.empty"


def test_a_refund_goes_back_to_the_gift_card_first_then_the_card_then_cash_in_whole_kronor():
    # bought for 447,77: 123,45 from a gift card, 200,00 by card, 124,32 in cash (rounded)
    tenders = [PaidTender("gift_card", "Presentkort", 12345, reference="GC-AAAA-BBBB-CCCC"),
               PaidTender("card", "Kort", 20000, reference="ref-1"),
               PaidTender("cash", "Kontant", 12400)]
    plan = plan_refund(33333, tenders)
    assert [(p.method_id, p.amount, p.reference) for p in plan.parts] == [
        ("gift_card", 12345, "GC-AAAA-BBBB-CCCC"), ("card", 20000, "ref-1"), ("cash", 1000, "")]
    assert plan.rounding == 1000 - 988
    # the card partly given back already: the rest of the refund to it, no more
    again = plan_refund(5001, [PaidTender("gift_card", "Presentkort", 12345, 10000, "GC-A")])
    assert [(p.method_id, p.amount) for p in again.parts] == [("gift_card", 2345),
                                                             ("cash", 0)]
