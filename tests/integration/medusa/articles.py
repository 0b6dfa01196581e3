"""Random demo articles for tests against the shared local Medusa: another article each run, so
that runs against the same server do not take each other's stock, but always one the test can
use as it means to (scanned by its GTIN, a whole unit, dear enough for the tenders it takes).

A random choice is only honest when every article it can draw fits the test: a CI run once drew
a 149,00 kr article for a test that paid 150,00 kr of it by gift card."""
from __future__ import annotations

import random

from pos.demo.catalog import demo_stock, demo_variants


def in_stock(location: str, n: int = 1, *, minimum: int = 5, figure: str = "stocked",
             price_over: int = 0) -> list:
    """``n`` distinct demo variants sold per unit (not by weight) with a GTIN, each with at least
    ``minimum`` units at ``location`` by ``figure`` ("stocked" or "available") and a price over
    ``price_over`` öre. Raises ValueError when fewer than ``n`` fit."""
    stock = {(s.variant_id, s.location_id): getattr(s, figure) for s in demo_stock()}
    pool = [v for v in demo_variants() if not v.sold_by_weight and v.ean
            and v.price > price_over and stock.get((v.id, location), 0) >= minimum]
    return random.sample(pool, n)


def one_in_stock(location: str, **kwargs):
    """One variant as :func:`in_stock` picks them."""
    return in_stock(location, 1, **kwargs)[0]
