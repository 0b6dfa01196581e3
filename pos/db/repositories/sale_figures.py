"""The sales of a date range added up in SQL (SQLAlchemy Core, GROUP BY; SQLite and PostgreSQL)
for the back office's dashboard (``pos.queries.dashboard``): a month of 100 000 sales is a few
thousand grouped rows, not 100 000 ``Sale`` objects.

Each query returns plain tuples of integers and strings; the query layer gives them meaning.
A line's kind (``pos.sales.line_kind``) and its channel (``pos.queries.dashboard`` explains
the channels) are decided here in SQL the way the domain decides them in Python; a test holds
the two ways to the same figures on both databases.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import (BigInteger, Integer, and_, case, cast, distinct, exists, extract, func, literal,
                        or_, select)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from pos.db.models_delivery import SaleDeliveryRow
from pos.db.models_till import SaleLineRow, SaleRow, SaleTenderRow
from pos.gift_cards import GIFT_CARD_SKU
from pos.invoices import PAYMENT_VARIANT_PREFIX
from pos.payment_methods import known_method
from pos.sales import GIFT_CARD, GOODS, INVOICE_PAYMENT
from pos.vat import VatRate

# the channels (``pos.queries.dashboard.CHANNELS`` words them)
STORE, WEB_PICKUP, WEB_RETURN, SHIP_TO_HOME, WEB_CART = (
    "store", "web_pickup", "web_return", "ship_to_home", "web_cart")
# how a web order's return is stored (``pos.returns.ReturnOf.to_dict`` through json.dumps)
_WEB_ORDER_RETURN = '%"kind": "web_order"%'


@dataclass
class SaleAggregates:
    """The grouped rows of ``aggregate``; öre and counts."""

    # (register, day, hour, kind, is return, öre, units)
    lines: list[tuple[str, date, int, str, bool, int, int]] = field(default_factory=list)
    # (register, day, receipts that sold goods, receipts that took something back)
    receipts: list[tuple[str, date, int, int]] = field(default_factory=list)
    # (method id, label, öre, tenders, öre refunded)
    tenders: list[tuple[str, str, int, int, int]] = field(default_factory=list)
    # per VAT rate, each receipt's VAT as it printed it, added up: (rate, öre of the goods net
    # of returns, their VAT, öre the returned goods gave back, its VAT)
    vat: list[tuple[str, int, int, int, int]] = field(default_factory=list)
    # (sku, name, signed units, öre)
    articles: list[tuple[str, str, int, int]] = field(default_factory=list)
    # (channel, receipts, öre net, units sold, öre returned)
    channels: list[tuple[str, int, int, int, int]] = field(default_factory=list)
    discount: int = 0
    rounding: int = 0


def _kind() -> ColumnElement[Any]:
    return case((SaleLineRow.variant_id.like(PAYMENT_VARIANT_PREFIX + "%"), literal(INVOICE_PAYMENT)),
                (SaleLineRow.sku == GIFT_CARD_SKU, literal(GIFT_CARD)), else_=literal(GOODS))


def _is_return() -> ColumnElement[bool]:
    return SaleLineRow.return_json.is_not(None)


def _goods() -> ColumnElement[bool]:
    return and_(~SaleLineRow.variant_id.like(PAYMENT_VARIANT_PREFIX + "%"),
                SaleLineRow.sku != GIFT_CARD_SKU)


def _channel() -> ColumnElement[Any]:
    """A goods line's channel, ship-to-home aside (its lines are named in JSON: see
    ``aggregate``)."""
    return case((and_(_is_return(), SaleLineRow.return_json.like(_WEB_ORDER_RETURN)),
                 literal(WEB_RETURN)),
                (_is_return(), literal(STORE)),
                (SaleLineRow.order_id.is_not(None), literal(WEB_PICKUP)),
                (SaleRow.web_cart_id.is_not(None), literal(WEB_CART)), else_=literal(STORE))


def _vat_included(gross: Any, rate: Any) -> ColumnElement[Any]:
    """``pos.vat.vat_included`` in SQL: gross * p / (100 + p) rounded half up (away from zero),
    in integers, the same on SQLite and PostgreSQL (integer division truncates on both)."""
    cases = []
    for r in VatRate:
        p = int(r.percent)
        if p != r.percent:  # a rate of whole per cent only: the integer rounding below
            raise ValueError(f"VAT rate {r.value} is not whole per cent")
        d = 100 + p
        cases.append((rate == r.value, case(
            (gross >= 0, (gross * (2 * p) + d) // (2 * d)),
            else_=-((-gross * (2 * p) + d) // (2 * d)))))
    return case(*cases, else_=0)


def _day(value: Any) -> date:
    """``date(completed_at)``: a date on PostgreSQL, ``'YYYY-MM-DD'`` on SQLite."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def aggregate(s: Session, start: datetime, end: datetime) -> SaleAggregates:
    """The sales completed in ``[start, end)`` grouped (see ``SaleAggregates``)."""
    out = SaleAggregates()
    inside = and_(SaleRow.completed_at >= start, SaleRow.completed_at < end)
    day = func.date(SaleRow.completed_at)
    hour = cast(extract("hour", SaleRow.completed_at), Integer)
    kind = _kind()
    ret = _is_return()
    for reg, d, h, k, r, total, units in s.execute(
            select(SaleRow.register_id, day, hour, kind, ret, func.sum(SaleLineRow.total),
                   func.sum(SaleLineRow.quantity))
            .join(SaleLineRow, SaleLineRow.sale_id == SaleRow.id).where(inside)
            .group_by(SaleRow.register_id, day, hour, kind, ret)):
        out.lines.append((reg, _day(d), int(h), k, bool(r), int(total or 0), int(units or 0)))

    # per receipt: does it sell goods (or is it empty), does it take something back
    per_sale = (select(SaleLineRow.sale_id.label("sale_id"),
                       func.sum(case((and_(_goods(), ~ret), 1), else_=0)).label("sells"),
                       func.sum(case((ret, 1), else_=0)).label("returns"))
                .join(SaleRow, SaleRow.id == SaleLineRow.sale_id).where(inside)
                .group_by(SaleLineRow.sale_id).subquery())
    sells = case((or_(per_sale.c.sells > 0, per_sale.c.sale_id.is_(None)), 1), else_=0)
    takes = case((per_sale.c.returns > 0, 1), else_=0)
    for reg, d, n_sells, n_returns in s.execute(
            select(SaleRow.register_id, day, func.sum(sells), func.sum(takes))
            .outerjoin(per_sale, per_sale.c.sale_id == SaleRow.id).where(inside)
            .group_by(SaleRow.register_id, day)):
        out.receipts.append((reg, _day(d), int(n_sells or 0), int(n_returns or 0)))

    refunded = func.sum(case((SaleTenderRow.amount < 0, -SaleTenderRow.amount), else_=0))
    for method, amount, count, back, first_details in s.execute(
            select(SaleTenderRow.kind, func.sum(SaleTenderRow.amount), func.count(), refunded,
                   func.min(SaleTenderRow.details_json))
            .join(SaleRow, SaleRow.id == SaleTenderRow.sale_id).where(inside)
            .group_by(SaleTenderRow.kind)):
        out.tenders.append((method, _label(method, first_details), int(amount or 0),
                            int(count), int(back or 0)))

    # a receipt's VAT per rate (``pos.vat.vat_breakdown``) in SQL, then added up per rate
    per_receipt = (select(SaleLineRow.vat_rate.label("rate"),
                          # integers on PostgreSQL too (its sum of a bigint is numeric)
                          cast(func.sum(SaleLineRow.total), BigInteger).label("net"),
                          cast(func.sum(case((ret, -SaleLineRow.total), else_=0)),
                               BigInteger).label("back"))
                   .join(SaleRow, SaleRow.id == SaleLineRow.sale_id).where(inside, _goods())
                   .group_by(SaleLineRow.sale_id, SaleLineRow.vat_rate).subquery())
    for rate, net, net_vat, back, back_vat in s.execute(
            select(per_receipt.c.rate, func.sum(per_receipt.c.net),
                   func.sum(_vat_included(per_receipt.c.net, per_receipt.c.rate)),
                   func.sum(per_receipt.c.back),
                   func.sum(_vat_included(per_receipt.c.back, per_receipt.c.rate)))
            .group_by(per_receipt.c.rate)):
        out.vat.append((rate, int(net or 0), int(net_vat or 0), int(back or 0),
                        int(back_vat or 0)))

    signed = case((or_(ret, SaleLineRow.total < 0), -func.abs(SaleLineRow.quantity)),
                  else_=SaleLineRow.quantity)
    for sku, name, units, total in s.execute(
            select(SaleLineRow.sku, SaleLineRow.name, func.sum(signed), func.sum(SaleLineRow.total))
            .join(SaleRow, SaleRow.id == SaleLineRow.sale_id).where(inside, _goods())
            .group_by(SaleLineRow.sku, SaleLineRow.name)):
        out.articles.append((sku, name, int(units or 0), int(total or 0)))

    delivered = exists().where(SaleDeliveryRow.sale_id == SaleRow.id)
    channel = _channel()
    for ch, receipts, net, units, back in s.execute(
            select(channel, func.count(distinct(SaleRow.id)), func.sum(SaleLineRow.total),
                   func.sum(case((ret, 0), else_=SaleLineRow.quantity)),
                   func.sum(case((ret, -SaleLineRow.total), else_=0)))
            .join(SaleLineRow, SaleLineRow.sale_id == SaleRow.id)
            .where(inside, _goods(), ~delivered).group_by(channel)):
        out.channels.append((ch, int(receipts), int(net or 0), int(units or 0), int(back or 0)))
    out.channels.extend(_delivered_channels(s, inside))

    discount, rounding = s.execute(select(func.sum(SaleRow.discount),
                                          func.sum(SaleRow.rounding)).where(inside)).one()
    out.discount, out.rounding = int(discount or 0), int(rounding or 0)
    return out


