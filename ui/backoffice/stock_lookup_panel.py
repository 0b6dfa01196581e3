"""The Stock page's article stock: an article found by EAN, SKU, PLU or name (a scanner's wedge
types into the field and ends with Enter), its stock here, in each other store and online
(available, stocked, reserved), fresh from the central store with the time, or the last synced
figures marked NOT FRESH. The question runs on the network lane, never on the GUI thread."""
from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtWidgets import (QComboBox, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from pos.stock import StockLevel, StockReport
from ui.backoffice import stock_operations as sop
from ui.backoffice.context import BackofficeContext
from ui.backoffice.table import Column, FilterTable
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.style import metrics, set_level, set_role


def local_time(t: datetime | None) -> str:
    if t is None:
        return ""
    t = t if t.tzinfo is not None else t.replace(tzinfo=timezone.utc)
    return t.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class StockLookupPanel(QWidget):
    def __init__(self, lanes: Lanes, ctx: BackofficeContext, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("stockLookupPanel")
        self.lanes, self.ctx = lanes, ctx
        self.report: StockReport | None = None
        m = metrics()
        self.code = QLineEdit(self)
        self.code.setObjectName("stockLookupCode")
        self.code.setPlaceholderText(self.tr("Scan or type EAN, SKU, short number or name"))
        self.code.returnPressed.connect(self.look_up)
        self.find_button = QPushButton(self.tr("Show stock (Enter)"), self)
        self.find_button.setObjectName("stockLookupButton")
        set_role(self.find_button, "primary")
        self.find_button.clicked.connect(self.look_up)
        self.matches = QComboBox(self)
        self.matches.setObjectName("stockLookupMatches")
        self.matches.activated.connect(self._match_chosen)
        self.matches.hide()
        self.heading = QLabel(self)
        self.heading.setObjectName("stockLookupHeading")
        self.heading.setWordWrap(True)
        set_role(self.heading, "figure")
        self.status = QLabel(self)
        self.status.setObjectName("stockLookupStatus")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "message")
        self.table = FilterTable([
            Column(self.tr("Location"), self._place, stretch=True),
            Column(self.tr("Available"), lambda lv: str(lv.available),
                   sort=lambda lv: lv.available, numeric=True),
            Column(self.tr("In stock"), lambda lv: str(lv.stocked), sort=lambda lv: lv.stocked,
                   numeric=True),
            Column(self.tr("Reserved"), lambda lv: str(lv.reserved), sort=lambda lv: lv.reserved,
                   numeric=True)], self, filter_placeholder=self.tr("Filter locations…"))
        self.table.setObjectName("stockLookupTable")

        bar = FlowLayout()
        bar.addWidget(self.code, 1)
        bar.addWidget(self.find_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, m.px(8), 0, 0)
        layout.setSpacing(m.px(8))
        layout.addLayout(bar)
        layout.addWidget(self.matches)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

    def _place(self, lv: StockLevel) -> str:
        here = self.report is not None and lv.location_id == self.report.here
        return self.tr("%1 (this store)").replace("%1", lv.location_name) if here \
            else lv.location_name

    def focus_field(self) -> None:
        self.code.setFocus()
        self.code.selectAll()

    def look_up(self) -> None:
        code = self.code.text().strip()
        if not code or not self.find_button.isEnabled():
            return
        self.find_button.setEnabled(False)
        self.status.setText(self.tr("Asking the central store…"))
        set_level(self.status, "info")
        sop.article_stock(self.lanes, self.ctx, code, on_done=self.show_report,
                          on_error=self._failed)

    def show_report(self, report: StockReport | list) -> None:
        self.find_button.setEnabled(True)
        if isinstance(report, list):  # several articles' names match: the manager chooses
            self.matches.clear()
            for v in report:
                self.matches.addItem(f"{v.name} ({v.sku})", v.sku)
            self.matches.show()
            self.status.setText(self.tr("%n article(s) match: choose one.", "", len(report)))
            set_level(self.status, "info")
            self.matches.setFocus()
            return
        self.matches.hide()
        self.report = report
        self.heading.setText(self.tr("%1 (SKU %2)").replace("%1", report.name)
                             .replace("%2", report.sku))
        if report.fresh:
            self.status.setText(self.tr("Fresh from the central store at %1.")
                                .replace("%1", local_time(report.as_of)))
            set_level(self.status, "ok")
        else:
            when = local_time(report.as_of) if report.as_of else self.tr("never")
            self.status.setText(self.tr("NOT FRESH: the central store did not answer; these "
                                        "are the figures of the last stock sync (%1).")
                                .replace("%1", when))
            set_level(self.status, "error")
        self.table.set_rows(list(report.levels))
        self.code.selectAll()

    def _match_chosen(self, index: int) -> None:
        sku = self.matches.itemData(index)
        if sku:
            self.code.setText(str(sku))
            self.look_up()

    def _failed(self, exc: BaseException) -> None:
        self.find_button.setEnabled(True)
        self.status.setText(message_for(exc))
        set_level(self.status, "error")
        self.code.selectAll()
