"""The sales report of a date range written to a file: CSV (``pos.queries.sales_report``, its
columns documented there) or PDF, laid out by Qt (``QTextDocument`` printed on a ``QPdfWriter``,
A4, in the screen's language). Used by the back office's Reports page (on a worker lane) and by
``main.py report sales``.
"""
from __future__ import annotations

import html
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from pos.money import format_kronor
from pos.queries.dashboard import Dashboard, dashboard
from pos.queries.sales_report import ReportNotWritten, write_csv
from pos.receipt_layout import StoreInfo
from pos.services.unit_of_work import UnitOfWork
from ui.documents.html_pdf import html_to_pdf

ALL_ARTICLES = 10**6  # the report lists every article sold, not the dashboard's top ten


translate = QCoreApplication.translate  # the report's words, in the "SalesReport" context


def sales_report(uow: UnitOfWork, first: date, last: date) -> Dashboard:
    return dashboard(uow, first, last, top=ALL_ARTICLES)


def write(uow: UnitOfWork, store: StoreInfo, first: date, last: date, path: Path,
          kind: str, now: datetime | None = None) -> Path:
    """The report of ``first``..``last`` as ``kind`` ("csv" or "pdf") at ``path``."""
    d = sales_report(uow, first, last)
    path = Path(path)
    if kind == "csv":
        return write_csv(d, path)
    if kind == "pdf":
        return write_pdf(d, store, path, now or datetime.now())
    raise ValueError(f"no sales report as {kind!r}")


def kr(ore: int) -> str:
    return format_kronor(ore).replace(" ", "&nbsp;")


def channel_name(channel: str) -> str:
    """A channel of ``pos.queries.dashboard.CHANNELS`` as the report words it."""
    return {"store": translate("SalesReport", "This store's tills"),
            "web_pickup": translate("SalesReport", "Web orders collected here"),
            "web_return": translate("SalesReport", "Web orders returned here"),
            "ship_to_home": translate("SalesReport", "Ship-to-home placed here"),
            "web_cart": translate("SalesReport", "Web carts paid here")}.get(channel, channel)


