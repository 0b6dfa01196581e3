"""The back office's tables: a Qt item model over the rows a query returned (plain objects, no
ORM), sorted and filtered through a ``QSortFilterProxyModel``, in a view with a filter field.

    columns = [Column(tr("Register"), lambda r: r.register_id),
               Column(tr("Total"), lambda r: format_kronor(r.total), sort=lambda r: r.total,
                      numeric=True)]
    table = FilterTable(columns, parent)
    table.set_rows(rows)

A column's ``sort`` key (default: its text) is what sorting compares, so amounts sort as
numbers and dates as dates; the filter matches the shown text of any column.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QEvent, QModelIndex, QObject,
                            QPersistentModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QTableView, QVBoxLayout, QWidget)

from ui.widgets.flow_layout import FlowLayout
from ui.widgets.style import metrics

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row object itself

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    numeric: bool = False  # right-aligned
    stretch: bool = False  # takes the width left over
    tip: Callable[[Any], str] | None = None  # the cell's tooltip (the whole of what is cut)


class RowsModel(QAbstractTableModel):
    """Rows (any objects) shown through ``columns``."""

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == SORT_ROLE:
            return (col.sort or col.text)(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.tip(row) if col.tip is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((Qt.AlignmentFlag.AlignRight if col.numeric else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if (orientation == Qt.Orientation.Horizontal
                and role == Qt.ItemDataRole.TextAlignmentRole):
            return int((Qt.AlignmentFlag.AlignRight if self.columns[section].numeric
                        else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignVCenter)
        return None


class RowsProxy(QSortFilterProxyModel):
    """Sorts by each column's sort key (numbers as numbers, None first) and filters on the
    shown text of every column, case-insensitively."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802 - Qt API
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            return a is None and b is not None
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


class FilterTable(QWidget):
    """A filter field over a sortable table; ``activated(row)`` on double-click or Enter,
    ``selected(row)`` when the current row changes (row: the object, or None)."""

    activated = Signal(object)
    selected = Signal(object)

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None, *,
                 filter_placeholder: str = "", show_filter: bool = True) -> None:
        super().__init__(parent)
        m = metrics()
        self.model = RowsModel(columns, self)
        self.proxy = RowsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("tableFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(filter_placeholder or self.tr("Filter…"))
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.filter.setVisible(show_filter)
        self.count = QLabel(self)
        self.count.setProperty("role", "muted")
        self.count.setVisible(show_filter)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        # rows first in the query's order (newest, largest ...); a tap on a header sorts
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(m.touch(44))
        self.view.verticalHeader().setMinimumSectionSize(m.touch(44))
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumHeight(m.touch(44))
        for i, col in enumerate(columns):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch if col.stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self._stretched = [i for i, col in enumerate(columns) if col.stretch]
        self.view.viewport().installEventFilter(self)
        self._fit = QTimer(self)  # once, after the sections have taken their sizes
        self._fit.setSingleShot(True)
        self._fit.setInterval(0)
        self._fit.timeout.connect(self._fit_columns)
        header.sectionResized.connect(lambda *_: self._fit.start())
        self.view.doubleClicked.connect(lambda ix: self.activated.emit(ix.data(ROW_ROLE)))
        self.view.activated.connect(lambda ix: self.activated.emit(ix.data(ROW_ROLE)))
        self.view.selectionModel().currentRowChanged.connect(
            lambda ix, _old: self.selected.emit(ix.data(ROW_ROLE) if ix.isValid() else None))
        self.proxy.rowsInserted.connect(self._count)
        self.proxy.modelReset.connect(self._count)
        self.proxy.layoutChanged.connect(self._count)
        self.proxy.rowsRemoved.connect(self._count)
        top = FlowLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(m.px(6))
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit.start()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """A stretched column takes what the others leave, but never less than its title and
        the start of its text: on a narrow screen the table scrolls sideways instead of
        eliding "Payment method" into "Pa…"."""
        header = self.view.horizontalHeader()
        if len(self._stretched) != 1 or not self.isVisible():
            return
        col = self._stretched[0]
        others = sum(header.sectionSize(i) for i in range(header.count())
                     if i != col and not header.isSectionHidden(i))
        content = self.view.sizeHintForColumn(col) if self.model.rowCount() else 0
        wanted = max(header.sectionSizeHint(col),
                     min(content, metrics().px(160)))
        if self.view.viewport().width() - others >= wanted:
            if header.sectionResizeMode(col) != QHeaderView.ResizeMode.Stretch:
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        elif header.sectionResizeMode(col) != QHeaderView.ResizeMode.Interactive \
                or header.sectionSize(col) != wanted:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, wanted)

    def set_rows(self, rows: Sequence[Any]) -> None:
        current = self.current()
        self.model.set_rows(rows)
        if current is not None:
            self.select_where(lambda r: r == current)

    def _count(self, *_: Any) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("%n row(s)", "", total) if shown == total
                           else self.tr("%1 of %2").replace("%1", str(shown)).replace("%2", str(total)))

    def current(self) -> Any:
        ix = self.view.currentIndex()
        return ix.data(ROW_ROLE) if ix.isValid() else None

    def select_where(self, test: Callable[[Any], bool]) -> bool:
        for r in range(self.proxy.rowCount()):
            ix = self.proxy.index(r, 0)
            if test(ix.data(ROW_ROLE)):
                self.view.setCurrentIndex(ix)
                return True
        return False

    def shown_rows(self) -> list[Any]:
        """The rows as shown (sorted and filtered)."""
        return [self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount())]