def _delivered_channels(s: Session, inside: ColumnElement[bool]
                        ) -> Iterable[tuple[str, int, int, int, int]]:
    """The channels of the sales with lines sent home (few): their delivered lines (in
    ``sale_deliveries.line_nos_json``) are ship-to-home, the rest as any sale's."""
    rows = s.execute(select(SaleRow.id, SaleDeliveryRow.line_nos_json, SaleLineRow.line_no,
                            _channel(), _is_return(), SaleLineRow.total, SaleLineRow.quantity)
                     .join(SaleDeliveryRow, SaleDeliveryRow.sale_id == SaleRow.id)
                     .join(SaleLineRow, SaleLineRow.sale_id == SaleRow.id)
                     .where(inside, _goods())).all()
    sums: dict[str, list[Any]] = {}
    for sale_id, nos_json, line_no, ch, r, total, qty in rows:
        # as ``pos.queries.dashboard.line_channel``: a web order's line stays the web order's
        if ch in (STORE, WEB_CART) and line_no in set(json.loads(nos_json or "[]")):
            ch = SHIP_TO_HOME
        f = sums.setdefault(ch, [set(), 0, 0, 0])
        f[0].add(sale_id)
        f[1] += int(total)
        f[2] += 0 if r else int(qty)
        f[3] += -int(total) if r else 0
    return [(ch, len(f[0]), f[1], f[2], f[3]) for ch, f in sums.items()]


