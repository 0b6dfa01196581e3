import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.payment_methods import CARD, CASH
from pos.payments import Payment, PaymentError, Tender


def card(amount: int) -> Tender:
    return Tender(CARD, amount, attempt_id="a", auth_code="123456")


def test_cash_only_is_rounded_and_gives_change():
    p = Payment(total=10040)
    assert p.cash_due == 10000
    t = p.add_cash(20000)
    assert p.complete and p.rounding == -40 and t.change == 10000 and t.amount == 10000


def test_split_tender_rounds_only_the_cash_part():
    p = Payment(total=25075)
    p.add_provider_tender(card(15000))
    assert p.remaining == 10075 and p.cash_due == 10100
    t = p.add_cash(10100)
    assert p.complete and p.rounding == 25 and t.change == 0
    assert p.paid == p.total + p.rounding


def test_card_pays_to_the_ore_and_never_more_than_is_owed():
    p = Payment(total=9999)
    with pytest.raises(PaymentError, match="at most 99,99"):
        p.add_provider_tender(card(10000))
    p.add_provider_tender(card(9999))
    assert p.complete and p.rounding == 0


def test_part_cash_leaves_the_rest_exact():
    p = Payment(total=5050)
    p.add_cash(2000)
    assert not p.complete and p.remaining == 3050
    with pytest.raises(PaymentError):
        p.add_cash(0)


def test_a_remainder_below_50_ore_after_card_is_settled_as_rounding():
    p = Payment(total=10030)
    p.add_provider_tender(card(10000))
    assert p.close_with_rounding_only() and p.complete and p.rounding == -30


def test_paid_sale_refuses_more_tenders():
    p = Payment(total=100)
    p.add_cash(100)
    with pytest.raises(PaymentError, match="already paid"):
        p.add_cash(100)


@given(st.integers(1, 10**7), st.integers(0, 10**7), st.integers(0, 10**7))
def test_any_split_balances(total, card_part, extra_cash):
    p = Payment(total=total)
    card_part = min(card_part, total)
    if card_part:
        p.add_provider_tender(card(card_part))
    if not p.complete and not p.close_with_rounding_only():
        p.add_cash(p.cash_due + extra_cash)
    assert p.complete
    assert p.paid == p.total + p.rounding
    assert abs(p.rounding) <= 50
    cash = sum(t.amount for t in p.tenders if t.method == CASH)
    assert cash % 100 == 0 or p.rounding == 0
    assert Payment.from_dict(p.to_dict()).to_dict() == p.to_dict()
