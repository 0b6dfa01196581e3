"""Stock counts (inventering) from the back office and ``main.py stock count FILE.csv``.

A count is saved as it goes (every scan or typed figure is committed at once: a count in
progress survives a crash or a restart and is picked up where it was). When posted, each line's
difference (``pos.stock_count``: counted minus expected at count time, an *adjustment*, never an
absolute overwrite; the module says why) is queued in the outbox, in the same transaction that
marks the count posted and journals who posted it, with one idempotency key per count line:
the central store applies each exactly once, after a lost answer or a restart too
(``pos.sync.stock_events``).

Counting an article asks the central store for this store's stocked figure the first time the
article is counted (the ``expected``): these calls wait on the network and run on the network
lane; the database work is short transactions of its own.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime, timezone

from pos.catalog import Variant
from pos.journal import Kind
from pos.ports import StockDirectory
from pos.services.backoffice import journal
from pos.services.stock_lookup import find_article, stock_report
from pos.services.unit_of_work import UnitOfWork
from pos.stock_count import (CountLine, CountScope, CountStatus, FileProblem, ScopeKind,
                             StockCount, StockCountError, Threshold, adjustments,
                             check_counted, parse_count_file, uncounted_lines, with_counted)
from pos.sync.outbox import enqueue
from pos.sync.stock_events import STOCK_ADJUSTMENT

DEFAULT_THRESHOLD = Threshold()


def utc_naive(t: datetime) -> datetime:
    return t.astimezone(timezone.utc).replace(tzinfo=None) if t.tzinfo else t


def current_count(uow: UnitOfWork, location_id: str) -> StockCount | None:
    """The count open at ``location_id`` (one at a time), with its lines; None."""
    with uow:
        return uow.stock_counts.open_count(location_id)


def get_count(uow: UnitOfWork, count_id: str) -> StockCount:
    with uow:
        count = uow.stock_counts.get(count_id)
    if count is None:
        raise StockCountError("stock_count.unknown", count_id=count_id)
    return count


def start_count(uow: UnitOfWork, now: datetime, by: str, location_id: str,
                scope: CountScope = CountScope()) -> StockCount:
    """A new count of ``scope`` at ``location_id``; refused while another is open there."""
    with uow:
        open_ = uow.stock_counts.open_count(location_id)
        if open_ is not None:
            raise StockCountError("stock_count.one_open", started=f"{open_.started_at:%Y-%m-%d %H:%M}",
                                  by=open_.started_by)
        count = StockCount(id=f"SC-{now:%Y%m%d}-{uuid.uuid4().hex[:8]}", location_id=location_id,
                           scope=scope, status=CountStatus.OPEN, started_at=now, started_by=by)
        uow.stock_counts.add(count)
        journal(uow, now, Kind.STOCK_COUNT_STARTED, {"count": count.id, "location": location_id,
                                                     "scope": scope.kind.value,
                                                     "scope_value": scope.value}, by)
        uow.commit()
    return count


def in_scope(uow: UnitOfWork, scope: CountScope, variant: Variant) -> bool:
    """Is ``variant`` in the count's scope? (call inside an open unit of work)"""
    if scope.kind in (ScopeKind.ALL, ScopeKind.WHOLE_STORE):
        return True
    if scope.kind is ScopeKind.SELECTION:
        return variant.sku in scope.skus()
    info = uow.kiosk.product(variant.product_id) if variant.product_id else None
    return info is not None and any(cid == scope.value for cid, _ in info.categories)


@dataclass(frozen=True)
class Expected:
    stocked: int
    fresh: bool
    at: datetime | None


def expected_here(uow: UnitOfWork, directory: StockDirectory | None, variant: Variant,
                  here: str, clock: Callable[[], datetime]) -> Expected:
    """This store's stocked units of ``variant`` now: from the central store when it answers,
    else the last synced figure (``fresh`` False). Stocked, not available: reserved units are
    still on the shelf until they are picked."""
    report = stock_report(uow, directory, variant, here,
                          clock=lambda: clock().astimezone(timezone.utc))
    level = report.at(here)
    at = utc_naive(report.as_of) if report.as_of else None
    return Expected(level.stocked if level else 0, report.fresh, at)


