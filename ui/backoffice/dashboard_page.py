"""Översikt: the store's figures for a date range (today by default) from
``pos.queries.dashboard``: sales, receipts, average basket, returns and VAT; sales per hour as
a bar chart (QtCharts); per payment method, VAT rate and register; the top articles.

The chart plots kronor (öre / 100) for its bars only; every figure in text comes from the
query's integer öre, formatted as the receipts are."""
from __future__ import annotations

import math
from datetime import date

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QResizeEvent
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from pos.money import format_kronor
from pos.queries.dashboard import Dashboard
from ui.widgets.flow_layout import FlowLayout
from ui.backoffice import operations as op
from ui.backoffice.context import BackofficeContext
from ui.backoffice.date_range_bar import (LAST_7_DAYS, TODAY, YESTERDAY, DateRangeBar,
                                          from_qdate, to_qdate)  # noqa: F401 - theirs before
from ui.backoffice.page import Page
from ui.backoffice.table import Column, FilterTable
from ui.backoffice.tile import Tile
from ui.backoffice.dashboard_channels import (CampaignTable, ChannelPanel, InterestTile,
                                              NotSalesTile)
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.widgets.style import ACCENT, metrics, set_role

OPENING_HOURS = (8, 20)  # the chart shows at least these hours, more when sales were outside


def kr(ore: int) -> str:
    return format_kronor(ore, symbol=True)


