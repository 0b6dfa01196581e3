"""Enheter: each register's printer, scanner, card terminal and customer display as configured
(by URL, ``pos.register_devices``), checked from here as ``main.py devices test`` checks them
(``hardware.diagnostics``: printer status, terminal status, serial ports), a test receipt
printed and the drawer opened (journaled in the register's journal as a drawer opening, with
who). Every check runs on a worker: a device that does not answer never holds up the page."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hardware.diagnostics import result_error
from pos.errors import UserError
from pos.ports import PrinterOffline
from pos.register_devices import RegisterDevices
from ui.widgets.flow_layout import FlowLayout
from ui.backoffice import operations as op
from ui.backoffice.context import BackofficeContext
from ui.backoffice.page import Page
from ui.backoffice.table import Column, FilterTable
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.widgets.style import metrics, set_role


class DevicesPage(Page):
    def __init__(self, lanes: Lanes, ctx: BackofficeContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(lanes, ctx, parent)
        self.setObjectName("devicesPage")
        m = metrics()
        self.rows: list[RegisterDevices] = []
        self.results: list[dict] = []
        heading = QLabel(self.tr("Registers and their devices"), self)
        set_role(heading, "heading")
        self.table = FilterTable([
            Column(self.tr("Register"), lambda r: r.register_id),
            Column(self.tr("Printer"), lambda r: r.url("printer")),
            Column(self.tr("Scanner"), lambda r: r.url("scanner")),
            Column(self.tr("Terminal"), lambda r: r.url("terminal")),
            Column(self.tr("Display"), lambda r: r.url("display")),
            Column(self.tr("Configured"), self._source, stretch=True)], self,
            show_filter=False)
        self.table.setObjectName("registerDevices")
        self.table.selected.connect(self._chosen)
        self.check_button = QPushButton(self.tr("Check the devices (Ctrl+T)"), self)
        self.check_button.setObjectName("checkDevices")
        self.print_button = QPushButton(self.tr("Test print (Ctrl+P)"), self)
        self.print_button.setObjectName("testPrint")
        self.drawer_button = QPushButton(self.tr("Open the drawer (Ctrl+D)"), self)
        self.drawer_button.setObjectName("openDrawer")
        for button, key, slot in ((self.check_button, "Ctrl+T", self.check),
                                  (self.print_button, "Ctrl+P", self.test_print),
                                  (self.drawer_button, "Ctrl+D", self.open_drawer)):
            button.setMinimumHeight(m.touch(46))
            button.setEnabled(False)
            button.clicked.connect(slot)
            QShortcut(QKeySequence(key), self).activated.connect(slot)
        self.checks = FilterTable([
            Column(self.tr("Device"), lambda r: self._device_name(r["name"])),
            Column(self.tr("URL"), lambda r: r["url"]),
            Column(self.tr("Result"), lambda r: self.tr("OK") if r["ok"] else self.tr("FAULT")),
            Column(self.tr("State"), lambda r: self._state(r.get("state", ""))),
            Column(self.tr("Message"), self._message, stretch=True)], self,
            show_filter=False)
        self.checks.setObjectName("deviceChecks")
        buttons = FlowLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.drawer_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(m.px(10))
        layout.addWidget(heading)
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.checks, 2)
        layout.addWidget(self.message)

    def title(self) -> str:
        return self.tr("Devices")

    def _source(self, r: RegisterDevices) -> str:
        if r.source == "this machine":
            return self.tr("This machine's [devices]")
        if r.source == "config":
            return self.tr("[register_devices.%1] in the config").replace("%1", r.register_id)
        return self.tr("Not configured here: add [register_devices.%1] to the config")\
            .replace("%1", r.register_id)

    def _state(self, state: str) -> str:
        """``hardware.diagnostics``' state word in the cashier's language."""
        return {"ready": self.tr("ready"), "paper_out": self.tr("out of paper"),
                "paper_near_end": self.tr("paper nearly out"),
                "cover_open": self.tr("cover open"), "offline": self.tr("offline"),
                "unreachable": self.tr("unreachable"), "not_checked": self.tr("not checked"),
                "cannot_print": self.tr("cannot print"), "bad_config": self.tr("bad setting"),
                "error": self.tr("error")}.get(state, state)

    @staticmethod
    def _message(r: dict) -> str:
        """The check's sentence from its code (translated), not its English ``message``."""
        if not r.get("code"):
            return str(r.get("message", ""))
        return message_for(result_error(r))

    def _device_name(self, name: str) -> str:
        return {"printer": self.tr("Printer"), "terminal": self.tr("Terminal"),
                "scanner": self.tr("Scanner"), "display": self.tr("Display")}.get(name, name)

    def activate(self) -> None:
        op.registers_devices(self.lanes, self.ctx, on_done=self.set_rows,
                             on_error=lambda e: self.show_message(message_for(e), "error"))

    def set_rows(self, rows: list[RegisterDevices]) -> None:
        chosen = self.current()
        self.rows = list(rows)
        self.table.set_rows(self.rows)
        if not self.table.select_where(lambda r: chosen is not None
                                       and r.register_id == chosen.register_id):
            self.table.select_where(lambda r: r.configured)
        self._chosen(self.current())

    def current(self) -> RegisterDevices | None:
        return self.table.current()

    def _chosen(self, r: RegisterDevices | None) -> None:
        usable = r is not None and r.configured
        for b in (self.check_button, self.print_button, self.drawer_button):
            b.setEnabled(usable)
        self.checks.set_rows([])

    def _busy(self, busy: bool) -> None:
        for b in (self.check_button, self.print_button, self.drawer_button):
            b.setEnabled(not busy and self.current() is not None and self.current().configured)

    def check(self) -> None:
        r = self.current()
        if r is None or not r.configured or not self.check_button.isEnabled():
            return
        self._busy(True)
        self.show_message(self.tr("Checking the devices of %1…").replace("%1", r.register_id))
        op.check_register_devices(self.lanes, self.ctx, r, on_done=self._checked,
                                  on_error=self._failed)

    def _checked(self, results: list[dict]) -> None:
        self._busy(False)
        self.results = list(results)
        self.checks.set_rows(self.results)
        faults = [x for x in results if not x["ok"]]
        if faults:
            self.show_message(self.tr("%1 of %2 devices have a fault.")
                              .replace("%1", str(len(faults)))
                              .replace("%2", str(len(results))), "error")
        else:
            self.show_message(self.tr("Every device answers."), "ok")

    def test_print(self) -> None:
        r = self.current()
        if r is None or not r.configured or not self.print_button.isEnabled():
            return
        self._busy(True)
        op.test_print(self.lanes, self.ctx, r,
                      on_done=lambda o: self._printed(o, self.tr("The test receipt is printed "
                                                                 "on %1.").replace(
                                                                     "%1", r.url("printer"))),
                      on_error=self._failed)

    def open_drawer(self) -> None:
        r = self.current()
        if r is None or not r.configured or not self.drawer_button.isEnabled():
            return
        self._busy(True)
        op.open_drawer(self.lanes, self.ctx, r,
                       on_done=lambda o: self._printed(o, self.tr("The drawer of %1 is opened "
                                                                  "(journaled).").replace(
                                                                      "%1", r.register_id)),
                       on_error=self._failed)

    def _printed(self, outcome, ok_text: str) -> None:  # type: ignore[no-untyped-def]
        self._busy(False)
        if outcome.ok:
            self.show_message(ok_text, "ok")
        elif _no_answer(outcome.error):
            # the till's message carries the driver's own (English) words: not for this page
            r = self.current()
            self.show_message(self.tr("The printer of %1 does not answer: nothing was printed. "
                                      "Check that it is switched on and connected.")
                              .replace("%1", r.register_id if r else ""), "error")
        else:
            self.show_message(message_for(outcome.error), "error")

    def _failed(self, e: BaseException) -> None:
        self._busy(False)
        self.show_message(message_for(e), "error")


def _no_answer(e: object) -> bool:
    """``e`` is, or carries, the till's "the printer does not answer" (``printer.no_answer``)."""
    if isinstance(e, PrinterOffline) and e.code == "printer.no_answer":
        return True
    return isinstance(e, UserError) and any(_no_answer(v) for v in e.params.values())
