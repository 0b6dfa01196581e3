"""E-mail a receipt afterwards (Shift+F12, beside F12's printed copy): which receipt of this
register (the newest, or a number typed) and to which address. A copy, marked KOPIA as a reprint
is; one e-mail per request and not limited to one as a printed copy is (docs/digital-receipts.md
says what the rules say). Queued in the outbox like the e-mail at the end of a sale."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos.receipt_mail import is_address
from pos.services.receipt_mail import ReceiptMailRequest
from pos.services.till import Till
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.till import receipt_mail_ops as mail_op
from ui.widgets.dialog import Dialog
from ui.widgets.style import set_level, set_role

TOUCH = 48


class ReceiptMailDialog(Dialog):
    def __init__(self, lanes: Lanes, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptMailDialog")
        self.setWindowTitle(self.tr("E-mail a receipt"))
        self._lanes, self._till = lanes, till
        self.sent: list[ReceiptMailRequest] = []
        heading = QLabel(self.tr("E-mail a copy of a receipt"), self)
        set_role(heading, "heading")
        self.receipt = QLineEdit(self)
        self.receipt.setObjectName("receiptNumber")
        self.receipt.setValidator(QIntValidator(1, 999_999_999, self))
        self.receipt.setMinimumHeight(TOUCH)
        self.address = QLineEdit(self)
        self.address.setObjectName("receiptEmail")
        self.address.setPlaceholderText(self.tr("The customer's e-mail address"))
        self.address.setMinimumHeight(TOUCH)
        form = QFormLayout()
        form.addRow(self.tr("Receipt number"), self.receipt)
        form.addRow(self.tr("E-mail address"), self.address)
        self.note = QLabel(self.tr("The e-mail is a copy (KOPIA). It is sent when the mail "
                                   "server answers."), self)
        self.note.setWordWrap(True)
        self.status = QLabel("", self)
        self.status.setObjectName("receiptMailStatus")
        self.status.setWordWrap(True)
        self.send_button = QPushButton(self.tr("Send (Enter)"), self)
        self.send_button.setObjectName("sendReceiptMail")
        self.send_button.setMinimumHeight(TOUCH)
        set_role(self.send_button, "primary")
        self.send_button.clicked.connect(self.send)
        close = QPushButton(self.tr("Close (Esc)"), self)
        close.setMinimumHeight(TOUCH)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(close)
        buttons.addWidget(self.send_button, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.enter_button = self.send_button
        self.setMinimumWidth(520)
        self.address.setFocus()
        mail_op.last_receipt_no(lanes, till, on_done=self._last)

    def _last(self, number: int | None) -> None:
        if number is not None and not self.receipt.text():
            self.receipt.setText(str(number))

    def send(self) -> None:
        if self._lanes.printer.pending:
            return
        number = self.receipt.text().strip()
        to = self.address.text().strip()
        if not number.isdigit():
            self._say(self.tr("Type the receipt's number."), "error")
            self.receipt.setFocus()
            return
        if not is_address(to):
            self._say(self.tr("That is not an e-mail address: check it and try again."), "error")
            self.address.setFocus()
            self.address.selectAll()
            return
        self.send_button.setEnabled(False)
        self._say(self.tr("Queuing the e-mail…"), "info")
        mail_op.email_receipt_copy(self._lanes, self._till, int(number), to,
                                   on_done=self._queued, on_error=self._refused)

    def _queued(self, request: ReceiptMailRequest) -> None:
        self.sent.append(request)
        self.send_button.setEnabled(True)
        self._say(self.tr("A copy of receipt %1 will be e-mailed to %2.")
                  .replace("%1", str(request.receipt_no)).replace("%2", request.to_masked), "ok")

    def _refused(self, exc: BaseException) -> None:
        self.send_button.setEnabled(True)
        self._say(message_for(exc), "error")

    def _say(self, text: str, level: str) -> None:
        self.status.setText(text)
        set_level(self.status, level)
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft)
