"""The Interest page's named operations: the central store's shelf-QR counts asked on the
``network`` lane (never the database's or the GUI's), then the report read on the database's
``register`` lane with them (``pos.queries.interest``)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from pos.ports import CommerceUnavailable
from pos.queries.interest import interest_report
from pos.services.interest import CentralCounts, central_counts
from ui.backoffice.context import BackofficeContext
from ui.lanes import Lanes
from ui.ops import Operation

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None] | None


def central_interest(lanes: Lanes, ctx: BackofficeContext, first: date, last: date, *,
                     on_done: Done, on_error: Failed = None) -> Operation:
    """``on_done(CentralCounts)``: the counts, or none and why (no central store, unreachable)."""
    def run() -> CentralCounts:
        if ctx.central is None:
            return CentralCounts(None, "no_central")
        try:
            store = ctx.central()
        except CommerceUnavailable as e:
            return CentralCounts(None, f"unavailable: {e}")
        except Exception as e:  # noqa: BLE001 - building it failed (its state file, its key)
            return CentralCounts(None, f"unavailable: {e}")
        return central_counts(getattr(store, "interest", None) if store is not None else None,
                              first, last)
    return lanes.network.run(run, on_done, on_error, label="central_interest")


def interest(lanes: Lanes, ctx: BackofficeContext, first: date, last: date,
             central: CentralCounts, store: str | None, *, on_done: Done,
             on_error: Failed = None) -> Operation:
    return lanes.register.run(
        lambda: interest_report(ctx.uow(), first, last, central.counts, store),
        on_done, on_error, label="interest")
