"""The local promotion engine on hand-computed cases (Medusa v2's semantics, see pos/promotions)."""
from datetime import datetime
from decimal import Decimal

import pytest

from pos.db.repositories import SyncStateRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.promotions import ApplicationMethod, PromoLine, Promotion, Rule, apply_promotions, pick_value, promotion_totals
from pos.vat import VatRate


def line(line_id, price, qty=1, rate=VatRate.STANDARD, **kw):
    return PromoLine(line_id=line_id, quantity=qty, unit_price=price, vat_rate=rate,
                     variant_id=f"v_{line_id}", sku=f"SKU-{line_id}", product_id=f"p_{line_id}",
                     **kw)


def promo(code, type_, target, value, allocation=None, max_quantity=None, target_rules=(),
          rules=(), automatic=False, incl=False, **kw):
    return Promotion(id=f"promo_{code}", code=code, is_automatic=automatic, is_tax_inclusive=incl,
                     rules=tuple(rules), application_method=ApplicationMethod(
                         type=type_, target_type=target, value=Decimal(value),
                         allocation=allocation, max_quantity=max_quantity, currency_code="sek",
                         target_rules=tuple(target_rules)), **kw)


HOST10 = promo("HOST10", "percentage", "order", 10, "across")


def totals(lines, promotions, codes=(), **ctx):
    adj = apply_promotions(lines, promotions, codes, **ctx)
    return promotion_totals(lines, adj), adj


def test_order_percentage_across_is_ten_percent_of_the_gross():
    # the same cart the central store answered with total 1796.40 and adjustments 119.76 + 39.92
    lines = [line(1, 49900, 3), line(2, 49900)]
    t, adj = totals(lines, [HOST10], ["host10"])
    assert (t.subtotal, t.discount, t.total) == (199600, 19960, 179640)
    assert [a.net for a in adj] == [Decimal("119.76"), Decimal("39.92")]  # net, as Medusa stores
    assert t.by_line == {1: 14970, 2: 4990}


def test_a_code_not_given_and_not_automatic_does_nothing():
    assert apply_promotions([line(1, 10000)], [HOST10], []) == []


def test_each_without_max_quantity_discounts_one_unit_as_medusa_does():
    p = promo("P20", "percentage", "items", 20, "each", automatic=True)
    t, _ = totals([line(1, 10000, qty=3)], [p])
    assert t.discount == 2000  # 20 % of one unit


def test_each_with_max_quantity_and_fixed_net_value():
    # 40 kr net off per unit on a 25 % article is 50 kr off the shelf price, at most 3 units
    p = promo("F40", "fixed", "items", 40, "each", max_quantity=3)
    t, _ = totals([line(1, 19900, qty=4)], [p], ["F40"])
    assert t.discount == 3 * 5000
    # a fixed value never takes more than the units it may touch
    t, _ = totals([line(1, 3000, qty=4)], [p], ["F40"])
    assert t.discount == 3 * 3000


def test_tax_inclusive_fixed_value_is_what_the_customer_saves():
    p = promo("I30", "fixed", "items", 30, "each", max_quantity=1, incl=True)
    t, adj = totals([line(1, 19900, qty=2, rate=VatRate.FOOD)], [p], ["I30"])
    assert t.discount == 3000 and adj[0].is_tax_inclusive
    assert adj[0].net == Decimal(30)


def test_fixed_order_value_is_split_in_proportion_to_the_lines():
    p = promo("F150", "fixed", "order", 150, "across")
    t, _ = totals([line(1, 10000), line(2, 20000)], [p], ["F150"])
    # 150 kr net over 80 + 160 kr net: 50 + 100 net, i.e. 62.50 + 125.00 with 25 % VAT
    assert t.by_line == {1: 6250, 2: 12500} and t.total == 30000 - 18750


def test_promotions_apply_highest_value_first_each_on_what_is_left():
    p20 = promo("P20", "percentage", "order", 20, "across")
    t, adj = totals([line(1, 10000)], [HOST10, p20], ["HOST10", "P20"])
    assert [a.code for a in adj] == ["P20", "HOST10"]
    assert t.discount == 2000 + 800  # 20 %, then 10 % of the remaining 80 %


