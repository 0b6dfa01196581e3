"""The campaigns' effect on the dashboard's days: per promotion (the synced ones that ran in the
range, and any other a sale line names), how many receipts it gave something on, the units of
those lines, the discount it gave (its own share, öre) and what those lines sold for; and, for
context only, what the same articles sold for in the same number of days just before the
campaign started. A plain comparison of two periods, not a measured effect: the weeks differ in
more than the campaign (season, weather, other campaigns).

The promotions' dates are UTC (as synced); sales are the tills' local wall-clock times: a
campaign's first day is its start in this machine's time zone. Returned lines are not counted.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from pos.promotions import Promotion
from pos.services.unit_of_work import UnitOfWork
from pos.sync.promotion_sync import load_promotions


@dataclass(frozen=True)
class CampaignEffect:
    promotion_id: str
    label: str  # the code, or the campaign's name (``Promotion.label``)
    receipts: int  # receipts with a line it gave something off
    units: int  # units on those lines
    discount: int  # öre it gave off (its own share only)
    sales: int  # öre those lines sold for (after every discount)
    days: int  # days of the range the campaign ran (the comparison's length)
    starts_on: date | None = None  # its first day (local), None: no start date synced
    before_units: int | None = None  # the same articles in ``days`` days before ``starts_on``
    before_sales: int | None = None  # öre; None when there is nothing to compare with


def local_day(utc: datetime | None) -> date | None:
    """A synced (naive UTC) date-time's day in this machine's time zone."""
    if utc is None:
        return None
    return utc.replace(tzinfo=timezone.utc).astimezone().date()


def campaign_effects(uow: UnitOfWork, first: date, last: date) -> tuple[CampaignEffect, ...]:
    """The effect of each campaign on the days ``first`` to ``last`` (see the module's doc);
    the caller's ``uow`` is open. By discount given, largest first."""
    start, end = datetime.combine(first, time()), datetime.combine(last + timedelta(1), time())
    promotions = {p.id: p for p in load_promotions(uow.sync_state)}
    used: dict[str, list] = {}  # id -> [label, receipts, units, discount, sales, skus]
    for sale_id, sku, units, total, shares in uow.sales.promoted_lines_between(start, end):
        for code, promotion_id, amount in json.loads(shares):
            u = used.setdefault(str(promotion_id), [str(code), set(), 0, 0, 0, set()])
            u[1].add(sale_id)
            u[2] += units
            u[3] += int(amount)
            u[4] += total
            u[5].add(sku)
    ran = [p for p in promotions.values() if _overlaps(p, first, last)]
    ids = sorted({p.id for p in ran} | set(used))
    out = []
    for pid in ids:
        p = promotions.get(pid)
        label, receipts, units, discount, sales, skus = used.get(pid, ["", set(), 0, 0, 0, set()])
        starts_on = local_day(p.starts_at) if p else None
        ends_on = local_day(p.ends_at) if p else None
        a = max(first, starts_on) if starts_on else first
        b = min(last, ends_on) if ends_on else last
        days = max(0, (b - a).days + 1)
        before_units = before_sales = None
        if starts_on is not None and days and skus:
            before = uow.sales.article_sales_between(
                skus, datetime.combine(starts_on - timedelta(days), time()),
                datetime.combine(starts_on, time()))
            before_units = sum(q for q, _ in before.values())
            before_sales = sum(t for _, t in before.values())
        out.append(CampaignEffect(pid, p.label if p else label or pid, len(receipts), units,
                                  discount, sales, days, starts_on, before_units, before_sales))
    return tuple(sorted(out, key=lambda e: (-e.discount, e.label)))


def _overlaps(p: Promotion, first: date, last: date) -> bool:
    """The promotion was active on a day of ``first`` to ``last``."""
    if p.status != "active":
        return False
    s, e = local_day(p.starts_at), local_day(p.ends_at)
    return (s is None or s <= last) and (e is None or e >= first)
