"""Returns and exchanges (issue 11) on the in-memory unit of work: what a return gives back, to
which payments, and that no sequence of partial returns ever gives back more than was paid."""
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos.cart import ApprovalRequired, Discount
from pos.catalog import Variant
from pos.gtin import with_check_digit
from pos.journal import Kind
from pos.ports import CommerceUnavailable
from pos.returns import (PaidTender, PurchasedLine, ReturnError, ReturnRules, paid_share,
                         plan_refund)
from pos.services import payments, returns, selling, shifts
from pos.services.context import TillConfig
from pos.sync.return_events import RETURN_KIND
from pos.vat import VatRate, vat_breakdown
from tests.fakes.register import open_register, stocked_uow

JEANS = Variant("v-jeans", "JNS-1", with_check_digit("735000000011"), "Jeans Slim 32/32", 79900,
                VatRate.STANDARD)
COFFEE = Variant("v-kaffe", "KAF-1", with_check_digit("735000000012"), "Kaffe 450 g", 5990,
                 VatRate.FOOD)
BOOK = Variant("v-bok", "BOK-1", with_check_digit("735000000013"), "Bok: Hemsöborna", 12950,
               VatRate.REDUCED)
SOCKS = Variant("v-sock", "SCK-1", with_check_digit("735000000014"), "Strumpor 3-pack", 9900,
                VatRate.STANDARD)
ARTICLES = (JEANS, COFFEE, BOOK, SOCKS)


def line(total: int, quantity: int, returned: int = 0) -> PurchasedLine:
    return PurchasedLine("1", "v", "S", "", "Jeans", quantity, total, VatRate.STANDARD, returned)


def test_each_unit_gives_back_its_share_and_the_steps_add_up_to_what_was_paid():
    # 3 units for 100,00 kr after discounts: 33,33 + 33,33 + 33,34, never 3 x 33,33 short
    assert [line(10000, 3, r).refund_for(1) for r in range(3)] == [3333, 3333, 3334]
    assert line(10000, 3).refund_for(2) == 6666
    assert line(10000, 3, 2).refund_for(1) == 3334
    assert line(79901, 7, 3).refund_for(4) == 79901 - paid_share(79901, 7, 3) == 45658
    with pytest.raises(ReturnError, match=r"at most 1 can be returned \(bought 3, returned 2\)"):
        line(10000, 3, 2).refund_for(2)
    with pytest.raises(ReturnError, match="at least one"):
        line(10000, 3).refund_for(0)
    with pytest.raises(ReturnError, match="at least one"):
        line(10000, 3).refund_for(-1)


def test_a_refund_goes_to_the_card_first_and_the_rest_in_cash_rounded():
    card = PaidTender("card", "Kort", 12345, 0, "SIMTX1@t")
    cash = PaidTender("cash", "Kontant", 20000)
    plan = plan_refund(15037, [cash, card])
    assert [(p.method_id, p.amount, p.reference) for p in plan.parts] == [
        ("card", 12345, "SIMTX1@t"), ("cash", 2700, "")]
    assert plan.rounding == 8  # 26,92 kr paid out as 27 kr
    assert [(p.method_id, p.amount) for p in plan_refund(15037, [cash, card], False).parts] == [
        ("cash", 15000)]
    # a card refunded 10 000 already can take 2 345 more
    plan = plan_refund(3349, [PaidTender("card", "Kort", 12345, 10000, "r"),
                              PaidTender("cash", "Kontant", 1100)])
    assert [(p.method_id, p.amount) for p in plan.parts] == [("card", 2345), ("cash", 1000)]
    # cash instead of a card's 798,99: 798 kr, not 799 (more than the purchase took)
    assert plan_refund(79899, [PaidTender("card", "Kort", 79899, 0, "r")], False
                       ).parts[0].amount == 79800


def test_rounding_never_gives_back_more_than_the_purchase_took():
    # 100,50 kr goods paid 101 kr cash; returned in three steps of 33,50: 34 + 34 would be
    # 68, the third rounds down to 33 so that 101 is never exceeded
    cash = PaidTender("cash", "Kontant", 10100, 6800)
    assert plan_refund(3350, [cash]).parts[0].amount == 3300
    assert plan_refund(3350, [PaidTender("cash", "Kontant", 10100, 0)]).parts[0].amount == 3400


