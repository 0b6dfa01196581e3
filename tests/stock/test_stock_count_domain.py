"""The stock count's arithmetic (``pos.stock_count``): differences in units and öre, the totals,
the threshold, the adjustments posted (differences, never absolute figures) and count files."""
from __future__ import annotations

import pytest

from pos.stock_count import (Adjustment, CountLine, CountScope, CountStatus, ScopeKind,
                             StockCount, StockCountError, Threshold, adjustment_key, adjustments,
                             parse_count_file)
from datetime import datetime

T0 = datetime(2026, 11, 30, 9, 0)


def line(sku: str, expected: int, counted: int, unit_value: int, fresh: bool = True
         ) -> CountLine:
    return CountLine(variant_id=f"var_{sku}", sku=sku, ean="", name=sku, expected=expected,
                     counted=counted, unit_value=unit_value, expected_fresh=fresh)


def count(*lines: CountLine) -> StockCount:
    return StockCount("SC-1", "store-gbg", CountScope(), CountStatus.OPEN, T0, "M1", tuple(lines))


def test_differences_in_units_and_in_ore():
    towel = line("HAN", expected=17, counted=14, unit_value=4990)  # 3 missing at 49,90
    coffee = line("KAF", expected=10, counted=11, unit_value=6990)  # 1 more at 69,90
    assert (towel.difference, towel.difference_value) == (-3, -14970)
    assert (coffee.difference, coffee.difference_value) == (1, 6990)
    t = count(towel, coffee).totals
    assert (t.articles, t.expected_units, t.counted_units) == (2, 27, 25)
    assert (t.missing_units, t.surplus_units) == (3, 1)
    assert t.difference_value == -7980 and t.missing_value == 14970


def test_the_threshold_picks_the_lines_a_manager_confirms():
    small = line("A", 10, 8, 4990)
    many = line("B", 30, 19, 100)  # 11 units
    dear = line("C", 2, 1, 129_900)  # one unit of 1 299 kr
    th = Threshold(units=10, value=100_000)
    assert th.exceeded_by([small, many, dear]) == [many, dear]


def test_a_count_posts_differences_with_one_key_per_line_and_skips_equal_lines():
    posted = adjustments(count(line("HAN", 17, 14, 4990), line("KAF", 10, 10, 5990),
                               line("TEA", 0, 2, 3450)))
    assert posted == [
        Adjustment("stock-count:SC-1:HAN", "HAN", "store-gbg", -3, 17, 14, "SC-1"),
        Adjustment("stock-count:SC-1:TEA", "TEA", "store-gbg", 2, 0, 2, "SC-1")]
    assert adjustment_key("SC-1", "HAN") == posted[0].key
    assert Adjustment.from_dict(posted[0].to_dict(), posted[0].key) == posted[0]


def test_a_line_whose_expected_was_not_fresh_is_an_absolute_count_even_when_equal():
    posted = adjustments(count(line("HAN", 9, 8, 4990, fresh=False),
                               line("KAF", 10, 10, 5990, fresh=False),
                               line("TEA", 5, 5, 3450)))
    assert [(a.sku, a.counted, a.fresh, a.absolute) for a in posted] == [
        ("HAN", 8, False, True), ("KAF", 10, False, True)]
    back = Adjustment.from_dict(posted[0].to_dict(), posted[0].key)
    assert back == posted[0] and posted[0].to_dict()["fresh"] is False
    # a message queued before this change (no "fresh") is still a difference
    old = {k: v for k, v in posted[0].to_dict().items() if k != "fresh"}
    assert Adjustment.from_dict(old, "k").fresh is True


def test_the_adjustment_rule_keeps_sales_made_between_count_and_post():
    """Counted 14 of 17 expected; 2 sold before the post (the central figure is 15 then). The
    adjustment (-3) leaves 12, what is on the shelf; an overwrite with 14 would not."""
    (adj,) = adjustments(count(line("HAN", 17, 14, 4990)))
    central_at_post = 17 - 2
    assert central_at_post + adj.delta == 12
    assert adj.counted != 12  # the absolute figure would have brought back the sold units


def test_scope_selection_and_description():
    sel = CountScope(ScopeKind.SELECTION, "A, B,,C")
    assert sel.skus() == {"A", "B", "C"} and sel.describe() == "3 chosen articles"
    assert CountScope(ScopeKind.CATEGORY, "cat_1", "Handdukar").describe() == "category Handdukar"


def test_a_count_file_with_semicolons_or_commas():
    good, problems = parse_count_file("ean_or_sku;counted\n7350120016416;14\n\nKAF-MEL-450G;0\n")
    assert [(g.line, g.code, g.counted) for g in good] == [(2, "7350120016416", 14),
                                                           (4, "KAF-MEL-450G", 0)]
    assert problems == []
    good, _ = parse_count_file("\ufeffsku,count\r\nA,3\r\n")
    assert [(g.code, g.counted) for g in good] == [("A", 3)]


def test_a_count_file_names_every_bad_line():
    _, problems = parse_count_file("ean_or_sku;counted\nA;3\nB;three\nC;-2\nA;1\nD;2.5\nE;\n")
    found = [(p.line, p.error().message) for p in problems]
    assert found == [
        (3, "line 3: 'three' is not a whole number of units"),
        (4, "line 4: a counted quantity cannot be negative (-2)"),
        (5, "line 5: A was already counted on line 2"),
        (6, "line 6: '2.5' is not a whole number: the central store (Medusa) keeps whole "
            "units, so a weighed article is counted in whole units (kg rounded to a whole "
            "number)"),
        (7, "line 7: '' is not a whole number of units")]


@pytest.mark.parametrize("text,code", [("", "stock_count.csv_empty"),
                                       ("ean_or_sku;counted\n", "stock_count.csv_empty"),
                                       ("article;qty\nA;1\n", "stock_count.csv_header")])
def test_a_count_file_without_lines_or_header_is_refused(text, code):
    with pytest.raises(StockCountError) as e:
        parse_count_file(text)
    assert e.value.code == code
