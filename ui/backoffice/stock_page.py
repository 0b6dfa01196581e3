"""Lager: the store manager's stock page. Three tabs: an article's stock here, in the other
stores and online (``stock_lookup_panel``); the stock count (``stock_count_panel``); receiving
transfers and ship-to-store parcels (``receiving_panel``). F2, F3 and F4 open them, each with
its scan field focused (a wedge scanner types into it)."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ui.backoffice.context import BackofficeContext
from ui.backoffice.page import Page
from ui.backoffice.receiving_panel import ReceivingPanel
from ui.backoffice.stock_count_panel import StockCountPanel
from ui.backoffice.stock_lookup_panel import StockLookupPanel
from ui.lanes import Lanes
from ui.widgets.style import metrics, set_role


class StockPage(Page):
    def __init__(self, lanes: Lanes, ctx: BackofficeContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(lanes, ctx, parent)
        self.setObjectName("stockPage")
        m = metrics()
        heading = QLabel(self.title(), self)
        set_role(heading, "heading")
        self.lookup = StockLookupPanel(lanes, ctx, self)
        self.counting = StockCountPanel(lanes, ctx, self)
        self.receiving = ReceivingPanel(lanes, ctx, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("stockTabs")
        self.tabs.addTab(self.lookup, self.tr("Article stock (F2)"))
        self.tabs.addTab(self.counting, self.tr("Stock count (F3)"))
        self.tabs.addTab(self.receiving, self.tr("Receiving (F4)"))
        self.tabs.currentChanged.connect(self._tab_changed)
        for key, i in (("F2", 0), ("F3", 1), ("F4", 2)):
            QShortcut(QKeySequence(key), self).activated.connect(lambda i=i: self.show_tab(i))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(m.px(8))
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self.message.hide()

    def title(self) -> str:
        return self.tr("Stock")

    def show_message(self, text: str, level: str = "info") -> None:
        super().show_message(text, level)
        self.message.setVisible(bool(text))

    def activate(self) -> None:
        self.counting.load()
        if self.tabs.currentWidget() is self.receiving:
            self.receiving.load()
        self.tabs.currentWidget().focus_field()  # type: ignore[attr-defined]

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        self._tab_changed(index)

    def _tab_changed(self, index: int) -> None:
        panel = self.tabs.widget(index)
        if panel is self.receiving:
            self.receiving.load()
        elif panel is self.counting:
            self.counting.load()
        panel.focus_field()  # type: ignore[attr-defined]
