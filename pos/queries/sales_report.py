"""The sales report of a date range as CSV: the dashboard's figures (``pos.queries.dashboard``),
one figure a row, for a spreadsheet or an accountant's import.

The file (UTF-8 with a byte-order mark, so Excel reads å, ä, ö; ``;`` between fields, as
Swedish spreadsheets expect; ``\\r\\n`` line ends) has a header row and these columns:

==========  =========================================================================
section     what the row is: ``period``, ``summary``, ``day``, ``hour``, ``vat``,
            ``return_vat``, ``method``, ``refund``, ``register``, ``article``, ``channel``
key         which one: a summary figure's name (``receipts``, ``net_sales``,
            ``gross_sales``, ``returns``, ``average_basket``, ``items``, ``discounts``,
            ``rounding``, ``vat``), a day (``2026-11-30``), an hour (``09``, 09:00-09:59), a
            VAT rate in per cent (``25``), a payment method's id (``cash``), a register id,
            an article's SKU, a channel (``store``, ``web_pickup``, ``web_return``,
            ``ship_to_home``, ``web_cart``: ``pos.queries.dashboard``); ``period``: ``from``
            and ``to``
name        for people: the method's label, the article's name, the period's date
count       receipts that sold something (summary, day, register; an exchange is one),
            receipts with a line of the channel (channel),
            tenders (method), receipts that took something back (summary ``returns``)
quantity    articles (summary ``items``, article: sold less returned, channel: sold)
amount      kronor incl. VAT, with a decimal comma and two decimals (``1234,50``); negative
            for returns
net         VAT rate rows: kronor excl. VAT
vat         VAT rate rows: the VAT in kronor
==========  =========================================================================

Amounts add up as the Z reports do: ``summary/net_sales`` is the sum of the ``day`` rows and
of the ``hour`` rows and of the ``channel`` rows, and the ``method`` rows add up to it plus
``summary/rounding``.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from pos.errors import UserError, messages
from pos.queries.dashboard import Dashboard

MESSAGES = messages({
    "report.not_written": "The report could not be written to {path}: {reason}",
})


class ReportNotWritten(UserError):
    """The file could not be written (no such folder, no permission, disk full)."""

HEADER = ("section", "key", "name", "count", "quantity", "amount", "net", "vat")


def kronor(ore: int) -> str:
    """``-1234,50``: no grouping, a decimal comma."""
    sign = "-" if ore < 0 else ""
    return f"{sign}{abs(ore) // 100},{abs(ore) % 100:02d}"


def rows(d: Dashboard) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = [
        ("period", "from", d.first.isoformat(), "", "", "", "", ""),
        ("period", "to", d.last.isoformat(), "", "", "", "", ""),
        ("summary", "receipts", "", str(d.receipts), "", "", "", ""),
        ("summary", "net_sales", "", "", "", kronor(d.net_sales), "", ""),
        ("summary", "gross_sales", "", str(d.receipts), "", kronor(d.gross_sales), "", ""),
        ("summary", "returns", "", str(d.returns_count), "", kronor(-d.returns_total), "", ""),
        ("summary", "average_basket", "", "", "", kronor(d.average_basket), "", ""),
        ("summary", "items", "", "", str(d.items), "", "", ""),
        ("summary", "discounts", "", "", "", kronor(d.discounts), "", ""),
        ("summary", "rounding", "", "", "", kronor(d.rounding), "", ""),
        ("summary", "vat", "", "", "", "", "", kronor(d.vat_total)),
        # taken, but no sales (``pos.sales.line_kind``)
        ("summary", "invoice_payments", "", "", "", kronor(d.invoice_payments), "", ""),
        ("summary", "gift_cards_sold", "", "", "", kronor(d.gift_cards_sold), "", ""),
    ]
    out += [("day", day.isoformat(), "", str(n), "", kronor(net), "", "")
            for day, n, net in d.per_day]
    out += [("hour", f"{h:02d}", "", "", "", kronor(net), "", "") for h, net in d.per_hour
            if net]
    out += [("vat", v.rate.value, "", "", "", kronor(v.gross), kronor(v.net), kronor(v.vat))
            for v in d.per_vat]
    out += [("return_vat", v.rate.value, "", "", "", kronor(v.gross), kronor(v.net),
             kronor(v.vat)) for v in d.returns_vat]
    out += [("method", m.method_id, m.label, str(m.count), "", kronor(m.amount), "", "")
            for m in d.per_method]
    out += [("refund", m.method_id, m.label, "", "", kronor(m.refunded), "", "")
            for m in d.per_method if m.refunded]
    out += [("register", r.register_id, "", str(r.receipts), "", kronor(r.net_sales), "", "")
            for r in d.per_register]
    out += [("article", a.sku, a.name, "", str(a.quantity), kronor(a.total), "", "")
            for a in d.top_articles]
    out += [("channel", c.channel, "", str(c.receipts), str(c.items), kronor(c.net_sales), "",
             "") for c in d.per_channel]
    return out


def csv_text(d: Dashboard) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(HEADER)
    w.writerows(rows(d))
    return buf.getvalue()


def write_csv(d: Dashboard, path: Path) -> Path:
    try:
        path.write_text("\ufeff" + csv_text(d), encoding="utf-8", newline="")
    except OSError as e:
        raise ReportNotWritten("report.not_written", path=str(path),
                               reason=e.strerror or str(e)) from e
    return path
