"""Money checked on values that do not come out even, against figures worked out by hand.

Examples that divide exactly (125,00 kr at 25 %, 10 % of 100,00) pass with truncation as well as
with rounding, and "the lines add up to the total" is true by construction when the total is
their sum: these pin the öre where a small mistake shows."""
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.cart import Cart, Discount
from pos.payment_methods import CASH
from pos.payments import Payment
from pos.vat import VatRate, vat_breakdown, vat_included
from tests.unit.helpers import variant


# gross öre, rate, VAT öre: gross * r / (100 + r), worked out by hand and rounded half up
@pytest.mark.parametrize("gross, rate, vat", [
    (5990, VatRate.FOOD, 642),        # 59,90 kr at 12 %: 6,4178... -> 6,42 (truncated: 6,41)
    (1999, VatRate.STANDARD, 400),    # 19,99 kr at 25 %: 3,998 -> 4,00 (truncated: 3,99)
    (1000, VatRate.REDUCED, 57),      # 10,00 kr at 6 %: 0,5660... -> 0,57 (truncated: 0,56)
    (12950, VatRate.REDUCED, 733),    # 129,50 kr at 6 %: 7,3301... -> 7,33
    (42, VatRate.FOOD, 5),            # 0,42 kr at 12 %: exactly 4,5 öre -> 5 (half up, not even)
    (14, VatRate.FOOD, 2),            # 0,14 kr at 12 %: exactly 1,5 öre -> 2
    (-5990, VatRate.FOOD, -642),      # a return: the same VAT, negative
])
def test_vat_is_rounded_to_the_nearest_ore_half_up(gross, rate, vat):
    assert vat_included(gross, rate) == vat


@given(st.integers(-10**8, 10**8), st.sampled_from(list(VatRate)))
def test_vat_is_the_exact_share_rounded_half_up(gross, rate):
    exact = Decimal(gross) * rate.percent / (100 + rate.percent)
    half_up = int(abs(exact).quantize(Decimal(1), rounding=ROUND_HALF_UP)) * (1 if exact >= 0 else -1)
    assert vat_included(gross, rate) == half_up


def test_a_breakdown_of_a_food_and_a_standard_line_rounds_each_rate():
    lines = vat_breakdown([(VatRate.FOOD, 5990), (VatRate.STANDARD, 1999)])
    assert [(v.rate, v.gross, v.vat, v.net) for v in lines] == [
        (VatRate.STANDARD, 1999, 400, 1599), (VatRate.FOOD, 5990, 642, 5348)]


def test_one_krona_off_three_articles_of_ten_kronor_totals_29_kronor():
    cart = Cart()
    for n in (1, 2, 3):
        cart.add(variant(n, price=1000))
    cart.discount_cart(Discount(amount=100))
    t = cart.totals()
    assert t.total == 2900 and t.discount == 100
    assert sorted(lt.total for lt in t.lines) == [966, 967, 967]  # 33,33... öre off each
    assert sum(lt.discount for lt in t.lines) == 100


def test_ten_percent_off_three_odd_prices_takes_exactly_ten_percent_of_the_sum():
    cart = Cart()
    for n, price in ((1, 1999), (2, 5990), (3, 12950)):  # 209,39 kr
        cart.add(variant(n, price=price))
    cart.discount_cart(Discount(percent=Decimal(10), approved_by="maja"))
    t = cart.totals()
    assert t.discount == 2094  # 20,939 -> 20,94
    assert t.total == 20939 - 2094
    # each line gives its share of 20,94, to within an öre of its exact share
    for lt, price in zip(t.lines, (1999, 5990, 12950)):
        assert abs(Decimal(lt.discount) - Decimal(2094) * price / 20939) < 1


prices = st.integers(min_value=1, max_value=500_000)


@given(st.lists(st.tuples(prices, st.sampled_from(list(VatRate)), st.integers(1, 9)),
                min_size=1, max_size=12),
       st.one_of(st.integers(1, 10**6).map(lambda a: Discount(amount=a, approved_by="m")),
                 st.decimals(min_value=Decimal("0.01"), max_value=100, places=2)
                 .map(lambda p: Discount(percent=p, approved_by="m"))))
def test_a_cart_discount_takes_what_it_says_and_each_line_its_share(items, discount):
    cart = Cart()
    for i, (price, rate, qty) in enumerate(items):
        cart.add(variant(i, price=price, rate=rate), qty)
    cart.discount_cart(discount)
    gross = sum(p * q for p, _, q in items)
    if discount.amount is not None:  # worked out here, not by the code under test
        off = min(gross, discount.amount)
    else:
        off = min(gross, int((Decimal(gross) * discount.percent / 100)
                             .quantize(Decimal(1), rounding=ROUND_HALF_UP)))
    t = cart.totals()
    assert t.total == gross - off
    for lt, (price, _, qty) in zip(t.lines, items):
        assert abs(Decimal(lt.discount) - Decimal(off) * price * qty / gross) < 1


def test_cash_for_59_90_is_60_kronor_and_the_change_from_100_is_40():
    payment = Payment(total=5990)
    tender = payment.add_cash(10000, CASH)
    assert (tender.amount, tender.received, tender.change) == (6000, 10000, 4000)
    assert payment.rounding == 10 and payment.change == 4000 and payment.complete


def test_cash_for_59_40_is_59_kronor_and_the_change_from_100_is_41():
    payment = Payment(total=5940)
    tender = payment.add_cash(10000, CASH)
    assert (tender.amount, tender.change, payment.rounding) == (5900, 4100, -40)


def test_a_shifts_report_sums_cash_rounding_up_and_down():
    from datetime import datetime

    from pos.payments import Tender
    from pos.sales import Sale, SaleLine
    from pos.shifts import ShiftCounters, ShiftInfo, build_report

    at = datetime(2026, 11, 23, 12, 0)

    def cash_sale(n: int, total: int, paid: int) -> Sale:
        line = SaleLine(variant_id=f"v{n}", sku=f"S{n}", ean="", name="Kaffe", quantity=1,
                        unit_price=total, original_price=None, discount=0, total=total,
                        vat_rate=VatRate.FOOD)
        return Sale(id=f"s{n}", register_id="K1", receipt_no=n, shift_id=1, cashier_id="kim",
                    cashier_name="Kim", completed_at=at, lines=(line,),
                    tenders=(Tender(CASH, paid, received=10000, change=10000 - paid),),
                    total=total, discount=0, rounding=paid - total)

    sales = [cash_sale(1, 5990, 6000), cash_sale(2, 5940, 5900)]  # +10 öre, -40 öre
    shift = ShiftInfo(1, "K1", "kim", at, 50000)
    report = build_report("X", shift, sales, [], ShiftCounters(), 0, at)
    assert report.rounding_total == -30
    assert report.gross_sales == 11930
    assert report.expected_cash == 50000 + 11900  # what the drawer took, not the goods' total
    assert [(v.gross, v.vat) for v in report.vat] == [(11930, 1278)]  # 1278,2... öre

    # the report adds up the VAT its receipts printed: three receipts of 10,05 kr at 12 % each
    # show 1,08 (1,0768 rounded), 3,24 in all, where 30,15 kr recomputed would give 3,23
    three = [cash_sale(n, 1005, 1000) for n in (3, 4, 5)]
    assert [v.vat for s in three for v in s.vat] == [108, 108, 108]
    report = build_report("Z", shift, three, [], ShiftCounters(), 0, at)
    assert [(v.gross, v.vat) for v in report.vat] == [(3015, 324)]