def test_the_store_policy_reads_its_reasons_from_the_config():
    rules = ReturnRules.from_config({"reasons": [{"id": "fel", "label": "Fel vara"},
                                                 {"id": "trasig", "label": "Trasig",
                                                  "restock": False}],
                                     "cash_instead": False})
    assert [(r.id, r.restock) for r in rules.reasons] == [("fel", True), ("trasig", False)]
    assert not rules.cash_instead
    with pytest.raises(ReturnError, match="no return reason ångrat"):
        rules.reason("ångrat")


# --- the flow on a register --------------------------------------------------------------------


@pytest.fixture
def uow():
    return stocked_uow(ARTICLES)


def sell(ctx, items, card=None, line_off=None, sale_off=None):
    for variant, qty in items:
        selling.add(ctx, variant, qty)
    for line_id, pct in (line_off or {}).items():
        selling.discount_line(ctx, line_id, Discount(percent=Decimal(pct)))
    if sale_off:
        selling.discount_cart(ctx, Discount(percent=Decimal(sale_off)))
    payments.start_payment(ctx)
    if card:
        view = payments.pay_card(ctx, card)
        if view.sale:
            return view.sale
    return payments.pay_cash(ctx, payments.payment_view(ctx).cash_due).sale


def give_back(ctx, uow, code, picks, records=None, to_original=True):
    purchase = returns.find_purchase(records, uow, code, "store-gbg")
    returns.return_lines(ctx, purchase, [returns.ReturnPick(*p) for p in picks])
    return returns.refund(ctx, to_original).sale


def test_a_card_sale_partly_returned_twice_then_refused(uow):
    ctx = open_register(uow)
    sale = sell(ctx, [(JEANS, 3), (COFFEE, 2)], card=None, line_off={1: 10})
    # 3 jeans at 799,00 less 10 % = 2 157,30; coffee 119,80: 2 277,10 paid in cash as 2 277
    assert sale.total == 227710 and sale.paid == 227700
    first = give_back(ctx, uow, sale.receipt_code, [("1", 1, "wrong_size")])
    assert first.is_return and first.total == -71910 and first.paid == -71900
    assert first.lines[0].returned_from.code == sale.receipt_code
    second = give_back(ctx, uow, sale.receipt_code, [("1", 1, "changed_mind"), ("2", 2, "defect")])
    assert second.total == -(71910 + 11980)
    with pytest.raises(ReturnError, match="at most 1 can be returned"):
        give_back(ctx, uow, sale.receipt_code, [("1", 2, "wrong_size")])
    ctx.state.cart.clear()
    purchase = returns.find_purchase(None, uow, sale.receipt_code, "store-gbg")
    assert [(ln.key, ln.returnable) for ln in purchase.lines] == [("1", 1), ("2", 0)]
    assert not purchase.verified  # the central store was not asked: marked for review
    with uow:
        kinds = [e.kind for e in uow.journal.entries("K1")]
    assert kinds.count(Kind.RETURN) == 2 and kinds.count(Kind.SALE) == 1
    assert second.lines[1].returned_from.restock is False  # a defect is written off
    queued = [(kind, p) for kind, p in uow.data.outbox.values() if kind == RETURN_KIND]
    assert [[(ln["line_key"], ln["units"], ln["restock"]) for ln in p["lines"]]
            for _, p in queued] == [[("1", 1, True)], [("1", 1, True), ("2", 2, False)]]
    assert all(p["sale_id"] == sale.id and p["location_id"] == "store-gbg" for _, p in queued)


