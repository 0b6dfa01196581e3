"""The till's window: a stack of the login page and the sale page, and a status bar that says who
is working, which shift is open, which register this is and how the printer is.

It fills its screen (``show_on``: maximised, or full screen), beside the preview printer's paper
when there is room for both (``ui.till.printer_preview``). It takes the keyboard on start and
back after every dialog (``ui.till.window_focus``): the function keys work without a click,
also where no window manager gives windows the focus. On start it says what a restart found:
a sale in progress restored, receipts never printed (``ui.till.recovery``)."""
from __future__ import annotations

import logging
import traceback
from typing import Any

from PySide6.QtCore import QRect, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QResizeEvent, QScreen
from PySide6.QtWidgets import (QApplication, QLabel, QMainWindow, QMessageBox, QStackedWidget,
                               QVBoxLayout, QWidget)

from pos.ports import CoverOpen, PaperOut, PrinterError, PrinterOffline, PrinterStatus
from pos.receipt import ReceiptDocument
from pos.receipt_lines import Paper
from pos.shifts import ShiftInfo
from pos.staff import StaffMember
from pos.services.till import Till
from ui.i18n.messages import message_for
from ui.lanes import Lanes, Printed, SaleChanged
from ui.till import operations as op
from ui.till import recovery
from ui.till.display_feed import DisplayFeed
from ui.till.catalog_sync_status import CatalogSyncStatus, Refresh
from ui.till.login_page import LoginPage
from ui.till.printer_preview import (PreviewPanel, paper_width, set_frame_geometry,
                                     split_screen)
from ui.till.receipt_preview import (PAPER_COLUMNS, PreviewPrinterWindow, attach_preview,
                                     printer_paper)
from ui.till.sale_page import SalePage
from ui.till.window_focus import DialogWatch
from ui.widgets.elided_label import ElidedLabel

log = logging.getLogger(__name__)

PRINTER_POLL_MS = 30_000
BUSY_AFTER_MS = 300  # the register lane's "Working…" shows after this long


