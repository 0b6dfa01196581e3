"""Web orders collected here (Shift+F8): this store's pickup orders with where each is (on its
way, arrived, ready, collected) and whether it is paid; find one by its number or its QR code;
receive a parcel (the customer is told), take an unpaid order's payment at the till, hand a paid
one over.

The dialog only asks and shows: the sale page's ``Pickups`` flow runs the list, finding and
receiving on the network lane (the central store) and paying and handing over on the register
lane, and answers with ``show_orders``, ``show_order``, ``show_error`` or ``show_info``.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from pos.money import format_kronor
from pos.pickups import PickupOrder, PickupStage
from ui.widgets.dialog import Dialog
from ui.widgets.style import metrics, set_level, set_role, unbroken


class PickupDialog(Dialog):
    refresh_requested = Signal()
    find_requested = Signal(str)
    receive_requested = Signal(object)  # PickupOrder
    pay_requested = Signal(object)
    hand_over_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        m = metrics()
        self.setObjectName("pickupDialog")
        self.setWindowTitle(self.tr("Web orders for pickup"))
        self.setModal(True)
        self.orders: list[PickupOrder] = []
        title = QLabel(self.tr("Web orders to be collected in this store"), self)
        set_role(title, "heading")
        self.field = QLineEdit(self)
        self.field.setObjectName("pickupFindField")
        self.field.setPlaceholderText(self.tr("Order number, or scan the order's QR code"))
        self.field.setMinimumHeight(m.touch(44))
        self.field.returnPressed.connect(self.find)
        self.find_button = QPushButton(self.tr("Find"), self)
        self.find_button.setObjectName("pickupFindButton")
        self.find_button.setMinimumHeight(m.touch(44))
        self.find_button.clicked.connect(self.find)
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"), self)
        self.refresh_button.setObjectName("pickupRefreshButton")
        self.refresh_button.setMinimumHeight(m.touch(44))
        self.refresh_button.clicked.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.find_button)
        row.addWidget(self.refresh_button)

        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("pickupTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Order"), self.tr("Customer"), self.tr("Status"), self.tr("Payment"),
            self.tr("Amount"), self.tr("Items")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(m.touch(48))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemActivated.connect(lambda _item: self._default_action())

        self.message = QLabel("", self)
        self.message.setObjectName("pickupMessage")
        self.message.setWordWrap(True)
        set_level(self.message, "info")

        self.receive_button = QPushButton(self.tr("Received here\nCtrl+R"), self)
        self.receive_button.setObjectName("pickupReceiveButton")
        self.pay_button = QPushButton(self.tr("Pay at the till\nCtrl+P"), self)
        self.pay_button.setObjectName("pickupPayButton")
        set_role(self.pay_button, "primary")
        self.hand_over_button = QPushButton(self.tr("Hand over (paid)\nCtrl+H"), self)
        self.hand_over_button.setObjectName("pickupHandOverButton")
        set_role(self.hand_over_button, "primary")
        close = QPushButton(self.tr("Close (Esc)"), self)
        close.setObjectName("pickupCloseButton")
        close.clicked.connect(self.reject)
        for b in (self.receive_button, self.pay_button, self.hand_over_button, close):
            b.setMinimumHeight(m.touch(56))
        self.receive_button.clicked.connect(lambda: self._emit(self.receive_requested))
        self.pay_button.clicked.connect(lambda: self._emit(self.pay_requested))
        self.hand_over_button.clicked.connect(lambda: self._emit(self.hand_over_requested))
        for keys, button in (("Ctrl+R", self.receive_button), ("Ctrl+P", self.pay_button),
                             ("Ctrl+H", self.hand_over_button), ("F5", self.refresh_button)):
            QShortcut(QKeySequence(keys), self).activated.connect(button.click)
        actions = QHBoxLayout()
        actions.addWidget(close)
        actions.addStretch(1)
        actions.addWidget(self.receive_button)
        actions.addWidget(self.pay_button)
        actions.addWidget(self.hand_over_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self.setMinimumSize(m.px(760), m.px(480))
        self._selection_changed()
        self.field.setFocus()

    # --- asking ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.busy(self.tr("Asking the central store…"))
        self.refresh_requested.emit()

    def find(self) -> None:
        code = self.field.text().strip()
        if not code:
            self.show_error(self.tr("Type the order's number or scan its QR code"))
            return
        self.busy(self.tr("Looking for the order…"))
        self.find_requested.emit(code)

    def busy(self, text: str) -> None:
        self.message.setText(text)
        set_level(self.message, "info")

    def selected(self) -> PickupOrder | None:
        row = self.table.currentRow()
        return self.orders[row] if 0 <= row < len(self.orders) else None

    def _emit(self, signal: Signal) -> None:  # type: ignore[type-arg]
        order = self.selected()
        if order is not None:
            self.busy(self.tr("Working…"))
            signal.emit(order)

    def _default_action(self) -> None:
        """Enter or a double tap: what the order needs next."""
        for button in (self.pay_button, self.hand_over_button, self.receive_button):
            if button.isEnabled():
                button.click()
                return

    # --- showing -----------------------------------------------------------------------------------

    def show_orders(self, orders: list[PickupOrder]) -> None:
        keep = self.selected()
        self.orders = list(orders)
        self.table.setRowCount(len(self.orders))
        for i, o in enumerate(self.orders):
            cells = [f"#{o.number}", o.customer_name or o.email, self.stage_text(o),
                     self.tr("Paid") if o.paid else self.tr("To pay"),
                     format_kronor(o.total), str(o.item_count)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(unbroken(text) if col != 1 else text)
                if col in (4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
        if self.orders:
            ids = [o.id for o in self.orders]
            self.table.selectRow(ids.index(keep.id) if keep is not None and keep.id in ids else 0)
            self.message.setText(self.tr("%n order(s)", "", len(self.orders)))
            set_level(self.message, "ok")
        else:
            self.message.setText(self.tr("No web orders to be collected here."))
            set_level(self.message, "info")
        self._selection_changed()

    def show_order(self, order: PickupOrder, text: str = "") -> None:
        """``order`` as it is now (found, received, handed over): in the list and selected."""
        ids = [o.id for o in self.orders]
        if order.id in ids:
            self.orders[ids.index(order.id)] = order
        else:
            self.orders.insert(0, order)
        self.show_orders(self.orders)
        self.table.selectRow([o.id for o in self.orders].index(order.id))
        self.field.clear()
        self.message.setText(text or self.tr("Order #%1: %2").replace("%1", order.number)
                             .replace("%2", self.stage_text(order)))
        set_level(self.message, "ok")
        self.table.setFocus()

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        set_level(self.message, "error")
        self.field.setFocus()
        self.field.selectAll()

    def show_info(self, text: str) -> None:
        self.message.setText(text)
        set_level(self.message, "ok")

    def stage_text(self, o: PickupOrder) -> str:
        texts = {
            PickupStage.WAITING: self.tr("Ordered"),
            PickupStage.ON_THE_WAY: self.tr("On its way from %1"),
            PickupStage.ARRIVED: self.tr("Arrived (customer not told)"),
            PickupStage.READY: self.tr("Ready for pickup"),
            PickupStage.COLLECTED: self.tr("Collected"),
            PickupStage.CANCELED: self.tr("Cancelled"),
        }
        return texts[o.stage].replace("%1", self.location_name(o.source_location))

    def location_name(self, key: str) -> str:
        names = {"web-warehouse": self.tr("the web warehouse"), "store-gbg": self.tr("Göteborg"),
                 "store-sthlm": self.tr("Stockholm")}
        return names.get(key, key)

    def _selection_changed(self) -> None:
        o = self.selected()
        open_ = o is not None and o.stage not in (PickupStage.COLLECTED, PickupStage.CANCELED)
        self.receive_button.setEnabled(bool(open_ and o is not None and not o.notified_at))
        self.pay_button.setEnabled(bool(open_ and o is not None and not o.paid))
        self.hand_over_button.setEnabled(bool(open_ and o is not None and o.paid))
