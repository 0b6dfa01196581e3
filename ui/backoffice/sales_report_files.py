"""The sales report of a date range written to a file: CSV (``pos.queries.sales_report``, its
columns documented there) or PDF, laid out by Qt (``QTextDocument`` printed on a ``QPdfWriter``,
A4, in the screen's language). Used by the back office's Reports page (on a worker lane) and by
``main.py report sales``.
"""
from __future__ import annotations

import html
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from pos.money import format_kronor
from pos.queries.dashboard import Dashboard, dashboard
from pos.queries.sales_report import ReportNotWritten, write_csv
from pos.receipt_layout import StoreInfo
from pos.services.unit_of_work import UnitOfWork

ALL_ARTICLES = 10**6  # the report lists every article sold, not the dashboard's top ten


def _t(text: str) -> str:
    return QCoreApplication.translate("SalesReport", text)


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


def report_html(d: Dashboard, store: StoreInfo, now: datetime) -> str:
    """The report as the HTML subset QTextDocument lays out."""
    e = html.escape

    def table(head: list[str], rows: list[list[str]], numeric_from: int = 1) -> str:
        cells = "".join(f'<th align="{"right" if i >= numeric_from else "left"}">{e(h)}</th>'
                        for i, h in enumerate(head))
        body = "".join(
            "<tr>" + "".join(f'<td align="{"right" if i >= numeric_from else "left"}">{c}</td>'
                             for i, c in enumerate(r)) + "</tr>" for r in rows)
        return (f'<table width="100%" cellspacing="0" cellpadding="4" border="0">'
                f'<tr class="head">{cells}</tr>{body}</table>')

    period = (d.first.isoformat() if d.first == d.last
              else f"{d.first.isoformat()} – {d.last.isoformat()}")
    summary = [
        [e(_t("Net sales (incl. VAT)")), f"<b>{kr(d.net_sales)}</b>"],
        [e(_t("Receipts")), str(d.receipts)],
        [e(_t("Average basket")), kr(d.average_basket)],
        [e(_t("Articles sold")), str(d.items)],
        [e(_t("Returns")), f"{d.returns_count} / {kr(-d.returns_total)}"],
        [e(_t("Discounts given")), kr(d.discounts)],
        [e(_t("Cash rounding")), kr(d.rounding)],
        [e(_t("VAT")), kr(d.vat_total)],
    ]
    parts = [
        "<html><head><style>"
        "body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #1d2327; }"
        "h1 { font-size: 16pt; margin: 0; } h2 { font-size: 11pt; margin-top: 14px; "
        "margin-bottom: 4px; color: #155244; }"
        "th { background-color: #e9ece8; font-weight: bold; }"
        "td { border-bottom: 1px solid #d5d9d4; }"
        "</style></head><body>",
        f"<h1>{e(_t('Sales report'))}: {e(period)}</h1>",
        f"<p>{e(store.company)}, {e(store.store_name)}, {e(_t('org. no.'))} {e(store.org_no)}"
        f"<br/>{e(_t('Made'))} {now:%Y-%m-%d %H:%M}. {e(_t('All registers. Amounts in kronor.'))}"
        "</p>",
        f"<h2>{e(_t('Summary'))}</h2>", table(["", ""], summary),
        f"<h2>{e(_t('VAT per rate'))}</h2>",
        table([_t("Rate"), _t("Sales incl. VAT"), _t("Net"), _t("VAT")],
              [[f"{v.rate.value}&nbsp;%", kr(v.gross), kr(v.net), kr(v.vat)]
               for v in d.per_vat]
              + [[f"<b>{e(_t('Total'))}</b>", f"<b>{kr(sum(v.gross for v in d.per_vat))}</b>",
                  f"<b>{kr(sum(v.net for v in d.per_vat))}</b>", f"<b>{kr(d.vat_total)}</b>"]]),
        f"<h2>{e(_t('Payment methods'))}</h2>",
        table([_t("Method"), _t("Payments"), _t("Amount")],
              [[e(m.label), str(m.count), kr(m.amount)] for m in d.per_method]
              + [[f"<b>{e(_t('Total'))}</b>", "", f"<b>{kr(d.tendered)}</b>"]]),
        f"<h2>{e(_t('Registers'))}</h2>",
        table([_t("Register"), _t("Receipts"), _t("Net sales")],
              [[e(r.register_id), str(r.receipts), kr(r.net_sales)] for r in d.per_register]),
    ]
    if len(d.per_day) > 1:
        parts += [f"<h2>{e(_t('Per day'))}</h2>",
                  table([_t("Day"), _t("Receipts"), _t("Net sales")],
                        [[day.isoformat(), str(n), kr(net)] for day, n, net in d.per_day])]
    parts += [f"<h2>{e(_t('Per hour'))}</h2>",
              table([_t("Hour"), _t("Net sales")],
                    [[f"{h:02d}:00–{h:02d}:59", kr(net)] for h, net in d.per_hour if net]),
              f"<h2>{e(_t('Articles'))}</h2>",
              table([_t("SKU"), _t("Article"), _t("Quantity"), _t("Sales")],
                    [[e(a.sku), e(a.name), str(a.quantity), kr(a.total)]
                     for a in d.top_articles], numeric_from=2),
              "</body></html>"]
    return "".join(parts)


def write_pdf(d: Dashboard, store: StoreInfo, path: Path, now: datetime) -> Path:
    """A4 portrait, 15 mm margins; pages broken by Qt's text layout. ``ReportNotWritten`` when
    the file cannot be written (QPdfWriter itself does not say)."""
    try:
        with open(path, "wb"):
            pass
    except OSError as e:
        raise ReportNotWritten("report.not_written", path=str(path),
                               reason=e.strerror or str(e)) from e
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    writer.setTitle(_t("Sales report"))
    writer.setCreator("omnipos")
    doc = QTextDocument()
    doc.setHtml(report_html(d, store, now))
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    doc.print_(writer)
    del writer  # the file is finished when the writer goes
    return path