def test_a_card_payment_is_refunded_on_the_terminal_by_its_reference(uow):
    ctx = open_register(uow)
    sale = sell(ctx, [(BOOK, 1), (SOCKS, 2)], card=20000)  # 327,50: 200 card, 127,50 cash
    assert [(t.method.id, t.amount) for t in sale.tenders] == [("card", 20000), ("cash", 12800)]
    back = give_back(ctx, uow, sale.receipt_code, [("1", 1, "changed_mind"),
                                                   ("2", 1, "wrong_size")])
    terminal = ctx.devices.terminal
    assert back.total == -(12950 + 9900)
    # the card first, by its original reference; the rest (28,50) in cash, rounded to 29 kr
    # (within the 128 kr the sale took in cash)
    assert [(t.method.id, t.amount, t.refund_of) for t in back.tenders] == [
        ("card", -20000, sale.tenders[0].terminal_ref), ("cash", -2900, "")]
    assert terminal.refunded == [20000]
    assert back.rounding == -50
    report, _ = shifts.x_report(ctx)
    assert report.returns_count == 1 and report.returns_total == 22850
    assert dict(report.refunds) == {"card": 20000, "cash": 2900}
    assert [(v.rate, v.gross) for v in report.returns_vat] == [
        (VatRate.STANDARD, 9900), (VatRate.REDUCED, 12950)]
    assert report.tender_total("card") == 0 and report.tender_total("cash") == 12800 - 2900


def test_an_exchange_is_one_receipt_and_the_difference_is_paid(uow):
    ctx = open_register(uow)
    sale = sell(ctx, [(SOCKS, 1)])
    purchase = returns.find_purchase(None, uow, sale.receipt_code, "store-gbg")
    returns.return_lines(ctx, purchase, [returns.ReturnPick("1", 1, "wrong_size")])
    selling.add(ctx, BOOK, 1)
    view = payments.start_payment(ctx)
    assert view.total == 12950 - 9900
    done = payments.pay_cash(ctx, 5000).sale
    assert done.total == 3050 and done.change == 5000 - 3100 and not done.is_return
    assert [ln.is_return for ln in done.lines] == [True, False]
    report, _ = shifts.x_report(ctx)
    assert report.sales_count == 2 and report.returns_count == 1
    assert report.gross_sales == 9900 + 12950 and report.returns_total == 9900
    # the exchange's store order holds the book only; the socks go back as a return
    kinds = [kind for kind, _ in uow.data.outbox.values()]
    assert kinds.count(RETURN_KIND) == 1
    store_order = next(p for kind, p in uow.data.outbox.values() if kind == "store_order"
                       and p["sale_id"] == done.id)
    assert [ln["sku"] for ln in store_order["lines"]] == ["BOK-1"]


def test_return_lines_are_fixed_and_refused_above_what_is_left_with_nothing_changed(uow):
    ctx = open_register(uow)
    sale = sell(ctx, [(JEANS, 2)])
    purchase = returns.find_purchase(None, uow, sale.receipt_code, "store-gbg")
    returns.return_lines(ctx, purchase, [returns.ReturnPick("1", 1, "wrong_size")])
    with pytest.raises(ReturnError, match=r"at most 1 more can be returned \(bought 2, returned "
                                          r"before 0, 1 already on this sale\)"):
        returns.return_lines(ctx, purchase, [returns.ReturnPick("1", 2, "wrong_size")])
    assert len(ctx.state.cart.lines) == 1
    with pytest.raises(Exception, match="remove it and return it again"):
        selling.discount_line(ctx, 1, Discount(percent=Decimal(5)))
    with pytest.raises(Exception, match="remove it and return it again"):
        selling.set_quantity(ctx, 1, 2)
    with pytest.raises(Exception, match="remove it and return it again"):
        selling.set_quantity(ctx, 1, -3)


