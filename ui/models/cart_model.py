"""The sale's lines as a Qt table: rows are ``LineTotal`` given with ``set_rows()``.

The model never queries anything (as Vorta's table models): the sale page hands it the
``CartTotals.lines`` a ``Till`` call returned. Money columns are right-aligned ``format_kronor``
text; ``Qt.UserRole`` gives the row's ``line_id``, ``LineRole`` the whole ``LineTotal``.
"""
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from pos.cart import CartLine, LineTotal
from pos.delivery import SHIPPING_SKU
from pos.measure import format_kg
from pos.money import format_kronor
from pos.returns import DEFAULT_REASONS, PurchaseKind, ReturnOf

LineRole = Qt.ItemDataRole.UserRole + 1

ARTICLE, QTY, PRICE, DISCOUNT, TOTAL = range(5)
_HEADERS = (
    QCoreApplication.translate("CartModel", "Article"),
    QCoreApplication.translate("CartModel", "Qty"),
    QCoreApplication.translate("CartModel", "Price"),
    QCoreApplication.translate("CartModel", "Discount"),
    QCoreApplication.translate("CartModel", "Total"),
)  # marked for lupdate; translated again at display time

_Index = QModelIndex | QPersistentModelIndex

# roles as plain ints: views pass ints, and comparing enums costs more than the rest of data()
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_USER = int(Qt.ItemDataRole.UserRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_SERVED = frozenset((_DISPLAY, _ALIGNMENT, _TOOLTIP, _FONT, _FOREGROUND, _USER, int(LineRole)))

# a return line saved before its reason's words were kept names it from the default list
_REASON_LABELS: dict[str, str] = {r.id: r.label for r in DEFAULT_REASONS}


def _header(section: int) -> str:
    return QCoreApplication.translate("CartModel", ("Article", "Qty", "Price", "Discount",
                                                    "Total")[section])


class CartModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[LineTotal] = []
        self._text_cache: dict[int, tuple[LineTotal, tuple[str, ...]]] = {}

    # --- data in ---------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[LineTotal]) -> None:
        """Show ``rows``, telling views only what changed, matched by ``line_id``: lines gone
        are removed, new ones inserted where they are, changed ones reported with
        ``dataChanged``. A view then keeps its selection and lays out only what it must (a scan
        adds one row to a sale of many; a reset made the view measure every row again). Lines
        in another order than before (never from a ``Cart``) reset the model."""
        new = list(rows)
        new_ids = [lt.line.line_id for lt in new]
        wanted = set(new_ids)
        if len(wanted) != len(new_ids):  # a line twice: no identity to follow
            self._reset(new)
            return
        self._remove_rows_not_in(wanted)
        kept = {lt.line.line_id for lt in self._rows}
        if [i for i in new_ids if i in kept] != [lt.line.line_id for lt in self._rows]:
            self._reset(new)
            return
        self._insert_rows_from(new, kept)
        self._replace_changed(new)
        self._forget_texts()

    def _forget_texts(self) -> None:
        shown = {id(lt) for lt in self._rows}
        self._text_cache = {k: v for k, v in self._text_cache.items() if k in shown}

    def _reset(self, rows: list[LineTotal]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._text_cache = {}
        self.endResetModel()

    def _remove_rows_not_in(self, wanted: set[int]) -> None:
        """Remove the lines not in ``wanted``, a run of neighbours at a time, from the end."""
        end = len(self._rows) - 1
        while end >= 0:
            if self._rows[end].line.line_id in wanted:
                end -= 1
                continue
            first = end
            while first > 0 and self._rows[first - 1].line.line_id not in wanted:
                first -= 1
            self.beginRemoveRows(QModelIndex(), first, end)
            del self._rows[first:end + 1]
            self.endRemoveRows()
            end = first - 1

    def _insert_rows_from(self, new: list[LineTotal], kept: set[int]) -> None:
        """Insert the lines of ``new`` not shown yet (not in ``kept``), a run at a time; the
        lines shown already are in ``new``'s order."""
        row = 0
        while row < len(new):
            if new[row].line.line_id in kept:
                row += 1
                continue
            end = row
            while end + 1 < len(new) and new[end + 1].line.line_id not in kept:
                end += 1
            self.beginInsertRows(QModelIndex(), row, end)
            self._rows[row:row] = new[row:end + 1]
            self.endInsertRows()
            row = end + 1

    def _replace_changed(self, new: list[LineTotal]) -> None:
        """Take ``new``'s rows (same lines, same order now); report each run of rows whose
        content differs."""
        changed: list[int] = []
        for row, lt in enumerate(new):
            if self._rows[row] is not lt and self._rows[row] != lt:
                changed.append(row)
            self._rows[row] = lt
        last_col = self.columnCount() - 1
        start = 0
        while start < len(changed):
            end = start
            while end + 1 < len(changed) and changed[end + 1] == changed[end] + 1:
                end += 1
            self.dataChanged.emit(self.index(changed[start], 0), self.index(changed[end], last_col))
            start = end + 1

    def rows(self) -> list[LineTotal]:
        return list(self._rows)

    def line_at(self, row: int) -> LineTotal | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_line(self, line_id: int) -> int:
        for i, lt in enumerate(self._rows):
            if lt.line.line_id == line_id:
                return i
        return -1

    # --- QAbstractTableModel ---------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802,B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802,B008 - Qt API
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 5:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _header(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGNS[section]
        return None

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        # Called for every role of every cell each time a view measures or paints a row (a few
        # thousand times per scan of a long sale): the roles served are looked up, the rest
        # leave at once, and a line's texts are worked out once.
        if role not in _SERVED:
            return None
        row, col = index.row(), index.column()
        if not 0 <= row < len(self._rows) or not 0 <= col < 5:  # an invalid index has row -1
            return None
        lt = self._rows[row]
        if role == _DISPLAY:
            return self._texts(lt)[col]
        if role == _ALIGNMENT:
            return _ALIGNS[col]
        if role == _FONT:
            if col == TOTAL:
                return _font("bold")
            if col == PRICE and lt.line.original_price is not None:
                return _font("italic")
            return None
        if role == _TOOLTIP:
            return _tooltip(lt)
        if role == _FOREGROUND:  # a return line reads apart from what is sold
            return _RETURN_BRUSH() if lt.line.returned_from is not None else None
        if role == _USER:
            return lt.line.line_id
        return lt  # LineRole

    def _texts(self, lt: LineTotal) -> tuple[str, ...]:
        """The row's five texts, kept while the row shows this very ``LineTotal`` (the cache
        holds the object, so its id cannot name another one meanwhile)."""
        hit = self._text_cache.get(id(lt))
        if hit is None:
            hit = self._text_cache[id(lt)] = (lt, _texts(lt))
        return hit[1]


def _texts(lt: LineTotal) -> tuple[str, ...]:
    line = lt.line
    name = line.variant.name
    if line.weight is not None:  # sold by weight: the weight in kg, three decimals; price per kg
        qty = format_kg(line.weight)
        price = f"{format_kronor(line.unit_price)}/kg"
        name += "\n" + _weighed(line)
    else:
        qty, price = str(line.quantity), format_kronor(line.unit_price)
    if line.from_web and line.unit_price != line.variant.price:  # the web cart's price governs
        name += "\n" + QCoreApplication.translate("CartModel", "Web price (till: %1)") \
            .replace("%1", format_kronor(line.variant.price))
    if line.order_id:  # a web order paid here: its lines are the order's
        name += "\n" + QCoreApplication.translate("CartModel", "Web order #%1").replace(
            "%1", line.order_no)
    if lt.promotions:  # the campaign under the name: the customer asks why
        name += "\n" + "   ".join(f"{p.code} -{format_kronor(p.amount)}" for p in lt.promotions)
    if line.deliver and line.variant.sku != SHIPPING_SKU:  # ship-to-home: not in the bag
        name += "\n" + QCoreApplication.translate("CartModel", "→ Home delivery")
    returned = line.returned_from
    if returned is not None:  # given back: why, and from which purchase
        name += "\n" + return_text(returned)
    return (name, qty, price, f"-{format_kronor(lt.discount)}" if lt.discount else "",
            format_kronor(lt.total))


def return_text(returned: ReturnOf) -> str:
    """"Return · Wrong size · receipt R-K1-000042" (the reason as the store's list words it,
    the original receipt or web order)."""
    reason = returned.reason_label or _REASON_LABELS.get(returned.reason, returned.reason)
    kind = returned.kind
    code = returned.code
    if kind is PurchaseKind.NO_RECEIPT or not code:
        where = QCoreApplication.translate("CartModel", "without receipt")
    elif kind is PurchaseKind.WEB_ORDER:
        where = QCoreApplication.translate("CartModel", "web order #%1").replace(
            "%1", code.lstrip("#"))
    else:
        where = QCoreApplication.translate("CartModel", "receipt %1").replace("%1", code)
    return " · ".join(x for x in (QCoreApplication.translate("CartModel", "Return"), reason,
                                  where) if x)


_BRUSHES: dict[str, QBrush] = {}


def _RETURN_BRUSH() -> QBrush:  # noqa: N802 - a constant made once the application exists
    b = _BRUSHES.get("return")
    if b is None:
        b = _BRUSHES["return"] = QBrush(QColor("#b3261e"))
    return b


def _weighed(line: CartLine) -> str:
    """"0,512 kg à 89,90 kr/kg", as the receipt prints it."""
    return (QCoreApplication.translate("CartModel", "%1 kg à %2 kr/kg")
            .replace("%1", format_kg(line.weight or Decimal(0)))
            .replace("%2", format_kronor(line.unit_price)))


def _tooltip(lt: LineTotal) -> str:
    line = lt.line
    parts = [line.variant.name, f"SKU {line.variant.sku}"]
    if line.variant.ean:
        parts.append(f"EAN {line.variant.ean}")
    if line.weight is not None:
        parts.append(_weighed(line))
    if line.label:
        parts.append(QCoreApplication.translate("CartModel", "Label %1").replace("%1", line.label))
    if line.from_web:
        parts.append(QCoreApplication.translate("CartModel", "From the web cart"))
    if line.original_price is not None:
        parts.append(QCoreApplication.translate("CartModel", "Price changed from %1 by %2")
                     .replace("%1", format_kronor(line.original_price))
                     .replace("%2", line.override_by or ""))
    for p in lt.promotions:
        parts.append(QCoreApplication.translate("CartModel", "Promotion %1: -%2 kr")
                     .replace("%1", p.code).replace("%2", format_kronor(p.amount)))
    if line.discount and line.discount.reason:
        parts.append(line.discount.reason)
    return "\n".join(parts)


_FONTS: dict[str, QFont] = {}


def _font(kind: str) -> QFont:
    """Bold or italic over the view's own font (made once, after the application exists)."""
    f = _FONTS.get(kind)
    if f is None:
        f = _FONTS[kind] = QFont()
        f.setBold(kind == "bold")
        f.setItalic(kind == "italic")
    return f


_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ALIGNS = (_LEFT, _RIGHT, _RIGHT, _RIGHT, _RIGHT)  # names left, quantities and money right
