"""Intresse: what customers asked about each article, per day, next to what sold
(``pos.queries.interest``).

Interest is the central store's shelf-label QR scans by phones (asked on the network lane; when
it cannot be asked the page says plainly that only the kiosks' own figures are shown) and the
kiosks' own counts: QR scans, barcode scans, searches and product pages. Sold is what this
store's tills sold of the article that day (units net of returns, öre after discounts);
conversion is units sold per interest. The table sorts by any column and filters on any text; a
store filter narrows the interest to one store; "Per article" adds the days up. The chart shows
the top articles' interest beside their sold units.
"""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCharts import (QBarCategoryAxis, QBarSet, QChart, QChartView,
                              QHorizontalBarSeries, QValueAxis)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHeaderView, QLabel, QPushButton,
                               QSplitter, QVBoxLayout, QWidget)

from pos.interest import (KIOSK_SCAN, KIOSK_SCAN_QR, KIOSK_SEARCH, KIOSK_VIEW, SHELF_QR,
                          ArticleInterest)
from pos.money import format_kronor
from pos.queries.interest import InterestReport
from pos.services.interest import CentralCounts
from ui.backoffice import interest_operations as op
from ui.backoffice.context import BackofficeContext
from ui.backoffice.date_range_bar import LAST_30_DAYS, LAST_7_DAYS, DateRangeBar
from ui.backoffice.page import Page
from ui.backoffice.table import Column, FilterTable
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.style import ACCENT, metrics, set_level, set_role

TOP = 8
SOLD_COLOUR = "#d9822b"  # apart from the accent green at a glance


def _ratio(value: Decimal | None) -> str:
    return "–" if value is None else f"{value:.2f}".replace(".", ",")


