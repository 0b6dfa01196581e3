"""A customer's history at the till: web orders and store sales together, newest first, with the
channel, what was returned, and a payment still open (an invoice not paid yet); a page at a
time (Page Up / Page Down). "Return…" (F9) starts a return of the chosen purchase in the
returns dialog the till already has. The dialog only asks; the customer flow reads the pages on
the network lane."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from pos.customer_history import Channel, HistoryEntry, HistoryPage
from pos.money import format_kronor
from ui.widgets.dialog import Dialog
from ui.widgets.style import metrics, set_level, set_role

PAGE = 10


class CustomerHistoryDialog(Dialog):
    page_requested = Signal(int, int)  # offset, limit
    return_requested = Signal(str)  # the purchase's code for the returns dialog

    def __init__(self, customer_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        m = metrics()
        self.setObjectName("customerHistoryDialog")
        self.setWindowTitle(self.tr("Customer's history"))
        self.setModal(True)
        self.page: HistoryPage | None = None
        self.offset = 0
        title = QLabel(self.tr("Purchases of %1 in store and on the web").replace(
            "%1", customer_label), self)
        title.setWordWrap(True)
        set_role(title, "heading")
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("customerHistoryTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Where"), self.tr("Receipt / order"), self.tr("Articles"),
            self.tr("Total"), self.tr("Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(m.touch(44))
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection)
        self.message = QLabel("", self)
        self.message.setObjectName("customerHistoryMessage")
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)
        self.prev_button = QPushButton(self.tr("Newer (PgUp)"), self)
        self.prev_button.setObjectName("customerHistoryNewer")
        self.next_button = QPushButton(self.tr("Older (PgDn)"), self)
        self.next_button.setObjectName("customerHistoryOlder")
        self.return_button = QPushButton(self.tr("Return… (F9)"), self)
        self.return_button.setObjectName("customerHistoryReturn")
        set_role(self.return_button, "primary")
        for b in (self.prev_button, self.next_button, self.return_button):
            b.setMinimumHeight(m.touch(44))
            b.setEnabled(False)
        self.prev_button.clicked.connect(lambda: self.load(max(0, self.offset - PAGE)))
        self.next_button.clicked.connect(lambda: self.load(self.offset + PAGE))
        self.return_button.clicked.connect(self.start_return)
        QShortcut(QKeySequence("PgUp"), self).activated.connect(self.prev_button.click)
        QShortcut(QKeySequence("PgDown"), self).activated.connect(self.next_button.click)
        QShortcut(QKeySequence("F9"), self).activated.connect(self.return_button.click)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        for b in buttons.buttons():
            b.setMinimumHeight(m.touch(44))
        row = QHBoxLayout()
        row.addWidget(self.prev_button)
        row.addWidget(self.next_button)
        row.addStretch(1)
        row.addWidget(self.return_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumSize(m.px(820), m.px(520))

    def load(self, offset: int = 0) -> None:
        self.offset = offset
        for b in (self.prev_button, self.next_button, self.return_button):
            b.setEnabled(False)
        self.message.setText(self.tr("Reading the history from the central store…"))
        set_level(self.message, "info")
        self.page_requested.emit(offset, PAGE)

    def show_page(self, page: HistoryPage) -> None:
        self.page = page
        self.table.setRowCount(len(page.entries))
        for r, e in enumerate(page.entries):
            for c, text in enumerate(self._cells(e)):
                item = QTableWidgetItem(text)
                if c == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        if page.entries:
            self.table.selectRow(0)
            self.table.setFocus()
            self.message.setText(self.tr("%1-%2 of %3 purchases")
                                 .replace("%1", str(page.offset + 1))
                                 .replace("%2", str(page.offset + len(page.entries)))
                                 .replace("%3", str(page.count)))
            set_level(self.message, "info")
        else:
            self.message.setText(self.tr("No purchases yet"))
            set_level(self.message, "info")
        self.prev_button.setEnabled(page.offset > 0)
        self.next_button.setEnabled(page.has_more)
        self._selection()

    def _cells(self, e: HistoryEntry) -> list[str]:
        when = e.bought_at.astimezone().strftime("%Y-%m-%d %H:%M") if e.bought_at else ""
        where = (self.tr("Store %1").replace("%1", e.location) if e.channel is Channel.STORE
                 else self.tr("Web"))
        code = e.receipt_code if e.channel is Channel.STORE else f"#{e.display_id}"
        articles = ", ".join(f"{ln.quantity} × {ln.name}" for ln in e.lines)
        status = []
        if e.payment_open:
            status.append(self.tr("Invoice %1 open").replace("%1", e.invoice_number)
                          if e.invoice_number else self.tr("Not paid yet"))
        if e.returned_units:
            status.append(self.tr("%n unit(s) returned", "", e.returned_units))
        return [when, where, code, articles, format_kronor(e.total),
                "; ".join(status) or self.tr("Paid")]

    def selected(self) -> HistoryEntry | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or self.page is None:
            return None
        r = rows[0].row()
        return self.page.entries[r] if 0 <= r < len(self.page.entries) else None

    def _selection(self) -> None:
        e = self.selected()
        self.return_button.setEnabled(e is not None and sum(ln.quantity for ln in e.lines)
                                      > e.returned_units)

    def start_return(self) -> None:
        e = self.selected()
        if e is not None:
            self.return_requested.emit(e.return_code)
            self.accept()

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        set_level(self.message, "error")
        self.prev_button.setEnabled(self.offset > 0)
