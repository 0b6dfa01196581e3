"""The back office's figures for a date range: sales, receipts, average basket, returns, sales per
hour, per register, per payment method, per VAT rate and the top articles, over the sales of
every register of the store's database.

One function, ``dashboard``, reads the sales once and adds them up the way the X and Z reports
do (``pos.shifts.build_report``): a receipt that sold something is a sale, one that took
something back a return (an exchange is both); sales are the sold lines' totals, returns what
the returned lines gave back; tenders signed (a refund is negative) and refunds per method; VAT
per rate as each receipt printed it (``vat_of_receipts``), returns' VAT per rate apart. So the dashboard
of the hours a shift ran equals that shift's Z report, and the screen, the CSV and the PDF show
the same numbers (a test holds them to the Z report and the journal). Sales are goods only
(``pos.sales.line_kind``): an invoice paid at the till and a gift card sold are no sales (the
invoiced goods were sold on the invoice; a voucher is no turnover) and show apart, as
``invoice_payments`` and ``gift_cards_sold``; the payment methods still took them.

The figures are added up in SQL (``SaleRepository.aggregates_between``, GROUP BY on SQLite
and PostgreSQL): a month of 100 000 sales is read as a few thousand grouped rows. ``figures``
adds ``Sale`` objects up the same way in Python; a test holds the two to the same numbers.

Per channel (``CHANNELS``), every goods line counts in one, decided from the stored sale: a
returned line of a web order (its ``ReturnOf`` kind) is a web return; any other returned line
a return of this store's tills; a line of a web order paid here (its ``order_id``) a web order
collected here; a line sent home (``sale_deliveries.line_nos``) a ship-to-home order placed
here; a line of a sale that continued a web cart (``sales.web_cart_id``) a web cart paid here;
the rest this store's tills. So the channels' öre add up to ``net_sales``; their receipts need
not add up to ``receipts`` (a receipt can hold lines of two channels).

Times are the tills' local wall-clock times, as sales are stored; a range is of whole days,
``first`` to ``last`` inclusive.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pos.db.repositories.sale_figures import (SHIP_TO_HOME, STORE, WEB_CART, WEB_PICKUP,
                                              WEB_RETURN, SaleAggregates)
from pos.queries.campaign_effect import CampaignEffect, campaign_effects
from pos.returns import PurchaseKind
from pos.sales import GIFT_CARD, GOODS, INVOICE_PAYMENT, Sale, SaleLine, is_goods_line
from pos.services.pickups import PICKUP_HANDED_OVER
from pos.services.unit_of_work import UnitOfWork
from pos.vat import VatLine, VatRate, vat_breakdown, vat_of_receipts

# the channels, in the order the screen lists them
CHANNELS = (STORE, WEB_PICKUP, WEB_RETURN, SHIP_TO_HOME, WEB_CART)

TOP_ARTICLES = 10


@dataclass(frozen=True)
class MethodFigure:
    method_id: str
    label: str
    amount: int  # öre, net: taken less refunded
    count: int  # tenders taken or refunded with it
    refunded: int = 0  # öre given back with it (positive)


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
class ChannelFigure:
    channel: str  # one of ``CHANNELS``
    receipts: int  # receipts with a line of this channel
    net_sales: int  # öre of its lines, returns taken off
    items: int  # articles sold in it (returned ones not counted)
    returns_total: int = 0  # öre its returned lines gave back (positive)


@dataclass(frozen=True)
class Interest:
    """Product interest of the range (``pos.services.kiosk.interest``, the kiosk's and shelf
    labels' scans, searches and product pages): no sales, shown beside them."""

    total: int  # scans, searches and product pages counted
    articles: int  # articles they were of
    per_source: tuple[tuple[str, int], ...]  # (source, count), largest first


@dataclass(frozen=True)
class Dashboard:
    first: date
    last: date
    receipts: int  # receipts that sold something (a return alone is not one; an exchange is)
    net_sales: int  # öre incl. VAT, returns taken off: the Z reports' sales less returns
    gross_sales: int  # öre incl. VAT of the sold lines (as the Z report's "sales")
    returns_count: int  # receipts that took something back
    returns_total: int  # öre the returned lines gave back, positive
    items: int  # articles sold (returned ones not counted)
    discounts: int  # öre given off (manual and promotions)
    rounding: int  # öre of cash rounding
    per_hour: tuple[tuple[int, int], ...]  # (hour 0..23, net öre) for all 24 hours
    per_day: tuple[tuple[date, int, int], ...]  # (day, receipts, net öre) for every day of it
    per_method: tuple[MethodFigure, ...]  # by amount, largest first
    per_vat: tuple[VatLine, ...]  # highest rate first, returns taken off
    returns_vat: tuple[VatLine, ...]  # what returns gave back per rate (positive)
    per_register: tuple[RegisterFigure, ...]  # by register id
    top_articles: tuple[ArticleFigure, ...]  # by total, largest first
    invoice_payments: int = 0  # öre taken for invoices paid at the till (no sales)
    gift_cards_sold: int = 0  # öre taken for gift cards sold (no sales)
    per_channel: tuple[ChannelFigure, ...] = ()  # every one of ``CHANNELS``, in that order
    # web orders paid on the web and handed over here (no sale here: counted, no öre)
    pickups_handed_over: int = 0
    interest: "Interest | None" = None  # product interest recorded here (kiosk, shelf QR)
    campaigns: tuple[CampaignEffect, ...] = ()  # ``pos.queries.campaign_effect``

    @property
    def not_sales(self) -> int:
        """Öre the drawers and terminals took that are no sales: invoices paid, gift cards."""
        return self.invoice_payments + self.gift_cards_sold

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
    def refunded(self) -> int:
        return sum(m.refunded for m in self.per_method)

    @property
    def tendered(self) -> int:
        """Öre taken in all payment methods: the net sales, the cash rounding, the invoices
        paid and the gift cards sold."""
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
        agg = uow.sales.aggregates_between(start, end)
        extras = _beside_sales(uow, start, end)
    return replace(from_aggregates(agg, min(first, last), max(first, last), top), **extras)


def dashboard_from_sales(uow: UnitOfWork, first: date, last: date | None = None,
                         top: int = TOP_ARTICLES) -> Dashboard:
    """The same figures from the sales read as objects (``figures``): the reference the SQL is
    tested against, and the benchmark's "before"."""
    last = last or first
    start, end = day_bounds(first, last)
    with uow:
        sales = uow.sales.completed_between(start, end)
        sent = uow.sales.sent_home_between(start, end)
        extras = _beside_sales(uow, start, end)
    return replace(figures(sales, min(first, last), max(first, last), top, delivered=sent),
                   **extras)


def _beside_sales(uow: UnitOfWork, start: datetime, end: datetime) -> dict[str, Any]:
    """What the dashboard shows beside the sales: web orders handed over without a sale here
    (the journal's ``pickup_handed_over``) and the product interest recorded."""
    handed = uow.journal.count_where(start=start.isoformat(), end=end.isoformat(),
                                     kind=PICKUP_HANDED_OVER)
    sources: dict[str, int] = {}
    articles = set()
    for _day, _loc, variant_id, source, n in uow.kiosk.interest(
            start.date(), (end - timedelta(days=1)).date()):
        sources[source] = sources.get(source, 0) + n
        articles.add(variant_id)
    interest = Interest(sum(sources.values()), len(articles),
                        tuple(sorted(sources.items(), key=lambda kv: (-kv[1], kv[0]))))
    return {"pickups_handed_over": handed, "interest": interest,
            "campaigns": campaign_effects(uow, start.date(), (end - timedelta(days=1)).date())}


def from_aggregates(agg: SaleAggregates, first: date, last: date,
                    top: int = TOP_ARTICLES) -> Dashboard:
    """The dashboard of the grouped rows ``agg`` (the same figures as ``figures``)."""
    hours = [0] * 24
    days = {first + timedelta(days=i): [0, 0] for i in range((last - first).days + 1)}
    registers: dict[str, list[int]] = {}
    taken = {GOODS: 0, INVOICE_PAYMENT: 0, GIFT_CARD: 0}
    gross = items = returned = 0
    for reg, d, h, kind, is_return, total, units in agg.lines:
        taken[kind] += total
        if kind != GOODS:
            continue
        hours[h] += total
        days.setdefault(d, [0, 0])[1] += total
        registers.setdefault(reg, [0, 0])[1] += total
        if is_return:
            returned += -total
        else:
            gross += total
            items += units
    receipts = returns_count = 0
    for reg, d, sells, takes in agg.receipts:
        receipts += sells
        returns_count += takes
        days.setdefault(d, [0, 0])[0] += sells
        registers.setdefault(reg, [0, 0])[0] += sells
    # VAT as each receipt printed it, added up per rate (in SQL); highest rate first, a rate
    # whose gross sums to zero left out (as ``vat_of_receipts``)
    by_rate = sorted(((VatRate(r), g, v, b, bv) for r, g, v, b, bv in agg.vat),
                     key=lambda x: x[0].percent, reverse=True)
    per_vat = [VatLine(r, g, v) for r, g, v, _b, _bv in by_rate if g]
    returns_vat = [VatLine(r, b, bv) for r, _g, _v, b, bv in by_rate if b]
    per_method = tuple(sorted((MethodFigure(m, label, amount, count, back)
                               for m, label, amount, count, back in agg.tenders),
                              key=lambda m: (-m.amount, m.method_id)))
    top_articles = tuple(sorted((ArticleFigure(sku, name, q, t)
                                 for sku, name, q, t in agg.articles if q > 0 and t > 0),
                                key=lambda a: (-a.total, a.sku))[:top])
    channels: dict[str, list[int]] = {c: [0, 0, 0, 0] for c in CHANNELS}
    for ch, n, net, units, back in agg.channels:
        c = channels.setdefault(ch, [0, 0, 0, 0])
        c[0] += n
        c[1] += net
        c[2] += units
        c[3] += back
    return Dashboard(
        first=first, last=last, receipts=receipts, net_sales=taken[GOODS], gross_sales=gross,
        returns_count=returns_count, returns_total=returned, items=items,
        discounts=agg.discount, rounding=agg.rounding, per_hour=tuple(enumerate(hours)),
        per_day=tuple((d, v[0], v[1]) for d, v in sorted(days.items())), per_method=per_method,
        per_vat=tuple(per_vat), returns_vat=tuple(returns_vat),
        per_register=tuple(RegisterFigure(r, v[0], v[1]) for r, v in sorted(registers.items())),
        top_articles=top_articles, invoice_payments=taken[INVOICE_PAYMENT],
        gift_cards_sold=taken[GIFT_CARD],
        per_channel=tuple(ChannelFigure(c, *v) for c, v in channels.items()))


def line_channel(sale: Sale, line: SaleLine, delivered: bool = False) -> str:
    """The channel of a goods line of ``sale`` (see the module's doc); ``delivered``: the line is
    one of the sale's lines sent home."""
    if line.returned_from is not None:
        return WEB_RETURN if line.returned_from.kind is PurchaseKind.WEB_ORDER else STORE
    if line.order_id:
        return WEB_PICKUP
    if delivered:
        return SHIP_TO_HOME
    if sale.web_cart_id:
        return WEB_CART
    return STORE


def figures(sales: Iterable[Sale], first: date, last: date,
            top: int = TOP_ARTICLES,
            delivered: dict[str, tuple[int, ...]] | None = None) -> Dashboard:
    """Add ``sales`` up (see the module's doc); ``delivered``: the line numbers (1-based) sent
    home per sale id."""
    sales = list(sales)
    delivered = delivered or {}
    channels: dict[str, list] = {c: [set(), 0, 0, 0] for c in CHANNELS}
    for s in sales:
        sent = delivered.get(s.id, ())
        for no, line in enumerate(s.lines, 1):
            if not is_goods_line(line):
                continue
            c = channels[line_channel(s, line, no in sent)]
            c[0].add(s.id)
            c[1] += line.total
            c[2] += 0 if line.is_return else line.quantity
            c[3] += -line.total if line.is_return else 0
    selling = [s for s in sales if _sells(s)]
    returns = [s for s in sales if s.return_lines]
    hours = [0] * 24
    days = {first + timedelta(days=i): [0, 0] for i in range((last - first).days + 1)}
    methods: dict[str, list] = {}
    articles: dict[tuple[str, str], list[int]] = {}
    registers: dict[str, list[int]] = {}
    for s in sales:
        goods = s.taken_for(GOODS)
        hours[s.completed_at.hour] += goods
        sells = 1 if _sells(s) else 0
        day = days.setdefault(s.completed_at.date(), [0, 0])
        day[0] += sells
        day[1] += goods
        reg = registers.setdefault(s.register_id, [0, 0])
        reg[0] += sells
        reg[1] += goods
        for t in s.tenders:
            m = methods.setdefault(t.method.id, [t.method.label, 0, 0, 0])
            m[1] += t.amount
            m[2] += 1
            m[3] += -t.amount if t.amount < 0 else 0
        for line in s.goods_lines:
            a = articles.setdefault((line.sku, line.name), [0, 0])
            a[0] += -abs(line.quantity) if line.is_return or line.total < 0 else line.quantity
            a[1] += line.total
    per_method = tuple(sorted((MethodFigure(k, v[0], v[1], v[2], v[3])
                               for k, v in methods.items()),
                              key=lambda m: (-m.amount, m.method_id)))
    # what sold, net of what came back: an article all returned again is no top article
    top_articles = tuple(sorted((ArticleFigure(sku, name, q, t)
                                 for (sku, name), (q, t) in articles.items() if q > 0 and t > 0),
                                key=lambda a: (-a.total, a.sku))[:top])
    return Dashboard(
        first=first, last=last, receipts=len(selling),
        net_sales=sum(s.taken_for(GOODS) for s in sales),
        gross_sales=sum(s.goods_sold for s in sales),
        returns_count=len(returns), returns_total=sum(s.refunded for s in returns),
        items=sum(s.goods_count for s in sales), discounts=sum(s.discount for s in sales),
        rounding=sum(s.rounding for s in sales),
        per_hour=tuple(enumerate(hours)),
        per_day=tuple((d, v[0], v[1]) for d, v in sorted(days.items())), per_method=per_method,
        per_vat=tuple(vat_of_receipts(s.goods_vat for s in sales)),
        returns_vat=tuple(vat_of_receipts(
            vat_breakdown((ln.vat_rate, -ln.total) for ln in s.return_lines) for s in returns)),
        per_register=tuple(RegisterFigure(r, v[0], v[1]) for r, v in sorted(registers.items())),
        top_articles=top_articles,
        invoice_payments=sum(s.taken_for(INVOICE_PAYMENT) for s in sales),
        gift_cards_sold=sum(s.taken_for(GIFT_CARD) for s in sales),
        per_channel=tuple(ChannelFigure(c, len(v[0]), v[1], v[2], v[3])
                          for c, v in channels.items()))


def _sells(s: Sale) -> bool:
    """A receipt that sold something (as the Z report counts its sales)."""
    return s.sells_goods
