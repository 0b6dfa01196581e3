"""Hyllkanter (shelf labels): choose articles (scan or type), a whole category, or the articles
whose price changed since a day; see each label's figures (price, comparison price, campaign,
copies) in a list; print them on the receipt printer one per cut, or save an A4 label sheet as
a PDF. The work runs on the back office's lanes (``ui.backoffice.label_operations``) with a
progress bar; every print and sheet is journaled with the manager logged in.

Keyboard: Ctrl+F the article field (Enter adds), Ctrl+G the category, Ctrl+D the date,
+ / - copies of the chosen label, Delete removes it, Ctrl+P prints, Ctrl+S saves the sheet.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from pos.kiosk import Category
from pos.money import format_kronor
from pos.services.shelf_labels import LabelPrintResult, LabelSelection
from pos.shelf_labels import UNIT_TEXT, ShelfLabel
from ui.backoffice import label_operations as op
from ui.backoffice.context import BackofficeContext
from ui.backoffice.page import Page
from ui.backoffice.reports_page import AskPath, ask_save_path
from ui.backoffice.table import Column, FilterTable
from ui.documents.label_sheet import DEFAULT_LAYOUT, LAYOUTS
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.style import metrics, set_role


class _Progress(QObject):
    """Carries a worker's progress to the GUI thread (a queued signal)."""

    moved = Signal(int, int)


