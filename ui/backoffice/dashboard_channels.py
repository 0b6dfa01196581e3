"""The dashboard's sales per channel (a horizontal bar chart and a table) and what it shows beside
the sales: the money taken that is no sales (invoices paid, gift cards sold) and the product
interest recorded here. Figures from ``pos.queries.dashboard`` in öre; the chart plots kronor
for its bars only."""
from __future__ import annotations

import math

from PySide6.QtCharts import (QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries,
                              QValueAxis)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pos.money import format_kronor
from pos.queries.dashboard import ChannelFigure, Dashboard
from ui.backoffice.table import Column, FilterTable
from ui.backoffice.tile import Tile
from ui.widgets.style import ACCENT, metrics


def kr(ore: int) -> str:
    return format_kronor(ore, symbol=True)


class ChannelPanel(QWidget):
    """Net sales per channel: bars, and a table of receipts, articles, returns and sales."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("channelPanel")
        m = metrics()
        chart = QChart()
        chart.setBackgroundVisible(False)
        chart.legend().setVisible(False)
        chart.setMargins(QMargins(0, 0, 0, 0))
        self.chart = QChartView(chart, self)
        self.chart.setObjectName("channelChart")
        self.chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart.setStyleSheet("background: transparent; border: none;")
        self.chart.setMinimumHeight(m.px(230))  # five names on the axis, none cut to "..."
        self.values: list[int] = []  # öre per channel as the bars show them, in CHANNELS' order
        self.table = FilterTable([
            Column(self.tr("Channel"), lambda r: self.name(r.channel), stretch=True),
            Column(self.tr("Receipts"), lambda r: str(r.receipts), sort=lambda r: r.receipts,
                   numeric=True),
            Column(self.tr("Returned"), lambda r: kr(r.returns_total) if r.returns_total else "",
                   sort=lambda r: r.returns_total, numeric=True),
            Column(self.tr("Sales"), lambda r: kr(r.net_sales), sort=lambda r: r.net_sales,
                   numeric=True)], self, show_filter=False)
        self.table.setObjectName("channelsTable")
        self.table.setMinimumHeight(m.touch(44) * 6 + m.px(6))  # a header and the five
        layout = QVBoxLayout(self)  # the panel spans the page's width: bars over the table
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(m.px(8))
        self.handed_over = QLabel("", self)
        self.handed_over.setObjectName("handedOver")
        self.handed_over.setProperty("role", "muted")
        self.handed_over.setWordWrap(True)
        # the receipts column is no sum of the page's receipts: say how it counts
        self.receipts_note = QLabel(self.tr(
            "Receipts per channel: every receipt with a line of the channel, return receipts "
            "included; a receipt with lines of two channels counts in both."), self)
        self.receipts_note.setObjectName("channelReceiptsNote")
        self.receipts_note.setProperty("role", "muted")
        self.receipts_note.setWordWrap(True)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.receipts_note)
        layout.addWidget(self.handed_over)

    def name(self, channel: str) -> str:
        return {"store": self.tr("This store's tills"),
                "web_pickup": self.tr("Web orders collected here"),
                "web_return": self.tr("Web orders returned here"),
                "ship_to_home": self.tr("Ship-to-home placed here"),
                "web_cart": self.tr("Web carts paid here")}.get(channel, channel)

    def show_channels(self, d: Dashboard) -> None:
        rows: tuple[ChannelFigure, ...] = d.per_channel
        self.table.set_rows(rows)
        self.handed_over.setText(self.tr(
            "%n web order(s) paid on the web handed over here (no sale here).", "",
            d.pickups_handed_over))
        chart = self.chart.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        m = metrics()
        shown = list(reversed(rows))  # the first channel on top
        self.values = [r.net_sales for r in rows]
        bars = QBarSet(self.tr("Sales (kr)"))
        bars.setColor(QColor(ACCENT))
        bars.setBorderColor(QColor(ACCENT))
        for r in shown:
            bars.append(r.net_sales / 100)  # kronor, for the bar's length only
        series = QHorizontalBarSeries()
        series.setBarWidth(0.6)
        series.append(bars)
        chart.addSeries(series)
        font = QFont()
        font.setPixelSize(m.font(12))
        y = QBarCategoryAxis()
        y.append([self.name(r.channel) for r in shown])
        y.setLabelsFont(font)
        y.setGridLineVisible(False)
        x = QValueAxis()
        low = min([r.net_sales / 100 for r in rows] + [0])
        high = max([r.net_sales / 100 for r in rows] + [100])
        step = _nice((high - low) / 4)  # round steps from 0 both ways (a return goes below)
        x.setRange(-step * math.ceil(-low / step), step * math.ceil(high / step))
        x.setTickType(QValueAxis.TickType.TicksDynamic)
        x.setTickAnchor(0)
        x.setTickInterval(step)
        x.setLabelFormat("%.0f")
        x.setLabelsFont(font)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        series.attachAxis(y)


def _nice(step: float) -> float:
    """A round step at least ``step``: 1, 2, 2.5 or 5 times a power of ten."""
    p = 10 ** math.floor(math.log10(step)) if step > 0 else 1.0
    for f in (1, 2, 2.5, 5, 10):
        if f * p >= step:
            return f * p
    return 10 * p


class NotSalesTile(Tile):
    """Money taken that is no sales: why the drawers and terminals hold more than the sales."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Not sales"), parent)
        self.setObjectName("notSalesTile")
        self.setToolTip(self.tr("Taken at the tills but no sales: invoices paid and gift cards "
                                "sold. The drawers and terminals hold them beside the sales."))

    def show_figures(self, d: Dashboard) -> None:
        self.set(kr(d.not_sales),
                 self.tr("invoices %1, gift cards %2").replace("%1", kr(d.invoice_payments))
                 .replace("%2", kr(d.gift_cards_sold)))


