"""Finding an article by name (F2, or words typed into the scan field): type-ahead results as the
cashier types (debounced), Enter adds the highlighted one, the first Down goes into the list on
its first result (also when pressed before the results have come). Names are matched without
their diacritics (``troja`` finds Tröja: the catalogue folds both). A quantity typed before
(``3`` in the scan field, or ``3*troja``) is the quantity of the article chosen."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QListWidgetItem

from pos.catalog import UnknownCode, Variant
from pos.money import format_kronor
from ui.till import operations as op
from ui.till.sale.base import Flow, translate

SEARCH_DEBOUNCE_MS = 150
VARIANT_ROLE = Qt.ItemDataRole.UserRole + 1  # a result's ``Variant``


class Search(Flow):
    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self._seq = 0
        self._running = False  # a search is on the register lane
        self._into_results = False  # a Down came before the results: go into them when they come
        self._unknown: UnknownCode | None = None  # what to say when no name matches either
        self._tried_as_code = False  # the text was looked up as a code first (and was none)
        self.quantity: Decimal | None = None  # typed before the search, for the article chosen
        self.timer = QTimer(self.page)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)

    def text_changed(self, _text: str) -> None:
        self.timer.start()

    def pending(self) -> bool:
        """A search is on its way (typed, not answered yet)."""
        return self.timer.isActive() or self._running

    def find(self, text: str, quantity: Decimal | None = None,
             unknown: UnknownCode | None = None, tried_as_code: bool = False) -> None:
        """Search the names for ``text`` typed into the scan field, now; the search field shows
        it, to refine. ``unknown``: what is said when no name matches (no article has it as
        its code); ``tried_as_code``: it was looked up as a code first, say it is none."""
        self.quantity = quantity
        page = self.page
        page.search_input.blockSignals(True)
        page.search_input.setText(text)
        page.search_input.blockSignals(False)
        page.search_input.setFocus()
        self._unknown = unknown
        self._tried_as_code = tried_as_code
        self.timer.stop()
        self.run()

    def run(self) -> None:
        text = self.page.search_input.text().strip()
        self._seq += 1
        seq = self._seq
        if not text:
            self._running = False
            self._into_results = False
            self.page.search_results.clear()
            self.page.search_results.hide()
            return

        def done(found: list[Variant]) -> None:
            if seq == self._seq:  # an older answer must not overwrite a newer one
                self._running = False
                self.show_results(found)

        def failed(exc: BaseException) -> None:
            if seq == self._seq:
                self._running = False
                self._into_results = False
            self.page.show_error(exc)

        self._running = True
        op.search(self.lanes, self.till, text, on_done=done, on_error=failed)

    def show_results(self, found: list[Variant]) -> None:
        results = self.page.search_results
        results.clear()
        for v in found:
            price = (translate("SalePage", "%1 kr/kg").replace("%1", format_kronor(v.price))
                     if v.sold_by_weight else f"{format_kronor(v.price)} kr")
            item = QListWidgetItem(f"{v.name}    {price}    {v.sku}")
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            item.setData(VARIANT_ROLE, v)  # the article itself (its stock: Ctrl+I)
            results.addItem(item)
        unknown, self._unknown = self._unknown, None
        tried_as_code, self._tried_as_code = self._tried_as_code, False
        if not found:
            item = QListWidgetItem(translate("SalePage", "Nothing found"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            results.addItem(item)
            if unknown is not None:  # no article has it as its code, nor in its name
                self.page.show_error(unknown)
        else:
            results.setCurrentRow(0)
            if unknown is not None and tried_as_code:
                self.page.show_message(
                    translate("SalePage", "'%1' is no article's code: the articles whose names "
                              "match it are listed (Down, Enter).")
                    .replace("%1", unknown.scanned), "info")
        results.show()
        if self._into_results:
            self.into_results()

    def into_results(self) -> None:
        """Down from the search or scan field: into the list, on its first result (when the
        results have not come yet, as soon as they come)."""
        results = self.page.search_results
        if self.pending() and self.timer.isActive():
            self.timer.stop()
            self.run()
        if self._running or not results.isVisible():
            self._into_results = True
            return
        self._into_results = False
        results.setFocus()
        if results.count() and results.item(0).flags() & Qt.ItemFlag.ItemIsSelectable:
            if results.currentRow() < 0:
                results.setCurrentRow(0)
            results.item(results.currentRow()).setSelected(True)

    def add_first(self) -> None:
        """Enter in the search field: the highlighted result (or, before the results came, the
        first match of what is typed)."""
        if self.pending():
            self.timer.stop()
            self._seq += 1  # the answer on its way is not shown: this Enter decides
            self._running = False
            self._into_results = False
            text = self.page.search_input.text().strip()
            if text:
                op.search(self.lanes, self.till, text, 1,
                          on_done=lambda found: self.add(found[0].id) if found else
                          self.page.show_message(translate("SalePage", "Nothing found"), "error"),
                          on_error=self.page.show_error)
            return
        item = self.page.search_results.currentItem()
        if item is not None:
            self.add_item(item)

    def add_item(self, item: QListWidgetItem) -> None:
        variant_id = item.data(Qt.ItemDataRole.UserRole)
        if variant_id:
            self.add(variant_id)

    def add(self, variant_id: str) -> None:
        """The article chosen, as many as typed before (in the scan field or with the search);
        an article sold by weight takes the weight typed ("0,512")."""
        quantity = self.quantity if self.quantity is not None else self.page.take_quantity()
        self.quantity = None
        op.add_variant(self.lanes, self.till, variant_id, 1 if quantity is None else quantity,
                       on_done=self.page.article_added, on_error=self.page.show_error)
        self.page.search_input.clear()
        self.page.search_results.hide()
        self.page.scan_input.setFocus()