def preview_paper(printer: Any) -> Paper | None:
    """The paper of a preview printer (one the screen shows), None for another printer: its
    columns, code page and codes, so the screen lays a receipt out as that printer would."""
    if getattr(printer, "add_listener", None) is None:
        return None
    return printer_paper(printer)


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
        # what a restart found, over whichever page shows
        self.recovery_bar = recovery.RecoveryBar(self)
        self.recovery_bar.print_requested.connect(self.print_unprinted)
        self.recovery_bar.dismissed.connect(self._take_keys)
        central = QWidget(self)
        central.setObjectName("tillCentral")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.recovery_bar)
        from ui.widgets.staff_call_banner import StaffCallBanner  # a kiosk's call for help

        def cashier() -> str:  # who is logged in at this till
            user = getattr(till, "user", None)
            return user.name if user is not None else till.register_id
        self.staff_calls = StaffCallBanner(self.lanes.network, till.session_factory, cashier,
                                           till.ctx.now, self)
        column.addWidget(self.staff_calls)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.user_label = QLabel(self)
        self.user_label.setObjectName("statusUser")
        self.shift_label = QLabel(self)
        self.shift_label.setObjectName("statusShift")
        self.register_label = QLabel(self.tr("Register %1").replace("%1", till.register_id), self)
        self.register_label.setObjectName("statusRegister")
        # the status bar's long texts end in "…" (full text as tooltip) rather than being cut
        self.printer_label = ElidedLabel("", self)
        self.printer_label.setObjectName("statusPrinter")
        self.busy_label = QLabel(self)
        self.busy_label.setObjectName("statusBusy")
        self.sync_label = ElidedLabel("", self)
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
        bar.addPermanentWidget(self.sync_label, 2)
        bar.addPermanentWidget(self.printer_label, 1)
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

        # the preview printer's paper: a panel over the cart's lines until ``show_on`` finds
        # room for it beside the till
        self.preview_window: PreviewPanel | PreviewPrinterWindow | None = None
        self.preview_paper: Paper | None = None
        printer = preview_printer if preview_printer is not None else till.devices.printer
        self._preview_printed.connect(self.show_printed)
        self._preview_listener = self._preview_printed.emit
        self._preview_source = printer
        if attach_preview(printer, self._preview_listener):
            self.preview_paper = preview_paper(printer)
            self.preview_window = self._preview_panel()

        # every dialog fits the screen; after each, the window takes the keyboard back
        self.dialog_watch = DialogWatch([self, self.login_page, self.sale_page], self._take_keys)

        self._printer_timer = QTimer(self)
        self._printer_timer.setInterval(PRINTER_POLL_MS)
        self._printer_timer.timeout.connect(self.refresh_printer)
        self._printer_timer.timeout.connect(self.refresh_sync)
        # the register's shift as the database has it: right on the login screen after a
        # restart, and after a Z taken from the command line in another process
        self._printer_timer.timeout.connect(self.refresh_shift)
        self._printer_timer.start()

        self.set_user(None)
        self.set_shift(None)
        self.printer_label.setText(self.tr("Printer: …"))
        self.show_login()
        self.refresh_printer()
        self.refresh_sync()
        self.refresh_shift()
        self.recovered: recovery.Recovered | None = None
        recovery.check(self.lanes, till, on_done=self._recovered)

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
        elif isinstance(change, SaleChanged) and change.totals.lines \
                and isinstance(self.preview_window, PreviewPanel):
            self.preview_window.hide()  # the next sale has begun: the last receipt goes

    # --- the screen ------------------------------------------------------------------------------

    def show_on(self, screen: QScreen | QRect | None = None, *, fullscreen: bool = False) -> None:
        """Show the till filling ``screen`` (or that free area; default: the primary screen),
        maximised or full screen, beside the preview printer's paper when both fit; then take the
        keyboard. The geometry is set as well as the state: without a window manager nobody
        else maximises a window."""
        if isinstance(screen, QRect):
            area, whole = QRect(screen), QRect(screen)
        else:
            screen = screen or self.screen() or QGuiApplication.primaryScreen()
            self.setScreen(screen)
            area, whole = screen.availableGeometry(), screen.geometry()
        paper = (paper_width(self.preview_paper)
                 if self.preview_window is not None and self.preview_paper else None)
        till_rect, paper_rect = split_screen(area, paper, fullscreen)
        if fullscreen:
            self.setGeometry(whole)
            self.showFullScreen()
        elif paper_rect is not None:
            self._preview_beside(paper_rect)
            need = self.preview_window.frameGeometry().width()  # with its frame, once shown
            if need > paper_rect.width():
                till_rect, paper_rect = split_screen(area, need, fullscreen)
                if paper_rect is not None:
                    set_frame_geometry(self.preview_window, paper_rect)
            set_frame_geometry(self, till_rect)
            self.show()
            set_frame_geometry(self, till_rect)  # now that its frame is known
        else:
            self.setGeometry(till_rect)
            self.showMaximized()
        self._take_keys()

    @staticmethod
    def till_area(screen: QScreen | QRect, preview: int | Paper | None,
                  fullscreen: bool = False) -> QRect:
        """The part of ``screen`` the till's window gets (what its sizes scale to) beside a
        preview printer's ``preview`` paper (or that many columns; None: no preview)."""
        area = QRect(screen) if isinstance(screen, QRect) else screen.availableGeometry()
        paper = paper_width(preview) if preview else None
        return split_screen(area, paper, fullscreen)[0]

    def _preview_panel(self) -> PreviewPanel:
        panel = PreviewPanel(self, self.preview_paper or PAPER_COLUMNS)
        panel.anchor = self.sale_page.table
        return panel

    def _preview_beside(self, rect: QRect) -> None:
        """The preview printer's own window, standing in ``rect`` beside the till."""
        if not isinstance(self.preview_window, PreviewPrinterWindow):
            old = self.preview_window
            self.preview_window = PreviewPrinterWindow(self, columns=self.preview_paper or PAPER_COLUMNS)
            self.dialog_watch.watch(self.preview_window)
            if old is not None:
                if old.view.document is not None:
                    self.preview_window.show_document(old.view.document)
                old.deleteLater()
        set_frame_geometry(self.preview_window, rect)
        self.preview_window.show()  # the paper, empty until the first receipt
        set_frame_geometry(self.preview_window, rect)

    def _take_keys(self) -> None:
        """Activate the till's window and give the focus to its page's field (the scan field on
        the sale page, the PIN pad on the login page), unless a dialog is open over it."""
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.isVisible():
            modal.activateWindow()
            return
        if not self.isVisible():
            return
        self.activateWindow()
        focused = self.focusWidget()
        page = self.pages.currentWidget()
        if focused is None or not focused.isVisible() or not page.isAncestorOf(focused):
            (self.sale_page.scan_input if page is self.sale_page else self.login_page.pad) \
                .setFocus()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if isinstance(self.preview_window, PreviewPanel) and self.preview_window.isVisible():
            self.preview_window.place()

    # --- pages -----------------------------------------------------------------------------------

    def show_login(self) -> None:
        self.pages.setCurrentWidget(self.login_page)
        self.login_page.load()

    def on_logged_in(self, member: StaffMember) -> None:
        self.set_user(member)
        self.pages.setCurrentWidget(self.sale_page)
        self.sale_page.load()
        self.recovery_bar.set_logged_in(True)

    def logout(self) -> None:
        op.logout(self.lanes, self.till, on_done=self._logged_out)

    def _logged_out(self, parked: int | None) -> None:
        self.set_user(None)
        self.recovery_bar.set_logged_in(False)
        if isinstance(self.preview_window, PreviewPanel):
            self.preview_window.hide()
        self.show_login()
        if parked is not None:  # the sale in progress waits, parked, for its cashier
            self.login_page.show_message(
                self.tr("The sale in progress was parked as #%1; resume it with F8.")
                .replace("%1", str(parked)), "info")

    # --- after a restart -------------------------------------------------------------------------

    def _recovered(self, found: recovery.Recovered) -> None:
        """On start: a sale restored, receipts never printed: said at the top of the window."""
        self.recovered = found
        if found:
            log.warning("start after a restart: sale restored: %s; receipts never printed: %s",
                        found.restored is not None, recovery.receipt_numbers(found.unprinted))
            self.recovery_bar.show_recovered(found)

    def print_unprinted(self) -> None:
        """The cashier asked for the receipts that never printed: print them (the originals)."""
        rec = self.recovery_bar.recovered
        if rec is None or not rec.unprinted:
            return
        self.recovery_bar.print_button.setEnabled(False)

        def printed(outcomes: list[Any]) -> None:
            text, level = self.recovery_bar.printed_text(outcomes)
            self.sale_page.show_message(text, level)
            recovery.unprinted(self.lanes, self.till, on_done=left)

        def left(sales: tuple[Any, ...]) -> None:
            self.recovery_bar.print_button.setEnabled(True)
            self.recovery_bar.after_printing(sales)

        recovery.print_unprinted(self.lanes, self.till, rec.unprinted, on_done=printed)

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
                          on_error=self.set_printer_error)

    def _printer_name(self) -> str:
        return str(getattr(self.till.devices.printer, "name", "") or self.tr("receipt printer"))

    def set_printer_status(self, status: PrinterStatus) -> None:
        """The printer's state as its status says, the cause first: out of paper (a printer out
        of paper also says it is offline), cover open, offline; then paper low, ready. What to
        do about it is the label's tool tip."""
        name = self._printer_name()
        problem: PrinterError | None = None
        if status.paper == "out":
            text = self.tr("Printer: paper out")
            problem = PaperOut("printer.paper_out", name=name)
        elif status.cover_open:
            text = self.tr("Printer: cover open")
            problem = CoverOpen("printer.cover_open", name=name)
        elif not status.online:
            text = self.tr("Printer: offline")
            problem = PrinterOffline("printer.offline", name=name, detail="")
        elif status.paper == "near_end":
            text = self.tr("Printer: paper low")
        elif status.paper == "unknown":
            text = self.tr("Printer: status unknown")
        else:
            text = self.tr("Printer: ready")
        self._printer_shown(text, message_for(problem) if problem is not None else "",
                            alarm=problem is not None)

    def set_printer_error(self, exc: BaseException) -> None:
        """The printer did not answer the status query at all."""
        self._printer_shown(self.tr("Printer: not answering"), message_for(exc), alarm=True)

    def _printer_shown(self, text: str, tip: str, *, alarm: bool) -> None:
        self.printer_label.setText(text)
        self.printer_label.setToolTip(tip)
        self.printer_label.setStyleSheet("color: #b3261e; font-weight: bold" if alarm else "")

    def refresh_shift(self) -> None:
        op.current_shift(self.lanes, self.till, on_done=self.set_shift, on_error=lambda _exc: None)

    def refresh_sync(self) -> None:
        op.outbox_status(self.lanes, self.till, on_done=self.set_sync_status,
                         on_error=lambda _exc: None)

    def set_sync_status(self, status: Any) -> None:
        """Sales on their way to the central store: all sent, waiting, or failing (in red)."""
        dead = status.counts.get("dead", 0)  # given up on: a person must look (sync status)
        failing = status.counts.get("failed", 0) > 0
        if status.pending == 0 and not failing and not dead:
            text = self.tr("Central store: all sales sent")
        elif dead:
            text = self.tr("Central store: %1 to check (sync status)").replace("%1", str(dead))
            if status.pending:
                text += " · " + self.tr("%1 waiting").replace("%1", str(status.pending))
        elif failing:
            text = self.tr("Central store: %1 sale(s) waiting, not reachable").replace(
                "%1", str(status.pending))
        else:
            text = self.tr("Central store: %1 sale(s) waiting").replace("%1", str(status.pending))
        failing = failing or bool(dead)
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
