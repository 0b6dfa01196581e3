"""Stock everywhere: an article's available units here, in the other stores and in the web
warehouse, fresh from the central store with the time of the figure; when the central store
cannot be reached, the figures the last sync left in the till's database, with their sync time
and marked as not fresh.

Runs on the network lane (``ui/till/stock_dialog.py``) and in ``main.py stock``: it waits on the
central store, never on the register's state.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from pos.catalog import Variant
from pos.delivery import DeliveryRules
from pos.errors import UserError, messages
from pos.ports import CommerceUnavailable, StockDirectory
from pos.services.unit_of_work import UnitOfWork
from pos.stock import StockLevel, StockReport

MESSAGES = messages({
    "stock.unknown_code": "No article has the code {code}",
})


class StockLookupError(UserError):
    pass


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def find_article(uow: UnitOfWork, code: str) -> Variant:
    """The article a scanned or typed code names (EAN/GTIN, SKU or PLU, as a scan is resolved)."""
    with uow:
        variant = uow.catalog.by_code(code.strip())
    if variant is None:
        raise StockLookupError("stock.unknown_code", code=code.strip())
    return variant


def stock_report(uow: UnitOfWork, directory: StockDirectory | None, variant: Variant,
                 here: str, rules: DeliveryRules | None = None,
                 clock: Callable[[], datetime] = utc_now) -> StockReport:
    """``variant``'s stock at every location: fresh from ``directory`` (the central store), or,
    when it cannot be reached (or there is none), the last synced figures, marked not fresh."""
    rules = rules or DeliveryRules()
    why = "no central store"
    if directory is not None:
        try:
            levels = directory.stock_of(variant.sku)
            at = clock()
            return StockReport(variant.sku, variant.name, here, _ordered(levels, here, rules),
                               at, fresh=True)
        except CommerceUnavailable as e:
            why = e.message
    with uow:
        synced = uow.catalog.stock_for(variant.id)
        synced_at = uow.catalog.stock_synced_at(variant.id)
    levels = [StockLevel(variant.sku, lv.location_id,
                         rules.names.get(lv.location_id, lv.location_name), lv.stocked,
                         lv.reserved) for lv in synced]
    as_of = synced_at.replace(tzinfo=timezone.utc) if synced_at is not None else None
    return StockReport(variant.sku, variant.name, here, _ordered(levels, here, rules), as_of,
                       fresh=False, why_not_fresh=why)


def _ordered(levels: list[StockLevel], here: str, rules: DeliveryRules) -> tuple[StockLevel, ...]:
    """This store first, then the others nearest first (the store's delivery order), then the
    rest by name."""
    order = rules.order_for(here)
    rank = {loc: i for i, loc in enumerate((here, *order))}
    return tuple(sorted(levels, key=lambda lv: (rank.get(lv.location_id, len(rank)),
                                                lv.location_name)))


def report_dict(report: StockReport) -> dict[str, object]:
    """For ``main.py stock --json``."""
    return {"sku": report.sku, "name": report.name, "here": report.here, "fresh": report.fresh,
            "as_of": report.as_of.isoformat() if report.as_of else None,
            "why_not_fresh": report.why_not_fresh or None,
            "locations": [{"location_id": lv.location_id, "name": lv.location_name,
                           "here": lv.location_id == report.here, "available": lv.available,
                           "stocked": lv.stocked, "reserved": lv.reserved}
                          for lv in report.levels]}
