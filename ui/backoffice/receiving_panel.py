"""The Stock page's receiving: transfers on their way to this store (from another store or the
web warehouse) and ship-to-store parcels of web orders to be collected here.

One field takes every scan: a transfer's number selects it; an article's EAN or SKU adds one
received unit to the selected transfer's line; anything else is taken as a web order's code
(its QR or number) and its parcel is received (marked arrived, the customer told, as the till
does). A typed figure sets the selected line's units; "All came" sets every line to what was
sent. Receiving a transfer with fewer units than sent asks first and records the shortfall.

Receiving a transfer is this store's own act (journaled, stock up, queued in the outbox: the
database lane), then it is sent to the central store on the network lane; until the central
store has it the transfer is listed as "Received, waiting to be sent" (also while the central
store does not answer, and after a restart). Everything that asks the central store runs on the
network lane."""
from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox, QSplitter,
                               QVBoxLayout, QWidget)

from pos.pickups import PickupOrder, PickupStage
from pos.services.stock_receiving import SENT_STATE, STUCK, WAITING
from pos.stock_transfers import Transfer, TransferLine
from ui.backoffice import stock_operations as sop
from ui.backoffice.context import BackofficeContext
from ui.backoffice.table import Column, FilterTable
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.style import metrics, set_level, set_role


def when(text: str) -> str:
    """A central store's instant (ISO 8601, UTC) in the back office's local time."""
    try:
        t = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    t = t if t.tzinfo is not None else t.replace(tzinfo=timezone.utc)
    return t.astimezone().strftime("%Y-%m-%d %H:%M")