def count_article(uow: UnitOfWork, directory: StockDirectory | None, count_id: str, code: str,
                  now: datetime, here: str, *, add: int = 1, set_to: int | None = None,
                  clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)
                  ) -> tuple[StockCount, CountLine]:
    """A scan (``add`` units, 1 by default) or a typed figure (``set_to``) for the article
    ``code`` names (EAN, SKU or PLU). The first time an article is counted its expected figure
    is read (``expected_here``) and kept: later scans do not read it again. Saved at once."""
    variant = find_article(uow, code)
    with uow:
        count = uow.stock_counts.get(count_id)
        if count is None:
            raise StockCountError("stock_count.unknown", count_id=count_id)
        count.check_open()
        if not in_scope(uow, count.scope, variant):
            raise StockCountError("stock_count.out_of_scope", name=variant.name)
        known = count.line(variant.id)
    expected = None if known is not None else expected_here(uow, directory, variant, here, clock)
    with uow:
        count = uow.stock_counts.get(count_id, lock=True)
        assert count is not None
        count.check_open()
        line = count.line(variant.id)  # counted meanwhile (another scan): keep its expected
        if line is None:
            assert expected is not None
            line = CountLine(variant_id=variant.id, sku=variant.sku, ean=variant.ean,
                             name=variant.name, expected=expected.stocked, counted=0,
                             unit_value=variant.price, value_basis="price",
                             expected_at=expected.at, expected_fresh=expected.fresh)
        counted = set_to if set_to is not None else line.counted + add
        line = with_counted(line, counted, now)
        uow.stock_counts.save_line(count_id, line)
        uow.commit()
        count = uow.stock_counts.get(count_id)
        assert count is not None
    return count, line


def set_counted(uow: UnitOfWork, count_id: str, variant_id: str, counted: int,
                now: datetime) -> StockCount:
    """A typed figure for an article already in the count."""
    check_counted(counted)
    with uow:
        count = uow.stock_counts.get(count_id, lock=True)
        if count is None:
            raise StockCountError("stock_count.unknown", count_id=count_id)
        count.check_open()
        line = count.line(variant_id)
        if line is None:
            raise StockCountError("stock_count.unknown", count_id=f"{count_id}/{variant_id}")
        uow.stock_counts.save_line(count_id, with_counted(line, counted, now))
        uow.commit()
        count = uow.stock_counts.get(count_id)
        assert count is not None
        return count


def remove_line(uow: UnitOfWork, count_id: str, variant_id: str) -> StockCount:
    """An article taken out of the count (counted by mistake)."""
    with uow:
        count = uow.stock_counts.get(count_id, lock=True)
        if count is None:
            raise StockCountError("stock_count.unknown", count_id=count_id)
        count.check_open()
        uow.stock_counts.remove_line(count_id, variant_id)
        uow.commit()
        count = uow.stock_counts.get(count_id)
        assert count is not None
        return count


def cancel_count(uow: UnitOfWork, count_id: str, now: datetime, by: str) -> None:
    with uow:
        count = uow.stock_counts.get(count_id, lock=True)
        if count is None:
            raise StockCountError("stock_count.unknown", count_id=count_id)
        count.check_open()
        uow.stock_counts.set_status(count_id, CountStatus.CANCELLED)
        journal(uow, now, Kind.STOCK_COUNT_CANCELLED, {"count": count_id,
                                                       "articles": len(count.lines)}, by)
        uow.commit()


def cancel_open(uow: UnitOfWork, location_id: str, now: datetime, by: str) -> StockCount:
    """Cancel the count open at ``location_id`` (``main.py stock count --cancel``), journaled
    with who cancelled it; returns the count cancelled."""
    open_ = current_count(uow, location_id)
    if open_ is None:
        raise StockCountError("stock_count.none_open")
    cancel_count(uow, open_.id, now, by)
    return open_


