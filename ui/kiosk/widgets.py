"""Small pieces the kiosk's pages share: a scrolling grid of touch tiles, a word-wrapped label,
an article tile's text, the orientation of a size."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QWidget

from pos.catalog import Variant
from pos.money import format_kronor
from ui.widgets.bind import bind
from ui.widgets.style import set_role


def label(text: str = "", role: str = "", parent: QWidget | None = None, *,
          wrap: bool = True) -> QLabel:
    lab = QLabel(text, parent)
    lab.setWordWrap(wrap)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if role:
        lab.setProperty("role", role)
    return lab


def kronor(ore: int) -> str:
    return f"{format_kronor(ore)} kr"


def article_text(v: Variant, price: int | None = None) -> str:
    return f"{v.product_name or v.name}\n{kronor(v.price if price is None else price)}"


def is_portrait(width: int, height: int) -> bool:
    return height > width


class TileGrid(QScrollArea):
    """Buttons in ``columns`` columns that scroll; ``show(items, text, on_tap)``."""

    def __init__(self, name: str, parent: QWidget | None = None, columns: int = 2) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.columns = columns
        self.buttons: list[QPushButton] = []
        self._items: list[Any] = []
        self._render: tuple[Callable[[Any], str], Callable[[Any], None]] | None = None
        self._inner = QWidget()
        self._grid = QGridLayout(self._inner)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._inner)

    def set_columns(self, columns: int) -> None:
        if columns != self.columns:
            self.columns = columns
            if self._render is not None:
                self.show_items(self._items, *self._render)

    def show_items(self, items: Sequence[Any], text: Callable[[Any], str],
                   on_tap: Callable[[Any], None], role: str = "tile") -> None:
        for b in self.buttons:
            b.deleteLater()
        self.buttons = []
        self._items, self._render = list(items), (text, on_tap)
        for i, item in enumerate(items):
            b = QPushButton(text(item).replace("&", "&&"), self._inner)  # "&" is no mnemonic
            set_role(b, role)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            b.clicked.connect(bind(on_tap, item))
            self._grid.addWidget(b, i // self.columns, i % self.columns)
            self.buttons.append(b)
        self.verticalScrollBar().setValue(0)
