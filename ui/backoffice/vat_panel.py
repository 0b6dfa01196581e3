"""The VAT report of the Reports page's date range on screen: per rate the net, VAT and gross
of the sales, the returns and the balance (``pos.queries.vat_report``), the total last."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from pos.money import format_kronor
from pos.queries.vat_report import VatReport, VatRow
from ui.backoffice.table import Column, FilterTable
from ui.widgets.style import metrics


def _amount(pick) -> tuple:  # type: ignore[no-untyped-def]
    return (lambda r: format_kronor(pick(r))), (lambda r: (r.rate is None, pick(r)))


class VatPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vatPanel")
        self.report: VatReport | None = None

        def col(title: str, pick, stretch: bool = False) -> Column:  # type: ignore[no-untyped-def]
            text, sort = _amount(pick)
            return Column(title, text, sort=sort, numeric=True, stretch=stretch)

        self.table = FilterTable([
            Column(self.tr("Rate"), lambda r: f"{r.rate.value} %" if r.rate else self.tr("Total"),
                   sort=lambda r: (r.rate is None, -(r.rate.percent if r.rate else 0))),
            # two-line headings (the group over its part): ten columns fit 1024 px
            *(col(f"{group}\n{part}", lambda r, g=g, p=p: getattr(getattr(r, g), p),
                  stretch=(g, p) == ("balance", "gross"))
              for g, group in (("sales", self.tr("Sales")), ("returns", self.tr("Returns")),
                               ("balance", self.tr("Balance")))
              for p, part in (("net", self.tr("net")), ("vat", self.tr("VAT")),
                              ("gross", self.tr("gross"))))], self,
            show_filter=False)
        self.table.setObjectName("vatTable")
        header = self.table.view.horizontalHeader()
        header.setMinimumHeight(2 * header.fontMetrics().height() + metrics().px(16))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # all ten in view ...
        # ... where their headings fit whole (stretched alike below that, "Försäljning" was cut
        # to "örsäljning" at 1024 px); on a narrower screen the table scrolls sideways
        bold = QFont(header.font())
        bold.setBold(True)
        fm = QFontMetrics(bold)
        widest = max(fm.horizontalAdvance(line) for i in range(self.table.model.columnCount())
                     for line in str(self.table.model.headerData(
                         i, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)).split("\n"))
        header.setMinimumSectionSize(max(metrics().px(60), widest + metrics().px(14)))
        self.note = QLabel(self)
        self.note.setObjectName("vatNote")
        self.note.setWordWrap(True)
        self.note.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, metrics().px(6), 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)

    def set_report(self, report: VatReport) -> None:
        self.report = report
        rows: list[VatRow] = [*report.rows, report.total] if report.rows else []
        self.table.set_rows(rows)
        period = (report.first.isoformat() if report.first == report.last
                  else f"{report.first.isoformat()} – {report.last.isoformat()}")
        if not report.rows:
            self.note.setText(self.tr("No sales or returns %1.").replace("%1", period))
        else:
            self.note.setText(self.tr("%1: the balance (sales less returns) is the output VAT "
                                      "to declare; the figures are the Z reports' (the VAT each "
                                      "receipt printed).").replace("%1", period))