def test_target_rules_choose_the_lines():
    rule = Rule("items.product.categories.id", "in", ("cat_shoes",))
    p = promo("SKOR", "percentage", "items", 50, "across", target_rules=[rule], automatic=True)
    lines = [line(1, 10000, category_ids=("cat_shoes", "cat_sale")), line(2, 10000)]
    t, _ = totals(lines, [p])
    assert t.by_line == {1: 5000, 2: 0}
    sku_rule = Rule("items.variant_sku", "eq", ("SKU-2",))
    p2 = promo("SKU", "percentage", "items", 50, "across", target_rules=[sku_rule], automatic=True)
    assert totals(lines, [p2])[0].by_line == {1: 0, 2: 5000}
    ne_rule = Rule("items.product.categories.id", "ne", ("cat_shoes",))
    p3 = promo("NE", "percentage", "items", 50, "across", target_rules=[ne_rule], automatic=True)
    assert totals(lines, [p3])[0].by_line == {1: 0, 2: 5000}


def test_order_rules_currency_dates_and_status():
    only = Rule("email", "eq", ("vip@example.se",))
    p = promo("VIP", "percentage", "order", 10, "across", rules=[only], automatic=True)
    lines = [line(1, 10000)]
    assert apply_promotions(lines, [p]) == []
    assert totals(lines, [p], email="vip@example.se")[0].discount == 1000
    assert apply_promotions(lines, [HOST10], ["HOST10"], currency_code="eur") == []
    old = promo("OLD", "percentage", "order", 10, "across", automatic=True,
                ends_at=datetime(2025, 1, 1))
    assert apply_promotions(lines, [old], now=datetime(2026, 11, 23)) == []
    draft = promo("DRAFT", "percentage", "order", 10, "across", automatic=True, status="draft")
    assert apply_promotions(lines, [draft]) == []
    used_up = promo("ONE", "percentage", "order", 10, "across", automatic=True, limit=1, used=1)
    assert apply_promotions(lines, [used_up]) == []


def test_the_total_is_the_exact_total_rounded_half_up_and_the_parts_add_up():
    # 5 % of 3 x 17 990 öre twice-discounted ends in half an öre: the customer pays the total
    # rounded up (as Medusa's cart total shows), the discount is what is left
    p5 = promo("P5", "percentage", "order", 5, "across", automatic=True)
    lines = [line(1, 179900, qty=3)]
    t, adj = totals(lines, [HOST10, p5], ["HOST10"])
    exact = sum(a.exact for a in adj)
    assert exact == Decimal("78256.5")
    assert (t.discount, t.total) == (78256, 461444)
    lines = [line(i, 1245 + i, rate=VatRate.FOOD) for i in range(7)]
    t, adj = totals(lines, [promo("P7", "percentage", "order", 7, "across", automatic=True)])
    assert t.discount == sum(a.amount for a in adj) == sum(t.by_line.values())
    assert abs(Decimal(t.discount) - sum(a.exact for a in adj)) <= Decimal("0.5")


def test_once_allocation_takes_the_cheapest_units_first():
    p = promo("ONCE", "fixed", "items", 10, "once", max_quantity=3)
    lines = [line(1, 50000, qty=2), line(2, 10000, qty=2)]
    t, _ = totals(lines, [p], ["ONCE"])
    assert t.by_line == {1: 1250, 2: 2500}  # 2 units of the cheap line, then 1 of the other


