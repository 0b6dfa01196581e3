"""A ``FilterTable`` whose rows that need a person are marked (a warm background and bold
text): the Orders page's overdue pickups and messages the central store never got."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QWidget

from ui.backoffice.table import Column, FilterTable, Index, RowsModel

MARK_ROLE = Qt.ItemDataRole.UserRole + 3  # True on a marked row (for tests and styling)
MARK_BACKGROUND = QColor("#fde2c8")
MARK_TEXT = QColor("#6b2600")


class MarkedRowsModel(RowsModel):
    def __init__(self, columns: Sequence[Column], marked: Callable[[Any], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(columns, parent)
        self.marked = marked

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (MARK_ROLE, Qt.ItemDataRole.BackgroundRole,
                                        Qt.ItemDataRole.ForegroundRole,
                                        Qt.ItemDataRole.FontRole):
            on = bool(self.marked(self.rows[index.row()]))
            if role == MARK_ROLE:
                return on
            if not on:
                return None
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(MARK_BACKGROUND)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(MARK_TEXT)
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


class MarkedTable(FilterTable):
    def __init__(self, columns: Sequence[Column], marked: Callable[[Any], bool],
                 parent: QWidget | None = None, **kw: Any) -> None:
        super().__init__(columns, parent, **kw)
        self.model = MarkedRowsModel(columns, marked, self)
        self.proxy.setSourceModel(self.model)

    def marked_rows(self) -> list[Any]:
        return [r for r in self.shown_rows() if self.model.marked(r)]