def report_html(d: Dashboard, store: StoreInfo, now: datetime) -> str:
    """The report as the HTML subset QTextDocument lays out."""
    e = html.escape

    def table(head: list[str], rows: list[list[str]], numeric_from: int = 1) -> str:
        cells = "".join(f'<th align="{"right" if i >= numeric_from else "left"}">{e(h)}</th>'
                        for i, h in enumerate(head))
        body = "".join(
            "<tr>" + "".join(f'<td align="{"right" if i >= numeric_from else "left"}">{c}</td>'
                             for i, c in enumerate(r)) + "</tr>" for r in rows)
        head_row = f'<thead><tr>{cells}</tr></thead>' if any(head) else ""  # repeated
        return (f'<table width="100%" cellspacing="0" cellpadding="4" border="0">'
                f'{head_row}{body}</table>')

    period = (d.first.isoformat() if d.first == d.last
              else f"{d.first.isoformat()} – {d.last.isoformat()}")
    summary = [
        [e(translate("SalesReport", "Net sales (incl. VAT)")), f"<b>{kr(d.net_sales)}</b>"],
        [e(translate("SalesReport", "Receipts")), str(d.receipts)],
        [e(translate("SalesReport", "Average basket")), kr(d.average_basket)],
        [e(translate("SalesReport", "Articles sold")), str(d.items)],
        [e(translate("SalesReport", "Returns")), f"{d.returns_count} / {kr(-d.returns_total)}"],
        [e(translate("SalesReport", "Discounts given")), kr(d.discounts)],
        [e(translate("SalesReport", "Cash rounding")), kr(d.rounding)],
        [e(translate("SalesReport", "VAT")), kr(d.vat_total)],
        [e(translate("SalesReport", "Invoices paid (no sales)")), kr(d.invoice_payments)],
        [e(translate("SalesReport", "Gift cards sold (no sales)")), kr(d.gift_cards_sold)],
    ]
    h = {  # headings and notes (lupdate reads the literals, not f-strings)
        "title": translate("SalesReport", "Sales report"),
        "org": translate("SalesReport", "org. no."),
        "made": translate("SalesReport", "Made"),
        "all": translate("SalesReport", "All registers. Amounts in kronor."),
        "summary": translate("SalesReport", "Summary"),
        "vat": translate("SalesReport", "VAT per rate"),
        "total": translate("SalesReport", "Total"),
        "methods": translate("SalesReport", "Payment methods"),
        "registers": translate("SalesReport", "Registers"),
        "days": translate("SalesReport", "Per day"),
        "hours": translate("SalesReport", "Per hour"),
        "articles": translate("SalesReport", "Articles"),
        "returns": translate("SalesReport", "Returns per VAT rate"),
        "channels": translate("SalesReport", "Per channel"),
    }
    h = {k: e(v) for k, v in h.items()}
    total = f"<b>{h['total']}</b>"
    parts = [
        "<html><head><style>"
        "body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #1d2327; }"
        "h1 { font-size: 16pt; margin: 0; } h2 { font-size: 11pt; margin-top: 14px; "
        "margin-bottom: 4px; color: #155244; }"
        "th { background-color: #e9ece8; font-weight: bold; }"
        "td { border-bottom: 1px solid #d5d9d4; }"
        "</style></head><body>",
        f"<h1>{h['title']}: {e(period)}</h1>",
        f"<p>{e(store.company)}, {e(store.store_name)}, {h['org']} {e(store.org_no)}"
        f"<br/>{h['made']} {now:%Y-%m-%d %H:%M}. {h['all']}</p>",
        f"<h2>{h['summary']}</h2>", table(["", ""], summary),
        f"<h2>{h['vat']}</h2>",
        table([translate("SalesReport", "Rate"), translate("SalesReport", "Sales incl. VAT"),
               translate("SalesReport", "Net"), translate("SalesReport", "VAT")],
              [[f"{v.rate.value}&nbsp;%", kr(v.gross), kr(v.net), kr(v.vat)]
               for v in d.per_vat]
              + [[total, f"<b>{kr(sum(v.gross for v in d.per_vat))}</b>",
                  f"<b>{kr(sum(v.net for v in d.per_vat))}</b>", f"<b>{kr(d.vat_total)}</b>"]]),
        f"<h2>{h['methods']}</h2>",
        table([translate("SalesReport", "Method"), translate("SalesReport", "Payments"),
               translate("SalesReport", "Refunded"), translate("SalesReport", "Net")],
              [[e(m.label), str(m.count), kr(m.refunded), kr(m.amount)] for m in d.per_method]
              + [[total, "", f"<b>{kr(d.refunded)}</b>", f"<b>{kr(d.tendered)}</b>"]]),
        f"<h2>{h['registers']}</h2>",
        table([translate("SalesReport", "Register"), translate("SalesReport", "Receipts"),
               translate("SalesReport", "Net sales")],
              [[e(r.register_id), str(r.receipts), kr(r.net_sales)] for r in d.per_register]),
        f"<h2>{h['channels']}</h2>",
        table([translate("SalesReport", "Channel"), translate("SalesReport", "Receipts"),
               translate("SalesReport", "Articles sold"), translate("SalesReport", "Net sales")],
              [[e(channel_name(c.channel)), str(c.receipts), str(c.items), kr(c.net_sales)]
               for c in d.per_channel]
              + [[total, "", "", f"<b>{kr(sum(c.net_sales for c in d.per_channel))}</b>"]]),
        "<p>" + e(translate("SalesReport", "Receipts per channel: every receipt with a line of "
                                           "the channel, return receipts included; a receipt "
                                           "with lines of two channels counts in both.")) + "</p>",
    ]
    if d.returns_vat:
        parts += [f"<h2>{h['returns']}</h2>",
                  table([translate("SalesReport", "Rate"), translate("SalesReport", "Given back"),
                         translate("SalesReport", "Net"), translate("SalesReport", "VAT")],
                        [[f"{v.rate.value}&nbsp;%", kr(v.gross), kr(v.net), kr(v.vat)]
                         for v in d.returns_vat])]
    if len(d.per_day) > 1:
        parts += [f"<h2>{h['days']}</h2>",
                  table([translate("SalesReport", "Day"), translate("SalesReport", "Receipts"),
                         translate("SalesReport", "Net sales")],
                        [[day.isoformat(), str(n), kr(net)] for day, n, net in d.per_day])]
    parts += [f"<h2>{h['hours']}</h2>",
              table([translate("SalesReport", "Hour"), translate("SalesReport", "Net sales")],
                    [[f"{hr:02d}:00–{hr:02d}:59", kr(net)] for hr, net in d.per_hour if net]),
              f"<h2>{h['articles']}</h2>",
              table([translate("SalesReport", "SKU"), translate("SalesReport", "Article"),
                     translate("SalesReport", "Quantity"), translate("SalesReport", "Sales")],
                    [[e(a.sku), e(a.name), str(a.quantity), kr(a.total)]
                     for a in d.top_articles], numeric_from=2),
              "</body></html>"]
    return "".join(parts)


def write_pdf(d: Dashboard, store: StoreInfo, path: Path, now: datetime) -> Path:
    """A4 portrait (``ui.documents.html_pdf``). ``ReportNotWritten`` when the file cannot be
    written."""
    try:
        return html_to_pdf(report_html(d, store, now), path,
                           title=translate("SalesReport", "Sales report"))
    except OSError as e:
        raise ReportNotWritten("report.not_written", path=str(path),
                               reason=e.strerror or str(e)) from e
