"""Ordrar: this store's orders with their status in the central store.

- **Pickups**: web orders to be collected here (click & collect, ship-to-store, pay in store):
  on their way, arrived, customer told, collected; those not collected
  ``ctx.pickup_overdue_days`` days after they arrived are marked. A parcel is marked arrived
  (Ctrl+M) and the customer's notice sent again (Ctrl+N) here, as at the till.
- **Ship-to-home**: orders sold at this store's tills to be delivered, the till's record
  joined with the central order's payment and fulfilment (tracking); a message the central
  store has not got yet shows its outbox state, and Ctrl+Y opens it on the Sync page.
- **Returns**: return receipts taken here joined with the central return and refund.

The local rows load on the register lane; the central store is asked on the network lane, in
batches, once the local rows are known. When it cannot be reached the local rows stay, each
saying "central status unknown (offline)". Enter (or a double-click) opens an order's detail.
Keys: Alt+1..3 the tabs, Ctrl+F the search, F5 reload (the window's).
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QFrame, QLabel, QLineEdit, QPushButton,
                               QTabWidget, QVBoxLayout, QWidget)

from pos.central_orders import FulfilmentStage, ReturnStage
from pos.money import format_kronor
from pos.pickups import PickupOrder, PickupStage
from pos.services.order_desk import waiting_days
from ui.backoffice import order_operations as oop
from ui.backoffice.context import BackofficeContext
from ui.backoffice.date_range_bar import DateRangeBar
from ui.backoffice.marked_table import MarkedTable
from ui.backoffice.order_detail_dialog import OrderDetailDialog
from ui.backoffice.order_rows import (PICKUP_FILTERS, RETURN_FILTERS, SHIP_FILTERS, PickupRow,
                                      ReturnRow, ShipRow, pickup_matches, pickup_passes,
                                      pickup_rows, return_passes, return_rows, ship_passes,
                                      ship_rows)
from ui.backoffice.page import Page
from ui.backoffice.table import Column
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.style import metrics, set_level, set_role

DEFAULT_DAYS = 30  # the date range shown first: the last 30 days


def _when(t: datetime | None) -> str:
    return t.strftime("%Y-%m-%d %H:%M") if t else ""


def _iso_local(text: str) -> str:
    """An ISO instant from the central store in the back office's local time."""
    if not text:
        return ""
    try:
        t = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    return (t.astimezone() if t.tzinfo else t).strftime("%Y-%m-%d %H:%M")


def _keep(table: MarkedTable, rows: list[Any], key: Any) -> None:
    """``rows`` shown, the row selected before (the same order, newer figures) selected
    again."""
    current = table.current()
    table.set_rows(rows)
    if current is not None:
        wanted = key(current)
        table.select_where(lambda r: key(r) == wanted)


