"""A stock count (inventering) of this store: what was expected of each article when it was
first counted, what was counted, the difference in units and in value, and the corrections a
posted count sends to the central store.

The adjustment rule (why a count posts a *difference*, not the counted figure)
-----------------------------------------------------------------------------
Counting takes time: between the moment an article is counted and the moment the count is
posted, the tills go on selling it, web orders are picked from the shelf, returns come back.
Each of those already changes the store's stocked quantity in the central store. Posting the
counted figure as the new absolute level ("stocked = counted") would erase every such movement
made after the count. So each count line records ``expected``: this store's stocked quantity
at the moment the article was first counted (fresh from the central store when it answers,
else the last synced figure, marked so), and posting sends ``delta = counted - expected`` as an
adjustment added to whatever the level is at posting time. Example: expected 10, counted 8
(two were missing), then 3 sold before the post: the central level is 7 at the post; the
adjustment of -2 leaves 5, which is what is on the shelf. An overwrite with 8 would have
"restored" the 3 sold units.

A line whose expected figure was NOT fresh (the central store did not answer: the synced figure
may be stale) cannot give a trustworthy difference, so it is posted as an *absolute count*:
``Adjustment.fresh`` False, and the central store sets the stocked quantity to ``counted``.
Sales made between such a count and its post are then the manager's call (docs/stock-count.md).

The rule's limit: a sale made at a till *before* the count whose order has not reached the
central store yet (the outbox was waiting) is in the physical count but not yet in
``expected``; when it arrives it lowers the level again. Posting a count while the tills' outbox
is empty (the Sync page shows it) avoids that.

Money is integer öre. An article's value is its cost when the catalogue has one, else its
price (tax-inclusive, the shelf price); the line says which (``value_basis``).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum

from pos.catalog import Variant
from pos.errors import UserError, messages

MESSAGES = messages({
    "stock_count.not_open": "The stock count {count_id} is {status}: it can no longer be changed",
    "stock_count.unknown": "There is no stock count {count_id}",
    "stock_count.negative": "A counted quantity cannot be negative ({counted})",
    "stock_count.too_many": "{counted} units is more than a count accepts (at most {max})",
    "stock_count.out_of_scope": "{name} is not among the articles this count takes",
    "stock_count.nothing_counted": "Nothing has been counted yet: there is nothing to post",
    "stock_count.needs_confirmation": "{lines} line(s) differ by more than {threshold} units or "
                                      "{value} kr: confirm to post them",
    "stock_count.one_open": "A stock count is already open here (started {started} by {by}): "
                            "finish or cancel it first",
    "stock_count.csv_empty": "The file has no count lines",
    "stock_count.csv_header": "The file's first line must name the columns ean_or_sku;counted "
                              "(found: {found})",
    "stock_count.csv_errors": "The file has {count} error(s); nothing was posted: {errors}",
    "stock_count.csv_unknown": "line {line}: no article has the code {code}",
    "stock_count.csv_number": "line {line}: '{value}' is not a whole number of units",
    "stock_count.csv_negative": "line {line}: a counted quantity cannot be negative ({value})",
    "stock_count.csv_twice": "line {line}: {code} was already counted on line {first}",
    "stock_count.csv_too_many": "line {line}: {value} units is more than a count accepts "
                                "(0 to {max})",
    "stock_count.csv_fraction": "line {line}: '{value}' is not a whole number: the central "
                                "store (Medusa) keeps whole units, so a weighed article is "
                                "counted in whole units (kg rounded to a whole number)",
    "stock_count.none_open": "No stock count is open here: there is nothing to cancel",
    "stock_count.uncounted_unconfirmed": "This is a whole-store count: {articles} article(s) "
                                         "not counted ({units} units) will be set to 0: "
                                         "confirm to post",
    "stock_count.uncounted_changed": "The articles not counted changed since they were shown "
                                     "({articles} now): look at the list again before posting",
})

MAX_COUNTED = 1_000_000


class StockCountError(UserError):
    pass


class CountStatus(str, Enum):
    OPEN = "open"
    POSTED = "posted"
    CANCELLED = "cancelled"


class ScopeKind(str, Enum):
    ALL = "all"  # any article of the store, partial: only what is counted changes
    WHOLE_STORE = "store"  # the whole store: what is not counted is counted as 0 when posted
    CATEGORY = "category"  # one category (its id in ``value``)
    SELECTION = "selection"  # chosen articles (their SKUs, comma separated, in ``value``)


@dataclass(frozen=True)
class CountScope:
    kind: ScopeKind = ScopeKind.ALL
    value: str = ""  # a category's id, or SKUs comma separated
    label: str = ""  # what a person reads: the category's name

    def skus(self) -> frozenset[str]:
        return frozenset(s.strip() for s in self.value.split(",") if s.strip())

    @property
    def zeroes_uncounted(self) -> bool:
        """A whole-store count: every article stocked here that was not counted is counted as
        0 when the count is posted (``uncounted_lines``)."""
        return self.kind is ScopeKind.WHOLE_STORE

    def describe(self) -> str:
        if self.kind is ScopeKind.WHOLE_STORE:
            return "whole store (not counted = 0)"
        if self.kind is ScopeKind.ALL:
            return "any articles (partial)"
        if self.kind is ScopeKind.CATEGORY:
            return f"category {self.label or self.value}"
        return f"{len(self.skus())} chosen articles"


@dataclass(frozen=True)
class CountLine:
    """One article of a count. ``expected``: this store's stocked units when it was first
    counted (``expected_fresh``: read from the central store then; else the synced figure);
    ``unit_value``: öre per unit (cost, else price, ``value_basis`` says which)."""

    variant_id: str
    sku: str
    ean: str
    name: str
    expected: int
    counted: int
    unit_value: int
    value_basis: str = "price"  # "cost" | "price"
    expected_at: datetime | None = None
    expected_fresh: bool = False
    updated_at: datetime | None = None

    @property
    def difference(self) -> int:
        """Counted minus expected: negative is missing, positive is more than expected."""
        return self.counted - self.expected

    @property
    def difference_value(self) -> int:
        """The difference's value in öre."""
        return self.difference * self.unit_value

    @property
    def counted_value(self) -> int:
        return self.counted * self.unit_value