def test_offline_a_store_sale_is_returned_against_local_knowledge_a_web_order_not(uow):
    class Down:
        def find_purchase(self, code):
            raise CommerceUnavailable("connection refused")

    ctx = open_register(uow)
    sale = sell(ctx, [(COFFEE, 1)])
    purchase = returns.find_purchase(Down(), uow, sale.receipt_code, "store-gbg")
    assert not purchase.verified and purchase.lines[0].returnable == 1
    returns.return_lines(ctx, purchase, [returns.ReturnPick("1", 1, "changed_mind")])
    assert ctx.state.cart.lines[0].returned_from.review
    with pytest.raises(ReturnError, match="web order cannot be returned"):
        returns.find_purchase(Down(), uow, "1042", "store-gbg")
    with pytest.raises(ReturnError, match="R-K2-000099 was not sold here, and the central"):
        returns.find_purchase(Down(), uow, "R-K2-000099", "store-gbg")

    class Knows:
        def find_purchase(self, code):
            return None
    with pytest.raises(ReturnError, match="No purchase found for R-K1-000099"):
        returns.find_purchase(Knows(), uow, "R-K1-000099", "store-gbg")
    # what is no web order is not found, whether the central store answers or not
    for code in ("garbage", "NR-701B0B9688"):
        for records in (None, Down(), Knows()):
            with pytest.raises(ReturnError, match=f"No purchase found for {code}"):
                returns.find_purchase(records, uow, code, "store-gbg")
    with pytest.raises(ReturnError, match="No central store is configured here: the web order "
                                          "#1042 cannot be looked up"):
        returns.find_purchase(None, uow, "#1042", "store-gbg")


def test_no_receipt_needs_a_manager_and_gives_back_the_current_price_in_cash(uow):
    ctx = open_register(uow)
    selling.add(ctx, BOOK, 1)
    payments.start_payment(ctx)
    with pytest.raises(Exception, match="Payment has started"):  # before a manager is called
        returns.return_without_receipt(ctx, SOCKS, 2, "changed_mind")
    payments.cancel_payment(ctx)
    selling.void_sale(ctx)
    with pytest.raises(ApprovalRequired):
        returns.return_without_receipt(ctx, SOCKS, 2, "changed_mind")
    from pos.staff import AuthError
    with pytest.raises(AuthError):
        returns.return_without_receipt(ctx, SOCKS, 2, "changed_mind", approver_pin="1234")
    returns.return_without_receipt(ctx, SOCKS, 2, "changed_mind", approver_pin="9999")
    plan = returns.refund_plan(ctx)
    assert [(p.method_id, p.amount) for p in plan.parts] == [("cash", 19800)]
    done = returns.refund(ctx).sale
    assert done.total == -19800 and done.lines[0].returned_from.approved_by == "maja"


def test_cash_instead_of_the_card_when_the_policy_allows_it(uow):
    ctx = open_register(uow, config=TillConfig(card_status_interval=0,
                                               returns=ReturnRules(cash_instead=False)))
    sale = sell(ctx, [(SOCKS, 1)], card=9900)
    purchase = returns.find_purchase(None, uow, sale.receipt_code, "store-gbg")
    returns.return_lines(ctx, purchase, [returns.ReturnPick("1", 1, "changed_mind")])
    with pytest.raises(ReturnError, match="refunds to the original payment"):
        returns.refund(ctx, to_original=False)
    assert returns.refund(ctx).sale.tenders[0].method.id == "card"


# --- any sale, any returns, in any steps ---------------------------------------------------------


items = st.lists(st.tuples(st.sampled_from(ARTICLES), st.integers(1, 4)), min_size=1, max_size=4,
                 unique_by=lambda t: t[0].id)


@settings(max_examples=35, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=items, line_pct=st.lists(st.integers(0, 10), min_size=4, max_size=4),
       sale_pct=st.integers(0, 10), card_share=st.integers(0, 100),
       steps=st.lists(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 4)), min_size=1,
                               max_size=3), min_size=1, max_size=5),
       to_original=st.booleans())
