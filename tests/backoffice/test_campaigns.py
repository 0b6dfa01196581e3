"""Campaigns and prices (``pos.queries.campaigns``) on the demo catalogue and its synced
promotions: running, upcoming and ended split by the campaigns' UTC dates; the price at the till
is the till's own cart's (the winter sale's 20 % on its category, nothing on the rest)."""
from dataclasses import replace
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from pos.db.unit_of_work import SqlUnitOfWork
from pos.demo.catalog import demo_catalog
from pos.demo.promotions import WINTER_CATEGORY, demo_promotions
from pos.queries.campaigns import campaigns, till_prices
from pos.services.setup import ensure_demo_catalog
from pos.sync.promotion_sync import store_promotions

NOW = datetime(2026, 11, 30, 12, 0)  # UTC


def test_campaigns_and_the_price_at_the_till(session_factory):
    uow = SqlUnitOfWork(session_factory)
    ensure_demo_catalog(uow)
    host, winter = demo_promotions()
    christmas = replace(winter, id="promo_jul", code="JUL30",
                        starts_at=datetime(2026, 12, 1), ends_at=datetime(2026, 12, 24))
    summer = replace(winter, id="promo_sommar", code="SOMMAR",
                     starts_at=datetime(2026, 6, 1), ends_at=datetime(2026, 8, 31))
    with uow:
        store_promotions(uow.sync_state, [host, winter, christmas, summer])
        uow.commit()
    c = campaigns(uow, NOW)
    assert {p.code for p in c.running} == {"HOST10", "VINTER20"}
    assert [p.code for p in c.upcoming] == ["JUL30"] and [p.code for p in c.other] == ["SOMMAR"]
    # after the winter sale's end: nothing runs
    assert campaigns(uow, datetime(2028, 1, 1)).running == ()

    winter_article = next(p.variants[0] for p in demo_catalog()
                          if p.category == WINTER_CATEGORY and p.variants[0].unit != "kg")
    other = next(p.variants[0] for p in demo_catalog()
                 if p.category != WINTER_CATEGORY and p.variants[0].unit != "kg")
    [p] = till_prices(uow, winter_article.ean, NOW)
    expected = int((Decimal(winter_article.price) * Decimal("0.8")).quantize(Decimal(1),
                                                                             ROUND_HALF_UP))
    assert (p.sku, p.price, p.at_till, p.promotions) == (winter_article.sku,
                                                          winter_article.price, expected,
                                                          ("VINTER20",))
    [q] = till_prices(uow, other.ean, NOW)
    assert (q.price, q.at_till, q.promotions) == (other.price, other.price, ())
    # a code is not given: HOST10 (the order's 10 %) is not in the till's price
    assert "HOST10" not in p.promotions
    # the day after the sale: the list price
    [late] = till_prices(uow, winter_article.ean, datetime(2028, 1, 1))
    assert late.at_till == winter_article.price
    assert till_prices(uow, "no such article at all", NOW) == []
