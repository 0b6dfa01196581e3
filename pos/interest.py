"""Product interest: what customers asked about an article, per day, store and source, next to
what sold.

Sources: ``shelf_qr`` (a phone opened a shelf label's QR code: counted by the central store, see
``pos.shelf_qr`` and the Medusa app's ``/shelf/products/:handle``), and the kiosk's own counts
in the store's database (``scan``: the kiosk's scanner or camera read the article's barcode,
``scan_qr``: it read a shelf label's QR, ``search``: a search found it, ``view``: its product
page was opened).

Conversion is units sold per interest (2 sold of 8 interests: 0.25). It is only meaningful when
something was asked (no interest: no figure), and it compares with what sold in this store's
database (the tills' sales): interest counted in other stores has no sales here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

SHELF_QR = "shelf_qr"  # central: a phone opened a shelf label's QR
KIOSK_SCAN, KIOSK_SCAN_QR, KIOSK_SEARCH, KIOSK_VIEW = "scan", "scan_qr", "search", "view"
SOURCES = (SHELF_QR, KIOSK_SCAN_QR, KIOSK_SCAN, KIOSK_SEARCH, KIOSK_VIEW)


@dataclass(frozen=True)
class CentralInterestCount:
    """One row of the central store's counts: ``store`` the stock location key the label named
    ("" when it named none the central store knows)."""
    sku: str
    store: str
    day: date
    source: str
    count: int


@dataclass(frozen=True)
class ArticleInterest:
    """One article on one day: interest per source (summed over the stores asked for) and what
    sold of it in this store that day."""
    day: date
    sku: str
    name: str
    counts: dict[str, int] = field(default_factory=dict)
    sold_units: int = 0  # net of returns
    sold_total: int = 0  # öre paid, after discounts, net of returns

    def count(self, source: str) -> int:
        return self.counts.get(source, 0)

    @property
    def interest(self) -> int:
        return sum(self.counts.values())

    @property
    def conversion(self) -> Decimal | None:
        """Units sold per interest, two decimals; None when nothing was asked."""
        return conversion(self.sold_units, self.interest)


def conversion(sold_units: int, interest: int) -> Decimal | None:
    """Units sold per interest, two decimals (half up); None when nothing was asked (returns
    beyond the sales count as nothing sold)."""
    if interest <= 0:
        return None
    return (Decimal(max(sold_units, 0)) / Decimal(interest)).quantize(Decimal("0.01"),
                                                                      rounding=ROUND_HALF_UP)
