"""The till's window: a stack of the login page and the sale page, and a status bar that says who
is working, which shift is open, which register this is and how the printer is."""
from __future__ import annotations

import logging
import traceback
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from pos.ports import PrinterStatus
from pos.receipt import ReceiptDocument
from pos.shifts import ShiftInfo
from pos.staff import StaffMember
from pos.services.till import Till
from ui.i18n.messages import message_for
from ui.lanes import Lanes, Printed
from ui.till import operations as op
from ui.till.display_feed import DisplayFeed
from ui.till.catalog_sync_status import CatalogSyncStatus, Refresh
from ui.till.login_page import LoginPage
from ui.till.receipt_preview import PreviewPrinterWindow, attach_preview
from ui.till.sale_page import SalePage
from ui.qt_compat import emitter

log = logging.getLogger(__name__)

PRINTER_POLL_MS = 30_000
BUSY_AFTER_MS = 300  # the register lane's "Working…" shows after this long


class MainWindow(QMainWindow):
    _preview_printed = Signal(object)  # from whatever thread printed

    def __init__(self, till: Till, *, preview_printer: Any = None, display: Any = None,
                 lanes: Lanes | None = None, refresh: Refresh | None = None,
                 sync_interval_minutes: float = 15, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tillWindow")
        self.setWindowTitle(self.tr("omnipos – till %1").replace("%1", till.register_id))
        self.till = till
        self.lanes = lanes or Lanes(self)
        self.ops = self.lanes.register  # the register's lane (tests wait on it)
        self.print_ops = self.lanes.printer
        for lane in self.lanes.all:
            lane.user_error.connect(self.show_user_error)
            lane.unexpected_error.connect(self.show_exception)
        # the customer's own window follows the screen's changes (a pole display is a device)
        self.display_feed = (DisplayFeed(self.lanes, display, till.config.thanks_text,
                                         till.config.store.receipt_url, self)
                             if display is not None else None)

        self.login_page = LoginPage(self.lanes, till, self)
        self.sale_page = SalePage(self.lanes, till, self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.login_page)
        self.pages.addWidget(self.sale_page)
        self.setCentralWidget(self.pages)

        self.user_label = QLabel(self)
        self.user_label.setObjectName("statusUser")
        self.shift_label = QLabel(self)
        self.shift_label.setObjectName("statusShift")
        self.register_label = QLabel(self.tr("Register %1").replace("%1", till.register_id), self)
        self.register_label.setObjectName("statusRegister")
        self.printer_label = QLabel(self)
        self.printer_label.setObjectName("statusPrinter")
        self.busy_label = QLabel(self)
        self.busy_label.setObjectName("statusBusy")
        self.sync_label = QLabel(self)
        self.sync_label.setObjectName("statusSync")
        bar = self.statusBar()
        for w in (self.user_label, self.shift_label, self.register_label):
            bar.addWidget(w)
        bar.addPermanentWidget(self.busy_label)
        # the catalogue's sync with the central store (none configured: not shown)
        self.catalog_sync: CatalogSyncStatus | None = None
        if refresh is not None:
            self.catalog_sync = CatalogSyncStatus(refresh, sync_interval_minutes, self)
            self.catalog_sync.refreshed.connect(self._take_new_promotions)
            bar.addPermanentWidget(self.catalog_sync)
        bar.addPermanentWidget(self.sync_label)
        bar.addPermanentWidget(self.printer_label)
        # "Working…" only when the register's lane is busy for longer than a glance: set on every
        # operation, it laid out and repainted the status bar twice per scan
        self.busy_label.setMinimumWidth(self.busy_label.fontMetrics().horizontalAdvance(
            self.tr("Working…")) + 8)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(lambda: self.busy_label.setText(self.tr("Working…")))
        self.ops.busy_changed.connect(self._busy)

        self.login_page.logged_in.connect(self.on_logged_in)
        self.sale_page.logout_requested.connect(self.logout)
        self.sale_page.shift_changed.connect(self.set_shift)
        self.lanes.changed.connect(self._on_change)

        self.preview_window: PreviewPrinterWindow | None = None
        printer = preview_printer if preview_printer is not None else till.devices.printer
        self._preview_printed.connect(self.show_printed)
        self._preview_listener = emitter(self._preview_printed)
        self._preview_source = printer
        if attach_preview(printer, self._preview_listener):
            columns = getattr(getattr(printer, "settings", None), "chars", 42)
            self.preview_window = PreviewPrinterWindow(self, columns=columns)

        self._printer_timer = QTimer(self)
        self._printer_timer.setInterval(PRINTER_POLL_MS)
        self._printer_timer.timeout.connect(self.refresh_printer)
        self._printer_timer.timeout.connect(self.refresh_sync)
        self._printer_timer.start()

        self.set_user(None)
        self.set_shift(None)
        self.printer_label.setText(self.tr("Printer: …"))
        self.resize(1280, 800)
        self.show_login()
        self.refresh_printer()
        self.refresh_sync()

    def _busy(self, busy: bool) -> None:
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            if self.busy_label.text():
                self.busy_label.setText("")

    def _on_change(self, change: Any) -> None:
        if isinstance(change, Printed):
            self.refresh_printer()

    # --- pages -----------------------------------------------------------------------------------

    def show_login(self) -> None:
        self.pages.setCurrentWidget(self.login_page)
        self.login_page.load()

    def on_logged_in(self, member: StaffMember) -> None:
        self.set_user(member)
        self.pages.setCurrentWidget(self.sale_page)
        self.sale_page.load()

    def logout(self) -> None:
        op.logout(self.lanes, self.till, on_done=self._logged_out)

    def _logged_out(self, parked: int | None) -> None:
        self.set_user(None)
        self.show_login()
        if parked is not None:  # the sale in progress waits, parked, for its cashier
            self.login_page.show_message(
                self.tr("The sale in progress was parked as #%1; resume it with F8.")
                .replace("%1", str(parked)), "info")

    # --- status bar ------------------------------------------------------------------------------

    def set_user(self, member: StaffMember | None) -> None:
        self.user_label.setText(self.tr("Not logged in") if member is None else
                                self.tr("Logged in: %1").replace("%1", member.name))

    def set_shift(self, shift: ShiftInfo | None) -> None:
        self.shift_label.setText(
            self.tr("No shift open") if shift is None else
            self.tr("Shift %1 since %2").replace("%1", str(shift.id))
            .replace("%2", shift.opened_at.strftime("%H:%M")))

    def refresh_printer(self) -> None:
        op.printer_status(self.lanes, self.till, on_done=self.set_printer_status,
                          on_error=lambda exc: self.printer_label.setText(message_for(exc)))

    def set_printer_status(self, status: PrinterStatus) -> None:
        if status.ready:
            text = self.tr("Printer: ready")
            if status.paper == "near_end":
                text = self.tr("Printer: paper low")
        elif not status.online:
            text = self.tr("Printer: offline")
        elif status.paper == "out":
            text = self.tr("Printer: paper out")
        elif status.cover_open:
            text = self.tr("Printer: cover open")
        else:
            text = self.tr("Printer: not ready")
        self.printer_label.setText(text)
        self.printer_label.setStyleSheet("" if status.ready else "color: #b3261e; font-weight: bold")

    def refresh_sync(self) -> None:
        op.outbox_status(self.lanes, self.till, on_done=self.set_sync_status,
                         on_error=lambda _exc: None)

    def set_sync_status(self, status: Any) -> None:
        """Sales on their way to the central store: all sent, waiting, or failing (in red)."""
        failing = status.counts.get("failed", 0) + status.counts.get("dead", 0)
        if status.pending == 0 and not failing:
            text = self.tr("Central store: all sales sent")
        elif failing:
            text = self.tr("Central store: %1 sale(s) waiting, not reachable").replace(
                "%1", str(status.pending + status.counts.get("dead", 0)))
        else:
            text = self.tr("Central store: %1 sale(s) waiting").replace("%1", str(status.pending))
        self.sync_label.setText(text)
        self.sync_label.setStyleSheet("color: #b3261e; font-weight: bold" if failing else "")

    def _take_new_promotions(self, _report: Any) -> None:
        """A sync brought promotions: in force now if no customer is being served, else from the
        next customer (the till takes them after each sale)."""
        op.reload_promotions(self.lanes, self.till)

    def show_printed(self, doc: ReceiptDocument) -> None:
        if self.preview_window is not None:
            self.preview_window.printed(doc)

    # --- errors ----------------------------------------------------------------------------------

    def show_user_error(self, exc: BaseException) -> None:
        if self.pages.currentWidget() is self.sale_page:
            self.sale_page.show_error(exc)
        else:
            self.login_page.show_message(message_for(exc), "error")

    def show_exception(self, exc: BaseException, tb: str = "") -> None:
        """The one place unexpected errors are shown (and logged); the till keeps running."""
        log.error("unexpected error: %s\n%s", exc, tb or "".join(traceback.format_exception(exc)))
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Something went wrong"),
                          self.tr("The till hit an unexpected error. The sale in progress is "
                                  "saved. If it happens again, call support.\n\n%1")
                          .replace("%1", f"{type(exc).__name__}: {exc}"),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("exceptionDialog")
        box.setDetailedText(tb)
        box.open()
        self.last_exception = exc

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self._printer_timer.stop()
        if self.catalog_sync is not None:
            self.catalog_sync.shutdown()
        self.lanes.shutdown()
        if self.preview_window is not None:
            self.preview_window.close()
            remove = getattr(self._preview_source, "remove_listener", None)
            if remove is not None:
                remove(self._preview_listener)
        super().closeEvent(event)
