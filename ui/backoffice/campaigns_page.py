"""Kampanjer och priser (read-only): the promotions the last sync stored, running now, starting
later and the rest, and what the till charges for an article now (its own cart priced with the
synced promotions; ``pos.queries.campaigns``)."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos.money import format_kronor
from pos.promotions import PERCENTAGE, Promotion
from pos.queries.campaigns import Campaigns, TillPrice
from ui.widgets.flow_layout import FlowLayout
from ui.backoffice import operations as op
from ui.backoffice.context import BackofficeContext
from ui.backoffice.page import Page
from ui.backoffice.table import Column, FilterTable
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.widgets.style import metrics, set_role


def _when(t: datetime | None) -> str:
    return "" if t is None else t.strftime("%Y-%m-%d %H:%M")


class CampaignsPage(Page):
    def __init__(self, lanes: Lanes, ctx: BackofficeContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(lanes, ctx, parent)
        self.setObjectName("campaignsPage")
        m = metrics()
        self.status: dict[str, str] = {}
        heading = QLabel(self.tr("Campaigns (as the tills have them from the last sync; UTC)"),
                         self)
        set_role(heading, "heading")
        heading.setWordWrap(True)
        self.table = FilterTable([
            Column(self.tr("Status"), lambda p: self.status.get(p.id, "")),
            Column(self.tr("Promotion"), lambda p: p.label),
            Column(self.tr("Campaign"), lambda p: p.campaign_name),
            Column(self.tr("How"), lambda p: self.tr("automatic") if p.is_automatic
                   else self.tr("code")),
            Column(self.tr("Value"), self._value),
            Column(self.tr("Starts"), lambda p: _when(p.starts_at),
                   sort=lambda p: p.starts_at or datetime.min),
            Column(self.tr("Ends"), lambda p: _when(p.ends_at),
                   sort=lambda p: p.ends_at or datetime.max),
            Column(self.tr("Used"), lambda p: f"{p.used}" + (f" / {p.limit}" if p.limit else ""),
                   sort=lambda p: p.used, numeric=True, stretch=True)], self,
            filter_placeholder=self.tr("Filter: code, campaign, status…"))
        self.table.setObjectName("campaignTable")
        price_heading = QLabel(self.tr("The price at the till now"), self)
        set_role(price_heading, "heading")
        self.article = QLineEdit(self)
        self.article.setObjectName("priceArticle")
        self.article.setPlaceholderText(self.tr("Scan or type an article (Ctrl+F)"))
        self.article.setMinimumHeight(m.touch(46))
        self.article.returnPressed.connect(self.look_up)
        QShortcut(QKeySequence("Ctrl+F"), self).activated.connect(self.article.setFocus)
        find = QPushButton(self.tr("Show the price (Enter)"), self)
        find.setMinimumHeight(m.touch(46))
        find.clicked.connect(self.look_up)
        self.prices = FilterTable([
            Column(self.tr("SKU"), lambda r: r.sku),
            Column(self.tr("Article"), lambda r: r.name),
            Column(self.tr("Price"), lambda r: format_kronor(r.price), sort=lambda r: r.price,
                   numeric=True),
            Column(self.tr("At the till"), lambda r: format_kronor(r.at_till),
                   sort=lambda r: r.at_till, numeric=True),
            Column(self.tr("Promotions"), lambda r: ", ".join(r.promotions), stretch=True)],
            self, show_filter=False)
        self.prices.setObjectName("tillPrices")
        row = FlowLayout()
        row.addWidget(self.article, 1)
        row.addWidget(find)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(m.px(8))
        layout.addWidget(heading)
        layout.addWidget(self.table, 3)
        layout.addWidget(price_heading)
        layout.addLayout(row)
        layout.addWidget(self.prices, 2)
        layout.addWidget(self.message)

    def title(self) -> str:
        return self.tr("Campaigns")

    def _value(self, p: Promotion) -> str:
        am = p.application_method
        value = (f"{am.value.normalize():f} %" if am.type == PERCENTAGE
                 else format_kronor(int(am.value * 100)))
        target = self.tr("on the order") if am.target_type == "order" else self.tr("on articles")
        return f"{value} {target}"

    def activate(self) -> None:
        op.campaigns(self.lanes, self.ctx, on_done=self.set_campaigns,
                     on_error=lambda e: self.show_message(message_for(e), "error"))

    def set_campaigns(self, c: Campaigns) -> None:
        self.status = {**{p.id: self.tr("Ended / not active") for p in c.other},
                       **{p.id: self.tr("Upcoming") for p in c.upcoming},
                       **{p.id: self.tr("Running") for p in c.running}}
        self.table.set_rows([*c.running, *c.upcoming, *c.other])
        if not self.status:
            self.show_message(self.tr("No promotions synced yet."), "info")

    def look_up(self) -> None:
        text = self.article.text().strip()
        if text:
            op.till_prices(self.lanes, self.ctx, text, on_done=self.set_prices,
                           on_error=lambda e: self.show_message(message_for(e), "error"))

    def set_prices(self, rows: list[TillPrice]) -> None:
        self.prices.set_rows(rows)
        if not rows:
            self.show_message(self.tr("No article found."), "info")
