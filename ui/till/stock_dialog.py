"""Stock everywhere: an article's available units here, in the other stores and in the web
warehouse (available = in stock minus reserved for orders), with the time of the figures.

Fresh figures come from the central store on the network lane; when it cannot be reached the
dialog shows the till's last synced figures with their sync time, marked as not fresh. The
dialog only shows: the sale page's delivery flow asks for the figures and hands them over
(``show_report`` / ``show_error``); "Update" asks again.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from pos.stock import StockReport
from ui.widgets.dialog import Dialog
from ui.widgets.style import metrics, set_level, set_role


def local_time(t: datetime) -> datetime:
    return t.astimezone() if t.tzinfo is not None else t


class StockDialog(Dialog):
    refresh_requested = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        m = metrics()
        self.setObjectName("stockDialog")
        self.setWindowTitle(self.tr("Stock everywhere"))
        self.setModal(True)
        self.report: StockReport | None = None
        self.heading = QLabel(name, self)
        self.heading.setObjectName("stockArticle")
        self.heading.setWordWrap(True)
        set_role(self.heading, "heading")
        self.status = QLabel(self.tr("Asking the central store…"), self)
        self.status.setObjectName("stockStatus")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "message")
        set_level(self.status, "info")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("stockTable")
        self.table.setHorizontalHeaderLabels([self.tr("Location"), self.tr("Available"),
                                              self.tr("In stock"), self.tr("Reserved")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(m.touch(44))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.refresh_button = QPushButton(self.tr("Update"), self)
        self.refresh_button.setObjectName("stockRefreshButton")
        self.refresh_button.setMinimumHeight(m.touch(44))
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        for b in buttons.buttons():
            b.setMinimumHeight(m.touch(44))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.setMinimumSize(m.px(680), m.px(380))

    def refresh(self) -> None:
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Asking the central store…"))
        set_level(self.status, "info")
        self.refresh_requested.emit()

    def show_report(self, report: StockReport) -> None:
        self.report = report
        self.refresh_button.setEnabled(True)
        when = (local_time(report.as_of).strftime("%Y-%m-%d %H:%M:%S")
                if report.as_of else self.tr("never"))
        if report.fresh:
            self.status.setText(self.tr("Fresh from the central store at %1").replace("%1", when))
            set_level(self.status, "ok")
        else:
            self.status.setText(self.tr("NOT FRESH: the central store cannot be reached. These "
                                        "are the figures of the last sync (%1).")
                                .replace("%1", when))
            set_level(self.status, "error")
        self.table.setRowCount(len(report.levels))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, lv in enumerate(report.levels):
            here = lv.location_id == report.here
            name = (self.tr("%1 (this store)").replace("%1", lv.location_name) if here
                    else lv.location_name)
            cells = (name, str(lv.available), str(lv.stocked), str(lv.reserved))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if here or col == 1:
                    item.setFont(bold)
                self.table.setItem(row, col, item)
        if not report.levels:
            self.status.setText(self.status.text() + "\n" +
                                self.tr("No location keeps this article."))

    def show_error(self, text: str) -> None:
        self.refresh_button.setEnabled(True)
        self.status.setText(text)
        set_level(self.status, "error")
