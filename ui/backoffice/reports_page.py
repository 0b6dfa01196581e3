"""Rapporter: the X and Z reports every register took (from the journal, newest first), one
shown in full as it was printed; the VAT report of a date range on screen; and the sales or the
VAT report of the range exported to CSV or PDF (written on a worker lane: the page stays live
while it is written)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFileDialog, QFrame, QHBoxLayout, QLabel,
                               QPlainTextEdit, QPushButton, QSplitter, QTabWidget, QVBoxLayout,
                               QWidget)
from PySide6.QtCore import Qt

from pos.money import format_kronor
from pos.queries.report_history import ReportAgain, ReportEntry
from ui.widgets.flow_layout import FlowLayout
from ui.backoffice import operations as op
from ui.backoffice.context import BackofficeContext
from ui.backoffice.date_range_bar import from_qdate, to_qdate
from ui.backoffice.page import Page
from ui.backoffice.table import Column, FilterTable
from ui.backoffice.receipt_copy_panel import ReceiptCopyPanel
from ui.backoffice.vat_panel import VatPanel
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.widgets.style import metrics, set_role

AskPath = Callable[[str, str, str], str]  # (title, suggested path, filter) -> path or ""


def ask_save_path(parent: QWidget) -> AskPath:
    def ask(title: str, suggested: str, name_filter: str) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
        return path
    return ask


def _kr(ore: int | None) -> str:
    return "" if ore is None else format_kronor(ore)


class ReportsPage(Page):
    def __init__(self, lanes: Lanes, ctx: BackofficeContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(lanes, ctx, parent)
        self.setObjectName("reportsPage")
        m = metrics()
        self.ask_path: AskPath = ask_save_path(self)
        self.entries: list[ReportEntry] = []
        self.shown: ReportAgain | None = None
        self.exported: list[Path] = []

        # the sales report
        export = QFrame(self)
        export.setProperty("role", "panel")
        self.report_kind = QComboBox(export)
        self.report_kind.setObjectName("reportKind")
        self.report_kind.addItem(self.tr("Sales report"), "sales")
        self.report_kind.addItem(self.tr("VAT report"), "vat")
        self.report_kind.setMinimumHeight(m.touch(46))
        today = ctx.clock().date()
        self.first = QDateEdit(to_qdate(today.replace(day=1)), export)
        self.last = QDateEdit(to_qdate(today), export)
        for edit, name in ((self.first, "salesFrom"), (self.last, "salesTo")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumHeight(m.touch(46))
            edit.setMinimumWidth(m.px(150))
            edit.dateChanged.connect(self._range_changed)
        self.csv_button = QPushButton(self.tr("Export CSV… (Ctrl+E)"), export)
        self.csv_button.setObjectName("exportCsv")
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.pdf_button = QPushButton(self.tr("Export PDF… (Ctrl+P)"), export)
        self.pdf_button.setObjectName("exportPdf")
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        QShortcut(QKeySequence("Ctrl+E"), self).activated.connect(lambda: self.export("csv"))
        QShortcut(QKeySequence("Ctrl+P"), self).activated.connect(lambda: self.export("pdf"))
        row = FlowLayout(export)
        row.setContentsMargins(m.px(12), m.px(8), m.px(12), m.px(8))
        row.addWidget(self.report_kind)
        row.addSpacing(m.px(12))
        row.addWidget(QLabel(self.tr("From"), export))
        row.addWidget(self.first)
        row.addWidget(QLabel(self.tr("To"), export))
        row.addWidget(self.last)
        row.addStretch(1)
        files = QHBoxLayout()  # the two exports wrap together
        files.addWidget(self.csv_button)
        files.addWidget(self.pdf_button)
        row.addLayout(files)

        # the X and Z reports
        top = FlowLayout()
        heading = QLabel(self.tr("X and Z reports"), self)
        set_role(heading, "heading")
        self.register_choice = QComboBox(self)
        self.register_choice.setObjectName("reportRegister")
        self.register_choice.setMinimumWidth(m.px(180))
        self.register_choice.addItem(self.tr("All registers"), None)
        self.register_choice.currentIndexChanged.connect(self._filter_register)
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Register"), self))
        top.addWidget(self.register_choice)
        self.history = FilterTable([
            Column(self.tr("Register"), lambda r: r.register_id),
            Column(self.tr("Report"), lambda r: r.kind if r.z_number is None
                   else f"{r.kind} {r.z_number}", sort=lambda r: (r.kind, r.z_number or 0)),
            Column(self.tr("Taken"), lambda r: r.taken_at.strftime("%Y-%m-%d %H:%M"),
                   sort=lambda r: r.taken_at),
            Column(self.tr("By"), lambda r: r.taken_by or ""),
            Column(self.tr("Receipts"), lambda r: str(r.sales_count),
                   sort=lambda r: r.sales_count, numeric=True),
            Column(self.tr("Sales"), lambda r: _kr(r.gross_sales), sort=lambda r: r.gross_sales,
                   numeric=True),
            Column(self.tr("Variance"), lambda r: _kr(r.variance), sort=lambda r: r.variance,
                   numeric=True, stretch=True)], self,
            filter_placeholder=self.tr("Filter: register, date, who…"))
        self.history.setObjectName("reportHistory")
        self.history.selected.connect(self.show_report)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("reportText")
        self.text.setReadOnly(True)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPixelSize(m.font(13))
        self.text.setFont(mono)
        # the style sheet sizes every QPlainTextEdit's font: this one's is the receipt's
        self.text.setStyleSheet(f"QPlainTextEdit {{ font-family: '{mono.family()}'; "
                                f"font-size: {m.font(13)}px; }}")
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        # the receipt's 42 columns whole, beside its scroll bar
        self.text.setMinimumWidth(QFontMetrics(mono).horizontalAdvance("0" * 42) + m.px(18)
                                  + 2 * int(self.text.document().documentMargin()) + 28)  # + padding, border
        self.text_note = QLabel(self)
        self.text_note.setObjectName("reportNote")
        self.text_note.setWordWrap(True)
        self.text_note.setProperty("role", "muted")
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.text, 1)
        rl.addWidget(self.text_note)
        self.reprint_button = QPushButton(self.tr("Reprint as copy (Ctrl+R)"), right)
        self.reprint_button.setObjectName("reprintReport")
        self.reprint_button.setEnabled(False)
        self.reprint_button.clicked.connect(self.reprint)
        QShortcut(QKeySequence("Ctrl+R"), self).activated.connect(self.reprint)
        rl.addWidget(self.reprint_button)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.history)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        self.split = split
        split.setChildrenCollapsible(False)
        self.vat = VatPanel(self)
        history = QWidget(self)
        hl = QVBoxLayout(history)
        hl.setContentsMargins(0, m.px(6), 0, 0)
        hl.setSpacing(m.px(6))
        hl.addLayout(top)
        hl.addWidget(split, 1)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("reportTabs")
        self.tabs.addTab(history, self.tr("X and Z reports"))
        self.tabs.addTab(self.vat, self.tr("VAT report"))
        self.receipts = ReceiptCopyPanel(lanes, ctx, self.show_message, self)
        self.tabs.addTab(self.receipts, self.tr("Receipt copy"))
        self.tabs.currentChanged.connect(self._tab_changed)
        QShortcut(QKeySequence("Ctrl+M"), self).activated.connect(self.show_vat)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(m.px(10))
        layout.addWidget(export)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

    def title(self) -> str:
        return self.tr("Reports")

    # --- history ---------------------------------------------------------------------------------

    def activate(self) -> None:
        op.report_history_rows(self.lanes, self.ctx, None, on_done=self.set_history,
                               on_error=lambda e: self.show_message(message_for(e), "error"))
        if self.tabs.currentWidget() is self.vat:
            self.load_vat()

    # --- the VAT report on screen ----------------------------------------------------------------

    def show_vat(self) -> None:
        """Ctrl+M: the VAT report of the range on screen (and chosen for export)."""
        self.report_kind.setCurrentIndex(self.report_kind.findData("vat"))
        self.tabs.setCurrentWidget(self.vat)

    def _tab_changed(self, _index: int) -> None:
        """The export follows the tab shown: the VAT report on its tab, else the sales report."""
        vat = self.tabs.currentWidget() is self.vat
        self.report_kind.setCurrentIndex(self.report_kind.findData("vat" if vat else "sales"))
        if vat:
            self.load_vat()

    def _range_changed(self, *_: object) -> None:
        if self.tabs.currentWidget() is self.vat:
            self.load_vat()

    def load_vat(self) -> None:
        first, last = self.sales_range()
        op.vat_report(self.lanes, self.ctx, first, last, on_done=self._vat_loaded,
                      on_error=lambda e: self.show_message(message_for(e), "error"))

    def _vat_loaded(self, report) -> None:  # type: ignore[no-untyped-def]
        if (report.first, report.last) == self.sales_range():  # else the range moved on
            self.vat.set_report(report)

    def set_history(self, entries: list[ReportEntry]) -> None:
        self.entries = list(entries)
        chosen = self.register_choice.currentData()
        registers = sorted({e.register_id for e in self.entries})
        self.register_choice.blockSignals(True)
        while self.register_choice.count() > 1:
            self.register_choice.removeItem(1)
        for r in registers:
            self.register_choice.addItem(r, r)
        i = self.register_choice.findData(chosen) if chosen else 0
        self.register_choice.setCurrentIndex(max(0, i))
        self.register_choice.blockSignals(False)
        self._filter_register()
        if self.history.current() is None and self.history.shown_rows():
            self.history.view.selectRow(0)
        if not self.entries:
            self.show_message(self.tr("No X or Z report has been taken yet."), "info")

    def _filter_register(self, *_: object) -> None:
        chosen = self.register_choice.currentData()
        self.history.set_rows([e for e in self.entries if chosen in (None, e.register_id)])

    def show_report(self, entry: ReportEntry | None) -> None:
        if entry is None:
            return
        op.report_text(self.lanes, self.ctx, entry, on_done=self._report_shown,
                       on_error=lambda e: self.show_message(message_for(e), "error"))

    def _report_shown(self, again: ReportAgain) -> None:
        if self.history.current() != again.entry:
            return  # another row was chosen meanwhile
        self.shown = again
        self.reprint_button.setEnabled(True)
        self.text.setPlainText(again.document.plain_text(42))
        if again.differences:
            self.text_note.setText(self.tr("Rebuilt from the sales, this report differs from "
                                           "the journal in: %1. The journal's figures are the "
                                           "record.").replace("%1", ", ".join(again.differences)))
        else:
            self.text_note.setText(self.tr("As taken %1, rebuilt from the sales and equal to "
                                           "the journal.")
                                   .replace("%1", again.entry.taken_at.strftime("%Y-%m-%d %H:%M")))

    def reprint(self) -> None:
        """Ctrl+R: the report shown printed again, marked KOPIA (journaled)."""
        if self.shown is None or not self.reprint_button.isEnabled():
            return
        self.reprint_button.setEnabled(False)
        entry = self.shown.entry
        op.reprint_report(self.lanes, self.ctx, entry,
                          on_done=lambda outcome: self._reprinted(entry, outcome),
                          on_error=self._reprint_failed)

    def _reprinted(self, entry: ReportEntry, outcome) -> None:  # type: ignore[no-untyped-def]
        self.reprint_button.setEnabled(True)
        if outcome.ok:
            self.show_message(self.tr("%1 report of %2 printed again, marked KOPIA.")
                              .replace("%1", entry.kind).replace("%2", entry.register_id), "ok")
        else:
            self.show_message(message_for(outcome.error), "error")

    def _reprint_failed(self, e: BaseException) -> None:
        self.reprint_button.setEnabled(True)
        self.show_message(message_for(e), "error")

    # --- the sales report ------------------------------------------------------------------------

    def sales_range(self) -> tuple[date, date]:
        a, b = from_qdate(self.first.date()), from_qdate(self.last.date())
        return (a, b) if a <= b else (b, a)

    def export(self, kind: str) -> None:
        """The report chosen (sales or VAT) of the range as ``kind`` ("csv" or "pdf")."""
        first, last = self.sales_range()
        report = self.report_kind.currentData()
        stem = "moms" if report == "vat" else "forsaljning"
        name = f"{stem}_{first.isoformat()}_{last.isoformat()}.{kind}"
        suggested = str((self.ctx.data_dir or Path.home()) / name)
        name_filter = (self.tr("CSV files (*.csv)") if kind == "csv"
                       else self.tr("PDF files (*.pdf)"))
        path = self.ask_path(self.tr("Save the VAT report") if report == "vat"
                             else self.tr("Save the sales report"), suggested, name_filter)
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != f".{kind}":
            target = target.with_name(target.name + f".{kind}")
        self.csv_button.setEnabled(False)
        self.pdf_button.setEnabled(False)
        self.show_message(self.tr("Writing %1…").replace("%1", target.name), "info")
        run = op.export_vat_report if report == "vat" else op.export_sales_report
        run(self.lanes, self.ctx, first, last, target, kind, on_done=self._exported,
            on_error=self._export_failed)

    def _exported(self, path: Path) -> None:
        self.exported.append(path)
        self.csv_button.setEnabled(True)
        self.pdf_button.setEnabled(True)
        self.show_message(self.tr("Saved: %1").replace("%1", str(path)), "ok")

    def _export_failed(self, exc: BaseException) -> None:
        self.csv_button.setEnabled(True)
        self.pdf_button.setEnabled(True)
        self.show_message(message_for(exc), "error")

