"""The back office's product interest next to what sold: per article and day, the central
store's shelf-QR scans (when it could be asked), the kiosks' own scans, QR scans, searches and
product pages (the store's database), and the units and öre the tills sold of the article that
day (net of returns, after discounts, as the dashboard's top articles count them).

Rows are the article-days that had interest; what sold without anyone asking is not listed
(the dashboard shows the top sellers). ``store`` narrows the interest to one store key (the
kiosk's location, the shelf label's store); sales are always this database's, the store's own.
Days are whole days, ``first`` to ``last`` inclusive, as the tills' wall clock has them.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pos.interest import SOURCES, ArticleInterest, CentralInterestCount, conversion
from pos.queries.dashboard import day_bounds
from pos.services.unit_of_work import UnitOfWork

TOP = 10


@dataclass(frozen=True)
class InterestReport:
    first: date
    last: date
    rows: tuple[ArticleInterest, ...]  # by day, then most interest first
    central_asked: bool  # the central store's shelf-QR counts are in it
    stores: tuple[str, ...] = ()  # every store key that had interest (for a filter)

    def total(self, source: str | None = None) -> int:
        return sum(r.interest if source is None else r.count(source) for r in self.rows)

    @property
    def sold_units(self) -> int:
        return sum(r.sold_units for r in self.rows)

    @property
    def sold_total(self) -> int:
        return sum(r.sold_total for r in self.rows)

    def per_article(self) -> list[ArticleInterest]:
        """The whole period per article (its days added up), most interest first."""
        merged: dict[str, ArticleInterest] = {}
        for r in self.rows:
            m = merged.get(r.sku)
            counts = dict(m.counts) if m else {}
            for k, n in r.counts.items():
                counts[k] = counts.get(k, 0) + n
            merged[r.sku] = ArticleInterest(
                self.first, r.sku, r.name, counts,
                (m.sold_units if m else 0) + r.sold_units, (m.sold_total if m else 0) + r.sold_total)
        return sorted(merged.values(), key=lambda a: (-a.interest, a.sku))

    def top(self, n: int = TOP) -> list[ArticleInterest]:
        return self.per_article()[:n]

    @property
    def conversion(self) -> Decimal | None:
        """Units sold per interest over the whole report (None: nothing was asked)."""
        return conversion(self.sold_units, self.total())


def interest_report(uow: UnitOfWork, first: date, last: date,
                    central: Iterable[CentralInterestCount] | None = None,
                    store: str | None = None) -> InterestReport:
    """The report of ``first`` to ``last``: ``central`` the central store's counts (None: it
    could not be asked), the kiosks' counts and the sales read here."""
    if last < first:
        first, last = last, first
    start, end = day_bounds(first, last)
    counts: dict[tuple[date, str], dict[str, int]] = {}
    names: dict[str, str] = {}
    stores: set[str] = set()
    with uow:
        for d, loc, variant_id, source, n in uow.kiosk.interest(first, last):
            stores.add(loc)
            if store is not None and loc != store:
                continue
            v = uow.catalog.by_id(variant_id)
            sku = v.sku if v is not None else variant_id
            if v is not None:
                names[sku] = v.name
            bucket = counts.setdefault((d, sku), {})
            bucket[source] = bucket.get(source, 0) + n
        for c in central or ():
            stores.add(c.store)
            if store is not None and c.store != store or not first <= c.day <= last:
                continue
            bucket = counts.setdefault((c.day, c.sku), {})
            bucket[c.source] = bucket.get(c.source, 0) + c.count
        for _d, sku in counts:
            if sku not in names:
                v = uow.catalog.by_code(sku)
                names[sku] = v.name if v is not None and v.sku == sku else ""
        sold: dict[tuple[date, str], list[int]] = {}
        for sale in uow.sales.completed_between(start, end):
            day = sale.completed_at.date()
            for line in sale.goods_lines:
                if (day, line.sku) not in counts:
                    continue
                s = sold.setdefault((day, line.sku), [0, 0])
                s[0] += -abs(line.quantity) if line.is_return or line.total < 0 else line.quantity
                s[1] += line.total
                if not names.get(line.sku):
                    names[line.sku] = line.name
    order = {s: i for i, s in enumerate(SOURCES)}
    rows = [ArticleInterest(d, sku, names.get(sku, ""),
                            dict(sorted(c.items(), key=lambda kv: order.get(kv[0], 99))),
                            *sold.get((d, sku), (0, 0)))
            for (d, sku), c in counts.items() if sum(c.values()) > 0]
    rows.sort(key=lambda r: (r.day, -r.interest, r.sku))
    return InterestReport(first, last, tuple(rows), central is not None,
                          tuple(sorted(stores)))
