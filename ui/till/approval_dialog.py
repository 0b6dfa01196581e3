"""A manager approves on the spot: when an operation raises ``ApprovalRequired`` the screen asks
for a manager's PIN and starts the same operation again with ``approver_pin``.

``run_with_approval(parent, start, on_done, on_error)`` wraps the whole round trip: ``start``
starts the named operation (``ui.till.operations``) with ``approver_pin`` (``None`` the first
time) and the callbacks it is given.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from pos.cart import ApprovalRequired
from pos.staff import AuthError
from ui.widgets.dialog import Dialog
from ui.i18n.messages import message_for
from ui.ops import Operation

# start(approver_pin, on_done, on_error): starts the operation that may need a manager
Start = Callable[[str | None, Callable[[Any], None], Callable[[BaseException], None]], Operation]
from ui.widgets.pin_pad import PinPad
from ui.widgets.style import set_level, set_role, unbroken


class ApprovalDialog(Dialog):
    def __init__(self, start: Start, reason: str, on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self.setWindowTitle(self.tr("Manager approval"))
        self.setModal(True)
        self._start = start
        self._on_done, self._on_error = on_done, on_error
        title = QLabel(self.tr("Manager approval"), self)  # the reason says what and why
        set_role(title, "heading")
        self.reason = QLabel(unbroken(reason), self)
        self.reason.setObjectName("approvalReason")
        self.reason.setWordWrap(True)
        prompt = QLabel(self.tr("Manager: enter your PIN"), self)
        self.message = QLabel("", self)
        self.message.setObjectName("approvalMessage")
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)
        set_level(self.message, "info")
        self.pad = PinPad(self)
        self.pad.submitted.connect(self._submit)
        cancel = QPushButton(self.tr("Cancel (Esc)"), self)
        cancel.setObjectName("approvalCancel")
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.reason)
        layout.addWidget(prompt)
        layout.addWidget(self.pad)
        layout.addWidget(self.message)
        layout.addWidget(cancel)
        self.setMinimumWidth(360)
        self.pad.setFocus(Qt.FocusReason.OtherFocusReason)
        self.busy = False

    def _submit(self, pin: str) -> None:
        if self.busy:
            return
        self.busy = True
        self.message.setText(self.tr("Checking…"))
        set_level(self.message, "info")
        self._start(pin, self._approved, self._refused)

    def _approved(self, result: Any) -> None:
        self.busy = False
        self.accept()
        self._on_done(result)

    def _refused(self, exc: BaseException) -> None:
        self.busy = False
        self.pad.clear()
        if isinstance(exc, AuthError):
            self.message.setText(message_for(exc))
            set_level(self.message, "error")
            self.pad.setFocus()
            return
        self.reject()
        self._on_error(exc)


def run_with_approval(parent: QWidget, start: Start, on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None]) -> None:
    """Start the operation without a PIN; on ``ApprovalRequired`` ask a manager and start it
    again with theirs."""

    def approved(result: Any) -> None:
        on_done(result)
        # the cashier sees that the manager's PIN did it (the journal names the manager)
        show = getattr(parent, "show_message", None)
        if callable(show):
            show(QCoreApplication.translate("ApprovalDialog", "Approved by a manager"), "info")

    def first_error(exc: BaseException) -> None:
        if isinstance(exc, ApprovalRequired):
            dlg = ApprovalDialog(start, message_for(exc), approved, on_error, parent)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            dlg.open()
            parent.setProperty("approvalDialog", dlg)  # findable by tests and screenshots
        else:
            on_error(exc)

    start(None, on_done, first_error)
