"""A layout that places its items in a row and wraps them onto further rows when the row is too
narrow: Qt's "Flow Layout" example (Qt has none built in), for toolbars that must fit a 1024 px
screen without cutting a button off.

Its minimum width is its widest item's (not the sum of all of them); its height follows its width
(``heightForWidth``), so a box layout above it gives it the rows it needs. A stretch
(``addStretch``) pushes the items after it to the right end of their row when they fit on it.
"""
from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QSpacerItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._stretched: set[int] = set()  # ids of the widgets that take a row's free width
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    # --- QLayout's API ----------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def addWidget(self, widget: QWidget, stretch: int = 0) -> None:  # noqa: N802 - Qt API
        """``stretch`` > 0: the widget takes what its row leaves (as in a box layout)."""
        super().addWidget(widget)
        if stretch > 0:
            self._stretched.add(id(widget))

    def addStretch(self, stretch: int = 1) -> None:  # noqa: N802 - as QBoxLayout's
        self.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))
        self.invalidate()

    def addSpacing(self, size: int) -> None:  # noqa: N802 - as QBoxLayout's; a wrap drops it
        self.addItem(QSpacerItem(size, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum))
        self.invalidate()

    def addLayout(self, layout: QLayout) -> None:  # noqa: N802 - as QBoxLayout's
        holder = QWidget(self.parentWidget())
        layout.setContentsMargins(0, 0, 0, 0)
        holder.setLayout(layout)
        self.addWidget(holder)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def spacing(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parent()
        if isinstance(parent, QWidget):
            return parent.style().pixelMetric(parent.style().PixelMetric.PM_LayoutHorizontalSpacing)
        if isinstance(parent, QLayout):
            return parent.spacing()
        return 6

    def setSpacing(self, spacing: int) -> None:  # noqa: N802 - Qt API
        self._spacing = spacing
        self.invalidate()

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt API
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """All items on one row."""
        m = self.contentsMargins()
        shown = [i for i in self._items if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in shown) + self.spacing() * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        """The widest item's width: the rest wraps."""
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize().expandedTo(
                    QSize(min(item.sizeHint().width(), item.maximumSize().width()), 0)))
        m: QMargins = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # --- placing ---------------------------------------------------------------------------------

    def _rows(self, width: int) -> list[list[QLayoutItem]]:
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        gap = self.spacing()
        for item in self._items:
            if _is_stretch(item):
                rows[-1].append(item)
                continue
            if isinstance(item, QSpacerItem):
                w = item.sizeHint().width()
                if rows[-1] and used:
                    used += w
                    rows[-1].append(item)
                continue
            if item.isEmpty():
                continue
            w = item.sizeHint().width()
            if rows[-1] and used and used + gap + w > width:
                rows.append([])
                used = 0
            used += (gap if used else 0) + w
            rows[-1].append(item)
        return rows

    def _place(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        gap = self.spacing()
        y = area.y()
        for row in self._rows(area.width()):
            widgets = [i for i in row if not isinstance(i, QSpacerItem)]
            fixed = sum(i.sizeHint().width() for i in row
                        if isinstance(i, QSpacerItem) and not _is_stretch(i))
            if not widgets:
                continue
            height = max(i.sizeHint().height() for i in widgets)
            widths = [min(i.sizeHint().width(), area.width()) for i in widgets]
            free = area.width() - sum(widths) - gap * (len(widgets) - 1) - fixed
            grow = [k for k, i in enumerate(widgets) if i.widget() is not None
                    and id(i.widget()) in self._stretched]
            if grow and free > 0 and not any(_is_stretch(i) for i in row):
                for k in grow:
                    widths[k] += free // len(grow)
                free = 0
            x = area.x()
            k = 0
            for item in row:
                if isinstance(item, QSpacerItem) and not _is_stretch(item):
                    x += item.sizeHint().width()
                    continue
                if isinstance(item, QSpacerItem):
                    if move and free > 0:
                        x += free  # a stretch takes what the row leaves
                        free = 0
                    continue
                if move:
                    h = height if item.expandingDirections() & Qt.Orientation.Vertical \
                        or item.sizeHint().height() < height else item.sizeHint().height()
                    item.setGeometry(QRect(QPoint(x, y + (height - h) // 2),
                                           QSize(widths[k], h)))
                x += widths[k] + gap
                k += 1
            y += height + gap
        return y - gap - area.y() + m.top() + m.bottom() if y > area.y() else m.top() + m.bottom()


def _is_stretch(item: QLayoutItem) -> bool:
    return isinstance(item, QSpacerItem) and bool(
        item.expandingDirections() & Qt.Orientation.Horizontal)
