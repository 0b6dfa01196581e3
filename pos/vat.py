"""Swedish VAT (moms) on tax-inclusive prices, and a breakdown per rate that always adds up."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from pos.money import round_ore


class VatRate(Enum):
    """The rates a Swedish register knows; the value is the percentage as a string."""

    STANDARD = "25"
    FOOD = "12"  # food, hotels
    REDUCED = "6"  # books, newspapers, culture, passenger transport
    ZERO = "0"

    @property
    def percent(self) -> Decimal:
        return Decimal(self.value)

    @classmethod
    def from_percent(cls, percent: object) -> "VatRate":
        text = str(Decimal(str(percent)).normalize())
        for rate in cls:
            if rate.value == text:
                return rate
        raise ValueError(f"{percent}% is not a Swedish VAT rate (25, 12, 6 or 0)")


def vat_included(gross: int, rate: VatRate) -> int:
    """The VAT contained in a tax-inclusive amount of öre: gross * r / (100 + r), rounded."""
    return round_ore(Decimal(gross) * rate.percent / (Decimal(100) + rate.percent))


@dataclass(frozen=True)
class VatLine:
    rate: VatRate
    gross: int  # including VAT
    vat: int

    @property
    def net(self) -> int:
        return self.gross - self.vat


def vat_breakdown(amounts: Iterable[tuple[VatRate, int]]) -> list[VatLine]:
    """Group tax-inclusive amounts by rate and compute VAT once per rate.

    Computing per rate on the summed gross (not per line) means the breakdown's gross always adds
    up to the total and the VAT is what a tax inspector recomputes from the receipt.
    Rates are listed highest first; a rate whose gross sums to zero is left out.
    """
    sums: dict[VatRate, int] = {}
    for rate, gross in amounts:
        sums[rate] = sums.get(rate, 0) + gross
    order = sorted(sums, key=lambda r: r.percent, reverse=True)
    return [VatLine(r, sums[r], vat_included(sums[r], r)) for r in order if sums[r] != 0]


def vat_of_receipts(receipts: Iterable[Iterable[VatLine]]) -> list[VatLine]:
    """Add up receipts' VAT per rate: the gross and the VAT each receipt printed, not the VAT
    recomputed from the summed gross (which can differ by an öre per few receipts). An X/Z report
    must agree with its receipts (SKVFS 2021:17: the report sums what was registered).
    Rates highest first; a rate whose gross sums to zero is left out."""
    gross: dict[VatRate, int] = {}
    vat: dict[VatRate, int] = {}
    for lines in receipts:
        for v in lines:
            gross[v.rate] = gross.get(v.rate, 0) + v.gross
            vat[v.rate] = vat.get(v.rate, 0) + v.vat
    order = sorted(gross, key=lambda r: r.percent, reverse=True)
    return [VatLine(r, gross[r], vat[r]) for r in order if gross[r] != 0]