def test_returns_in_any_steps_never_give_back_more_than_was_paid(items, line_pct, sale_pct,
                                                                 card_share, steps, to_original):
    uow = stocked_uow(ARTICLES)
    ctx = open_register(uow)
    off = {i + 1: p for i, p in enumerate(line_pct[:len(items)]) if p}
    for variant, qty in items:
        selling.add(ctx, variant, qty)
    for line_id, pct in off.items():
        selling.discount_line(ctx, line_id, Discount(percent=Decimal(pct)))
    if sale_pct:
        selling.discount_cart(ctx, Discount(percent=Decimal(sale_pct)))
    view = payments.start_payment(ctx)
    card = view.total * card_share // 100
    sale = None
    if card:
        sale = payments.pay_card(ctx, card).sale
    if sale is None:
        sale = payments.pay_cash(ctx, payments.payment_view(ctx).cash_due).sale
    paid_by = {}
    for t in sale.tenders:
        paid_by[t.method.id] = paid_by.get(t.method.id, 0) + t.amount

    refunded_lines = {str(i): 0 for i in range(1, len(sale.lines) + 1)}
    returned_units = {str(i): 0 for i in range(1, len(sale.lines) + 1)}
    given_back = {}
    vat_back = {}
    for step in steps:
        picks = {}
        for idx, units in step:
            key = str(idx % len(sale.lines) + 1)
            picks[key] = units
        purchase = returns.find_purchase(None, uow, sale.receipt_code, "store-gbg")
        left = {ln.key: ln.returnable for ln in purchase.lines}
        wanted = [returns.ReturnPick(k, u, "changed_mind") for k, u in picks.items()]
        if any(u > left[k] for k, u in picks.items()):
            with pytest.raises(ReturnError):
                returns.return_lines(ctx, purchase, wanted)
            assert ctx.state.cart.is_empty  # all or nothing
            continue
        returns.return_lines(ctx, purchase, wanted)
        back = returns.refund(ctx, to_original).sale
        for ln in back.return_lines:
            refunded_lines[ln.returned_from.line_key] -= ln.total
            returned_units[ln.returned_from.line_key] += ln.returned_from.units
        for t in back.tenders:
            given_back[t.method.id] = given_back.get(t.method.id, 0) - t.amount
        for v in back.vat:
            vat_back[v.rate] = vat_back.get(v.rate, 0) - v.gross
        assert sum(v.gross for v in back.vat) == back.total  # each receipt's VAT adds up
        assert back.tenders and back.paid == sum(t.amount for t in back.tenders)

    for i, ln in enumerate(sale.lines, 1):
        key = str(i)
        assert 0 <= refunded_lines[key] <= ln.total
        if returned_units[key] == ln.quantity:
            assert refunded_lines[key] == ln.total
    assert sum(given_back.values()) <= sale.paid
    assert given_back.get("card", 0) <= paid_by.get("card", 0)
    original = {v.rate: v.gross for v in sale.vat}
    for rate, gross in vat_back.items():
        assert gross <= original.get(rate, 0)
    if all(returned_units[k] == ln.quantity for k, ln in zip(refunded_lines, sale.lines)):
        assert vat_back == original
        assert sum(refunded_lines.values()) == sale.total
    # VAT per rate of what came back, worked out as for a sale
    expected = vat_breakdown((ln.vat_rate, refunded_lines[str(i)])
                             for i, ln in enumerate(sale.lines, 1) if refunded_lines[str(i)])
    assert {v.rate: v.gross for v in expected} == {r: g for r, g in vat_back.items() if g}


def test_a_customers_purchases_newest_first_with_this_stores_sales_when_offline(uow):
    from pos.commerce import CustomerRef
    from pos.services import customers  # noqa: F401  (the sale's customer is set below)

    ctx = open_register(uow)
    anna = CustomerRef("cus_anna", "anna@example.se", "Anna", "Berg", "")
    ctx.state.cart.set_customer(anna)
    first = sell(ctx, [(SOCKS, 1)])
    ctx.state.cart.set_customer(anna)
    second = sell(ctx, [(BOOK, 1)])
    sell(ctx, [(COFFEE, 1)])  # someone else's

    class Down:
        def purchases_of_customer(self, customer_id, limit=20):
            raise CommerceUnavailable("connection refused")
    found = returns.purchases_of_customer(Down(), uow, "cus_anna", "store-gbg")
    assert [p.code for p in found] == [second.receipt_code, first.receipt_code]
    assert not any(p.verified for p in found)


def test_voiding_an_empty_sale_is_refused_and_not_counted(uow):
    ctx = open_register(uow)
    with pytest.raises(Exception, match="There is no sale to void"):
        selling.void_sale(ctx)
    report, _ = shifts.x_report(ctx)
    assert report.voids == 0
