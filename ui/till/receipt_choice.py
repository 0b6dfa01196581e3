"""Paper, e-mail or both: the receipt choice on the payment dialog's last page, when the till
e-mails receipts (``[mail]`` names a server).

When the sale completes, what the configuration names (``[mail] receipt``) is done at once: the
paper printed, the e-mail queued to the customer's address when the sale has one. Then the panel
offers the rest: "Print receipt (F7)" when it was not printed, "E-mail receipt (F8)" to the
address shown (the customer's, or typed; checked before anything is queued). Each is done once:
its button goes. Enter in the address field sends; Enter elsewhere closes the dialog as before.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos.receipt_mail import ReceiptChoice, is_address
from pos.sales import Sale
from pos.services.receipt_mail import ReceiptMailRequest
from pos.services.till import Till
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.till import receipt_mail_ops as mail_op
from ui.widgets.style import set_level, set_role

TOUCH = 48


class ReceiptChoicePanel(QWidget):
    def __init__(self, lanes: Lanes, till: Till, print_receipt: Callable[[], None],
                 customer_email: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptChoice")
        self._lanes, self._till = lanes, till
        self._print_receipt = print_receipt
        self.sale: Sale | None = None
        self.printed = self.mailed = self._sending = False
        self.offered = bool(till.receipt_mail)
        self.heading = QLabel(self.tr("Receipt by e-mail"), self)
        set_role(self.heading, "heading")
        self.address = QLineEdit(customer_email, self)
        self.address.setObjectName("receiptEmail")
        self.address.setPlaceholderText(self.tr("The customer's e-mail address"))
        self.address.setMinimumHeight(TOUCH)
        self.address.installEventFilter(self)
        self.address.textChanged.connect(self._check)
        self.email_button = QPushButton(self.tr("E-mail receipt (F8)"), self)
        self.email_button.setObjectName("emailReceiptButton")
        self.email_button.setMinimumHeight(TOUCH)
        self.email_button.clicked.connect(self.send_email)
        self.print_button = QPushButton(self.tr("Print receipt (F7)"), self)
        self.print_button.setObjectName("printReceiptButton")
        self.print_button.setMinimumHeight(TOUCH)
        self.print_button.clicked.connect(self.print_paper)
        self.status = QLabel("", self)
        self.status.setObjectName("receiptMailStatus")
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button, 1)
        buttons.addWidget(self.email_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.address)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        # F7/F8 come from the payment dialog, which knows its page (the same keys pay with a
        # gift card or store credit before the sale completes): ``keys_on`` once offered
        self.keys_on = False
        self.setVisible(self.offered)
        self._check()

    # --- at completion -----------------------------------------------------------------------

    def start(self, sale: Sale) -> None:
        """The sale is stored: do what the configuration chooses, offer the rest."""
        self.sale = sale
        self.keys_on = True
        choice = self._till.receipt_choice
        if choice.prints:
            self.print_paper()
        if choice.mails and is_address(self.address.text()):
            self.send_email()
        elif choice.mails:
            self.status.setText(self.tr("Type the customer's e-mail address and press Enter."))
            set_level(self.status, "info")
            self.address.setFocus()
        self._check()

    def print_paper(self) -> None:
        if self.sale is None or self.printed:
            return
        self.printed = True
        self._print_receipt()
        self._check()

    def send_email(self) -> None:
        if self.sale is None or self.mailed or self._sending:
            return
        to = self.address.text().strip()
        if not is_address(to):
            self.status.setText(self.tr("That is not an e-mail address: check it and try again."))
            set_level(self.status, "error")
            self.address.setFocus()
            self.address.selectAll()
            return
        self._sending = True
        self.email_button.setEnabled(False)
        self.status.setText(self.tr("Queuing the e-mail…"))
        set_level(self.status, "info")
        mail_op.email_receipt(self._lanes, self._till, self.sale.id, to, on_done=self._queued,
                              on_error=self._refused)

    def _queued(self, request: ReceiptMailRequest) -> None:
        self._sending = False
        self.mailed = True
        self.status.setText(self.tr("Receipt %1 will be e-mailed to %2.")
                            .replace("%1", str(request.receipt_no))
                            .replace("%2", request.to_masked))
        set_level(self.status, "ok")
        self._check()

    def _refused(self, exc: BaseException) -> None:
        self._sending = False
        self.status.setText(message_for(exc))
        set_level(self.status, "error")
        self._check()

    def _check(self) -> None:
        done = self.sale is not None
        self.print_button.setVisible(not self.printed)
        self.print_button.setEnabled(done)
        self.email_button.setVisible(not self.mailed)
        self.email_button.setEnabled(done and not self.mailed and not self._sending
                                     and is_address(self.address.text()))
        self.address.setReadOnly(self.mailed)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Enter in the address field sends the e-mail (and does not close the dialog)."""
        if obj is self.address and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # type: ignore[attr-defined]
            if not self.mailed:
                self.send_email()
                return True
        return super().eventFilter(obj, event)


def default_choice(till: Till) -> ReceiptChoice:
    return till.receipt_choice if till.receipt_mail else ReceiptChoice.PAPER
