"""Product interest counted by the central store (shelf-label QR scans by phones)."""
from __future__ import annotations

from datetime import date
from typing import Protocol, runtime_checkable

from pos.interest import CentralInterestCount




@runtime_checkable
class CentralInterest(Protocol):
    """Product interest the central store counted (shelf-label QR scans by phones)."""

    def interest_between(self, first: date, last: date,
                         store: str | None = None) -> list[CentralInterestCount]:
        """Counts per SKU, store key, day and source of the days ``first`` to ``last``
        (inclusive), of one store key when ``store`` is given. ``CommerceUnavailable`` when the
        central store cannot be reached."""