class ReceivingPanel(QWidget):
    def __init__(self, lanes: Lanes, ctx: BackofficeContext, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("receivingPanel")
        self.lanes, self.ctx = lanes, ctx
        self.transfers: list[Transfer] = []
        self.parcels: list[PickupOrder] = []
        self.came: dict[str, dict[str, int]] = {}  # per transfer id: units received per SKU
        self.states: dict[str, str] = {}  # per transfer received here: its receipt's state
        m = metrics()
        self.code = QLineEdit(self)
        self.code.setObjectName("receiveCode")
        self.code.setPlaceholderText(self.tr("Scan a transfer, an article or a parcel's order"))
        self.code.returnPressed.connect(self.scan)
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"), self)
        self.refresh_button.setObjectName("refreshIncoming")
        self.refresh_button.clicked.connect(self.load)

        self.transfer_table = FilterTable([
            Column(self.tr("Transfer"), lambda t: t.number),
            Column(self.tr("Status"), self._state_text),
            Column(self.tr("From"), lambda t: t.from_name or t.from_location, stretch=True),
            Column(self.tr("Sent"), lambda t: when(t.sent_at), sort=lambda t: t.sent_at),
            Column(self.tr("Units"), lambda t: str(t.units), sort=lambda t: t.units,
                   numeric=True)],
            self, filter_placeholder=self.tr("Filter transfers…"))
        self.transfer_table.setObjectName("transferTable")
        self.transfer_table.selected.connect(lambda _t: self._show_lines())
        self.line_table = FilterTable([
            Column(self.tr("Article"), lambda ln: ln.name or ln.sku, stretch=True),
            Column(self.tr("SKU"), lambda ln: ln.sku),
            Column(self.tr("Sent"), lambda ln: str(ln.quantity), sort=lambda ln: ln.quantity,
                   numeric=True),
            Column(self.tr("Came"), lambda ln: str(self._came(ln)), sort=self._came,
                   numeric=True)], self, show_filter=False)
        self.line_table.setObjectName("transferLines")
        self.receipt_note = QLabel(self)
        self.receipt_note.setObjectName("receiptNote")
        self.receipt_note.setWordWrap(True)
        self.receipt_note.setProperty("role", "message")
        self.receipt_note.hide()
        self.line_table.selected.connect(self._line_selected)
        self.came_figure = QSpinBox(self)
        self.came_figure.setObjectName("cameFigure")
        self.came_figure.setRange(0, 1_000_000)
        self.came_figure.lineEdit().returnPressed.connect(self.set_came)
        self.set_button = QPushButton(self.tr("Set (Ctrl+S)"), self)
        self.set_button.setObjectName("setCame")
        self.set_button.clicked.connect(self.set_came)
        self.all_button = QPushButton(self.tr("All came (Ctrl+A)"), self)
        self.all_button.setObjectName("allCame")
        self.all_button.clicked.connect(self.all_came)
        self.receive_button = QPushButton(self.tr("Receive the transfer (Ctrl+R)"), self)
        self.receive_button.setObjectName("receiveTransfer")
        set_role(self.receive_button, "primary")
        self.receive_button.clicked.connect(lambda: self.receive())

        self.parcel_table = FilterTable([
            Column(self.tr("Order"), lambda o: f"#{o.number}"),
            Column(self.tr("Customer"), lambda o: o.customer_name, stretch=True),
            # a parcel not yet marked sent may still come (a warehouse that forgot to mark it):
            # listed, but said as the Orders page says it
            Column(self.tr("Status"), lambda o: (self.tr("On the way")
                                                  if o.stage is PickupStage.ON_THE_WAY
                                                  else self.tr("Not sent yet"))),
            Column(self.tr("Articles"), lambda o: str(o.item_count), sort=lambda o: o.item_count,
                   numeric=True)], self,
            filter_placeholder=self.tr("Filter parcels…"))
        self.parcel_table.setObjectName("parcelTable")
        self.parcel_button = QPushButton(self.tr("Parcel arrived (Ctrl+D)"), self)
        self.parcel_button.setObjectName("parcelArrived")
        self.parcel_button.clicked.connect(self.parcel_arrived)
        self.parcel_table.selected.connect(lambda _o: self._enable())

        self.status = QLabel(self)
        self.status.setObjectName("receivingStatus")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "message")
        set_level(self.status, "info")

        top = FlowLayout()
        top.addWidget(self.code, 1)
        top.addWidget(self.refresh_button)
        transfers = QWidget(self)
        tl = QVBoxLayout(transfers)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self._caption(self.tr("Transfers on their way here")))
        tl.addWidget(self.transfer_table, 2)
        tl.addWidget(self.line_table, 3)
        tl.addWidget(self.receipt_note)
        tbar = FlowLayout()
        tbar.addWidget(QLabel(self.tr("Came"), self))
        tbar.addWidget(self.came_figure)
        tbar.addWidget(self.set_button)
        tbar.addWidget(self.all_button)
        tbar.addStretch(1)
        tbar.addWidget(self.receive_button)
        tl.addLayout(tbar)
        parcels = QWidget(self)
        pl = QVBoxLayout(parcels)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(self._caption(self.tr("Parcels for pickup orders to this store")))
        pl.addWidget(self.parcel_table, 1)
        pbar = FlowLayout()
        pbar.addStretch(1)
        pbar.addWidget(self.parcel_button)
        pl.addLayout(pbar)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(transfers)
        split.addWidget(parcels)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 400])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, m.px(8), 0, 0)
        layout.setSpacing(m.px(8))
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self.set_came)
        QShortcut(QKeySequence("Ctrl+A"), self).activated.connect(self.all_came)
        QShortcut(QKeySequence("Ctrl+R"), self).activated.connect(lambda: self.receive())
        QShortcut(QKeySequence("Ctrl+D"), self).activated.connect(self.parcel_arrived)
        self._enable()

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setProperty("role", "caption")
        return label

    # --- loading ---------------------------------------------------------------------------------

    def load(self) -> None:
        self._say(self.tr("Asking the central store…"), "info")
        sop.incoming(self.lanes, self.ctx, on_done=self.show_incoming,
                     on_error=self._load_failed)

    def _load_failed(self, exc: BaseException) -> None:
        """The central store did not answer: what was listed stays, with the transfers
        received here and not yet sent (the database's)."""
        self._failed(exc)
        sop.waiting_receipts(self.lanes, self.ctx, on_done=self._show_waiting,
                             on_error=self._failed)

    def _show_waiting(self, result: tuple) -> None:
        waiting, states = result
        known = {t.id for t in self.transfers}
        self.transfers = [next((w for w in waiting if w.id == t.id), t) for t in self.transfers]
        self.transfers += [t for t in waiting if t.id not in known]
        self.states.update(states)
        self._refresh_transfers()

    def _state_text(self, t: Transfer) -> str:
        state = self.states.get(t.id)
        if state == WAITING:
            return self.tr("Received, waiting to be sent")
        if state == SENT_STATE:
            return self.tr("Received")
        if state == STUCK:
            return self.tr("Received; the central store refused it (see Sync)")
        return self.tr("On the way")

    def is_received(self, t: Transfer | None) -> bool:
        return t is not None and (t.received or t.id in self.states)

    def focus_field(self) -> None:
        self.code.setFocus()

    def show_incoming(self, result: tuple) -> None:
        transfers, parcels, states = result
        self.states = dict(states)
        if transfers is None and parcels is None:
            self._say(self.tr("No central store is configured: nothing can be received here."),
                      "error")
            transfers, parcels = [], []
        else:
            self._say(self.tr("%1 transfer(s) and %2 parcel(s) on their way here.")
                      .replace("%1", str(len(transfers or [])))
                      .replace("%2", str(len(parcels or []))), "info")
        self.transfers, self.parcels = list(transfers or []), list(parcels or [])
        for t in self.transfers:
            self.came.setdefault(t.id, {})
        self.parcel_table.set_rows(self.parcels)
        self._refresh_transfers()

    def _refresh_transfers(self) -> None:
        current = self.current_transfer()
        self.transfer_table.set_rows(self.transfers)
        if current is not None and any(t.id == current.id for t in self.transfers):
            self.transfer_table.select_where(lambda t: t.id == current.id)
        elif self.transfers:
            self.transfer_table.select_where(lambda _t: True)
        self._show_lines()

    def current_transfer(self) -> Transfer | None:
        return self.transfer_table.current()

    def _came(self, ln: TransferLine) -> int:
        if ln.received is not None:  # received here: what came
            return ln.received
        t = self.current_transfer()
        return self.came.get(t.id, {}).get(ln.sku, 0) if t is not None else 0

    def _show_lines(self, select: str | None = None) -> None:
        t = self.current_transfer()
        current = self.line_table.current()
        self.line_table.set_rows(list(t.lines) if t is not None else [])
        wanted = select or (current.sku if current is not None else None)
        if wanted:
            self.line_table.select_where(lambda ln: ln.sku == wanted)
        self._enable()

    def _line_selected(self, ln: TransferLine | None) -> None:
        if ln is not None:
            self.came_figure.setValue(self._came(ln))
        self._enable()

    def _show_note(self, t: Transfer | None) -> None:
        """What became of the selected transfer when it was received here."""
        state = self.states.get(t.id) if t is not None else None
        if t is None or state is None:
            self.receipt_note.hide()
            return
        text = {WAITING: self.tr("Transfer %1 was received here; it waits to be sent to the "
                                 "central store (the outbox sends it when it answers)."),
                SENT_STATE: self.tr("Transfer %1 was received here and sent to the central "
                                    "store."),
                STUCK: self.tr("Transfer %1 was received here, but the central store refused "
                               "it: see the Sync page.")}[state]
        self.receipt_note.setText(text.replace("%1", t.number))
        set_level(self.receipt_note, "error" if state == STUCK else "info")
        self.receipt_note.show()

    def _enable(self) -> None:
        t = self.current_transfer()
        self._show_note(t)
        line = self.line_table.current()
        open_ = t is not None and not self.is_received(t)
        self.set_button.setEnabled(open_ and line is not None)
        self.came_figure.setEnabled(open_ and line is not None)
        self.all_button.setEnabled(open_)
        self.receive_button.setEnabled(open_)
        self.parcel_button.setEnabled(self.parcel_table.current() is not None)

    # --- scanning --------------------------------------------------------------------------------

    def scan(self, code: str | None = None) -> None:
        code = (code if code is not None else self.code.text()).strip()
        self.code.clear()
        if not code:
            return
        for named_t in self.transfers:
            if code.upper() in (named_t.number.upper(), named_t.id.upper()):
                self.transfer_table.select_where(lambda x, tid=named_t.id: x.id == tid)
                self._show_lines()
                self._say(self.tr("Transfer %1: scan what came.").replace("%1", named_t.number),
                          "ok")
                return
        t = self.current_transfer()
        line = t.line_for(code) if t is not None and not self.is_received(t) else None
        if t is not None and line is not None:
            came = self.came.setdefault(t.id, {})
            if came.get(line.sku, 0) >= line.quantity:
                self._say(self.tr("%1: all %2 sent are counted already.")
                          .replace("%1", line.name or line.sku)
                          .replace("%2", str(line.quantity)), "error")
                return
            came[line.sku] = came.get(line.sku, 0) + 1
            self._show_lines(select=line.sku)
            self.came_figure.setValue(came[line.sku])
            self._say(self.tr("%1: %2 of %3 came.").replace("%1", line.name or line.sku)
                      .replace("%2", str(came[line.sku])).replace("%3", str(line.quantity)),
                      "ok")
            return
        self.receive_parcel(code)

    def set_came(self) -> None:
        t, line = self.current_transfer(), self.line_table.current()
        if t is None or line is None:
            return
        value = self.came_figure.value()
        if value > line.quantity:
            self._say(self.tr("%1: %2 came, but only %3 were sent.")
                      .replace("%1", line.name or line.sku).replace("%2", str(value))
                      .replace("%3", str(line.quantity)), "error")
            return
        self.came.setdefault(t.id, {})[line.sku] = value
        self._show_lines(select=line.sku)

    def all_came(self) -> None:
        t = self.current_transfer()
        if t is None:
            return
        self.came[t.id] = {ln.sku: ln.quantity for ln in t.lines}
        self._show_lines()

    # --- receiving -------------------------------------------------------------------------------

    def receive(self, confirmed: bool = False) -> None:
        t = self.current_transfer()
        if t is None or not self.receive_button.isEnabled():
            return
        came = {ln.sku: self.came.get(t.id, {}).get(ln.sku, 0) for ln in t.lines}
        short = sum(ln.quantity - came[ln.sku] for ln in t.lines)
        if short and not confirmed and not self.confirm_short(t, short):
            return
        self.receive_button.setEnabled(False)
        sop.receive_transfer(self.lanes, self.ctx, t, came, on_done=self._received,
                             on_error=self._failed)

    def confirm_short(self, transfer: Transfer, short: int) -> bool:
        """Asks the manager; a test replaces it."""
        answer = QMessageBox.question(
            self, self.tr("Fewer than sent"),
            self.tr("%n unit(s) of transfer %1 did not come. Receive it with the shortfall "
                    "recorded?", "", short).replace("%1", transfer.number))
        return answer == QMessageBox.StandardButton.Yes

    def _received(self, done: Transfer) -> None:
        """Received here (journaled, stock up, queued): shown as waiting, then sent."""
        self.came.pop(done.id, None)
        self.transfers = [done if t.id == done.id else t for t in self.transfers]
        self.states[done.id] = WAITING
        self._refresh_transfers()
        units = sum(ln.received or 0 for ln in done.lines)
        if done.shortfall:
            self._say(self.tr("Transfer %1 received: %2 unit(s) added to this store's stock; "
                              "%3 short, recorded.").replace("%1", done.number)
                      .replace("%2", str(units)).replace("%3", str(done.shortfall)), "ok")
        else:
            self._say(self.tr("Transfer %1 received: %2 unit(s) added to this store's stock.")
                      .replace("%1", done.number).replace("%2", str(units)), "ok")
        sop.send_receipt(self.lanes, self.ctx, done.id,
                         on_done=lambda state: self._receipt_sent(done, state),
                         on_error=lambda _e: self._receipt_sent(done, WAITING))

    def _receipt_sent(self, done: Transfer, state: str) -> None:
        self.states[done.id] = state
        self._refresh_transfers()
        if state == WAITING:
            self._say(self.tr("Transfer %1 received here; the central store did not take it "
                              "now: it is sent when it answers (see Sync).")
                      .replace("%1", done.number), "info")
            return
        sop.incoming(self.lanes, self.ctx, on_done=self._reloaded, on_error=self._quiet)

    def _quiet(self, _exc: BaseException) -> None:
        self._enable()

    def _reloaded(self, result: tuple) -> None:
        message, level = self.status.text(), self.status.property("level")
        self.show_incoming(result)
        self._say(message, level)

    def parcel_arrived(self) -> None:
        order = self.parcel_table.current()
        if order is not None:
            self.receive_parcel(order.id)

    def receive_parcel(self, code: str) -> None:
        sop.receive_parcel(self.lanes, self.ctx, code, on_done=self._parcel_received,
                           on_error=self._failed)

    def _parcel_received(self, order: PickupOrder) -> None:
        if order.notified_at:
            text = self.tr("Order %1 arrived; the customer was told it is ready.")
        else:
            text = self.tr("Order %1 arrived; the customer could not be told yet.")
        self._say(text.replace("%1", str(order.number)), "ok")
        sop.incoming(self.lanes, self.ctx, on_done=self._reloaded, on_error=self._quiet)

    def _failed(self, exc: BaseException) -> None:
        self._enable()
        self._say(message_for(exc), "error")

    def _say(self, text: str, level: str) -> None:
        self.status.setText(text)
        set_level(self.status, level)