def test_promotion_from_medusa_and_rule_paths():
    p = Promotion.from_medusa({
        "id": "promo_1", "code": "X", "is_automatic": False, "is_tax_inclusive": False,
        "type": "standard", "status": "active", "limit": None, "used": 0,
        "rules": [{"attribute": "email", "operator": "eq", "values": [{"value": "a@b"}]}],
        "campaign": {"starts_at": "2026-01-01T00:00:00.000Z", "ends_at": None},
        "application_method": {"type": "fixed", "target_type": "items", "allocation": "each",
                               "max_quantity": 2, "currency_code": "sek", "value": 12.5,
                               "raw_value": {"value": "12.5", "precision": 20},
                               "target_rules": [{"attribute": "items.product.id", "operator": "in",
                                                 "values": [{"value": "p1"}, {"value": "p2"}]}]}})
    assert p.application_method.value == Decimal("12.5") and p.application_method.max_quantity == 2
    assert p.rules[0].values == ("a@b",) and p.starts_at == datetime(2026, 1, 1)
    assert p.application_method.target_rules[0].values == ("p1", "p2")
    ctx = {"items": [{"product": {"categories": [{"id": "a"}, {"id": "b"}]}},
                     {"product": {"categories": [{"id": "c"}]}}]}
    assert pick_value("items.product.categories.id", ctx) == ["a", "b", "c"]


def test_a_fixed_value_split_in_thirds_still_ends_on_the_half_ore_medusa_rounds_up():
    # parity cart 44: 150 kr net over three lines plus 5 %: the exact total is 1 859.625 kr,
    # the 40-digit shares sum to a hair above it; Medusa's cart total shows 1 859.63
    f150 = promo("F150", "fixed", "order", 150, "across")
    p5 = promo("P5", "percentage", "order", 5, "across", automatic=True)
    lines = [line(1, 39900), line(2, 49900, qty=3), line(3, 24900)]
    t, _ = totals(lines, [f150, p5], ["F150"])
    assert (t.total, t.discount) == (185963, 28537)


def test_promotions_round_trip_through_the_local_store(session_factory):
    from pos.sync.promotion_sync import load_promotions, sync_promotions

    only = Rule("email", "eq", ("vip@example.se",))
    cat = Rule("items.product.categories.id", "in", ("c1", "c2"))
    promos = [HOST10,
              promo("F40", "fixed", "items", "40.5", "each", max_quantity=3, target_rules=[cat],
                    rules=[only], automatic=True, incl=True, starts_at=datetime(2026, 1, 1),
                    ends_at=datetime(2027, 12, 31, 23, 59, 59), limit=100, used=3)]
    with session_factory() as s:
        assert load_promotions(SyncStateRepository(s)) == []
    assert sync_promotions(SqlUnitOfWork(session_factory), lambda: promos) == 2
    with session_factory() as s:
        assert load_promotions(SyncStateRepository(s)) == promos
    assert sync_promotions(SqlUnitOfWork(session_factory), lambda: promos[:1]) == 1  # replaced, not added to
    with session_factory() as s:
        assert load_promotions(SyncStateRepository(s)) == promos[:1]


def test_many_proportional_parts_still_end_on_the_exact_half_ore():
    # like parity cart 32: 150 kr split over four lines then 5 %: the exact discount is
    # 400.245 kr; rounding each part before summing drifted past the half öre (one öre off)
    f150 = promo("F150", "fixed", "order", 150, "across")
    p5 = promo("P5", "percentage", "order", 5, "across", automatic=True)
    lines = [line(1, 19900, 3), line(2, 4990), line(3, 89900, 4), line(4, 19950)]
    t, adj = totals(lines, [f150, p5], ["F150"])
    assert sum(a.exact for a in adj).quantize(Decimal("1E-20")) == Decimal("40024.5")
    assert (t.discount, t.total) == (40024, t.subtotal - 40024)  # total rounded half up


# --- buy X get Y -----------------------------------------------------------------------------------

def buyget(code, min_buy, apply_qty, max_qty, value=100, type_="percentage", buy_rules=(),
           target_rules=(), automatic=True):
    return Promotion(id=f"promo_{code}", code=code, type="buyget", is_automatic=automatic,
                     application_method=ApplicationMethod(
                         type=type_, target_type="items", value=Decimal(value), allocation="each",
                         max_quantity=max_qty, currency_code="sek",
                         buy_rules=tuple(buy_rules), target_rules=tuple(target_rules),
                         buy_rules_min_quantity=min_buy, apply_to_quantity=apply_qty))