@dataclass(frozen=True)
class StockCount:
    id: str
    location_id: str
    scope: CountScope
    status: CountStatus
    started_at: datetime
    started_by: str
    lines: tuple[CountLine, ...] = ()
    posted_at: datetime | None = None
    posted_by: str = ""

    @property
    def is_open(self) -> bool:
        return self.status is CountStatus.OPEN

    def line(self, variant_id: str) -> CountLine | None:
        return next((ln for ln in self.lines if ln.variant_id == variant_id), None)

    def check_open(self) -> None:
        if not self.is_open:
            raise StockCountError("stock_count.not_open", count_id=self.id,
                                  status=self.status.value)

    @property
    def totals(self) -> "CountTotals":
        return CountTotals.of(self.lines)


@dataclass(frozen=True)
class CountTotals:
    articles: int = 0
    counted_units: int = 0
    expected_units: int = 0
    missing_units: int = 0  # the sum of negative differences, as a positive number
    surplus_units: int = 0
    difference_value: int = 0  # öre, the net value of all differences
    missing_value: int = 0  # öre, positive

    @classmethod
    def of(cls, lines: tuple[CountLine, ...] | list[CountLine]) -> "CountTotals":
        return cls(articles=len(lines),
                   counted_units=sum(ln.counted for ln in lines),
                   expected_units=sum(ln.expected for ln in lines),
                   missing_units=-sum(ln.difference for ln in lines if ln.difference < 0),
                   surplus_units=sum(ln.difference for ln in lines if ln.difference > 0),
                   difference_value=sum(ln.difference_value for ln in lines),
                   missing_value=-sum(ln.difference_value for ln in lines if ln.difference < 0))


def check_counted(counted: int) -> int:
    if counted < 0:
        raise StockCountError("stock_count.negative", counted=counted)
    if counted > MAX_COUNTED:
        raise StockCountError("stock_count.too_many", counted=counted, max=MAX_COUNTED)
    return counted


def with_counted(line: CountLine, counted: int, at: datetime) -> CountLine:
    return replace(line, counted=check_counted(counted), updated_at=at)


@dataclass(frozen=True)
class Threshold:
    """Differences a manager confirms before they are posted: more than ``units`` units or more
    than ``value`` öre either way on one line."""

    units: int = 10
    value: int = 100_000  # 1 000 kr

    def exceeded_by(self, lines: tuple[CountLine, ...] | list[CountLine]) -> list[CountLine]:
        return [ln for ln in lines
                if abs(ln.difference) > self.units or abs(ln.difference_value) > self.value]


@dataclass(frozen=True)
class Adjustment:
    """What a posted count line asks the central store to do at ``location_id`` (the till's
    location key), once, by ``key``. ``fresh``: the line's expected figure was read from the
    central store when the article was counted, so the central store adds ``delta`` (counted -
    expected) to whatever the level is then. Not fresh (the synced figure, possibly stale):
    the difference is unknown, so the central store *sets* the stocked quantity to ``counted``
    (an absolute count; sales made between the count and the post are the manager's call)."""

    key: str
    sku: str
    location_id: str
    delta: int
    expected: int
    counted: int
    count_id: str
    fresh: bool = True

    @property
    def absolute(self) -> bool:
        return not self.fresh

    def to_dict(self) -> dict[str, object]:
        return {"sku": self.sku, "location_id": self.location_id, "delta": self.delta,
                "expected": self.expected, "counted": self.counted, "count_id": self.count_id,
                "fresh": self.fresh}

    @classmethod
    def from_dict(cls, d: dict[str, object], key: str) -> "Adjustment":
        return cls(key=key, sku=str(d["sku"]), location_id=str(d["location_id"]),
                   delta=int(d["delta"]), expected=int(d["expected"]),  # type: ignore[call-overload]
                   counted=int(d["counted"]), count_id=str(d["count_id"]),  # type: ignore[call-overload]
                   fresh=bool(d.get("fresh", True)))


