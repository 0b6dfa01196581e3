"""Product interest for the back office and the command line: the central store's shelf-QR
counts asked for (on a network worker), then the report read with them (``pos.queries.interest``)
on the database's worker. When the central store cannot be asked the report is the kiosks' own
figures, and says so (``CentralInterestMissing`` carries why)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pos.interest import CentralInterestCount
from pos.ports import CentralInterest, CommerceUnavailable


@dataclass(frozen=True)
class CentralCounts:
    """The central store's counts, or None with the reason it could not be asked."""
    counts: tuple[CentralInterestCount, ...] | None
    reason: str = ""  # "no_central": none configured; "unavailable": not reachable now

    @property
    def asked(self) -> bool:
        return self.counts is not None


def central_counts(directory: CentralInterest | None, first: date, last: date) -> CentralCounts:
    """Ask the central store (blocks: run it on a network worker). Unreachable or refusing:
    no counts and the reason, never an exception (the local figures are still worth showing)."""
    if directory is None:
        return CentralCounts(None, "no_central")
    if last < first:
        first, last = last, first
    try:
        return CentralCounts(tuple(directory.interest_between(first, last)))
    except CommerceUnavailable as e:
        return CentralCounts(None, f"unavailable: {e}")
