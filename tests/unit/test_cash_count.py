"""Counting the drawer by Swedish notes and coins."""
import pytest

from pos.cash_count import DENOMINATIONS, CashCount
from pos.errors import UserError


def test_the_total_is_every_note_and_coin_counted():
    count = CashCount.of({100_000: 1, 2_000: 3, 1_000: 1, 500: 2, 200: 1, 100: 4})
    assert count.total == 100_000 + 6_000 + 1_000 + 1_000 + 200 + 400  # 1 086 kr
    assert count.to_list() == [[100_000, 1], [2_000, 3], [1_000, 1], [500, 2], [200, 1], [100, 4]]
    assert CashCount.from_list(count.to_list()) == count


def test_every_swedish_denomination_and_only_those():
    assert [d // 100 for d in DENOMINATIONS] == [1000, 500, 200, 100, 50, 20, 10, 5, 2, 1]
    with pytest.raises(UserError) as e:
        CashCount.of({2_500: 1})  # there is no 25 kr note
    assert e.value.code == "count.unknown_denomination"
    with pytest.raises(UserError) as e:
        CashCount.of({100: -1})
    assert e.value.code == "count.negative"
