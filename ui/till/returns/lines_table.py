"""A purchase's lines as the cashier chooses what comes back: what was bought, what was already
returned (in any channel, and in the sale in progress), what is left, then per line the units
returned now (0 up to what is left), the reason (the store's list) and whether the goods go back
to stock (by default as the reason says: a defect does not). ``refund()`` is what the chosen
units paid (``PurchasedLine.refund_for``: every discount taken back in proportion)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView,
                               QTableWidget, QTableWidgetItem, QWidget)

from pos.money import format_kronor
from pos.returns import Purchase, PurchasedLine, ReturnError, ReturnReason
from pos.services.returns import ReturnPick
from ui.till.returns.stepper import UnitsStepper
from ui.widgets.bind import bind
from ui.widgets.style import metrics, unbroken

ARTICLE, BOUGHT, RETURNED, LEFT, UNITS, REASON, RESTOCK, REFUND = range(8)


class ReturnLinesTable(QTableWidget):
    changed = Signal()  # units, a reason or the stock choice changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 8, parent)
        m = metrics()
        self.setObjectName("returnLinesTable")
        self.setHorizontalHeaderLabels([
            self.tr("Article"), self.tr("Bought"), self.tr("Returned"), self.tr("Left"),
            self.tr("Return now"), self.tr("Reason"), self.tr("Condition"), self.tr("Refund")])
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(m.touch(54))
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # the choices in the cells take the focus, one after another with Tab
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setTabKeyNavigation(False)  # Tab goes choice to choice, not cell to cell
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(ARTICLE, QHeaderView.ResizeMode.Stretch)
        for col, width in ((BOUGHT, 70), (RETURNED, 118), (LEFT, 60), (UNITS, 170),
                           (REASON, 170), (RESTOCK, 136), (REFUND, 126)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, m.px(width))
        self.purchase: Purchase | None = None
        self.in_sale: dict[str, int] = {}
        self.reasons: tuple[ReturnReason, ...] = ()
        self.steppers: list[UnitsStepper] = []
        self.reason_boxes: list[QComboBox] = []
        self.restock_boxes: list[QCheckBox] = []

    # --- showing -------------------------------------------------------------------------------

    def show_purchase(self, purchase: Purchase | None, in_sale: dict[str, int],
                      reasons: tuple[ReturnReason, ...]) -> None:
        self.purchase, self.in_sale, self.reasons = purchase, dict(in_sale), tuple(reasons)
        self.steppers, self.reason_boxes, self.restock_boxes = [], [], []
        self.clearContents()
        lines = purchase.lines if purchase is not None else ()
        self.setRowCount(len(lines))
        for row, ln in enumerate(lines):
            self._show_line(row, ln)
        self.changed.emit()

    def _show_line(self, row: int, ln: PurchasedLine) -> None:
        in_sale = self.in_sale.get(ln.key, 0)
        left = max(0, ln.returnable - in_sale)
        name = ln.name if ln.weight is None else self.tr("%1 (%2 kg, returned whole)").replace(
            "%1", ln.name).replace("%2", f"{ln.weight:.3f}".replace(".", ","))
        returned = str(ln.returned) if not in_sale else self.tr("%1 + %2 in this sale").replace(
            "%1", str(ln.returned)).replace("%2", str(in_sale))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for col, text in ((ARTICLE, name), (BOUGHT, str(ln.quantity)), (RETURNED, returned),
                          (LEFT, str(left)), (REFUND, format_kronor(0))):
            item = QTableWidgetItem(text)
            if col != ARTICLE:
                item.setTextAlignment(right)
            else:
                item.setToolTip(f"{ln.name}\nSKU {ln.sku}" + (f"\nEAN {ln.ean}" if ln.ean else ""))
            self.setItem(row, col, item)
        stepper = UnitsStepper(left, self)
        stepper.valueChanged.connect(bind(self.changed.emit))
        stepper.valueChanged.connect(bind(self._refresh_row, row))
        reason = QComboBox(self)
        reason.setObjectName("returnReason")
        for r in self.reasons:
            reason.addItem(r.label, r.id)
        restock = QCheckBox(self.tr("To stock"), self)
        restock.setObjectName("returnRestock")
        restock.setChecked(self.reasons[0].restock if self.reasons else True)
        reason.currentIndexChanged.connect(bind(self._reason_changed, row))
        restock.toggled.connect(bind(self.changed.emit))
        for w in (reason, restock):
            w.setEnabled(left > 0)
        self.setCellWidget(row, UNITS, stepper)
        # the stepper's keys a finger's 44 px, with its margins and the grid line around them
        self.setRowHeight(row, max(metrics().touch(56), metrics().touch(44) + 12))
        self.setCellWidget(row, REASON, _padded(reason))
        self.setCellWidget(row, RESTOCK, _padded(restock))
        self.steppers.append(stepper)
        self.reason_boxes.append(reason)
        self.restock_boxes.append(restock)

    def _reason_changed(self, row: int) -> None:
        """A reason says whether its goods go back to stock (a defect does not); the cashier
        may still change the box after it."""
        i = self.reason_boxes[row].currentIndex()
        if 0 <= i < len(self.reasons):
            self.restock_boxes[row].setChecked(self.reasons[i].restock)
        self.changed.emit()

    def _refresh_row(self, row: int) -> None:
        item = self.item(row, REFUND)
        if item is not None and self.purchase is not None:
            item.setText(unbroken(format_kronor(self.line_refund(row))))

    # --- what was chosen -----------------------------------------------------------------------

    def _counted(self) -> Purchase | None:
        """The purchase with what the sale in progress already returns counted as returned."""
        if self.purchase is None:
            return None
        return self.purchase.with_returned(
            {ln.key: ln.returned + self.in_sale.get(ln.key, 0) for ln in self.purchase.lines})

    def line_refund(self, row: int, counted: Purchase | None = None) -> int:
        counted = counted or self._counted()
        units = self.steppers[row].value() if 0 <= row < len(self.steppers) else 0
        if counted is None or units <= 0:
            return 0
        try:
            return counted.lines[row].refund_for(units)
        except ReturnError:
            return 0

    def refund(self) -> int:
        """Öre the chosen units refund (every discount of the purchase taken back in
        proportion, as the sale will)."""
        counted = self._counted()  # once: a purchase of many lines is recounted per choice
        return sum(self.line_refund(row, counted) for row in range(len(self.steppers))
                   if self.steppers[row].value())

    def units(self) -> int:
        return sum(s.value() for s in self.steppers)

    def picks(self) -> list[ReturnPick]:
        if self.purchase is None:
            return []
        out = []
        for row, ln in enumerate(self.purchase.lines):
            units = self.steppers[row].value()
            if units > 0:
                out.append(ReturnPick(ln.key, units, str(self.reason_boxes[row].currentData()),
                                      self.restock_boxes[row].isChecked()))
        return out

    def row_of_code(self, code: str) -> int:
        """The row of the line whose article has barcode or SKU ``code`` and has units left to
        choose (-1: none)."""
        if self.purchase is None:
            return -1
        for row, ln in enumerate(self.purchase.lines):
            if code in (ln.ean, ln.sku) and self.steppers[row].value() < self.steppers[row].maximum():
                return row
        return -1

    def focus_first(self) -> bool:
        """The focus on the first line with anything left to return."""
        for s in self.steppers:
            if s.maximum() > 0:
                s.spin.setFocus()
                s.spin.selectAll()
                return True
        return False

    def tab_chain(self) -> list[QWidget]:
        """The choices in reading order (the dialog chains Tab through them)."""
        out: list[QWidget] = []
        for s, r, c in zip(self.steppers, self.reason_boxes, self.restock_boxes, strict=True):
            out += [s.spin, r, c]
        return out


def _padded(widget: QWidget) -> QWidget:
    """A cell's widget with a little air around it (a combo flush with the grid looks cut)."""
    box = QWidget()
    layout = QHBoxLayout(box)
    m = metrics()
    layout.setContentsMargins(m.px(4), 2, m.px(4), 2)
    layout.addWidget(widget)
    box.setFocusProxy(widget)
    return box
