"""The only way out of the kiosk: a staff member's PIN (the till's staff PINs) in a dialog that
a hidden gesture opens (five taps on the kiosk's name in the top bar within three seconds, or
Ctrl+Alt+Shift+S). Five wrong PINs close it for a minute."""
from __future__ import annotations

import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from pos.services import kiosk as use
from pos.staff import StaffMember
from ui.i18n.messages import message_for
from ui.kiosk.context import KioskContext
from ui.kiosk.widgets import label
from ui.widgets.dialog import Dialog
from ui.widgets.pin_pad import PinPad

MAX_TRIES = 5
LOCK_SECONDS = 60.0
TAPS, TAP_WINDOW = 5, 3.0


class SecretTaps:
    """Counts taps; True on the ``TAPS``-th within ``TAP_WINDOW`` seconds."""

    def __init__(self, clock=time.monotonic) -> None:  # type: ignore[no-untyped-def]
        self.clock = clock
        self.taps: list[float] = []

    def tap(self) -> bool:
        now = self.clock()
        self.taps = [t for t in self.taps if now - t < TAP_WINDOW] + [now]
        if len(self.taps) >= TAPS:
            self.taps = []
            return True
        return False


class StaffExitDialog(Dialog):
    left = Signal(object)  # StaffMember

    _wrong = 0
    _locked_until = 0.0

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffExit")
        self.setModal(True)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Staff only"))
        self.heading = label(self.tr("Staff: enter your PIN to close the kiosk"), "heading", self)
        self.message = label("", "message", self)
        self.message.hide()
        self.pad = PinPad(self)
        self.pad.submitted.connect(self.check)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setObjectName("staffExitCancel")
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(self.pad)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(cancel)
        layout.addLayout(row)

    def check(self, pin: str) -> None:
        cls = type(self)
        if time.monotonic() < cls._locked_until:
            self._say(self.tr("Too many wrong PINs: try again in a minute"))
            self.pad.clear()
            return
        ctx = self.ctx
        ctx.db.run(lambda: use.staff_by_pin(ctx.uow("db"), ctx.kiosk_id, ctx.clock(), pin),
                   self._accepted, self._refused)

    def _accepted(self, member: StaffMember) -> None:
        type(self)._wrong = 0
        self.left.emit(member)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        cls = type(self)
        cls._wrong += 1
        if cls._wrong >= MAX_TRIES:
            cls._wrong, cls._locked_until = 0, time.monotonic() + LOCK_SECONDS
        self.pad.clear()
        self._say(message_for(exc))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