class OrdersPage(Page):
    def __init__(self, lanes: Lanes, ctx: BackofficeContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(lanes, ctx, parent)
        self.setObjectName("ordersPage")
        m = metrics()
        self.local: oop.LocalOrders | None = None
        self.central: oop.CentralView | None = None
        self.loading = False
        self.detail: OrderDetailDialog | None = None
        self._notice = ""  # what _show last said of the tab shown
        heading = QLabel(self.title(), self)
        set_role(heading, "heading")

        # the filters
        bar = QFrame(self)
        bar.setProperty("role", "panel")
        today = ctx.clock().date()
        # no presets: at 1024 px their buttons would push the search field to a second row
        self.dates = DateRangeBar(ctx.clock, (), "orders", bar,
                                  first=today - timedelta(days=DEFAULT_DAYS - 1), last=today)
        self.dates.changed.connect(lambda *_: self.activate())
        self.first, self.last = self.dates.first, self.dates.last
        self.status_choice = QComboBox(bar)
        self.status_choice.setObjectName("ordersStatus")
        self.status_choice.setMinimumHeight(m.touch(46))
        self.status_choice.currentIndexChanged.connect(lambda *_: self._show())
        self.text = QLineEdit(bar)
        self.text.setObjectName("ordersText")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr("Order, customer or receipt (Ctrl+F)"))
        self.text.setMinimumHeight(m.touch(46))
        self.text.setMinimumWidth(m.px(260))
        self.text.textChanged.connect(lambda *_: self._show())
        QShortcut(QKeySequence("Ctrl+F"), self).activated.connect(self.text.setFocus)
        row = FlowLayout(bar)
        row.setContentsMargins(m.px(12), m.px(8), m.px(12), m.px(8))
        self.dates.add_to(row)
        row.addWidget(QLabel(self.tr("Status"), bar))
        row.addWidget(self.status_choice)
        row.addWidget(self.text, 1)

        # what the central store said
        self.central_label = QLabel(self.tr("Central store: not asked yet"), self)
        self.central_label.setObjectName("ordersCentral")
        self.central_label.setProperty("role", "message")
        self.central_label.setWordWrap(True)
        set_level(self.central_label, "info")

        # the three lists
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("ordersTabs")
        self.pickups = MarkedTable([
            Column(self.tr("Order"), lambda r: f"#{r.order.number}",
                   sort=lambda r: r.order.display_id, numeric=True),
            Column(self.tr("Ordered"), lambda r: _iso_local(r.order.created_at)[:10],
                   sort=lambda r: r.order.created_at),
            Column(self.tr("Customer"), lambda r: r.order.customer_name or r.order.email,
                   stretch=True),
            Column(self.tr("Status"), self._pickup_status),
            Column(self.tr("Total"), lambda r: format_kronor(r.order.total),
                   sort=lambda r: r.order.total, numeric=True),
            Column(self.tr("Paid"), lambda r: self._paid_text(r.order)),
            Column(self.tr("Items"), lambda r: str(r.order.item_count),
                   sort=lambda r: r.order.item_count, numeric=True),
            Column(self.tr("Arrived"), lambda r: _iso_local(r.order.arrived_at),
                   sort=lambda r: r.order.arrived_at)],
            lambda r: r.overdue, self, show_filter=False)
        self.pickups.setObjectName("pickupTable")
        self.ship = MarkedTable([
            Column(self.tr("Order"), self._ship_order, sort=lambda r: r.local.order_ref),
            Column(self.tr("Sold"), lambda r: _when(r.local.completed_at),
                   sort=lambda r: r.local.completed_at),
            Column(self.tr("Customer"), lambda r: r.local.customer, stretch=True),
            Column(self.tr("Amount"), lambda r: format_kronor(r.local.amount),
                   sort=lambda r: r.local.amount, numeric=True),
            Column(self.tr("Central status"), self._ship_status),
            Column(self.tr("Receipt"), lambda r: f"{r.local.register_id} {r.local.receipt_no}",
                   sort=lambda r: (r.local.register_id, r.local.receipt_no)),
            Column(self.tr("Cashier"), lambda r: r.local.cashier)],
            lambda r: r.needs_attention, self, show_filter=False)
        self.ship.setObjectName("shipTable")
        self.returns = MarkedTable([
            Column(self.tr("Receipt"), lambda r: f"{r.local.register_id} {r.local.receipt_no}",
                   sort=lambda r: (r.local.register_id, r.local.receipt_no)),
            Column(self.tr("Returned"), lambda r: _when(r.local.completed_at),
                   sort=lambda r: r.local.completed_at),
            Column(self.tr("Purchase"), lambda r: self._purchase_text(r), stretch=True),
            Column(self.tr("Amount"), lambda r: format_kronor(r.local.amount),
                   sort=lambda r: r.local.amount, numeric=True),
            Column(self.tr("Refunded"), lambda r: format_kronor(r.local.refunded),
                   sort=lambda r: r.local.refunded, numeric=True),
            Column(self.tr("Central status"), self._return_status),
            Column(self.tr("Units"), lambda r: str(r.local.units), sort=lambda r: r.local.units,
                   numeric=True),
            Column(self.tr("Cashier"), lambda r: r.local.cashier)],
            lambda r: r.needs_attention, self, show_filter=False)
        self.returns.setObjectName("returnTable")
        for table in (self.pickups, self.ship, self.returns):
            table.view.setTextElideMode(Qt.TextElideMode.ElideRight)
            table.activated.connect(self.open_detail)
            table.selected.connect(lambda _r: self._enable())
        self.tabs.addTab(self.pickups, self.tr("Pickups"))
        self.tabs.addTab(self.ship, self.tr("Ship-to-home"))
        self.tabs.addTab(self.returns, self.tr("Returns"))
        self.tabs.currentChanged.connect(self._tab_changed)
        for i in range(3):
            QShortcut(QKeySequence(f"Alt+{i + 1}"), self).activated.connect(
                lambda i=i: self.tabs.setCurrentIndex(i))

        # what a manager does
        self.arrived_button = QPushButton(self.tr("Mark arrived (Ctrl+M)"), self)
        self.arrived_button.setObjectName("markArrived")
        set_role(self.arrived_button, "primary")
        self.arrived_button.clicked.connect(self.mark_arrived)
        QShortcut(QKeySequence("Ctrl+M"), self).activated.connect(self.mark_arrived)
        self.notice_button = QPushButton(self.tr("Send notice again (Ctrl+N)"), self)
        self.notice_button.setObjectName("sendNoticeAgain")
        self.notice_button.clicked.connect(self.send_notice_again)
        QShortcut(QKeySequence("Ctrl+N"), self).activated.connect(self.send_notice_again)
        self.sync_button = QPushButton(self.tr("Show on the Sync page (Ctrl+Y)"), self)
        self.sync_button.setObjectName("showInSync")
        self.sync_button.clicked.connect(self.show_in_sync)
        QShortcut(QKeySequence("Ctrl+Y"), self).activated.connect(self.show_in_sync)
        self.detail_button = QPushButton(self.tr("Details (Enter)"), self)
        self.detail_button.setObjectName("orderDetails")
        self.detail_button.clicked.connect(lambda: self.open_detail(self._current()))
        for b in (self.arrived_button, self.notice_button, self.sync_button,
                  self.detail_button):
            b.setMinimumHeight(m.touch(46))
        actions = FlowLayout()
        actions.addWidget(self.detail_button)
        actions.addWidget(self.arrived_button)
        actions.addWidget(self.notice_button)
        actions.addWidget(self.sync_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(m.px(8))
        layout.addWidget(heading)
        layout.addWidget(bar)
        layout.addWidget(self.central_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        self._fill_statuses()
        self._enable()

    def title(self) -> str:
        return self.tr("Orders")

    # --- words -----------------------------------------------------------------------------------

    def filter_text(self, key: str) -> str:
        """A status filter's word (a disambiguation of its own: Swedish says them in the
        plural, "Skickade", where a row's status is singular)."""
        return {"all": self.tr("All", "filter"), "open": self.tr("Not collected", "filter"),
                "on_the_way": self.tr("On the way", "filter"),
                "arrived": self.tr("Arrived here", "filter"),
                "overdue": self.tr("Overdue", "filter"),
                "collected": self.tr("Collected", "filter"),
                "local": self.tr("Not in the central store yet", "filter"),
                "not_fulfilled": self.tr("Not sent", "filter"),
                "shipped": self.tr("Shipped", "filter"),
                "delivered": self.tr("Delivered", "filter"),
                "requested": self.tr("Requested", "filter"),
                "received": self.tr("Received", "filter"),
                "refunded": self.tr("Refunded", "filter")}.get(key, key)

    def stage_text(self, stage: PickupStage) -> str:
        return {PickupStage.WAITING: self.tr("Being picked"),
                PickupStage.ON_THE_WAY: self.tr("On the way"),
                PickupStage.ARRIVED: self.tr("Arrived, not told"),
                PickupStage.READY: self.tr("Customer told"),
                PickupStage.COLLECTED: self.tr("Collected"),
                PickupStage.CANCELED: self.tr("Cancelled")}[stage]

    def _pickup_status(self, r: PickupRow) -> str:
        if r.overdue:
            return self.tr("Overdue: %n day(s)", "", waiting_days(r.order, self.ctx.now()))
        return self.stage_text(r.order.stage)

    def _paid_text(self, o: PickupOrder) -> str:
        return self.tr("Paid") if o.paid else self.tr("Pay in store")

    def payment_text(self, status: str) -> str:
        return {"not_paid": self.tr("Not paid"), "awaiting": self.tr("Awaiting payment"),
                "authorized": self.tr("Authorised"), "captured": self.tr("Paid"),
                "partially_captured": self.tr("Partly paid"),
                "partially_refunded": self.tr("Partly refunded"),
                "refunded": self.tr("Refunded"), "canceled": self.tr("Cancelled"),
                "requires_action": self.tr("Needs action")}.get(status, status)

    def fulfilment_text(self, stage: FulfilmentStage) -> str:
        return {FulfilmentStage.NOT_FULFILLED: self.tr("Not sent"),
                FulfilmentStage.SHIPPED: self.tr("Shipped"),
                FulfilmentStage.DELIVERED: self.tr("Delivered"),
                FulfilmentStage.CANCELED: self.tr("Cancelled")}[stage]

    def return_text(self, stage: ReturnStage) -> str:
        return {ReturnStage.REQUESTED: self.tr("Requested"),
                ReturnStage.RECEIVED: self.tr("Received"),
                ReturnStage.REFUNDED: self.tr("Received, refunded"),
                ReturnStage.CANCELED: self.tr("Cancelled")}[stage]

    def outbox_text(self, status: str) -> str:
        return {"pending": self.tr("Not sent yet: waiting"),
                "failed": self.tr("Not sent yet: failed, retrying"),
                "dead": self.tr("Not sent: set aside (Sync)"),
                "": self.tr("Never queued")}.get(status, status)

    def unknown_text(self) -> str:
        if self.central is not None and self.central.online is None:
            return self.tr("No central store here")
        if self.central is None:
            return self.tr("Asking the central store…")
        return self.tr("Central status unknown (offline)")

    def _ship_order(self, r: ShipRow) -> str:
        """The till's reference, and the central order's number once it has one."""
        if r.local.display_id:
            return f"{r.local.order_ref} (#{r.local.display_id})"
        return r.local.order_ref

    def _ship_payment(self, r: ShipRow) -> str:
        if r.local.outbox.local_only or not r.local.outbox.status:
            return self.outbox_text(r.local.outbox.status)
        if not r.known:
            return self.unknown_text()
        if r.central is None:
            return self.tr("Not found in the central store")
        return self.payment_text(r.central.payment_status)

    def _ship_delivery(self, r: ShipRow) -> str:
        if r.local.outbox.local_only or not r.known or r.central is None:
            return ""
        text = self.fulfilment_text(r.central.fulfilment_stage)
        if r.central.tracking:
            text += " · " + self.tr("tracking %1").replace("%1", ", ".join(r.central.tracking))
        return text

    def _ship_status(self, r: ShipRow) -> str:
        """Paid · Shipped · tracking ..., or why the central store cannot say."""
        delivery = self._ship_delivery(r)
        return self._ship_payment(r) + (f" · {delivery}" if delivery else "")

    def _purchase_text(self, r: ReturnRow) -> str:
        kind = {"web_order": self.tr("web #%1"),
                "no_receipt": self.tr("no receipt")}.get(r.local.kind, "%1")
        return kind.replace("%1", r.local.purchase.lstrip("#"))

    def _return_status(self, r: ReturnRow) -> str:
        box = r.local.outbox
        if r.local.kind == "no_receipt":
            return self.tr("Nothing to tell the central store")
        if box.local_only or not box.status:
            return self.outbox_text(box.status)
        if not r.known:
            return self.unknown_text()
        if r.central is None:
            return self.tr("Not found in the central store")
        text = self.return_text(r.central.stage)
        if r.central.refund_amount:
            text += " · " + self.tr("%1 of %2 refunded centrally") \
                .replace("%1", format_kronor(r.central.refunded)) \
                .replace("%2", format_kronor(r.central.refund_amount))
        return text

    # --- loading ---------------------------------------------------------------------------------

    def period(self) -> tuple[Any, Any]:
        return self.dates.range()

    def activate(self) -> None:
        if self.loading:
            return
        self.loading = True
        first, last = self.period()
        oop.local_orders(self.lanes, self.ctx, first, last, on_done=self._local_loaded,
                         on_error=self._failed)

    def _local_loaded(self, local: oop.LocalOrders) -> None:
        self.local = local
        if self.central is not None and self.central.online:
            # the last answer stays until the new one comes: no flicker to "unknown"
            pass
        self._show()
        self.central_label.setText(self.tr("Central store: asking…"))
        set_level(self.central_label, "info")
        oop.central_view(self.lanes, self.ctx,
                         [r.central_order_id for r in local.ship if r.central_order_id],
                         [r.return_id for r in local.returns if r.return_id],
                         on_done=self._central_loaded, on_error=self._central_failed)

    def _central_loaded(self, view: oop.CentralView) -> None:
        self.loading = False
        self.central = view
        now = self.ctx.now().strftime("%H:%M:%S")
        if view.online is None:
            self.central_label.setText(self.tr("Central store: none configured: only what "
                                               "this store recorded is shown."))
            set_level(self.central_label, "info")
        elif view.online:
            self.central_label.setText(self.tr("Central store: status as of %1.")
                                       .replace("%1", now))
            set_level(self.central_label, "ok")
        else:
            why = message_for(view.error) if view.error is not None else ""
            self.central_label.setText(
                self.tr("Central store offline (at %1): central status unknown; what this "
                        "store recorded is shown.").replace("%1", now) + (f" {why}" if why else ""))
            set_level(self.central_label, "error")
        self._show()

    def _central_failed(self, exc: BaseException) -> None:
        self.loading = False
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.show_message(message_for(exc), "error")

    # --- showing -----------------------------------------------------------------------------------

    def _fill_statuses(self) -> None:
        keys = (PICKUP_FILTERS, SHIP_FILTERS, RETURN_FILTERS)[self.tabs.currentIndex()]
        self.status_choice.blockSignals(True)
        self.status_choice.clear()
        for key in keys:
            self.status_choice.addItem(self.filter_text(key), key)
        self.status_choice.blockSignals(False)

    def _tab_changed(self, _i: int) -> None:
        self._fill_statuses()
        self._show()

    def _show(self) -> None:
        key = self.status_choice.currentData() or "all"
        index = self.tabs.currentIndex()
        text = self.text.text()
        first, last = self.period()
        view = self.central
        known = bool(view is not None and view.online)
        prows = pickup_rows(view.pickups if view is not None else [], self.ctx.now(),
                            self.ctx.pickup_overdue_days, first, last)
        srows = ship_rows(self.local.ship if self.local else [],
                          view.orders if view is not None else {}, known)
        rrows = return_rows(self.local.returns if self.local else [],
                            view.returns if view is not None else {}, known)
        from pos.queries.orders import matches
        _keep(self.pickups, [r for r in prows if (index != 0 or pickup_passes(r, key))
                             and pickup_matches(r, text)], lambda r: r.order.id)
        _keep(self.ship, [r for r in srows if (index != 1 or ship_passes(r, key))
                          and matches(text, r.local.order_ref, r.local.receipt_no,
                                      f"{r.local.register_id} {r.local.receipt_no}",
                                      r.local.display_id, r.local.customer,
                                      r.local.customer_email, r.local.central_order_id)],
              lambda r: r.local.sale_id)
        _keep(self.returns, [r for r in rrows if (index != 2 or return_passes(r, key))
                             and matches(text, r.local.purchase, r.local.receipt_no,
                                         f"{r.local.register_id} {r.local.receipt_no}",
                                         r.local.cashier, r.local.order_id)],
              lambda r: (r.local.sale_id, r.local.purchase))
        overdue = sum(1 for r in prows if r.overdue)
        self.tabs.setTabText(0, (self.tr("Pickups (%1, %2 overdue)").replace("%2", str(overdue))
                                 if overdue else self.tr("Pickups (%1)"))
                             .replace("%1", str(self.pickups.proxy.rowCount()))
                             if view is not None and view.online else self.tr("Pickups"))
        self.tabs.setTabText(1, self.tr("Ship-to-home (%1)")
                             .replace("%1", str(self.ship.proxy.rowCount())))
        self.tabs.setTabText(2, self.tr("Returns (%1)")
                             .replace("%1", str(self.returns.proxy.rowCount())))
        notice = ""
        if index == 0 and view is not None and view.online is False:
            notice = self.tr("Pickup orders live in the central store: none can be listed "
                             "while it is offline.")
        elif index == 0 and view is not None and view.online is None:
            notice = self.tr("Pickup orders need a central store.")
        if notice:
            self.show_message(notice, "warning")
        elif self._notice and self.message.text() == self._notice:
            self.show_message("")  # what the page said of the tab, not a manager's result
        self._notice = self.message.text() if notice else ""
        self._enable()

    def _current(self) -> Any:
        return (self.pickups, self.ship, self.returns)[self.tabs.currentIndex()].current()

    def _enable(self) -> None:
        r = self._current()
        online = bool(self.central is not None and self.central.online)
        pickup = r if isinstance(r, PickupRow) else None
        self.arrived_button.setVisible(self.tabs.currentIndex() == 0)
        self.notice_button.setVisible(self.tabs.currentIndex() == 0)
        self.sync_button.setVisible(self.tabs.currentIndex() != 0)
        self.arrived_button.setEnabled(online and pickup is not None and pickup.order.stage in (
            PickupStage.WAITING, PickupStage.ON_THE_WAY, PickupStage.ARRIVED))
        self.notice_button.setEnabled(online and pickup is not None and pickup.order.stage in (
            PickupStage.ARRIVED, PickupStage.READY))
        self.sync_button.setEnabled(isinstance(r, (ShipRow, ReturnRow))
                                    and r.local.outbox.message_id is not None)
        self.detail_button.setEnabled(r is not None)

    # --- what a manager does ---------------------------------------------------------------------------

    def mark_arrived(self) -> None:
        r = self._current()
        if not isinstance(r, PickupRow) or not self.arrived_button.isEnabled():
            return
        oop.mark_arrived(self.lanes, self.ctx, r.order.id,
                         on_done=lambda o: self._changed(
                             self.tr("Order #%1 marked arrived.").replace("%1", o.number), o),
                         on_error=self._failed)

    def send_notice_again(self) -> None:
        r = self._current()
        if not isinstance(r, PickupRow) or not self.notice_button.isEnabled():
            return
        oop.send_notice_again(self.lanes, self.ctx, r.order.id,
                              on_done=lambda o: self._changed(
                                  self.tr("The customer of order #%1 was told again.")
                                  .replace("%1", o.number), o),
                              on_error=self._failed)

    def _changed(self, text: str, order: PickupOrder) -> None:
        self.activate()
        self.show_message(text, "ok")
        self.pickups.select_where(lambda r: r.order.id == order.id)

    def show_in_sync(self) -> None:
        """The row's message on the Sync page (its key in the Sync page's filter)."""
        r = self._current()
        if not isinstance(r, (ShipRow, ReturnRow)) or r.local.outbox.message_id is None:
            return
        from pos.services.ship_to_home import delivery_key
        from pos.sync.return_events import return_key
        from ui.backoffice.sync_page import SyncPage
        key = (delivery_key(r.local.sale_id) if isinstance(r, ShipRow)
               else return_key(r.local.sale_id, r.local.purchase))
        window = self.window()
        if not hasattr(window, "page_list"):
            return
        sync = next((p for p in window.page_list if isinstance(p, SyncPage)), None)
        if sync is None:
            return
        window.show_page(window.page_list.index(sync))
        QTimer.singleShot(0, lambda: sync.table.filter.setText(key))

    def open_detail(self, row: Any) -> None:
        if row is None:
            return
        if self.detail is not None:
            self.detail.close()
        self.detail = OrderDetailDialog(self, row, self.lanes, self.ctx)
        self.detail.open()
