"""Journal: the electronic journal of every register and the back office, browsed a page at a
time (date range, register, kind, a text in its content), each register's hash chain verified
(the journal's own check, on a worker: seconds at 100 000 entries) and exported as CSV
(``docs/journal-export.md``)."""
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget)
from PySide6.QtCore import Qt

from pos.journal import JournalEntry
from pos.queries.journal import RegisterJournal
from pos.queries.journal_browse import JournalChoices, JournalFilter, user_of
from pos.queries.journal_browse import JournalPage as EntriesPage
from ui.widgets.flow_layout import FlowLayout
from ui.backoffice.journal_kinds import kind_label
from ui.backoffice.journal_summary import JournalSummaries
from ui.backoffice import operations as op
from ui.backoffice.context import BackofficeContext
from ui.backoffice.date_range_bar import DateRangeBar
from ui.backoffice.page import Page
from ui.backoffice.reports_page import AskPath, ask_save_path
from ui.backoffice.table import Column, FilterTable
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.widgets.style import metrics, set_level

class JournalPage(Page):
    def __init__(self, lanes: Lanes, ctx: BackofficeContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(lanes, ctx, parent)
        self.setObjectName("journalPage")
        m = metrics()
        self.ask_path: AskPath = ask_save_path(self)
        self.page_shown: EntriesPage | None = None
        self.page_no = 0
        self.verified: list[RegisterJournal] | None = None
        self.exported: list[Path] = []

        self.summaries = JournalSummaries(parent=self)  # staff names once the choices come
        bar = QFrame(self)
        bar.setProperty("role", "panel")
        self.dates = DateRangeBar(ctx.clock, (), "journal", bar)
        self.dates.changed.connect(self.reload)
        self.first, self.last = self.dates.first, self.dates.last
        self.register_choice = QComboBox(bar)
        self.register_choice.setObjectName("journalRegister")
        self.register_choice.addItem(self.tr("All registers"), None)
        self.kind_choice = QComboBox(bar)
        self.kind_choice.setObjectName("journalKind")
        self.kind_choice.addItem(self.tr("All kinds"), None)
        for box in (self.register_choice, self.kind_choice):
            box.setMinimumHeight(m.touch(46))
            box.currentIndexChanged.connect(self.reload)
        self.text = QLineEdit(bar)
        self.text.setObjectName("journalText")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr("Text in the entry (Ctrl+F)"))
        self.text.setMinimumHeight(m.touch(46))
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(300)
        self._typing.timeout.connect(self.reload)
        self.text.textChanged.connect(lambda *_: self._typing.start())
        QShortcut(QKeySequence("Ctrl+F"), self).activated.connect(self.text.setFocus)
        row = FlowLayout(bar)
        row.setContentsMargins(m.px(12), m.px(8), m.px(12), m.px(8))
        self.dates.add_to(row)
        row.addWidget(self.register_choice)
        row.addWidget(self.kind_choice)
        row.addWidget(self.text, 1)

        self.table = FilterTable([
            Column(self.tr("Time"), lambda e: e.ts.replace("T", " ")[:19], sort=lambda e: e.ts),
            Column(self.tr("Register"), lambda e: e.register_id),
            Column(self.tr("No."), lambda e: str(e.seq), sort=lambda e: e.seq, numeric=True),
            Column(self.tr("Kind"), lambda e: kind_label(e.kind)),
            Column(self.tr("Who"), user_of),
            Column(self.tr("Content"), lambda e: self.summaries.summary(e), stretch=True,
                   tip=_payload_text)], self,
            show_filter=False)
        self.table.setObjectName("journalTable")
        self.table.selected.connect(self._show_entry)
        self.table.activated.connect(self._open_entry)  # Enter: the entry as stored
        self.entry_text = QPlainTextEdit(self)
        self.entry_text.setObjectName("journalEntry")
        self.entry_text.setReadOnly(True)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.entry_text)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)

        self.prev_button = QPushButton(self.tr("◀ Newer (PgUp)"), self)
        self.prev_button.setObjectName("journalNewer")
        self.prev_button.clicked.connect(lambda: self.go(self.page_no - 1))
        self.next_button = QPushButton(self.tr("Older (PgDn) ▶"), self)
        self.next_button.setObjectName("journalOlder")
        self.next_button.clicked.connect(lambda: self.go(self.page_no + 1))
        QShortcut(QKeySequence("PgUp"), self).activated.connect(
            lambda: self.go(self.page_no - 1))
        QShortcut(QKeySequence("PgDown"), self).activated.connect(
            lambda: self.go(self.page_no + 1))
        self.page_label = QLabel(self)
        self.page_label.setObjectName("journalPages")
        self.verify_button = QPushButton(self.tr("Verify the chain (Ctrl+Y)"), self)
        self.verify_button.setObjectName("verifyJournal")
        self.verify_button.clicked.connect(self.verify)
        QShortcut(QKeySequence("Ctrl+Y"), self).activated.connect(self.verify)
        self.export_button = QPushButton(self.tr("Export CSV… (Ctrl+E)"), self)
        self.export_button.setObjectName("exportJournal")
        self.export_button.clicked.connect(self.export)
        QShortcut(QKeySequence("Ctrl+E"), self).activated.connect(self.export)
        from ui.backoffice.journal_skv_export import SkvExport
        self.skv = SkvExport(self)  # the tax authority's format beside the CSV
        for b in (self.prev_button, self.next_button, self.verify_button, self.export_button,
                  self.skv.button):
            b.setMinimumHeight(m.touch(46))
        self.verify_result = QLabel(self)
        self.verify_result.setObjectName("verifyResult")
        self.verify_result.setProperty("role", "message")
        self.verify_result.setWordWrap(True)
        self.verify_result.hide()
        bottom = FlowLayout()
        bottom.addWidget(self.prev_button)
        bottom.addWidget(self.page_label)
        bottom.addWidget(self.next_button)
        bottom.addStretch(1)
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.skv.button)
        bottom.addWidget(self.skv.bar)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(m.px(8))
        layout.addWidget(bar)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.verify_result)
        layout.addWidget(self.message)

    def title(self) -> str:
        return self.tr("Journal")

    def activate(self) -> None:
        op.journal_choices(self.lanes, self.ctx, on_done=self.set_choices,
                           on_error=lambda e: self.show_message(message_for(e), "error"))
        self.reload()

    def set_choices(self, c: JournalChoices) -> None:
        if dict(c.staff) != self.summaries.names:
            self.summaries.names = dict(c.staff)
            self.table.set_rows(self.table.model.rows)  # the names in what is shown
        for box, values in ((self.register_choice, c.registers), (self.kind_choice, c.kinds)):
            chosen = box.currentData()
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for v in values:
                box.addItem(kind_label(v) if box is self.kind_choice else v, v)
            box.setCurrentIndex(max(0, box.findData(chosen)) if chosen else 0)
            box.blockSignals(False)

    def current_filter(self) -> JournalFilter:
        a, b = self.dates.range()
        return JournalFilter(a, b, self.register_choice.currentData(),
                             self.kind_choice.currentData(), self.text.text())

    def reload(self, *_: object) -> None:
        self.go(0)

    def go(self, page: int) -> None:
        if page < 0 or (self.page_shown is not None and page >= self.page_shown.pages
                        and page > self.page_no):
            return
        f = self.current_filter()
        op.journal_page(self.lanes, self.ctx, f, page,
                        on_done=lambda p: self._shown(f, p),
                        on_error=lambda e: self.show_message(message_for(e), "error"))

    def _shown(self, f: JournalFilter, p: EntriesPage) -> None:
        if f != self.current_filter():
            return  # the filter moved on meanwhile: its own answer follows
        self.page_shown, self.page_no = p, p.page
        self.table.set_rows(list(p.entries))
        self.page_label.setText(self.tr("Page %1 of %2 · %3 entries")
                                .replace("%1", str(p.page + 1)).replace("%2", str(p.pages))
                                .replace("%3", str(p.total)))
        self.prev_button.setEnabled(p.page > 0)
        self.next_button.setEnabled(p.page + 1 < p.pages)
        if not p.entries:
            self.entry_text.clear()

    def _show_entry(self, e: JournalEntry | None) -> None:
        if e is None:
            return
        self.entry_text.setPlainText(
            f"{e.register_id} #{e.seq}  {e.ts}  {kind_label(e.kind)}\n"
            f"{self.summaries.summary(e)}\n\n" + _payload_text(e)
            + f"\n\nhash {e.hash}\nprev {e.prev_hash}")

    def _open_entry(self, e: JournalEntry | None) -> None:
        self._show_entry(e)
        if e is not None:
            self.entry_text.setFocus()

    # --- verify and export -----------------------------------------------------------------------

    def verify(self) -> None:
        if not self.verify_button.isEnabled():
            return
        self.verify_button.setEnabled(False)
        self.verify_result.show()
        self.verify_result.setText(self.tr("Verifying every register's journal…"))
        set_level(self.verify_result, "info")
        op.verify_journal(self.lanes, self.ctx, on_done=self._verified,
                          on_error=self._verify_failed)

    def _verified(self, results: list[RegisterJournal]) -> None:
        self.verified = list(results)
        self.verify_button.setEnabled(True)
        broken = [r for r in results if not r.ok]
        count = sum(r.verification.count for r in results)
        if not broken:
            self.verify_result.setText(
                self.tr("The journal is whole: %1 entries of %2 journals checked, every hash "
                        "and link as written.").replace("%1", str(count))
                .replace("%2", str(len(results))))
            set_level(self.verify_result, "ok")
            return
        lines = []
        for r in broken:
            v = r.verification
            where = (self.tr("register %1, entry %2: %3").replace("%1", r.register_id)
                     .replace("%2", str(v.first_bad_seq))
                     .replace("%3", message_for(v.problem) if v.problem else "")
                     if v.first_bad_seq is not None
                     else self.tr("register %1").replace("%1", r.register_id))
            lines.append("; ".join([where, *(message_for(p) for p in r.problems)]))
        self.verify_result.setText(self.tr("The journal is BROKEN: %1").replace(
            "%1", " | ".join(lines)))
        set_level(self.verify_result, "error")

    def _verify_failed(self, e: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.verify_result.setText(message_for(e))
        set_level(self.verify_result, "error")

    def export(self) -> None:
        if not self.export_button.isEnabled():
            return
        f = self.current_filter()
        name = f"journal_{f.first.isoformat()}_{f.last.isoformat()}.csv"  # type: ignore[union-attr]
        suggested = str((self.ctx.data_dir or Path.home()) / name)
        path = self.ask_path(self.tr("Export the journal"), suggested,
                             self.tr("CSV files (*.csv)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".csv":
            target = target.with_name(target.name + ".csv")
        self.export_button.setEnabled(False)
        self.show_message(self.tr("Writing %1…").replace("%1", target.name), "info")
        op.export_journal(self.lanes, self.ctx, target, f.first, f.last, f.register_id,
                          on_done=self._exported, on_error=self._export_failed)

    def _exported(self, done: tuple[Path, int]) -> None:
        path, n = done
        self.exported.append(path)
        self.export_button.setEnabled(True)
        self.show_message(self.tr("%1 entries saved: %2").replace("%1", str(n))
                          .replace("%2", str(path)), "ok")

    def _export_failed(self, e: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.show_message(message_for(e), "error")


def _payload_text(e: JournalEntry) -> str:
    """The payload as stored (öre, the program's own keys), indented."""
    return json.dumps(e.payload, ensure_ascii=False, indent=2)