SOCKS = Rule("items.product.categories.id", "in", ("pcat_socks",))


def sock(line_id, price, qty):
    return line(line_id, price, qty, category_ids=("pcat_socks",))


def test_three_for_two_gives_the_third_unit_free_as_often_as_bought():
    three_for_two = buyget("3FOR2", 2, 1, 10, buy_rules=[SOCKS], target_rules=[SOCKS])
    t, adj = totals([sock(1, 4900, 3)], [three_for_two])
    assert t.discount == 4900 and [a.code for a in adj] == ["3FOR2"]
    t, _ = totals([sock(1, 4900, 5)], [three_for_two])
    assert t.discount == 4900  # the second round lacks a third unit to give
    t, _ = totals([sock(1, 4900, 6)], [three_for_two])
    assert t.discount == 2 * 4900


def test_buy_get_takes_the_most_expensive_lines_first_and_keeps_buy_and_get_apart():
    three_for_two = buyget("3FOR2", 2, 1, 10, buy_rules=[SOCKS], target_rules=[SOCKS])
    lines = [sock(1, 2900, 1), sock(2, 6900, 1), sock(3, 4900, 1)]
    _, adj = totals(lines, [three_for_two])
    # the two dearest are bought (69 and 49 kr), the cheapest is free: Medusa's order
    assert [(a.line_id, a.amount) for a in adj] == [(1, 2900)]


def test_buy_get_respects_max_quantity_and_a_fixed_value_per_unit():
    b2g1 = buyget("B2G1", 2, 1, 1, buy_rules=[SOCKS], target_rules=[SOCKS])
    t, _ = totals([sock(1, 4900, 9)], [b2g1])
    assert t.discount == 4900  # max_quantity 1: once, however many are bought
    fixed = buyget("B1G1-20", 1, 1, 5, value=20, type_="fixed", buy_rules=[SOCKS],
                   target_rules=[SOCKS])
    t, _ = totals([sock(1, 4900, 4)], [fixed])
    assert t.discount == 2 * 2500  # 20 kr net per unit is 25 kr with VAT, twice


def test_buy_get_needs_its_buy_side_from_other_lines_when_rules_differ():
    shoe = line(9, 99900, 1, category_ids=("pcat_shoes",))
    get_socks = buyget("SKO-SOCKA", 1, 1, 1, buy_rules=[Rule("items.product.categories.id", "in",
                                                                  ("pcat_shoes",))],
                       target_rules=[SOCKS])
    t, adj = totals([shoe, sock(1, 4900, 2)], [get_socks])
    assert [(a.line_id, a.amount) for a in adj] == [(1, 4900)]
    t, adj = totals([sock(1, 4900, 2)], [get_socks])
    assert adj == []  # no shoe, no free socks


def test_buy_get_goes_before_standard_promotions_which_see_what_it_took():
    three_for_two = buyget("3FOR2", 2, 1, 10, buy_rules=[SOCKS], target_rules=[SOCKS])
    big = promo("BIG50", "percentage", "order", 50, "across", automatic=True)
    t, adj = totals([sock(1, 4000, 3)], [big, three_for_two])
    assert [a.code for a in adj] == ["3FOR2", "BIG50"]
    assert t.total == (12000 - 4000) // 2


def test_a_second_buy_get_counts_only_what_the_first_used_on_each_side():
    """Medusa keeps the buy side and the get side apart: B may buy with units A gave away, and
    give away units A bought (``calculateRemainingQuantities`` per side). As Medusa does it."""
    a = buyget("A", 2, 1, 10, value=100, buy_rules=[SOCKS], target_rules=[SOCKS])
    b = buyget("B", 2, 1, 10, value=50, buy_rules=[SOCKS], target_rules=[SOCKS])
    for qty, expected in ((3, {"A": 4000}), (6, {"A": 8000, "B": 2000}),
                          (9, {"A": 12000, "B": 2000})):
        t, adj = totals([sock(1, 4000, qty)], [b, a])
        assert [x.code for x in adj][0] == "A"  # value 100 before 50
        assert {x.code: x.amount for x in adj} == expected, qty


