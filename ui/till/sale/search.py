"""Finding an article by name (F2): type-ahead results as the cashier types (debounced), Enter
adds the first, Down goes into the list."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QListWidgetItem

from pos.catalog import Variant
from pos.money import format_kronor
from ui.till import operations as op
from ui.till.sale.base import Flow, translate

SEARCH_DEBOUNCE_MS = 150


class Search(Flow):
    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self._seq = 0
        self.timer = QTimer(self.page)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)

    def text_changed(self, _text: str) -> None:
        self.timer.start()

    def run(self) -> None:
        text = self.page.search_input.text().strip()
        self._seq += 1
        seq = self._seq
        if not text:
            self.page.search_results.clear()
            self.page.search_results.hide()
            return

        def done(found: list[Variant]) -> None:
            if seq == self._seq:  # an older answer must not overwrite a newer one
                self.show_results(found)

        op.search(self.lanes, self.till, text, on_done=done, on_error=self.page.show_error)

    def show_results(self, found: list[Variant]) -> None:
        results = self.page.search_results
        results.clear()
        for v in found:
            item = QListWidgetItem(f"{v.name}    {format_kronor(v.price)} kr    {v.sku}")
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            results.addItem(item)
        if not found:
            item = QListWidgetItem(translate("SalePage", "Nothing found"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            results.addItem(item)
        else:
            results.setCurrentRow(0)
        results.show()

    def add_first(self) -> None:
        """Enter in the search field: the highlighted result (or, before the results came, the
        first match of what is typed)."""
        if self.timer.isActive():
            self.timer.stop()
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
        op.add_variant(self.lanes, self.till, variant_id, on_done=self.page.article_added,
                       on_error=self.page.show_error)
        self.page.search_input.clear()
        self.page.search_results.hide()
        self.page.scan_input.setFocus()
