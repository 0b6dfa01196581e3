"""Counting the drawer by denomination: Swedish notes and coins (SEK), each a count, the total in
öre. Riksbanken's series in circulation: notes of 1 000, 500, 200, 100, 50 and 20 kronor; coins of
10, 5, 2 and 1 krona."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pos.errors import UserError, messages

MESSAGES = messages({
    "count.unknown_denomination": "{amount} is not a Swedish note or coin",
    "count.negative": "A count cannot be negative ({amount}: {count})",
})

NOTES = (100_000, 50_000, 20_000, 10_000, 5_000, 2_000)  # öre
COINS = (1_000, 500, 200, 100)
DENOMINATIONS = NOTES + COINS


@dataclass(frozen=True)
class CashCount:
    """How many of each note and coin are in the drawer; ``pieces``: (denomination in öre,
    count), largest first, every denomination present."""

    pieces: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, counts: Mapping[int, int]) -> "CashCount":
        """From {denomination öre: count}; a denomination not given counts 0."""
        for denomination, count in counts.items():
            if denomination not in DENOMINATIONS:
                raise UserError("count.unknown_denomination", amount=_kr(denomination))
            if count < 0:
                raise UserError("count.negative", amount=_kr(denomination), count=count)
        return cls(tuple((d, int(counts.get(d, 0))) for d in DENOMINATIONS))

    @property
    def total(self) -> int:
        return sum(d * n for d, n in self.pieces)

    def to_list(self) -> list[list[int]]:
        """[[denomination, count], ...] of the denominations counted (for the journal)."""
        return [[d, n] for d, n in self.pieces if n]

    @classmethod
    def from_list(cls, rows: Iterable[Iterable[int]]) -> "CashCount":
        return cls.of({int(d): int(n) for d, n in rows})


def _kr(ore: int) -> str:
    return f"{ore // 100} kr"