class HourChart(QChartView):
    """Net sales per hour as bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setBackgroundVisible(False)
        chart.legend().setVisible(False)
        chart.setMargins(QMargins(0, 0, 0, 0))
        super().__init__(chart, parent)
        self.setObjectName("hourChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setStyleSheet("background: transparent; border: none;")
        self.setMinimumHeight(metrics().px(200))
        self.hours: list[int] = []
        self.values: list[int] = []  # öre per hour shown

    def show_hours(self, per_hour: tuple[tuple[int, int], ...], title: str) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        m = metrics()
        sold = [h for h, v in per_hour if v]
        first = min([OPENING_HOURS[0], *sold])
        last = max([OPENING_HOURS[1], *sold])
        self.hours = list(range(first, last + 1))
        amounts = dict(per_hour)
        self.values = [amounts.get(h, 0) for h in self.hours]
        bars = QBarSet(title)
        bars.setColor(QColor(ACCENT))
        bars.setBorderColor(QColor(ACCENT))
        for v in self.values:
            bars.append(v / 100)  # kronor, for the bar's height only
        series = QBarSeries()
        series.setBarWidth(0.7)
        series.append(bars)
        chart.addSeries(series)
        font = QFont()
        font.setPixelSize(m.font(12))
        x = QBarCategoryAxis()
        x.append([f"{h:02d}" for h in self.hours])
        x.setLabelsFont(font)
        x.setGridLineVisible(False)
        y = QValueAxis()
        top = max([v / 100 for v in self.values] + [100])
        low = min([v / 100 for v in self.values] + [0])  # an hour of returns goes below 0
        # four steps over the whole span (an hour of returns below 0 widens it), so the labels
        # never crowd into "..."
        step = _nice(top - low) / 4
        y.setRange(-step * math.ceil(-low / step), step * math.ceil(top / step))
        y.setTickType(QValueAxis.TickType.TicksDynamic)
        y.setTickAnchor(0)
        y.setTickInterval(step)
        y.setLabelFormat("%.0f")
        y.setLabelsFont(font)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        title_font = QFont()
        title_font.setPixelSize(m.font(14))
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        chart.setTitle(title)


def _nice(top: float) -> float:
    """A round upper end for the axis above ``top`` (1, 2, 2.5 or 5 times a power of ten)."""
    step = 1.0
    while step * 10 <= top:
        step *= 10
    for f in (1, 2, 2.5, 5, 10):
        if f * step >= top:
            return f * step
    return 10 * step


class DashboardPage(Page):
    def __init__(self, lanes: Lanes, ctx: BackofficeContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(lanes, ctx, parent)
        self.setObjectName("dashboardPage")
        m = metrics()
        self.figures: Dashboard | None = None

        heading = QLabel(self.title(), self)
        set_role(heading, "heading")
        self.dates = DateRangeBar(ctx.clock, (TODAY, YESTERDAY, LAST_7_DAYS), "dashboard", self)
        self.dates.chosen.connect(lambda *_: self.activate())
        self.first, self.last = self.dates.first, self.dates.last
        self.show_button = QPushButton(self.tr("Show (F5)"), self)
        self.show_button.setObjectName("dashboardShow")
        set_role(self.show_button, "primary")
        self.show_button.clicked.connect(self.activate)
        controls = FlowLayout()
        controls.addWidget(heading)
        controls.addSpacing(m.px(12))
        self.dates.add_to(controls)
        controls.addStretch(1)
        controls.addWidget(self.show_button)

        self.sales_tile = Tile(self.tr("Sales"), self)
        self.receipts_tile = Tile(self.tr("Receipts"), self)
        self.basket_tile = Tile(self.tr("Average basket"), self)
        self.returns_tile = Tile(self.tr("Returns"), self)
        self.vat_tile = Tile(self.tr("VAT"), self)
        self.not_sales_tile = NotSalesTile(self)
        self.interest_tile = InterestTile(self)
        tiles = FlowLayout()  # a second row of tiles on a narrow screen
        tiles.setSpacing(m.px(12))
        for t in (self.sales_tile, self.receipts_tile, self.basket_tile, self.returns_tile,
                  self.vat_tile, self.not_sales_tile, self.interest_tile):
            tiles.addWidget(t, 1)

        self.chart = HourChart(self)
        self.methods = FilterTable([
            Column(self.tr("Payment method"), lambda r: r.label, stretch=True),
            Column(self.tr("Refunded"), lambda r: kr(r.refunded) if r.refunded else "",
                   sort=lambda r: r.refunded, numeric=True),
            Column(self.tr("Amount"), lambda r: kr(r.amount), sort=lambda r: r.amount,
                   numeric=True)], self, show_filter=False)
        self.methods.setObjectName("methodsTable")
        self.vat = FilterTable([
            Column(self.tr("VAT rate"), lambda r: f"{r.rate.value} %",
                   sort=lambda r: r.rate.percent, stretch=True),
            Column(self.tr("Sales"), lambda r: kr(r.gross), sort=lambda r: r.gross,
                   numeric=True),
            Column(self.tr("VAT"), lambda r: kr(r.vat), sort=lambda r: r.vat, numeric=True)],
            self, show_filter=False)
        self.vat.setObjectName("vatTable")
        self.registers = FilterTable([
            Column(self.tr("Register"), lambda r: r.register_id, stretch=True),
            Column(self.tr("Receipts"), lambda r: str(r.receipts), sort=lambda r: r.receipts,
                   numeric=True),
            Column(self.tr("Sales"), lambda r: kr(r.net_sales), sort=lambda r: r.net_sales,
                   numeric=True)], self, show_filter=False)
        self.registers.setObjectName("registersTable")
        self.articles = FilterTable([
            Column(self.tr("Article"), lambda r: r.name, stretch=True,
                   tip=lambda r: r.name),  # the whole name where the column cuts it
            Column(self.tr("Qty"), lambda r: str(r.quantity), sort=lambda r: r.quantity,
                   numeric=True),
            Column(self.tr("Sales"), lambda r: kr(r.total), sort=lambda r: r.total,
                   numeric=True)], self, show_filter=False)
        self.articles.setObjectName("articlesTable")

        self.panels = [self._titled(self.tr("Sales per hour"), self.chart, bare=True),
                       self._titled(self.tr("Top articles"), self.articles),
                       self._titled(self.tr("Payment methods"), self.methods),
                       self._titled(self.tr("VAT rates"), self.vat),
                       self._titled(self.tr("Registers"), self.registers)]
        self.channels = ChannelPanel(self)
        self.panels.append(self._titled(self.tr("Sales per channel"), self.channels, bare=True))
        self.campaigns = CampaignTable(self)
        self.panels.append(self._titled(self.tr("Campaigns' effect"), self.campaigns, bare=True))
        grid = self.grid = QGridLayout()
        grid.setSpacing(m.px(12))
        self.columns = 0
        self._arrange(3)

        content = QWidget(self)
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, m.px(4), 0)
        inner.setSpacing(m.px(12))
        inner.addLayout(tiles)
        inner.addLayout(grid, 1)
        
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(m.px(10))
        layout.addLayout(controls)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)

    # three columns on a wide screen; two on a narrow one (1024 px), the page then scrolls
    # (below 112 digits' width the three tables' names and figures do not fit side by side)
    NARROW_DIGITS = 112

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        narrow = self.fontMetrics().horizontalAdvance("0") * self.NARROW_DIGITS
        self._arrange(2 if event.size().width() < narrow else 3)

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        grid = self.grid
        for panel in self.panels:
            grid.removeWidget(panel)
        for i in range(15):
            grid.setColumnStretch(i, 0)
            grid.setRowStretch(i, 0)
        chart, articles, methods, vat, registers, channels, campaigns = self.panels
        if columns == 3:
            # fifteen grid columns: the chart three fifths, the top articles two (their names
            # need the room more than the bars); below, three panels of a third each
            grid.addWidget(chart, 0, 0, 1, 9)
            grid.addWidget(articles, 0, 9, 1, 6)
            grid.addWidget(methods, 1, 0, 1, 5)
            grid.addWidget(vat, 1, 5, 1, 5)
            grid.addWidget(registers, 1, 10, 1, 5)
            grid.addWidget(channels, 2, 0, 1, 15)
            grid.addWidget(campaigns, 3, 0, 1, 15)  # six columns of figures: the full width
            grid.setRowStretch(0, 5)
            grid.setRowStretch(1, 4)
            grid.setRowStretch(2, 4)
            grid.setRowStretch(3, 3)
        else:
            grid.addWidget(chart, 0, 0, 1, 2)
            grid.addWidget(articles, 1, 0)
            grid.addWidget(methods, 1, 1)
            grid.addWidget(vat, 2, 0)
            grid.addWidget(registers, 2, 1)
            grid.addWidget(channels, 3, 0, 1, 2)
            grid.addWidget(campaigns, 4, 0, 1, 2)
            for row in range(5):
                grid.setRowStretch(row, 1)
        for col in range(15 if columns == 3 else 2):
            grid.setColumnStretch(col, 1)

    def _titled(self, title: str, widget: QWidget, bare: bool = False) -> QWidget:
        box = QFrame(self)
        box.setProperty("role", "panel")
        label = QLabel(title, box)
        label.setProperty("role", "caption")
        layout = QVBoxLayout(box)
        m = metrics()
        layout.setContentsMargins(m.px(10), m.px(8), m.px(10), m.px(8))
        layout.addWidget(label)
        layout.addWidget(widget, 1)
        if not bare:
            widget.setMinimumHeight(m.touch(44) * 4 + m.px(6))  # a header and three rows
        return box

    def title(self) -> str:
        return self.tr("Overview")

    def set_range(self, first: date, last: date | None = None) -> None:
        self.dates.set_range(first, last)
        self.activate()

    def range(self) -> tuple[date, date]:
        return self.dates.range()

    def activate(self) -> None:
        first, last = self.range()
        self.show_message(self.tr("Reading the sales…"), "info")
        op.dashboard(self.lanes, self.ctx, first, last, on_done=self.show_figures,
                     on_error=lambda e: self.show_message(message_for(e), "error"))

    def show_figures(self, d: Dashboard) -> None:
        self.figures = d
        self.sales_tile.set(kr(d.net_sales), self.tr("incl. VAT, %n article(s)", "", d.items))
        self.receipts_tile.set(str(d.receipts))
        self.basket_tile.set(kr(d.average_basket))
        self.returns_tile.set(kr(d.returns_total),
                              self.tr("%n return(s)", "", d.returns_count))
        self.vat_tile.set(kr(d.vat_total), self.tr("discounts %1").replace("%1", kr(d.discounts)))
        self.chart.show_hours(d.per_hour, self.tr("Sales per hour (kr)"))
        self.methods.set_rows(d.per_method)
        self.vat.set_rows(d.per_vat)
        self.registers.set_rows(d.per_register)
        self.articles.set_rows(d.top_articles)
        self.channels.show_channels(d)
        self.campaigns.show_figures(d)
        self.not_sales_tile.show_figures(d)
        self.interest_tile.show_figures(d)
        period = (d.first.isoformat() if d.first == d.last
                  else f"{d.first.isoformat()} – {d.last.isoformat()}")
        self.show_message(self.tr("All registers, %1. F5 reads again.").replace("%1", period),
                          "info")
