"""The VAT report of a date range written to a file: CSV (``pos.queries.vat_report``, its
columns documented there) or PDF (``ui.documents.html_pdf``, A4, in the screen's language).
Used by the back office's Reports page (on a worker lane) and by ``main.py report vat``."""
from __future__ import annotations

import html
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from pos.queries.sales_report import ReportNotWritten
from pos.queries.vat_report import Amounts, VatReport, vat_report, write_csv
from pos.receipt_layout import StoreInfo
from pos.services.unit_of_work import UnitOfWork
from ui.backoffice.sales_report_files import kr
from ui.documents.html_pdf import html_to_pdf

translate = QCoreApplication.translate  # the report's words, in the "VatReport" context


def write(uow: UnitOfWork, store: StoreInfo, first: date, last: date, path: Path,
          kind: str, now: datetime | None = None) -> Path:
    """The VAT report of ``first``..``last`` as ``kind`` ("csv" or "pdf") at ``path``."""
    report = vat_report(uow, first, last)
    path = Path(path)
    if kind == "csv":
        return write_csv(report, path)
    if kind == "pdf":
        return write_pdf(report, store, path, now or datetime.now())
    raise ValueError(f"no VAT report as {kind!r}")


def report_html(report: VatReport, store: StoreInfo, now: datetime) -> str:
    """The report as the HTML subset QTextDocument lays out: one table, a column group each
    for the sales, the returns and the balance."""
    e = html.escape
    period = (report.first.isoformat() if report.first == report.last
              else f"{report.first.isoformat()} – {report.last.isoformat()}")
    h = {k: e(v) for k, v in {
        "title": translate("VatReport", "VAT report"),
        "org": translate("VatReport", "org. no."),
        "made": translate("VatReport", "Made"),
        "all": translate("VatReport", "All registers. Amounts in kronor."),
        "rate": translate("VatReport", "VAT rate"),
        "sales": translate("VatReport", "Sales"),
        "returns": translate("VatReport", "Returns"),
        "balance": translate("VatReport", "Balance"),
        "net": translate("VatReport", "Net"),
        "vat": translate("VatReport", "VAT"),
        "gross": translate("VatReport", "Gross"),
        "total": translate("VatReport", "Total"),
        "note": translate("VatReport", "Balance = sales less returns: the output VAT to "
                                       "declare. The figures are the Z reports' (the VAT each "
                                       "receipt printed)."),
        "empty": translate("VatReport", "No sales or returns in the period."),
    }.items()}

    def cells(a: Amounts, bold: bool = False) -> str:
        f = (lambda x: f"<b>{x}</b>") if bold else (lambda x: x)
        return "".join(f'<td align="right">{f(kr(x))}</td>' for x in (a.net, a.vat, a.gross))

    group = "".join(f'<th colspan="3" align="center">{h[k]}</th>'
                    for k in ("sales", "returns", "balance"))
    sub = "".join(f'<th align="right">{h[k]}</th>' for _ in range(3)
                  for k in ("net", "vat", "gross"))
    body = "".join(
        f'<tr><td>{row.rate.value}&nbsp;%</td>{cells(row.sales)}{cells(row.returns)}'
        f'{cells(row.balance)}</tr>' for row in report.rows if row.rate is not None)
    t = report.total
    body += (f'<tr><td><b>{h["total"]}</b></td>{cells(t.sales, True)}{cells(t.returns, True)}'
             f'{cells(t.balance, True)}</tr>')
    table = (f'<table width="100%" cellspacing="0" cellpadding="4" border="0">'
             f'<thead><tr><th align="left" rowspan="2">{h["rate"]}</th>{group}</tr>'
             f'<tr>{sub}</tr></thead>{body}</table>')
    return ("<html><head><style>"
            "body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #1d2327; }"
            "h1 { font-size: 16pt; margin: 0; }"
            "th { background-color: #e9ece8; font-weight: bold; }"
            "td { border-bottom: 1px solid #d5d9d4; }"
            "</style></head><body>"
            f"<h1>{h['title']}: {e(period)}</h1>"
            f"<p>{e(store.company)}, {e(store.store_name)}, {h['org']} {e(store.org_no)}"
            f"<br/>{h['made']} {now:%Y-%m-%d %H:%M}. {h['all']}</p>"
            + (table if report.rows else f"<p>{h['empty']}</p>")
            + f"<p>{h['note']}</p></body></html>")


def write_pdf(report: VatReport, store: StoreInfo, path: Path, now: datetime) -> Path:
    """A4 (``ui.documents.html_pdf``). ``ReportNotWritten`` when the file cannot be written."""
    try:
        return html_to_pdf(report_html(report, store, now), path,
                           title=translate("VatReport", "VAT report"))
    except OSError as e:
        raise ReportNotWritten("report.not_written", path=str(path),
                               reason=e.strerror or str(e)) from e