def _label(method: str, details_json: str | None) -> str:
    try:
        d = json.loads(details_json or "{}")
    except ValueError:
        d = {}
    m = d.get("method") if isinstance(d, dict) else None
    if isinstance(m, dict) and m.get("label"):
        return str(m["label"])
    return known_method(method).label


def sent_home(s: Session, start: datetime, end: datetime) -> dict[str, tuple[int, ...]]:
    """The line numbers (1-based) sent home of each sale completed in ``[start, end)``."""
    rows = s.execute(select(SaleDeliveryRow.sale_id, SaleDeliveryRow.line_nos_json)
                     .join(SaleRow, SaleRow.id == SaleDeliveryRow.sale_id)
                     .where(SaleRow.completed_at >= start, SaleRow.completed_at < end))
    return {sale_id: tuple(int(x) for x in json.loads(nos or "[]")) for sale_id, nos in rows}


def promoted_lines(s: Session, start: datetime, end: datetime
                   ) -> list[tuple[str, str, int, int, str]]:
    """The goods lines sold in ``[start, end)`` that a promotion gave something off:
    (sale id, sku, units, öre paid, the promotions' JSON ``[[code, id, öre], ...]``)."""
    rows = s.execute(select(SaleLineRow.sale_id, SaleLineRow.sku, SaleLineRow.quantity,
                            SaleLineRow.total, SaleLineRow.promotions_json)
                     .join(SaleRow, SaleRow.id == SaleLineRow.sale_id)
                     .where(SaleRow.completed_at >= start, SaleRow.completed_at < end, _goods(),
                            ~_is_return(), SaleLineRow.promotions_json.is_not(None),
                            SaleLineRow.promotions_json != ""))
    return [(sale_id, sku, int(q), int(t), str(p)) for sale_id, sku, q, t, p in rows]


def article_sales(s: Session, skus: Iterable[str], start: datetime, end: datetime
                  ) -> dict[str, tuple[int, int]]:
    """Units and öre of the articles ``skus`` sold in ``[start, end)`` (returns not counted)."""
    wanted = sorted(set(skus))
    if not wanted:
        return {}
    rows = s.execute(select(SaleLineRow.sku, func.sum(SaleLineRow.quantity),
                            func.sum(SaleLineRow.total))
                     .join(SaleRow, SaleRow.id == SaleLineRow.sale_id)
                     .where(SaleRow.completed_at >= start, SaleRow.completed_at < end, _goods(),
                            ~_is_return(), SaleLineRow.sku.in_(wanted))
                     .group_by(SaleLineRow.sku))
    return {sku: (int(q or 0), int(t or 0)) for sku, q, t in rows}
