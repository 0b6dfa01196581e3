"""The back office's figures for a date range: sales, receipts, average basket, returns, sales per
hour, per register, per payment method, per VAT rate and the top articles, over the sales of
every register of the store's database.

One function, ``dashboard``, reads the sales once and adds them up the way the X and Z reports
do (``pos.shifts.build_report``): a sale's ``total`` signed (a return is negative), its tenders'
amounts signed, VAT per rate as each receipt printed it (``vat_of_receipts``). So the dashboard
of the hours a shift ran equals that shift's Z report, and the screen, the CSV and the PDF show
the same numbers (a test holds them to the Z report and the journal).

Times are the tills' local wall-clock times, as sales are stored; a range is of whole days,
``first`` to ``last`` inclusive.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from pos.sales import Sale
from pos.services.unit_of_work import UnitOfWork
from pos.vat import VatLine, vat_of_receipts

TOP_ARTICLES = 10


@dataclass(frozen=True)
class MethodFigure:
    method_id: str
    label: str
    amount: int  # öre, signed (refunds negative)
    count: int  # tenders taken with it


@dataclass(frozen=True)
class ArticleFigure:
    sku: str
    name: str
    quantity: int  # signed: returned units count back
    total: int  # öre paid, after discounts


@dataclass(frozen=True)
class RegisterFigure:
    register_id: str
    receipts: int
    net_sales: int


@dataclass(frozen=True)
class Dashboard:
    first: date
    last: date
    receipts: int  # sales (returns not counted)
    net_sales: int  # öre incl. VAT, returns taken off: what the Z reports' sales and returns net
    gross_sales: int  # öre incl. VAT of the sales alone (as the Z report's "sales")
    returns_count: int
    returns_total: int  # öre, positive
    items: int  # articles sold
    discounts: int  # öre given off (manual and promotions)
    rounding: int  # öre of cash rounding
    per_hour: tuple[tuple[int, int], ...]  # (hour 0..23, net öre) for all 24 hours
    per_day: tuple[tuple[date, int, int], ...]  # (day, receipts, net öre) for every day of it
    per_method: tuple[MethodFigure, ...]  # by amount, largest first
    per_vat: tuple[VatLine, ...]  # highest rate first
    per_register: tuple[RegisterFigure, ...]  # by register id
    top_articles: tuple[ArticleFigure, ...]  # by total, largest first

    @property
    def average_basket(self) -> int:
        """Öre per receipt (the sales' gross over their number), rounded half up."""
        if not self.receipts:
            return 0
        return int((Decimal(self.gross_sales) / self.receipts).quantize(Decimal(1),
                                                                         ROUND_HALF_UP))

    @property
    def vat_total(self) -> int:
        return sum(v.vat for v in self.per_vat)

    @property
    def tendered(self) -> int:
        """Öre taken in all payment methods: the net sales plus the cash rounding."""
        return sum(m.amount for m in self.per_method)


def day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """``[first 00:00, the day after last 00:00)``."""
    if last < first:
        first, last = last, first
    return datetime.combine(first, time()), datetime.combine(last + timedelta(days=1), time())


def dashboard(uow: UnitOfWork, first: date, last: date | None = None,
              top: int = TOP_ARTICLES) -> Dashboard:
    """The figures of the days ``first`` to ``last`` (default: ``first`` alone)."""
    last = last or first
    start, end = day_bounds(first, last)
    with uow:
        sales = uow.sales.completed_between(start, end)
    return figures(sales, min(first, last), max(first, last), top)


def figures(sales: Iterable[Sale], first: date, last: date,
            top: int = TOP_ARTICLES) -> Dashboard:
    """Add ``sales`` up (see the module's doc)."""
    sales = list(sales)
    normal = [s for s in sales if s.total >= 0]
    returns = [s for s in sales if s.total < 0]
    hours = [0] * 24
    days = {first + timedelta(days=i): [0, 0] for i in range((last - first).days + 1)}
    methods: dict[str, list] = {}
    articles: dict[tuple[str, str], list[int]] = {}
    registers: dict[str, list[int]] = {}
    for s in sales:
        hours[s.completed_at.hour] += s.total
        day = days.setdefault(s.completed_at.date(), [0, 0])
        day[0] += 1 if s.total >= 0 else 0
        day[1] += s.total
        reg = registers.setdefault(s.register_id, [0, 0])
        reg[0] += 1 if s.total >= 0 else 0
        reg[1] += s.total
        for t in s.tenders:
            m = methods.setdefault(t.method.id, [t.method.label, 0, 0])
            m[1] += t.amount
            m[2] += 1
        for line in s.lines:
            a = articles.setdefault((line.sku, line.name), [0, 0])
            a[0] += -abs(line.quantity) if line.total < 0 else line.quantity
            a[1] += line.total
    per_method = tuple(sorted((MethodFigure(k, v[0], v[1], v[2]) for k, v in methods.items()),
                              key=lambda m: (-m.amount, m.method_id)))
    top_articles = tuple(sorted((ArticleFigure(sku, name, q, t)
                                 for (sku, name), (q, t) in articles.items()),
                                key=lambda a: (-a.total, a.sku))[:top])
    return Dashboard(
        first=first, last=last, receipts=len(normal),
        net_sales=sum(s.total for s in sales), gross_sales=sum(s.total for s in normal),
        returns_count=len(returns), returns_total=-sum(s.total for s in returns),
        items=sum(s.item_count for s in normal), discounts=sum(s.discount for s in sales),
        rounding=sum(s.rounding for s in sales),
        per_hour=tuple(enumerate(hours)),
        per_day=tuple((d, v[0], v[1]) for d, v in sorted(days.items())), per_method=per_method,
        per_vat=tuple(vat_of_receipts(s.vat for s in sales)),
        per_register=tuple(RegisterFigure(r, v[0], v[1]) for r, v in sorted(registers.items())),
        top_articles=top_articles)
