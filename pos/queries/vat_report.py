"""The VAT report (momsrapport) of a date range: per VAT rate the net, VAT and gross of the
sales and of the returns, each apart, and the balance to declare, over the sales of every
register of the store's database.

The figures are the Z reports' (``pos.shifts.build_report``), so the VAT report of the days a
set of shifts ran equals the sum of those shifts' Z reports:

- **balance** per rate: the VAT each receipt printed, added up (``vat_of_receipts``), as the
  Z report's ``vat`` and as each sale's journal line (``vat``) have it;
- **returns** per rate: what the returned lines gave back, the VAT computed per receipt over
  its returned lines (the Z report's ``returns_vat``), positive;
- **sales** per rate: the balance plus the returns. On a receipt that only sells, that is the
  VAT it printed; on an exchange (sold and returned lines on one receipt) the receipt printed
  one VAT over both, and the sold part is that less what the returned part gave back, so the
  three columns always add up to the öre (sales - returns = balance) and never drift from the
  receipts by a rounding.

Amounts are integer öre incl. VAT (gross), VAT, and net = gross - VAT. Times are the tills'
local wall-clock times; a range is of whole days, ``first`` to ``last`` inclusive.

The CSV (``csv_text``/``write_csv``; UTF-8 with a byte-order mark, ``;`` between fields,
``\\r\\n`` line ends, a header row) has these columns:

==============  ===========================================================================
rate            the VAT rate in per cent (``25``, ``12``, ``6``, ``0``), or ``total``
sales_net       sales excl. VAT, kronor with a decimal comma and two decimals (``1234,50``)
sales_vat       the sales' VAT
sales_gross     sales incl. VAT
returns_net     returns excl. VAT (positive: what was given back)
returns_vat     the returns' VAT (positive)
returns_gross   returns incl. VAT (positive)
balance_net     sales less returns, excl. VAT (the taxable amount to declare)
balance_vat     the VAT to declare (output VAT, utgående moms)
balance_gross   sales less returns incl. VAT
==============  ===========================================================================

A row per rate, highest first, then ``total``: the sum of the rate rows. The period is not in
the file (its name carries it, as the back office suggests it), so a spreadsheet reads the
table as it is.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pos.queries.dashboard import day_bounds
from pos.queries.sales_report import ReportNotWritten, kronor
from pos.sales import Sale
from pos.services.unit_of_work import UnitOfWork
from pos.vat import VatLine, VatRate, vat_breakdown, vat_of_receipts

HEADER = ("rate", "sales_net", "sales_vat", "sales_gross", "returns_net", "returns_vat",
          "returns_gross", "balance_net", "balance_vat", "balance_gross")


@dataclass(frozen=True)
class Amounts:
    gross: int  # öre incl. VAT
    vat: int  # öre

    @property
    def net(self) -> int:
        return self.gross - self.vat

    def __add__(self, other: "Amounts") -> "Amounts":
        return Amounts(self.gross + other.gross, self.vat + other.vat)


NOTHING = Amounts(0, 0)


@dataclass(frozen=True)
class VatRow:
    rate: VatRate | None  # None: the total row
    sales: Amounts
    returns: Amounts  # positive: given back
    balance: Amounts  # sales - returns: to declare


@dataclass(frozen=True)
class VatReport:
    first: date
    last: date
    rows: tuple[VatRow, ...]  # highest rate first; a rate with nothing sold or returned left out
    receipts: int  # receipts counted (sales, returns and exchanges)

    @property
    def total(self) -> VatRow:
        s, r, b = NOTHING, NOTHING, NOTHING
        for row in self.rows:
            s, r, b = s + row.sales, r + row.returns, b + row.balance
        return VatRow(None, s, r, b)


def vat_report(uow: UnitOfWork, first: date, last: date | None = None) -> VatReport:
    """The VAT report of the days ``first`` to ``last`` (default: ``first`` alone)."""
    last = last or first
    start, end = day_bounds(first, last)
    with uow:
        sales = uow.sales.completed_between(start, end)
    return vat_figures(sales, min(first, last), max(first, last))


def vat_figures(sales: Iterable[Sale], first: date, last: date) -> VatReport:
    """Add ``sales`` up per rate (see the module's doc)."""
    sales = list(sales)
    # goods only: an invoice paid or a gift card sold is no turnover (``pos.sales.line_kind``)
    balance = {v.rate: v for v in vat_of_receipts(s.goods_vat for s in sales)}
    returns = {v.rate: v for v in vat_of_receipts(
        vat_breakdown((ln.vat_rate, -ln.total) for ln in s.return_lines)
        for s in sales if s.return_lines)}
    rows = []
    for rate in sorted(set(balance) | set(returns), key=lambda r: r.percent, reverse=True):
        b = _amounts(balance.get(rate))
        r = _amounts(returns.get(rate))
        rows.append(VatRow(rate, b + r, r, b))
    return VatReport(first, last, tuple(rows), sum(1 for s in sales if s.goods_lines or not s.lines))


def _amounts(v: VatLine | None) -> Amounts:
    return NOTHING if v is None else Amounts(v.gross, v.vat)


def rows(report: VatReport) -> list[tuple[str, ...]]:
    out = []
    for row in (*report.rows, report.total):
        cells = [row.rate.value if row.rate else "total"]
        for a in (row.sales, row.returns, row.balance):
            cells += [kronor(a.net), kronor(a.vat), kronor(a.gross)]
        out.append(tuple(cells))
    return out


def csv_text(report: VatReport) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(HEADER)
    w.writerows(rows(report))
    return buf.getvalue()


def write_csv(report: VatReport, path: Path) -> Path:
    try:
        path.write_text("\ufeff" + csv_text(report), encoding="utf-8", newline="")
    except OSError as e:
        raise ReportNotWritten("report.not_written", path=str(path),
                               reason=e.strerror or str(e)) from e
    return path