def test_buyget_round_trips_through_the_local_store_shape():
    from pos.promotions import promotion_to_dict
    p = buyget("3FOR2", 2, 1, 10, buy_rules=[SOCKS], target_rules=[SOCKS])
    assert Promotion.from_medusa(promotion_to_dict(p)) == p


@pytest.mark.xfail(strict=True, reason="known: on an exact half öre Medusa's last double digits "
                                       "decide; the engine rounds half up (1 cart in 400)")
def test_known_gap_an_exact_half_ore_medusa_rounds_down():
    """Measured on Medusa 2.21 (parity seed 7, cart 157): 199 + 449 kr, a fixed 150 kr (net)
    over the order, then 5 % on what is left. The exact total is 437.475 kr; Medusa adds the line
    totals as doubles and shows 437.47499999999997, i.e. 437.47 kr; the engine says 437.48.
    Reproducing it needs Medusa's whole totals pipeline (20-digit stored adjustments, bignumber
    divisions, doubles); a first try that only redid the final additions broke other measured
    half-öre carts."""
    fix150 = promo("FIX150", "fixed", "order", 150, "across")
    five = promo("FEM", "percentage", "order", 5, "across", automatic=True)
    t, _ = totals([line(1, 19900), line(2, 44900)], [fix150, five], ["FIX150"])
    assert t.total == 43747


def test_each_line_gets_its_exact_discount_rounded_up_or_down():
    # Medusa rounds each line's total on its own; the öre of stacked promotions used to go to
    # adjustments by their own remainders, so one line could collect two öre too many and another
    # two too few (CI saw a 2 öre line difference). Now each line is within an öre of its exact.
    import random
    rng = random.Random(7)
    stacked = [HOST10, promo("P5", "percentage", "order", 5, "across", automatic=True),
               promo("F150", "fixed", "order", 150, "across"),
               promo("P3", "percentage", "items", 3, "each", max_quantity=2, automatic=True)]
    for _ in range(300):
        lines = [line(i, rng.randrange(990, 99900, 10) + rng.choice((0, 5)), rng.randint(1, 4),
                      rng.choice(list(VatRate)))
                 for i in range(rng.randint(2, 6))]
        t, adj = totals(lines, stacked, ["HOST10", "F150"])
        for ln in lines:
            exact = sum((a.exact for a in adj if a.line_id == ln.line_id), Decimal(0))
            assert abs(Decimal(t.by_line[ln.line_id]) - exact) < 1, (lines, ln.line_id)
        assert t.discount == sum(a.amount for a in adj)


# --- campaign budgets --------------------------------------------------------------------------------

def budgeted(code, budget, value=10, automatic=True, type_="percentage", allocation="each",
             max_quantity=5, target="items"):
    from dataclasses import replace
    return replace(promo(code, type_, target, value, allocation, max_quantity,
                         automatic=automatic), budget=budget)


def test_a_spend_budget_judges_each_line_alone_against_what_was_spent_before():
    from pos.promotions import CampaignBudget
    # 10 % of the net: 160 kr net -> 16 kr, 800 kr net -> 80 kr, 40 kr net -> 4 kr.
    # 50 kr left of the budget: the 80 kr line gets nothing; the others each fit on their own
    # (Medusa does not add up what this cart takes), so they both get theirs
    budget = CampaignBudget("spend", limit=Decimal(1000), used=Decimal(950))
    lines = [line(1, 20000), line(2, 100000), line(3, 5000)]
    _, adj = totals(lines, [budgeted("B10", budget)])
    assert {a.line_id: a.amount for a in adj} == {1: 2000, 3: 500}
    nothing_left = CampaignBudget("spend", limit=Decimal(1000), used=Decimal(1000))
    assert apply_promotions(lines, [budgeted("B10", nothing_left)]) == []
    no_limit = CampaignBudget("spend", limit=None, used=Decimal(10 ** 6))
    assert len(apply_promotions(lines, [budgeted("B10", no_limit)])) == 3