def uncounted(uow: UnitOfWork, count_id: str) -> list[CountLine]:
    """A whole-store count's articles not counted, as they would be posted: counted 0, expected
    this store's synced figure (``pos.stock_count.uncounted_lines``); [] for a partial count.
    What the manager sees before posting ("N articles not counted will be set to 0")."""
    with uow:
        count = uow.stock_counts.get(count_id)
        if count is None:
            raise StockCountError("stock_count.unknown", count_id=count_id)
        if not count.scope.zeroes_uncounted:
            return []
        return uncounted_lines(count, uow.catalog.stocked_at(count.location_id))


def needing_confirmation(count: StockCount, threshold: Threshold = DEFAULT_THRESHOLD
                         ) -> list[CountLine]:
    return threshold.exceeded_by(count.lines)


def post_count(uow: UnitOfWork, count_id: str, now: datetime, by: str, *,
               confirmed: bool = False, threshold: Threshold = DEFAULT_THRESHOLD,
               queued_at: datetime | None = None,
               zero_uncounted: Collection[str] | None = None) -> list[str]:
    """Post an open count: one adjustment per line that differs queued for the central store
    (kind ``stock_adjustment``, key per count line), this store's synced stock corrected by the
    same differences, the count marked posted and journaled with who posted it and its totals,
    all in one transaction (nothing half-posted). Lines beyond ``threshold`` need ``confirmed``.

    A whole-store count also counts as 0 every article stocked here that was not counted
    (``uncounted``): ``zero_uncounted`` names the SKUs the manager saw and confirmed; without it
    (when there are any) the post is refused (``stock_count.uncounted_unconfirmed``), and when
    the list is no longer the same (a sync or a sale changed it) too
    (``stock_count.uncounted_changed``): what is set to 0 is exactly what was shown. They are
    added to the count as lines counted 0 and posted as absolute counts.
    Returns the outbox keys queued (none when nothing differed)."""
    with uow:
        count = uow.stock_counts.get(count_id, lock=True)
        if count is None:
            raise StockCountError("stock_count.unknown", count_id=count_id)
        count.check_open()
        if not count.lines:
            raise StockCountError("stock_count.nothing_counted")
        big = threshold.exceeded_by(count.lines)
        if big and not confirmed:
            raise StockCountError("stock_count.needs_confirmation", lines=len(big),
                                  threshold=threshold.units,
                                  value=f"{threshold.value // 100}")
        zeroed = uncounted_lines(count, uow.catalog.stocked_at(count.location_id), now)
        if zeroed:
            if zero_uncounted is None:
                raise StockCountError("stock_count.uncounted_unconfirmed", articles=len(zeroed),
                                      units=sum(ln.expected for ln in zeroed))
            if {ln.sku for ln in zeroed} != set(zero_uncounted):
                raise StockCountError("stock_count.uncounted_changed", articles=len(zeroed))
            for ln in zeroed:
                uow.stock_counts.save_line(count_id, ln)
            count = uow.stock_counts.get(count_id, lock=True)
            assert count is not None
        keys = []
        for adj in adjustments(count):
            enqueue(uow.outbox, STOCK_ADJUSTMENT, adj.key, adj.to_dict(), queued_at)
            keys.append(adj.key)
        for ln in count.lines:
            if ln.difference:
                uow.catalog.adjust_stock(ln.variant_id, count.location_id, ln.difference)
        uow.stock_counts.set_status(count_id, CountStatus.POSTED, now, by)
        t = count.totals
        journal(uow, now, Kind.STOCK_COUNT_POSTED, {
            "count": count_id, "location": count.location_id, "articles": t.articles,
            "counted_units": t.counted_units, "expected_units": t.expected_units,
            "difference_value": t.difference_value, "confirmed": bool(big),
            "scope": count.scope.kind.value,
            "uncounted_set_to_zero": [{"sku": ln.sku, "expected": ln.expected}
                                      for ln in zeroed],
            "lines": [{"sku": ln.sku, "expected": ln.expected, "counted": ln.counted,
                       "difference": ln.difference, "fresh": ln.expected_fresh}
                      for ln in count.lines if ln.difference or not ln.expected_fresh]}, by)
        uow.commit()
    return keys


# --- a count from a file ---------------------------------------------------------------------------

@dataclass(frozen=True)
class FilePostResult:
    count: StockCount
    keys: list[str]


