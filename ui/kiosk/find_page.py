"""Find: browse by category, search by name or EAN with the on-screen keyboard (a physical
keyboard types too), or scan (the window routes the scanner's and the camera's codes here).
Everything from the local catalogue on the database lane: it works offline."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QBoxLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from pos.catalog import Variant
from pos.kiosk import Category
from pos.services import kiosk as use
from ui.i18n.messages import message_for
from ui.kiosk.context import KioskContext
from ui.kiosk.keyboard import OnScreenKeyboard
from ui.kiosk.widgets import TileGrid, article_text, is_portrait, label

TYPE_AHEAD_MS = 300


class FindPage(QWidget):
    open_article = Signal(str)  # variant id

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findPage")
        self.ctx = ctx
        self.heading = label(self.tr("Find a product"), "heading", self)
        self.search = QLineEdit(self)
        self.search.setObjectName("kioskSearch")
        self.search.setPlaceholderText(self.tr("Name or EAN, or scan the barcode"))
        self.search.returnPressed.connect(self.run_search)
        self.search.textEdited.connect(lambda _t: self._typing.start())
        self._typing = QTimer(self, singleShot=True, interval=TYPE_AHEAD_MS)
        self._typing.timeout.connect(self.run_search)
        self.scan_hint = label("", "muted", self)
        self.message = label("", "message", self)
        self.message.hide()
        self.categories = TileGrid("kioskCategories", self, columns=1)
        self.results = TileGrid("kioskResults", self, columns=2)
        self.results_heading = label(self.tr("Categories: choose one, or search"), "muted", self)
        self.keyboard = OnScreenKeyboard(self)
        self.keyboard.set_target(self.search)
        self.keyboard.entered.connect(self.run_search)
        self.all_categories = QPushButton(self.tr("All categories"), self)
        self.all_categories.clicked.connect(self.show_categories)
        self.all_categories.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.all_categories)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addWidget(self.categories, 1)
        right = QVBoxLayout()
        right.addWidget(self.results_heading)
        right.addWidget(self.results, 1)
        self.body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.scan_hint)
        layout.addWidget(self.message)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.keyboard)
        self._cats: list[Category] = []
        self.search.installEventFilter(self)  # a tap in the field brings the keyboard back

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.search and event.type() == QEvent.Type.MouseButtonPress:
            self.keyboard.show()
        return False

    # --- layout ----------------------------------------------------------------------------------

    def fit(self, width: int, height: int) -> None:
        portrait = is_portrait(width, height)
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait
                               else QBoxLayout.Direction.LeftToRight)
        self.categories.set_columns(3 if portrait else 1)
        self.results.set_columns(2)

    # --- actions ---------------------------------------------------------------------------------

    def reset(self) -> None:
        self.search.clear()
        self.keyboard.show()
        self.message.hide()
        self.show_categories()

    def show_categories(self) -> None:
        self.ctx.db.run(lambda: use.categories(self.ctx.uow("db")), self._show_categories,
                        self.show_error)

    def _show_categories(self, cats: list[Category]) -> None:
        self._cats = cats
        self.categories.show_items(cats, lambda c: c.name, self.open_category, role="chip")
        self.results_heading.setText(self.tr("Categories: choose one, or search"))
        self.results.show_items([], str, lambda _x: None)

    def open_category(self, cat: Category) -> None:
        self.message.hide()
        self._typing.stop()
        self.search.clear()  # the list is the category's now, not what was searched before
        self.ctx.db.run(lambda: use.products_in(self.ctx.uow("db"), cat.id),
                        lambda found: self.show_results(found, cat.name), self.show_error)

    def run_search(self) -> None:
        self._typing.stop()
        text = self.search.text().strip()
        if not text:
            return
        here = self.ctx.settings.here
        self.ctx.db.run(lambda: use.search(self.ctx.uow("db"), text, location=here),
                        lambda found: self.show_results(found, text, searched=True),
                        self.show_error)

    def show_results(self, found: list[Variant], what: str, searched: bool = False) -> None:
        if searched and not found:
            self.results_heading.setText(self.tr("Nothing found for \u201c%1\u201d").replace("%1", what))
        else:
            self.results_heading.setText(self.tr("%n product(s): %1", "", len(found))
                                         .replace("%1", what))
        self.results.show_items(found, article_text, lambda v: self.open_article.emit(v.id))
        if found:  # room for what was found; a tap in the search field brings the keys back
            self.keyboard.hide()

    def show_error(self, exc: BaseException) -> None:
        self.message.setText(message_for(exc))
        self.message.show()

    def set_scan_hint(self, text: str) -> None:
        self.scan_hint.setText(text)

    def found_variants(self) -> list[Any]:
        return list(self.results._items)