class LabelsPage(Page):
    def __init__(self, lanes: Lanes, ctx: BackofficeContext, parent: QWidget | None = None,
                 ask_path: AskPath | None = None,
                 ask_printer: Callable[[], QPrinter | None] | None = None) -> None:
        super().__init__(lanes, ctx, parent)
        self.setObjectName("labelsPage")
        self.ask_path = ask_path or ask_save_path(self)
        self.ask_printer = ask_printer or self._choose_printer
        self.labels: list[ShelfLabel] = []
        m = metrics()
        touch = m.touch(46)
        heading = QLabel(self.tr("Shelf labels: price, comparison price, campaign, EAN and QR"),
                         self)
        set_role(heading, "heading")
        heading.setWordWrap(True)
        # no QR address (no [labels] qr_base and no central store): said before anything prints
        self.no_qr = QLabel(self.tr("No QR address is set ([labels] qr_base, or a central "
                                    "store): these labels will print without a QR code."), self)
        self.no_qr.setObjectName("labelsNoQr")
        set_role(self.no_qr, "message")
        self.no_qr.setProperty("level", "error")
        self.no_qr.setWordWrap(True)
        self.no_qr.hide()  # ``activate`` shows it when there is no QR address

        self.article = QLineEdit(self)
        self.article.setObjectName("labelArticle")
        self.article.setPlaceholderText(self.tr("Scan or type SKU or EAN, Enter adds (Ctrl+F)"))
        self.article.setMinimumHeight(touch)
        # wide enough for its hint (Swedish's is long), at most 420 px: the row wraps instead
        hint_width = self.article.fontMetrics().horizontalAdvance(self.article.placeholderText())
        self.article.setMinimumWidth(min(m.px(420), max(m.px(240), hint_width + m.px(28))))
        self.article.returnPressed.connect(self.add_article)
        add = self._button(self.tr("Add article"), self.add_article, "addArticle")
        self.category = QComboBox(self)
        self.category.setObjectName("labelCategory")
        self.category.setMinimumHeight(touch)
        self.category.setMinimumWidth(m.px(200))
        add_category = self._button(self.tr("Add category"), self.add_category, "addCategory")
        self.since = QDateEdit(self)
        self.since.setObjectName("labelSince")
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setMinimumHeight(touch)
        self.since.setDate(QDate.currentDate().addDays(-7))
        add_changed = self._button(self.tr("Add changed prices"), self.add_changed,
                                   "addChanged")
        since_label = QLabel(self.tr("Prices changed since"), self)
        choose = FlowLayout()
        # each group wraps as one: a field and its button stay on the same line
        for group in ((self.article, add), (self.category, add_category),
                      (since_label, self.since, add_changed)):
            box = QWidget(self)
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(m.px(6))
            for w in group:
                row.addWidget(w)
            choose.addWidget(box)

        self.table = FilterTable([
            Column(self.tr("SKU"), lambda lb: lb.sku),
            Column(self.tr("Copies"), lambda lb: str(lb.copies), sort=lambda lb: lb.copies,
                   numeric=True),
            Column(self.tr("Article"), lambda lb: f"{lb.name} {lb.details}".strip()),
            Column(self.tr("Price"), self._price, sort=lambda lb: lb.price, numeric=True),
            Column(self.tr("Comparison price"), self._comparison,
                   sort=lambda lb: lb.comparison or 0, numeric=True),
            Column(self.tr("Campaign"), self._campaign),
            Column(self.tr("Before"), lambda lb: "" if lb.previous_price is None
                   else format_kronor(lb.previous_price), numeric=True, stretch=True)], self,
            filter_placeholder=self.tr("Filter: SKU, article, campaign…"))
        self.table.setObjectName("labelTable")

        more = self._button(self.tr("+1 copy (+)"), lambda: self.change_copies(1), "moreCopies")
        fewer = self._button(self.tr("−1 copy (-)"), lambda: self.change_copies(-1),
                             "fewerCopies")
        remove = self._button(self.tr("Remove (Del)"), self.remove_current, "removeLabel")
        clear = self._button(self.tr("Clear list"), self.clear, "clearLabels")
        self.layout_box = QComboBox(self)
        self.layout_box.setObjectName("labelLayout")
        self.layout_box.setMinimumHeight(touch)
        for key, layout in LAYOUTS.items():
            self.layout_box.addItem(layout.name, key)
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(
            ctx.label_layout if ctx.label_layout in LAYOUTS else DEFAULT_LAYOUT)))
        self.layout_box.currentIndexChanged.connect(self._layout_changed)
        start_label = QLabel(self.tr("Start at place"), self)
        self.start = QSpinBox(self)
        self.start.setObjectName("labelStart")
        self.start.setMinimumHeight(touch)
        self.start.setRange(1, LAYOUTS[self.layout_key()].per_sheet)
        self.print_button = self._button(self.tr("Print on receipt printer (Ctrl+P)"),
                                          self.print_labels, "printLabels")
        self.pdf_button = self._button(self.tr("Save A4 sheet as PDF… (Ctrl+S)"),
                                       self.save_sheet, "saveSheet")
        self.sheet_button = self._button(self.tr("Print A4 sheet… (Ctrl+Shift+P)"),
                                         self.print_sheet, "printSheet")
        actions = FlowLayout()
        for w in (more, fewer, remove, clear, self.layout_box, start_label, self.start,
                  self.print_button, self.pdf_button, self.sheet_button):
            actions.addWidget(w)

        self.count = QLabel(self)
        self.count.setObjectName("labelCount")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("labelProgress")
        self.progress.setVisible(False)
        self._progress = _Progress(self)
        self._progress.moved.connect(self._moved)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(m.px(8))
        layout.addWidget(heading)
        layout.addWidget(self.no_qr)
        layout.addLayout(choose)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.count)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)

        for keys, slot, on in (
                ("Ctrl+F", self.article.setFocus, self), ("Ctrl+G", self.category.setFocus, self),
                ("Ctrl+D", self.since.setFocus, self), ("Ctrl+P", self.print_labels, self),
                ("Ctrl+S", self.save_sheet, self), ("Ctrl+Shift+P", self.print_sheet, self),
                # the list's own keys: an SKU typed in the article field has "-" in it
                ("Delete", self.remove_current, self.table),
                ("+", lambda: self.change_copies(1), self.table),
                ("-", lambda: self.change_copies(-1), self.table)):
            sc = QShortcut(QKeySequence(keys), on)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        self._update_count()

    def _button(self, text: str, slot: Callable[[], None], name: str) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.setMinimumHeight(metrics().touch(46))
        b.clicked.connect(slot)
        return b

    def title(self) -> str:
        return self.tr("Shelf labels")

    # --- what the list shows ---------------------------------------------------------------------

    def _price(self, lb: ShelfLabel) -> str:
        return format_kronor(lb.price) + (self.tr(" /kg") if lb.per_kg else "")

    def _comparison(self, lb: ShelfLabel) -> str:
        if lb.comparison is None:
            return ""
        return f"{format_kronor(lb.comparison)} {UNIT_TEXT[lb.comparison_unit]}"

    def _campaign(self, lb: ShelfLabel) -> str:
        c = lb.campaign
        if c is None:
            return ""
        what = format_kronor(c.price) if c.price is not None else c.text
        until = self.tr("until %1").replace("%1", c.ends.isoformat()) if c.ends else ""
        return " ".join(s for s in (what, c.name, until) if s)

    def layout_key(self) -> str:
        return str(self.layout_box.currentData() or DEFAULT_LAYOUT)

    def _layout_changed(self) -> None:
        self.start.setRange(1, LAYOUTS[self.layout_key()].per_sheet)

    def _update_count(self) -> None:
        total = sum(lb.copies for lb in self.labels)
        self.count.setText(self.tr("%n label(s) to print", "", total))
        for b in (self.print_button, self.pdf_button, self.sheet_button):
            b.setEnabled(total > 0)

    # --- choosing --------------------------------------------------------------------------------

    def activate(self) -> None:
        settings = self.ctx.labels
        self.no_qr.setVisible(settings is None or not getattr(settings, "qr_base", ""))
        op.categories(self.lanes, self.ctx, on_done=self.set_categories,
                      on_error=self._failed)

    def set_categories(self, cats: list[Category]) -> None:
        current = self.category.currentData()
        self.category.clear()
        for c in cats:
            self.category.addItem(f"{c.name} ({c.articles})", c.id)
        if current is not None:
            self.category.setCurrentIndex(max(0, self.category.findData(current)))

    def add_article(self) -> None:
        text = self.article.text().strip()
        if text:
            self._choose(LabelSelection(codes=(text,)))
            self.article.clear()

    def add_category(self) -> None:
        cid = self.category.currentData()
        if cid:
            self._choose(LabelSelection(category_id=str(cid)))

    def add_changed(self) -> None:
        day = self.since.date().toPython()
        self._choose(LabelSelection(changed_since=datetime.combine(day, datetime.min.time())))

    def _choose(self, selection: LabelSelection) -> None:
        op.make_labels(self.lanes, self.ctx, selection, on_done=self.add_labels,
                       on_error=self._failed)

    def add_labels(self, labels: list[ShelfLabel]) -> None:
        """Labels made for a choice: new ones added, ones already listed made afresh (their
        copies kept)."""
        known = {lb.variant_id: i for i, lb in enumerate(self.labels)}
        added = 0
        for lb in labels:
            if lb.variant_id in known:
                i = known[lb.variant_id]
                self.labels[i] = lb.with_copies(self.labels[i].copies)
            else:
                known[lb.variant_id] = len(self.labels)
                self.labels.append(lb)
                added += 1
        self._show()
        if labels:
            self.table.select_where(lambda x: x.variant_id == labels[-1].variant_id)
        self.show_message(self.tr("%n label(s) added.", "", added) if added or not labels
                          else self.tr("Already in the list."), "info")

    def _show(self) -> None:
        self.table.set_rows(list(self.labels))
        self._update_count()

    def _current(self) -> ShelfLabel | None:
        current = self.table.current()
        return current if isinstance(current, ShelfLabel) else None

    def change_copies(self, delta: int) -> None:
        lb = self._current()
        if lb is None:
            return
        i = next(i for i, x in enumerate(self.labels) if x.variant_id == lb.variant_id)
        self.labels[i] = lb.with_copies(lb.copies + delta)
        self._show()
        self.table.select_where(lambda x: x.variant_id == lb.variant_id)

    def remove_current(self) -> None:
        lb = self._current()
        if lb is not None:
            self.labels = [x for x in self.labels if x.variant_id != lb.variant_id]
            self._show()

    def clear(self) -> None:
        self.labels = []
        self._show()
        self.show_message("", "info")

    # --- printing --------------------------------------------------------------------------------

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for b in (self.print_button, self.pdf_button, self.sheet_button):
            b.setEnabled(not busy and bool(self.labels))
        if busy:
            self.progress.setRange(0, max(1, sum(lb.copies for lb in self.labels)))
            self.progress.setValue(0)

    def _moved(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def print_labels(self) -> None:
        if not self.labels or not self.print_button.isEnabled():
            return
        self._busy(True)
        op.print_labels(self.lanes, self.ctx, list(self.labels), self._progress.moved.emit,
                        on_done=self._printed, on_error=self._print_failed)

    def _printed(self, result: LabelPrintResult) -> None:
        self._busy(False)
        self.show_message(self.tr("%n label(s) printed.", "", result.printed), "success")

    def save_sheet(self) -> None:
        if not self.labels or not self.pdf_button.isEnabled():
            return
        path = self.ask_path(self.tr("Save the label sheet"),
                             f"hyllkanter-{self.ctx.now().date().isoformat()}.pdf",
                             self.tr("PDF (*.pdf)"))
        if not path:
            return
        self._busy(True)
        op.write_sheet(self.lanes, self.ctx, list(self.labels), Path(path), self.layout_key(),
                       self.start.value() - 1, self._progress.moved.emit,
                       on_done=lambda pages: self._saved(path, pages),
                       on_error=self._print_failed)

    def _saved(self, path: str, pages: int) -> None:
        self._busy(False)
        self.show_message(self.tr("%n sheet(s) saved: %1", "", pages).replace("%1", path),
                          "success")

    def _choose_printer(self) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the label sheet"))
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    def print_sheet(self) -> None:
        if not self.labels or not self.sheet_button.isEnabled():
            return
        printer = self.ask_printer()
        if printer is None:
            return
        self._busy(True)
        self._printer = printer  # kept until the worker is done with it
        op.print_sheet(self.lanes, self.ctx, list(self.labels), printer, self.layout_key(),
                       self.start.value() - 1, self._progress.moved.emit,
                       on_done=self._sheet_printed, on_error=self._print_failed)

    def _sheet_printed(self, pages: int) -> None:
        self._busy(False)
        self.show_message(self.tr("%n sheet(s) sent to the printer.", "", pages), "success")

    def _print_failed(self, e: BaseException) -> None:
        self._busy(False)
        self._failed(e)

    def _failed(self, e: BaseException) -> None:
        self.show_message(message_for(e), "error")