def _checked_file_lines(uow: UnitOfWork, text: str) -> list[tuple[Variant, int]]:
    """A count file's articles and counts, inside ``uow``; every bad line (unknown code, bad or
    negative number, counted twice) named in one StockCountError ``stock_count.csv_errors``."""
    lines, problems = parse_count_file(text)
    found: list[tuple[Variant, int]] = []
    for fl in lines:
        variant = uow.catalog.by_code(fl.code)
        if variant is None:
            problems.append(FileProblem(fl.line, "stock_count.csv_unknown", {"code": fl.code}))
        else:
            found.append((variant, fl.counted))
    if problems:
        problems.sort(key=lambda p: p.line)
        raise StockCountError("stock_count.csv_errors", count=len(problems),
                              errors="; ".join(p.error().message for p in problems))
    return found


def file_uncounted(uow: UnitOfWork, text: str, here: str) -> list[CountLine]:
    """A whole-store count file's articles not counted (``main.py stock count FILE.csv
    --whole-store`` lists them before posting): what the file's count would set to 0.
    Raises StockCountError ``stock_count.csv_errors`` first when the file has bad lines, as
    ``post_file`` does (a list of what would be zeroed is no answer to a file that cannot be
    posted)."""
    with uow:
        found = [v for v, _ in _checked_file_lines(uow, text)]
        stocked = uow.catalog.stocked_at(here)
    probe = StockCount(id="", location_id=here, scope=CountScope(ScopeKind.WHOLE_STORE),
                       status=CountStatus.OPEN, started_at=datetime.min, started_by="",
                       lines=tuple(CountLine(variant_id=v.id, sku=v.sku, ean=v.ean, name=v.name,
                                             expected=0, counted=0, unit_value=v.price)
                                   for v in found))
    return uncounted_lines(probe, stocked)


def post_file(uow: UnitOfWork, directory: StockDirectory | None, text: str, now: datetime,
              by: str, here: str, *, confirmed: bool = False,
              threshold: Threshold = DEFAULT_THRESHOLD,
              clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
              whole_store: bool = False, zero_uncounted: Collection[str] | None = None
              ) -> FilePostResult:
    """Post a count read from a file (``pos.stock_count.parse_count_file``). Every line is
    checked first (unknown code, bad or negative number, counted twice): any problem and nothing
    is counted nor posted (``stock_count.csv_errors`` names them all). Then a count of the
    file's articles is made, their expected figures read, and posted as ``post_count``; beyond
    the threshold it needs ``confirmed``: without it the count is cancelled again (nothing
    half-posted, no count left open) and the error says how many lines. ``whole_store``: the
    count is of the whole store, and the articles stocked here the file does not name are set
    to 0 (``zero_uncounted``: their SKUs as shown by ``file_uncounted``, as ``post_count``)."""
    with uow:
        found = _checked_file_lines(uow, text)
        open_ = uow.stock_counts.open_count(here)
    if open_ is not None:
        raise StockCountError("stock_count.one_open", started=f"{open_.started_at:%Y-%m-%d %H:%M}",
                              by=open_.started_by)
    expected = [(v, n, expected_here(uow, directory, v, here, clock)) for v, n in found]
    scope = (CountScope(ScopeKind.WHOLE_STORE, "", "file") if whole_store
             else CountScope(ScopeKind.SELECTION, ",".join(v.sku for v, _ in found), "file"))
    count = start_count(uow, now, by, here, scope)
    try:
        with uow:
            for v, n, exp in expected:
                uow.stock_counts.save_line(count.id, CountLine(
                    variant_id=v.id, sku=v.sku, ean=v.ean, name=v.name, expected=exp.stocked,
                    counted=n, unit_value=v.price, value_basis="price", expected_at=exp.at,
                    expected_fresh=exp.fresh, updated_at=now))
            uow.commit()
        keys = post_count(uow, count.id, now, by, confirmed=confirmed, threshold=threshold,
                          zero_uncounted=zero_uncounted)
    except Exception:
        cancel_count(uow, count.id, now, by)  # nothing half-posted, no count left open
        raise
    return FilePostResult(get_count(uow, count.id), keys)