def uncounted_lines(count: StockCount, stocked_here: list[tuple[Variant, int]],
                    at: datetime | None = None) -> list[CountLine]:
    """A whole-store count's articles not counted: each article this store holds stock of
    (``stocked_here``: the variant and its stocked units here, not 0: an oversold article's
    negative figure is as wrong as a positive one) that has no line, as a line counted 0. Its
    expected figure is the synced one, so it is not ``expected_fresh``: it is
    posted as an absolute count (the central store's stocked quantity set to 0), which is what
    a whole-store count says of an article nobody found, whatever was sold meanwhile. None for
    a partial count. Sorted by name."""
    if not count.scope.zeroes_uncounted:
        return []
    counted = {ln.variant_id for ln in count.lines}
    return sorted((CountLine(variant_id=v.id, sku=v.sku, ean=v.ean, name=v.name,
                             expected=units, counted=0, unit_value=v.price,
                             value_basis="price", expected_at=at, expected_fresh=False,
                             updated_at=at)
                   for v, units in stocked_here if units != 0 and v.id not in counted),
                  key=lambda ln: (ln.name, ln.sku))


def adjustment_key(count_id: str, sku: str) -> str:
    """The idempotency key of one posted count line (one per count and article)."""
    return f"stock-count:{count_id}:{sku}"


def adjustments(count: StockCount) -> list[Adjustment]:
    """The corrections a count posts: one per line whose fresh difference is not zero, and
    one per line whose expected figure was not fresh (sent as an absolute count: its
    difference against the central level is not known here, even when it looks like zero)."""
    return [Adjustment(adjustment_key(count.id, ln.sku), ln.sku, count.location_id,
                       ln.difference, ln.expected, ln.counted, count.id, ln.expected_fresh)
            for ln in count.lines if ln.difference != 0 or not ln.expected_fresh]


# --- counts from a file (main.py stock count FILE.csv) ---------------------------------------------

@dataclass(frozen=True)
class FileLine:
    line: int  # the file's line number (the header is line 1)
    code: str
    counted: int


@dataclass
class FileProblem:
    line: int
    code: str  # an error code of MESSAGES
    params: dict[str, object] = field(default_factory=dict)

    def error(self) -> StockCountError:
        return StockCountError(self.code, line=self.line, **self.params)


HEADER_CODE = ("ean_or_sku", "code", "ean", "sku")
HEADER_COUNTED = ("counted", "count", "quantity", "antal")


def parse_count_file(text: str) -> tuple[list[FileLine], list[FileProblem]]:
    """The lines of a count file: a header ``ean_or_sku;counted`` (``,`` or tab also accepted),
    then one article per line. Blank lines are skipped. Returns the good lines and every line's
    problem (bad number, negative, counted twice); codes are looked up by the caller."""
    body = text.lstrip("\ufeff")
    if not body.strip():
        raise StockCountError("stock_count.csv_empty")
    first = body.splitlines()[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    rows = list(csv.reader(io.StringIO(body), delimiter=delimiter))
    header = [h.strip().lower() for h in rows[0]]
    if len(header) < 2 or header[0] not in HEADER_CODE or header[1] not in HEADER_COUNTED:
        raise StockCountError("stock_count.csv_header", found=delimiter.join(rows[0])[:80])
    good: list[FileLine] = []
    problems: list[FileProblem] = []
    seen: dict[str, int] = {}
    for n, row in enumerate(rows[1:], start=2):
        if not row or not any(c.strip() for c in row):
            continue
        code = row[0].strip()
        raw = row[1].strip() if len(row) > 1 else ""
        digits = raw[1:] if raw.startswith("-") else raw
        if not digits.isascii() or not digits.isdigit():
            whole, sep, part = digits.replace(",", ".").partition(".")
            fraction = bool(sep) and whole.isascii() and whole.isdigit() and part.isdigit()
            problems.append(FileProblem(
                n, "stock_count.csv_fraction" if fraction else "stock_count.csv_number",
                {"value": raw}))
            continue
        if raw.startswith("-"):
            problems.append(FileProblem(n, "stock_count.csv_negative", {"value": raw}))
            continue
        if len(digits) > len(str(MAX_COUNTED)) or int(digits) > MAX_COUNTED:
            problems.append(FileProblem(n, "stock_count.csv_too_many",
                                        {"value": raw, "max": MAX_COUNTED}))
            continue
        counted = int(digits)
        if code in seen:
            problems.append(FileProblem(n, "stock_count.csv_twice",
                                        {"code": code, "first": seen[code]}))
            continue
        seen[code] = n
        good.append(FileLine(n, code, counted))
    if not good and not problems:
        raise StockCountError("stock_count.csv_empty")
    return good, problems
