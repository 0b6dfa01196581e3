"""Before a whole-store count is posted: the articles this store holds stock of that were not
counted, each with the units it will lose, which the post sets to 0. The manager reads the list
and confirms it with a button that says what it does (Enter presses nothing: Escape or
"Go back" leaves the count open to count them)."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos.money import format_kronor
from pos.stock_count import CountLine
from ui.backoffice.table import Column, FilterTable
from ui.widgets.dialog import Dialog
from ui.widgets.style import metrics, set_level, set_role


class UncountedDialog(Dialog):
    def __init__(self, lines: list[CountLine], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("uncountedDialog")
        self.setWindowTitle(self.tr("Articles not counted"))
        m = metrics()
        units = sum(ln.expected for ln in lines)
        value = -sum(ln.difference_value for ln in lines)
        heading = QLabel(self.tr("%n article(s) not counted will be set to 0", "", len(lines)),
                         self)
        heading.setObjectName("uncountedHeading")
        set_role(heading, "heading")
        heading.setWordWrap(True)
        text = QLabel(self.tr("This is a count of the whole store: an article this store holds "
                              "stock of that was not counted is counted as 0. %1 unit(s) worth "
                              "%2 kr leave this store's stock. Go back to count them if they "
                              "are on the shelves.").replace("%1", f"{units:,}".replace(",", " "))
                      .replace("%2", format_kronor(value)), self)
        text.setWordWrap(True)
        set_level(text, "error")
        text.setProperty("role", "message")
        self.table = FilterTable([
            Column(self.tr("Article"), lambda ln: ln.name, stretch=True),
            Column(self.tr("SKU"), lambda ln: ln.sku),
            Column(self.tr("In stock now"), lambda ln: str(ln.expected),
                   sort=lambda ln: ln.expected, numeric=True),
            Column(self.tr("Set to"), lambda ln: "0", numeric=True),
            Column(self.tr("Value (kr)"), lambda ln: format_kronor(-ln.difference_value),
                   sort=lambda ln: -ln.difference_value, numeric=True)],
            self, filter_placeholder=self.tr("Filter: article, SKU…"))
        self.table.setObjectName("uncountedTable")
        self.table.set_rows(lines)
        self.back = QPushButton(self.tr("Go back and count"), self)
        self.back.setObjectName("uncountedBack")
        self.back.clicked.connect(self.reject)
        self.ok = QPushButton(self.tr("Set %n article(s) to 0 and post", "", len(lines)), self)
        self.ok.setObjectName("uncountedConfirm")
        set_role(self.ok, "danger")
        self.ok.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.setSpacing(m.px(10))
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setMinimumWidth(m.px(640))
        self.setMinimumHeight(m.px(420))
        host = parent.window() if parent is not None else None
        if host is not None:  # the list that zeroes stock gets room: most of the window
            self.resize(max(m.px(640), host.width() * 4 // 5),
                        max(m.px(420), host.height() * 4 // 5))
        self.back.setFocus()