def test_a_usage_budget_stops_the_promotion_when_its_uses_are_taken():
    from pos.promotions import CampaignBudget
    lines = [line(1, 20000), line(2, 100000)]
    one_left = CampaignBudget("usage", limit=Decimal(100), used=Decimal(99))
    assert len(apply_promotions(lines, [budgeted("U10", one_left)])) == 2
    all_taken = CampaignBudget("usage", limit=Decimal(100), used=Decimal(100))
    assert apply_promotions(lines, [budgeted("U10", all_taken)]) == []


def test_a_budget_counted_per_customer_needs_the_customer():
    from pos.promotions import CampaignBudget
    once_each = CampaignBudget("use_by_attribute", limit=Decimal(1), attribute="customer_id")
    lines = [line(1, 20000)]
    assert apply_promotions(lines, [budgeted("ONCE", once_each)]) == []
    adj = apply_promotions(lines, [budgeted("ONCE", once_each)],
                           customer={"id": "cus_1", "groups": []})
    assert [a.amount for a in adj] == [2000]
    by_email = CampaignBudget("use_by_attribute", limit=Decimal(1), attribute="customer_email")
    assert apply_promotions(lines, [budgeted("ONCE", by_email)],
                            customer={"id": "cus_1", "groups": []}) == []
    assert len(apply_promotions(lines, [budgeted("ONCE", by_email)], email="a@b.se")) == 1


def test_a_buy_get_over_its_budget_gives_nothing_but_uses_up_its_units():
    from dataclasses import replace

    from pos.promotions import CampaignBudget
    # 3 for 2 on socks of 80 kr net (100 kr gross) and 40 kr net: the free unit worth 80 kr net
    # is over the 50 kr left; Medusa counts its units as given and moves on
    budget = CampaignBudget("spend", limit=Decimal(100), used=Decimal(50))
    three_for_two = replace(buyget("3FOR2", 2, 1, 4, buy_rules=[SOCKS], target_rules=[SOCKS]),
                            budget=budget)
    assert apply_promotions([sock(1, 10000, 3)], [three_for_two]) == []
    t, _ = totals([sock(1, 10000, 3), sock(2, 5000, 3)], [three_for_two])
    assert t.by_line[1] == 0 and t.by_line[2] == 5000  # one cheap sock free, the dear one not


def test_a_code_whose_budget_is_used_up_is_refused_and_budgets_round_trip():
    from pos.promotions import CampaignBudget, PromotionBook, PromotionCodeError, promotion_to_dict
    spent = budgeted("SPENT", CampaignBudget("spend", limit=Decimal("500.5"), used=Decimal("500.5")),
                     automatic=False)
    book = PromotionBook((spent,))
    with pytest.raises(PromotionCodeError, match="used up its campaign's budget"):
        book.check_code("spent")
    assert PromotionBook((budgeted("SPENT", CampaignBudget("spend", Decimal(500), Decimal(499)),
                                   automatic=False),)).check_code("spent") == "SPENT"
    uses = [budgeted("USES", CampaignBudget("usage", Decimal(3), Decimal(n)), automatic=False)
            for n in (2, 3)]
    assert PromotionBook((uses[0],)).check_code("uses") == "USES"
    with pytest.raises(PromotionCodeError, match="used up"):
        PromotionBook((uses[1],)).check_code("uses")
    back = Promotion.from_medusa(promotion_to_dict(spent))
    assert back.budget == spent.budget
    medusa = {"id": "promo_1", "code": "X", "application_method": {"type": "percentage",
              "target_type": "order", "value": 10},
              "campaign": {"name": "Vinter", "budget": {"type": "usage", "limit": 100, "used": 3,
                                                        "raw_limit": {"value": "100"}}}}
    assert Promotion.from_medusa(medusa).budget == CampaignBudget("usage", Decimal(100), Decimal(3))
