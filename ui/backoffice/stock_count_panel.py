"""The Stock page's stock count (inventering): start a count of any articles (partial: only
what is counted changes), of the whole store (what is not counted is set to 0 when posted: the
manager sees those articles and confirms them first), of one category or of chosen articles, scan articles (each scan +1; the scanner's wedge types into the field and ends with
Enter) or type the figure for the selected article, see expected (this store's stock when the
article was first counted), counted and the difference in units and kronor, and post it.

Every scan and figure is saved at once (a count in progress survives a restart: the page opens
it again). Posting runs on the database lane (one transaction: the outbox, the journal), asks
for confirmation when lines differ beyond the threshold, then sends the adjustments to the
central store on the network lane with a progress bar; what it cannot send now the tills'
outbox sends later."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QLabel, QLineEdit, QMessageBox, QProgressBar,
                               QPushButton, QSpinBox, QStackedWidget, QVBoxLayout, QWidget)

from pos.money import format_kronor
from pos.stock_count import (MAX_COUNTED, CountLine, CountScope, ScopeKind, StockCount,
                             StockCountError, Threshold)
from ui.backoffice import stock_operations as sop
from ui.backoffice.context import BackofficeContext
from ui.backoffice.table import Column, FilterTable
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.style import metrics, set_level, set_role

THRESHOLD = Threshold()


class _Progress(QObject):
    """Progress from the network lane, delivered on the GUI thread."""

    changed = Signal(int, int)


def signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


def signed_kronor(ore: int) -> str:
    return ("+" if ore > 0 else "") + format_kronor(ore)


class StockCountPanel(QWidget):
    #: a count was posted (its outbox keys)
    posted = Signal(object)

    def __init__(self, lanes: Lanes, ctx: BackofficeContext, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("stockCountPanel")
        self.lanes, self.ctx = lanes, ctx
        self.count: StockCount | None = None
        self.sending = False  # a posted count's differences on their way
        self.threshold = THRESHOLD
        self.progress_signal = _Progress(self)
        self.progress_signal.changed.connect(self._progress)
        m = metrics()

        # --- no count open: start one
        self.start_page = QWidget(self)
        self.scope_choice = QComboBox(self.start_page)
        self.scope_choice.setObjectName("countScope")
        self.scope_choice.addItem(self.tr("Any articles (only what is counted changes)"),
                                  ScopeKind.ALL.value)
        self.scope_choice.addItem(self.tr("The whole store (not counted = 0)"),
                                  ScopeKind.WHOLE_STORE.value)
        self.scope_choice.addItem(self.tr("Chosen articles (SKUs)"), ScopeKind.SELECTION.value)
        self.scope_choice.currentIndexChanged.connect(self._scope_changed)
        self.category_choice = QComboBox(self.start_page)
        self.category_choice.setObjectName("countCategory")
        self.scope_value = QLineEdit(self.start_page)
        self.scope_value.setObjectName("countScopeValue")
        self.scope_value.setPlaceholderText(self.tr("SKUs, separated by commas"))
        self.start_button = QPushButton(self.tr("Start a count (Ctrl+N)"), self.start_page)
        self.start_button.setObjectName("startCount")
        set_role(self.start_button, "primary")
        self.start_button.clicked.connect(self.start)
        explain = QLabel(self.tr("A count compares what is on the shelves with this store's "
                                 "stock. Each article's expected figure is its stock when it is "
                                 "first counted; posting sends the differences to the central "
                                 "store, so sales made meanwhile are kept."), self.start_page)
        explain.setWordWrap(True)
        explain.setProperty("role", "muted")
        bar = FlowLayout()
        bar.addWidget(QLabel(self.tr("Count"), self.start_page))
        bar.addWidget(self.scope_choice)
        bar.addWidget(self.scope_value, 1)
        bar.addWidget(self.category_choice, 1)
        bar.addWidget(self.start_button)
        start_layout = QVBoxLayout(self.start_page)
        start_layout.setContentsMargins(0, 0, 0, 0)
        start_layout.addLayout(bar)
        start_layout.addWidget(explain)
        start_layout.addStretch(1)

        # --- a count open: scan, type, post
        self.count_page = QWidget(self)
        self.title = QLabel(self.count_page)
        self.title.setObjectName("countTitle")
        self.title.setWordWrap(True)
        self.scope_note = QLabel(self.tr("A count of the whole store: every article this store "
                                         "holds stock of that is not counted is set to 0 when "
                                         "the count is posted (you see the list first)."),
                                 self.count_page)
        self.scope_note.setObjectName("countScopeNote")
        self.scope_note.setWordWrap(True)
        self.scope_note.setProperty("role", "message")
        set_level(self.scope_note, "error")
        self.code = QLineEdit(self.count_page)
        self.code.setObjectName("countCode")
        self.code.setPlaceholderText(self.tr("Scan or type EAN/SKU: +1 each"))
        self.code.returnPressed.connect(self.scan)
        self.counted = QSpinBox(self.count_page)
        self.counted.setObjectName("countedFigure")
        self.counted.setRange(0, MAX_COUNTED)
        self.counted.setAccelerated(True)
        self.counted.lineEdit().returnPressed.connect(self.set_figure)
        self.set_button = QPushButton(self.tr("Set counted (Ctrl+S)"), self.count_page)
        self.set_button.setObjectName("setCounted")
        self.set_button.clicked.connect(self.set_figure)
        self.remove_button = QPushButton(self.tr("Remove line"), self.count_page)
        self.remove_button.setObjectName("removeCountLine")
        set_role(self.remove_button, "danger")
        self.remove_button.clicked.connect(self.remove)
        self.table = FilterTable([
            Column(self.tr("Article"), lambda ln: ln.name, stretch=True),
            Column(self.tr("SKU"), lambda ln: ln.sku),
            Column(self.tr("Expected"), self._expected_text, sort=lambda ln: ln.expected,
                   numeric=True),
            Column(self.tr("Counted"), lambda ln: str(ln.counted), sort=lambda ln: ln.counted,
                   numeric=True),
            Column(self.tr("Difference"), lambda ln: signed(ln.difference),
                   sort=lambda ln: ln.difference, numeric=True),
            Column(self.tr("Value (kr)"), lambda ln: signed_kronor(ln.difference_value),
                   sort=lambda ln: ln.difference_value, numeric=True)],
            self.count_page, filter_placeholder=self.tr("Filter: article, SKU…"))
        self.table.setObjectName("countTable")
        self.table.selected.connect(self._selected)
        self.totals = QLabel(self.count_page)
        self.totals.setObjectName("countTotals")
        self.totals.setWordWrap(True)
        self.post_button = QPushButton(self.tr("Post the count (Ctrl+P)"), self.count_page)
        self.post_button.setObjectName("postCount")
        set_role(self.post_button, "primary")
        self.post_button.clicked.connect(lambda: self.post())
        self.cancel_button = QPushButton(self.tr("Cancel the count"), self.count_page)
        self.cancel_button.setObjectName("cancelCount")
        set_role(self.cancel_button, "danger")
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("countProgress")
        self.progress.setFormat(self.tr("Sent %v of %m"))
        self.progress.hide()
        scan_bar = FlowLayout()
        scan_bar.addWidget(self.code, 1)
        scan_bar.addWidget(QLabel(self.tr("Counted"), self.count_page))
        scan_bar.addWidget(self.counted)
        scan_bar.addWidget(self.set_button)
        scan_bar.addWidget(self.remove_button)
        post_bar = FlowLayout()
        post_bar.addWidget(self.totals, 1)
        post_bar.addWidget(self.cancel_button)
        post_bar.addWidget(self.post_button)
        count_layout = QVBoxLayout(self.count_page)
        count_layout.setContentsMargins(0, 0, 0, 0)
        count_layout.setSpacing(m.px(8))
        count_layout.addWidget(self.title)
        count_layout.addWidget(self.scope_note)
        count_layout.addLayout(scan_bar)
        count_layout.addWidget(self.table, 1)
        count_layout.addLayout(post_bar)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.start_page)
        self.pages.addWidget(self.count_page)
        self.status = QLabel(self)
        self.status.setObjectName("countStatus")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "message")
        set_level(self.status, "info")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, m.px(8), 0, 0)
        layout.setSpacing(m.px(8))
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        QShortcut(QKeySequence("Ctrl+N"), self).activated.connect(self.start)
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self.set_figure)
        QShortcut(QKeySequence("Ctrl+P"), self).activated.connect(lambda: self.post())
        self._scope_changed()
        self.show_count(None)

    # --- loading ---------------------------------------------------------------------------------

    def load(self) -> None:
        sop.open_count(self.lanes, self.ctx, on_done=self.show_count, on_error=self._failed)
        sop.categories(self.lanes, self.ctx, on_done=self.set_categories, on_error=self._failed)

    def set_categories(self, categories: list) -> None:
        """A count of one category is offered when the catalogue has categories."""
        chosen = self.category_choice.currentData()
        self.category_choice.clear()
        for c in sorted(categories, key=lambda c: c.name):
            self.category_choice.addItem(c.name, c.id)
        has = self.scope_choice.findData(ScopeKind.CATEGORY.value)
        if categories and has < 0:
            self.scope_choice.insertItem(2, self.tr("One category"), ScopeKind.CATEGORY.value)
        elif not categories and has >= 0:
            self.scope_choice.removeItem(has)
        if chosen is not None:
            self.category_choice.setCurrentIndex(max(self.category_choice.findData(chosen), 0))
        self._scope_changed()

    def focus_field(self) -> None:
        (self.code if self.count is not None else self.scope_choice).setFocus()

    def show_count(self, count: StockCount | None, select: str | None = None) -> None:
        self.count = count
        if count is None:
            self.pages.setCurrentWidget(self.start_page)
            self._enable()
            return
        self.pages.setCurrentWidget(self.count_page)
        self.title.setText(self.tr("Count %1, started %2 by %3: %4")
                           .replace("%1", count.id)
                           .replace("%2", f"{count.started_at:%Y-%m-%d %H:%M}")
                           .replace("%3", count.started_by)
                           .replace("%4", self._scope_text(count.scope)))
        self.scope_note.setVisible(count.scope.zeroes_uncounted)
        self.table.set_rows(list(count.lines))
        if select is not None:
            self._select(select)
        t = count.totals
        self.totals.setText(self.tr("%1 articles, %2 counted of %3 expected; missing %4, "
                                    "surplus %5; difference %6 kr")
                            .replace("%1", str(t.articles)).replace("%2", str(t.counted_units))
                            .replace("%3", str(t.expected_units))
                            .replace("%4", str(t.missing_units))
                            .replace("%5", str(t.surplus_units))
                            .replace("%6", signed_kronor(t.difference_value)))
        self._enable()

    def _scope_text(self, scope: CountScope) -> str:
        if scope.kind is ScopeKind.SELECTION:
            return self.tr("%n chosen article(s)", "", len(scope.skus()))
        if scope.kind is ScopeKind.CATEGORY:
            return self.tr("category %1").replace("%1", scope.label or scope.value)
        if scope.kind is ScopeKind.WHOLE_STORE:
            return self.tr("the whole store (what is not counted is set to 0)")
        return self.tr("any articles (only what is counted changes)")

    def _expected_text(self, ln: CountLine) -> str:
        return str(ln.expected) if ln.expected_fresh else f"{ln.expected}*"

    def _select(self, variant_id: str) -> None:
        self.table.select_where(lambda ln: ln.variant_id == variant_id)

    def _selected(self, line: CountLine | None) -> None:
        if line is not None:
            self.counted.setValue(line.counted)
        self._enable()

    def _enable(self) -> None:
        open_ = self.count is not None
        has_line = open_ and self.table.current() is not None
        sending = self.sending
        self.set_button.setEnabled(has_line and not sending)
        self.remove_button.setEnabled(has_line and not sending)
        self.counted.setEnabled(has_line and not sending)
        self.post_button.setEnabled(open_ and bool(self.count and self.count.lines)
                                    and not sending)
        self.cancel_button.setEnabled(open_ and not sending)
        self.code.setEnabled(open_ and not sending)

    def _scope_changed(self, *_: object) -> None:
        self.scope_value.setVisible(self.scope_choice.currentData() == ScopeKind.SELECTION.value)
        self.category_choice.setVisible(
            self.scope_choice.currentData() == ScopeKind.CATEGORY.value)

    # --- actions ---------------------------------------------------------------------------------

    def start(self) -> None:
        if self.count is not None or not self.start_button.isEnabled():
            return
        kind = ScopeKind(self.scope_choice.currentData())
        if kind is ScopeKind.CATEGORY:
            scope = CountScope(kind, str(self.category_choice.currentData() or ""),
                               self.category_choice.currentText())
        else:
            scope = CountScope(kind, self.scope_value.text().strip()
                               if kind is ScopeKind.SELECTION else "")
        if kind is ScopeKind.SELECTION and not scope.skus():
            self._say(self.tr("Name the articles to count (their SKUs)."), "error")
            return
        self.start_button.setEnabled(False)
        sop.start_count(self.lanes, self.ctx, scope, on_done=self._started,
                        on_error=self._failed)

    def _started(self, count: StockCount) -> None:
        self.start_button.setEnabled(True)
        self.show_count(count)
        self._say(self.tr("Count started: scan the articles."), "ok")
        self.code.setFocus()

    def scan(self, code: str | None = None) -> None:
        code = (code if code is not None else self.code.text()).strip()
        self.code.clear()
        if not code or self.count is None:
            return
        sop.count_article(self.lanes, self.ctx, self.count.id, code, on_done=self._counted,
                          on_error=self._failed)

    def _counted(self, result: tuple[StockCount, CountLine]) -> None:
        count, line = result
        self.show_count(count, select=line.variant_id)
        self.counted.setValue(line.counted)
        self._say(self.tr("%1: %2 counted (expected %3).").replace("%1", line.name)
                  .replace("%2", str(line.counted)).replace("%3", str(line.expected)), "ok")

    def set_figure(self) -> None:
        line = self.table.current()
        if self.count is None or line is None or not self.set_button.isEnabled():
            return
        value = self.counted.value()
        sop.set_counted(self.lanes, self.ctx, self.count.id, line.variant_id, value,
                        on_done=lambda c: self._figure_set(c, line.variant_id),
                        on_error=self._failed)

    def _figure_set(self, count: StockCount, variant_id: str) -> None:
        self.show_count(count, select=variant_id)
        line = count.line(variant_id)
        if line is not None:
            self._say(self.tr("%1: %2 counted (expected %3).").replace("%1", line.name)
                      .replace("%2", str(line.counted)).replace("%3", str(line.expected)),
                      "ok")
        self.code.setFocus()

    def remove(self) -> None:
        line = self.table.current()
        if self.count is None or line is None:
            return
        sop.remove_line(self.lanes, self.ctx, self.count.id, line.variant_id,
                        on_done=self.show_count, on_error=self._failed)

    def cancel(self) -> None:
        if self.count is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Cancel the count"),
            self.tr("Cancel count %1? What was counted is not posted.").replace("%1",
                                                                                self.count.id))
        if answer != QMessageBox.StandardButton.Yes:
            return
        sop.cancel_count(self.lanes, self.ctx, self.count.id,
                         on_done=lambda _r: (self.show_count(None),
                                             self._say(self.tr("The count was cancelled."),
                                                       "info")),
                         on_error=self._failed)

    def post(self, confirmed: bool = False) -> None:
        if self.count is None or not self.post_button.isEnabled():
            return
        big = self.threshold.exceeded_by(self.count.lines)
        if big and not confirmed:
            if not self.confirm_big(big):
                return
            confirmed = True
        stale = [ln for ln in self.count.lines if not ln.expected_fresh]
        if stale and not self.confirm_absolute(stale):
            return
        self.post_button.setEnabled(False)
        if not self.count.scope.zeroes_uncounted:
            sop.post_count(self.lanes, self.ctx, self.count.id, confirmed, self.threshold,
                           on_done=self._posted, on_error=self._failed)
            return
        count_id = self.count.id
        sop.uncounted(self.lanes, self.ctx, count_id,
                      on_done=lambda lines: self._post_whole(count_id, confirmed, lines),
                      on_error=self._failed)

    def _post_whole(self, count_id: str, confirmed: bool, lines: list[CountLine]) -> None:
        """A whole-store count: the articles not counted shown and confirmed, then posted with
        exactly that list (the service refuses it when the list changed meanwhile)."""
        if lines and not self.confirm_uncounted(lines):
            self._enable()
            self._say(self.tr("Not posted: count the articles on the list, or post when they "
                              "are not in the store."), "info")
            return
        sop.post_count(self.lanes, self.ctx, count_id, confirmed, self.threshold,
                       zero_uncounted=[ln.sku for ln in lines],
                       on_done=self._posted, on_error=self._failed)

    def confirm_uncounted(self, lines: list[CountLine]) -> bool:
        """The manager reads the articles not counted and confirms they are set to 0; a test
        replaces it."""
        from ui.backoffice.uncounted_dialog import UncountedDialog
        return UncountedDialog(lines, self).exec() == UncountedDialog.DialogCode.Accepted

    def confirm_big(self, big: list[CountLine]) -> bool:
        """Asks the manager; a test replaces it."""
        names = "\n".join(f"{ln.name}: {signed(ln.difference)} "
                          f"({signed_kronor(ln.difference_value)} kr)" for ln in big[:10])
        answer = QMessageBox.question(
            self, self.tr("Large differences"),
            self.tr("%n line(s) differ by more than %1 units or %2 kr:", "", len(big))
            .replace("%1", str(self.threshold.units))
            .replace("%2", format_kronor(self.threshold.value)) + "\n\n" + names + "\n\n"
            + self.tr("Post the count anyway?"))
        return answer == QMessageBox.StandardButton.Yes

    def confirm_absolute(self, stale: list[CountLine]) -> bool:
        """Lines whose expected figure was not fresh are posted as absolute counts (the central
        store's stocked quantity set to the counted figure): the manager confirms that sales
        made since they were counted are not kept. A test replaces it."""
        names = "\n".join(f"{ln.name}: {ln.counted}" for ln in stale[:10])
        answer = QMessageBox.question(
            self, self.tr("Counted without the central store"),
            self.tr("%n line(s) were counted while the central store did not answer: their "
                    "expected figure may be out of date, so the central store's stock is set "
                    "to the counted figure. Sales made since they were counted are not kept: "
                    "recount those articles if any were sold.", "", len(stale))
            + "\n\n" + names + "\n\n" + self.tr("Post the count anyway?"))
        return answer == QMessageBox.StandardButton.Yes

    def _posted(self, keys: list[str]) -> None:
        posted_id = self.count.id if self.count else ""
        self.show_count(None)
        self.posted.emit(keys)
        if not keys:
            self._say(self.tr("Count %1 posted: no differences.").replace("%1", posted_id), "ok")
            return
        self.progress.setRange(0, len(keys))
        self.progress.setValue(0)
        self.progress.show()
        self.sending = True
        self._enable()
        self._say(self.tr("Count %1 posted; sending the differences to the central store…")
                  .replace("%1", posted_id), "info")
        sop.send_adjustments(self.lanes, self.ctx, keys, self.progress_signal.changed.emit,
                             on_done=lambda r: self._sent(posted_id, r),
                             on_error=lambda e: self._send_failed(posted_id, e))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _sent(self, count_id: str, result: tuple[int, list[str]]) -> None:
        sent, left = result
        self.sending = False
        self.progress.hide()
        self._enable()
        if left:
            self._say(self.tr("Count %1 posted: %2 difference(s) sent, %3 wait in the outbox "
                              "(the central store did not take them now; see Sync).")
                      .replace("%1", count_id).replace("%2", str(sent))
                      .replace("%3", str(len(left))), "error")
        else:
            self._say(self.tr("Count %1 posted: %2 difference(s) sent to the central store.")
                      .replace("%1", count_id).replace("%2", str(sent)), "ok")

    def _send_failed(self, count_id: str, exc: BaseException) -> None:
        self.sending = False
        self.progress.hide()
        self._enable()
        self._say(self.tr("Count %1 posted; the differences wait in the outbox: %2")
                  .replace("%1", count_id).replace("%2", message_for(exc)), "error")

    def _failed(self, exc: BaseException) -> None:
        self.start_button.setEnabled(True)
        self._enable()
        if isinstance(exc, StockCountError) and exc.code == "stock_count.not_open":
            self.load()
        self._say(message_for(exc), "error")

    def _say(self, text: str, level: str) -> None:
        self.status.setText(text)
        set_level(self.status, level)