class InterestTile(Tile):
    """Product interest recorded here (kiosk and shelf-label scans, searches, product pages)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Product interest"), parent)
        self.setObjectName("interestTile")

    def show_figures(self, d: Dashboard) -> None:
        i = d.interest
        if i is None or not i.total:
            self.set("–", self.tr("No interest recorded"))
            return
        self.set(str(i.total), self.tr("%n article(s)", "", i.articles))


class CampaignTable(QWidget):
    """The campaigns' effect: per promotion its receipts, units, discount and sales, and the same
    articles' sales in as many days before it started (a comparison, labelled as one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignEffect")
        m = metrics()
        self.table = FilterTable([
            Column(self.tr("Campaign"), lambda e: e.label, stretch=True),
            Column(self.tr("Receipts"), lambda e: str(e.receipts), sort=lambda e: e.receipts,
                   numeric=True),
            Column(self.tr("Units"), lambda e: str(e.units), sort=lambda e: e.units,
                   numeric=True),
            Column(self.tr("Discount"), lambda e: kr(e.discount), sort=lambda e: e.discount,
                   numeric=True),
            Column(self.tr("Sales"), lambda e: kr(e.sales), sort=lambda e: e.sales,
                   numeric=True),
            Column(self.tr("Same days before"), self._before,
                   sort=lambda e: -1 if e.before_sales is None else e.before_sales,
                   numeric=True)], self, show_filter=False)
        self.table.setObjectName("campaignsTable")
        self.table.setMinimumHeight(m.touch(44) * 4 + m.px(6))
        self.note = QLabel(self.tr(
            "Same days before: the same articles' sales in as many days just before the "
            "campaign started. A comparison of two periods, not a measured effect."), self)
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        self.empty = self.tr("No campaign ran on these days.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(m.px(6))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)

    def _before(self, e) -> str:  # type: ignore[no-untyped-def]
        if e.before_sales is None:
            return "–"
        return self.tr("%1 (%n day(s))", "", e.days).replace("%1", kr(e.before_sales))

    def show_figures(self, d: Dashboard) -> None:
        self.table.set_rows(d.campaigns)
        if not d.campaigns:
            self.note.setText(self.empty)
        else:
            self.note.setText(self.tr(
                "Same days before: the same articles' sales in as many days just before the "
                "campaign started. A comparison of two periods, not a measured effect."))