class TopChart(QChartView):
    """The top articles: interest and sold units side by side, as horizontal bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setBackgroundVisible(False)
        chart.setMargins(QMargins(0, 0, 0, 0))
        super().__init__(chart, parent)
        self.setObjectName("interestChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setStyleSheet("background: transparent; border: none;")
        self.setMinimumHeight(metrics().px(220))
        self.names: list[str] = []

    def show_top(self, top: list[ArticleInterest], title: str, interest_label: str,
                 sold_label: str) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        m = metrics()
        rows = list(reversed(top))  # the largest at the top
        self.names = [(r.name or r.sku)[:28] for r in rows]
        asked, sold = QBarSet(interest_label), QBarSet(sold_label)
        asked.setColor(QColor(ACCENT))
        sold.setColor(QColor(SOLD_COLOUR))
        for r in rows:
            asked.append(r.interest)
            sold.append(max(r.sold_units, 0))
        series = QHorizontalBarSeries()
        series.append(asked)
        series.append(sold)
        chart.addSeries(series)
        font = QFont()
        font.setPixelSize(m.font(12))
        y = QBarCategoryAxis()
        y.append(self.names or [""])
        y.setLabelsFont(font)
        x = QValueAxis()
        high = max([r.interest for r in rows] + [max(r.sold_units, 0) for r in rows] + [4])
        high = -(-high // 4) * 4  # four whole steps
        x.setRange(0, high)
        x.setLabelFormat("%d")
        x.setTickCount(5)
        x.setLabelsFont(font)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        series.attachAxis(y)
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setFont(font)
        title_font = QFont()
        title_font.setPixelSize(m.font(14))
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        chart.setTitle(title)


class InterestPage(Page):
    def __init__(self, lanes: Lanes, ctx: BackofficeContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(lanes, ctx, parent)
        self.setObjectName("interestPage")
        m = metrics()
        self.report: InterestReport | None = None
        self.central = CentralCounts(None, "not_asked")
        self._range: tuple[date, date] | None = None
        today = ctx.clock().date()

        heading = QLabel(self.title(), self)
        set_role(heading, "heading")
        self.dates = DateRangeBar(ctx.clock, (LAST_7_DAYS, LAST_30_DAYS), "interest", self,
                                  first=today - timedelta(days=6), last=today)
        self.dates.chosen.connect(lambda *_: self.activate())
        self.first, self.last = self.dates.first, self.dates.last
        self.store = QComboBox(self)
        self.store.setObjectName("interestStore")
        self.store.setMinimumHeight(m.touch(46))
        self.store.setMinimumWidth(m.px(170))
        self.store.addItem(self.tr("All stores"), None)
        self.store.activated.connect(lambda _i: self.read_local())
        self.per_article = QCheckBox(self.tr("Per article (Ctrl+G)"), self)
        self.per_article.setObjectName("interestPerArticle")
        self.per_article.setMinimumHeight(m.touch(44))
        self.per_article.toggled.connect(lambda _on: self._fill())
        QShortcut(QKeySequence("Ctrl+G"), self).activated.connect(self.per_article.toggle)
        self.show_button = QPushButton(self.tr("Show (F5)"), self)
        self.show_button.setObjectName("interestShow")
        self.show_button.setMinimumHeight(m.touch(46))
        set_role(self.show_button, "primary")
        self.show_button.clicked.connect(self.activate)
        controls = FlowLayout()
        controls.addWidget(heading)
        controls.addSpacing(m.px(12))
        self.dates.add_to(controls)
        controls.addWidget(self.store)
        controls.addWidget(self.per_article)
        controls.addStretch(1)
        controls.addWidget(self.show_button)

        self.summary = QLabel(self)
        self.summary.setObjectName("interestSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.central_note = QLabel(self)
        self.central_note.setObjectName("interestCentralNote")
        self.central_note.setWordWrap(True)
        self.chart = TopChart(self)
        self.table = FilterTable([
            Column(self.tr("Day"), lambda r: self._day(r), sort=lambda r: r.day),
            Column(self.tr("SKU"), lambda r: r.sku),
            Column(self.tr("Article"), lambda r: r.name or "–", stretch=True),
            Column(self.tr("Shelf QR"), lambda r: self._central(r, SHELF_QR),
                   sort=lambda r: r.count(SHELF_QR), numeric=True),
            Column(self.tr("Kiosk QR"), lambda r: str(r.count(KIOSK_SCAN_QR)),
                   sort=lambda r: r.count(KIOSK_SCAN_QR), numeric=True),
            Column(self.tr("Scans"), lambda r: str(r.count(KIOSK_SCAN)),
                   sort=lambda r: r.count(KIOSK_SCAN), numeric=True),
            Column(self.tr("Searches"), lambda r: str(r.count(KIOSK_SEARCH)),
                   sort=lambda r: r.count(KIOSK_SEARCH), numeric=True),
            Column(self.tr("Views"), lambda r: str(r.count(KIOSK_VIEW)),
                   sort=lambda r: r.count(KIOSK_VIEW), numeric=True),
            Column(self.tr("Interest"), lambda r: str(r.interest), sort=lambda r: r.interest,
                   numeric=True),
            Column(self.tr("Sold"), lambda r: str(r.sold_units), sort=lambda r: r.sold_units,
                   numeric=True),
            Column(self.tr("Sold for"), lambda r: format_kronor(r.sold_total),
                   sort=lambda r: r.sold_total, numeric=True),
            Column(self.tr("Sold per interest"), lambda r: _ratio(r.conversion),
                   sort=lambda r: r.conversion, numeric=True)], self,
            filter_placeholder=self.tr("Filter: article, SKU, day…"))
        self.table.setObjectName("interestTable")
        self._narrow_counts()
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.chart)
        split.addWidget(self.table)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(m.px(8))
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.central_note)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

    def title(self) -> str:
        return self.tr("Interest")

    def _narrow_counts(self) -> None:
        """The count columns as wide as their caption, not the header's sort-indicator room:
        twelve columns then fit a 1024-wide screen beside the navigation."""
        header = self.table.view.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)
        fm = QFontMetrics(bold)
        m = metrics()
        for i, col in enumerate(self.table.model.columns):
            if col.numeric:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(i, max(fm.horizontalAdvance(col.title) + m.px(18),
                                            fm.horizontalAdvance("88 888,88") + m.px(8)
                                            if col.title == self.tr("Sold for") else m.px(48)))

    def set_range(self, first: date, last: date) -> None:
        self.dates.set_range(first, last)
        self.activate()

    def range(self) -> tuple[date, date]:
        return self.dates.range()

    def _short(self, d: date) -> str:
        """30/11 (the year is the period's, shown in the date fields), or ISO across years."""
        report = self.report
        if report is not None and report.first.year == report.last.year:
            return f"{d.day}/{d.month}"
        return d.isoformat()

    def _day(self, r: ArticleInterest) -> str:
        if self.per_article.isChecked() and self.report is not None:
            return f"{self._short(self.report.first)}–{self._short(self.report.last)}"
        return self._short(r.day)

    def _central(self, r: ArticleInterest, source: str) -> str:
        return str(r.count(source)) if self.central.asked else "–"

    # --- loading ---------------------------------------------------------------------------------

    def activate(self) -> None:
        """The central counts on the network lane, then the report on the database's lane."""
        first, last = self.range()
        self._range = (first, last)
        self.show_message(self.tr("Reading…"), "info")
        op.central_interest(self.lanes, self.ctx, first, last, on_done=self._central_read,
                            on_error=self._central_failed)

    def _central_failed(self, e: BaseException) -> None:
        self._central_read(CentralCounts(None, f"unavailable: {e}"))

    def _central_read(self, central: CentralCounts) -> None:
        self.central = central
        self.read_local()

    def read_local(self) -> None:
        first, last = self._range or self.range()
        op.interest(self.lanes, self.ctx, first, last, self.central, self.store.currentData(),
                    on_done=self.show_report,
                    on_error=lambda e: self.show_message(message_for(e), "error"))

    def show_report(self, report: InterestReport) -> None:
        self.report = report
        chosen = self.store.currentData()
        self.store.blockSignals(True)
        self.store.clear()
        self.store.addItem(self.tr("All stores"), None)
        for key in report.stores:
            self.store.addItem(key or self.tr("(store not known)"), key)
        at = self.store.findData(chosen) if chosen is not None else 0
        self.store.setCurrentIndex(max(at, 0))
        self.store.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        report = self.report
        if report is None:
            return
        per_article = self.per_article.isChecked()
        rows = report.per_article() if per_article else list(report.rows)
        self.table.set_rows(rows)
        self.table.view.setColumnHidden(0, per_article)  # the period is in the date fields
        self.chart.show_top(report.top(TOP), self.tr("Most interest"), self.tr("Interest"),
                            self.tr("Sold (units)"))
        self.summary.setText(
            self.tr("Interest %1 (shelf QR %2, kiosk %3) · sold %4 units for %5 · "
                    "%6 sold per interest")
            .replace("%1", str(report.total()))
            .replace("%2", str(report.total(SHELF_QR)) if report.central_asked else "–")
            .replace("%3", str(report.total() - report.total(SHELF_QR)))
            .replace("%4", str(report.sold_units))
            .replace("%5", format_kronor(report.sold_total, symbol=True))
            .replace("%6", _ratio(report.conversion)))
        if report.central_asked:
            self.central_note.setText(self.tr(
                "Shelf-label QR scans by phones from the central store, the kiosks' own scans "
                "and searches from this store's database; sold: this store's tills."))
            set_level(self.central_note, "info")
        elif self.central.reason == "no_central":
            self.central_note.setText(self.tr(
                "No central store is set up: only the kiosks' own figures are shown (shelf-label "
                "QR scans by phones are counted there)."))
            set_level(self.central_note, "error")
        else:
            self.central_note.setText(self.tr(
                "The central store could not be reached: only the kiosks' own figures are shown. "
                "Shelf-label QR scans by phones are missing; F5 tries again."))
            set_level(self.central_note, "error")
        period = f"{report.first.isoformat()} – {report.last.isoformat()}"
        if report.rows:
            self.show_message(self.tr("%1. F5 reads again.").replace("%1", period), "info")
        else:
            self.show_message(self.tr("No product interest recorded %1.").replace("%1", period),
                              "info")
