"""Campaigns and prices (read-only): the promotions the last sync stored, as the tills apply
them (``pos.sync.promotion_sync.load_promotions``), split into those running now, those that
start later and the rest (ended, used up, not active); and an article's price at the till now:
one unit put in a cart with the synced promotions, priced by the till's own ``Cart.totals``
(automatic promotions only: a code is the customer's to give).

Campaign dates are UTC (``utc_now``), as the till compares them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pos.cart import Cart
from pos.promotions import Promotion, PromotionBook
from pos.services.unit_of_work import UnitOfWork
from pos.sync.promotion_sync import load_promotion_context, load_promotions

ARTICLES = 20


@dataclass(frozen=True)
class Campaigns:
    running: tuple[Promotion, ...]  # live now, by end date (soonest first)
    upcoming: tuple[Promotion, ...]  # active, starting later, by start date
    other: tuple[Promotion, ...]  # ended, used up or not active


@dataclass(frozen=True)
class TillPrice:
    sku: str
    name: str
    price: int  # öre, the list price of one unit
    at_till: int  # öre, what the till charges for one unit now
    promotions: tuple[str, ...]  # the promotions that gave something


def campaigns(uow: UnitOfWork, utc_now: datetime) -> Campaigns:
    with uow:
        promotions = load_promotions(uow.sync_state)
    running = [p for p in promotions if p.is_live(utc_now)]
    upcoming = [p for p in promotions if p.status == "active" and p.starts_at is not None
                and p.starts_at > utc_now and p not in running]
    other = [p for p in promotions if p not in running and p not in upcoming]
    far = datetime.max
    return Campaigns(tuple(sorted(running, key=lambda p: (p.ends_at or far, p.label))),
                     tuple(sorted(upcoming, key=lambda p: (p.starts_at or far, p.label))),
                     tuple(sorted(other, key=lambda p: p.label)))


def till_prices(uow: UnitOfWork, text: str, utc_now: datetime,
                limit: int = ARTICLES) -> list[TillPrice]:
    """The articles ``text`` finds (a scanned code first, else the catalogue's search), each
    with what the till charges for one now."""
    with uow:
        found = uow.catalog.by_code(text.strip()) if text.strip() else None
        variants = [found] if found is not None else uow.catalog.search(text.strip(), limit)
        book = PromotionBook(tuple(load_promotions(uow.sync_state)),
                             context=load_promotion_context(uow.sync_state),
                             clock=lambda: utc_now)
    out = []
    for v in variants:
        cart = Cart(book=book)
        cart.add(v, 1)
        t = cart.totals()
        out.append(TillPrice(v.sku, v.name, v.price, t.total, t.applied))
    return out
