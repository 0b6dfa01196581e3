"""The payment dialog's Swish pages: how the customer pays (a QR code they scan, or a request to
their own phone, its number from the sale's customer or typed), then the wait: the QR code big
enough to scan from the counter, or the number it went to, and a Cancel.

The panel only shows and asks; the dialog runs the payment (``ui.till.mobile_operations``)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from pos.money import format_kronor
from ui.lanes import PaymentPrompted
from ui.widgets.qr import qr_pixmap
from ui.widgets.style import set_role

CHOOSE, WAITING = range(2)


class MobilePanel(QStackedWidget):
    send = Signal(str)  # the customer's phone as typed; "" for a QR code
    cancel = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mobilePanel")
        self.method = "Swish"

        # --- how the customer pays -----------------------------------------------------------
        choose = QWidget(self)
        self.heading = QLabel("", choose)
        self.heading.setObjectName("mobileHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setWordWrap(True)
        set_role(self.heading, "heading")
        self.qr_button = QPushButton(self.tr("QR code for the customer to scan (Enter)"), choose)
        self.qr_button.setObjectName("mobileQrButton")
        self.qr_button.setMinimumHeight(64)
        set_role(self.qr_button, "primary")
        self.qr_button.clicked.connect(lambda: self.send.emit(""))
        phone_caption = QLabel(self.tr("Or send the request to the customer's phone:"), choose)
        phone_caption.setProperty("role", "caption")
        phone_caption.setWordWrap(True)
        self.phone = QLineEdit(choose)
        self.phone.setObjectName("mobilePhone")
        self.phone.setPlaceholderText(self.tr("Mobile number, e.g. 070-123 45 67"))
        self.phone.setMinimumHeight(48)
        self.phone.returnPressed.connect(self.send_to_phone)
        self.phone_button = QPushButton(self.tr("Send to the phone (F6)"), choose)
        self.phone_button.setObjectName("mobilePhoneButton")
        self.phone_button.setMinimumHeight(56)
        self.phone_button.clicked.connect(self.send_to_phone)
        self.back_button = QPushButton(self.tr("Back to the payment (Esc)"), choose)
        self.back_button.setObjectName("mobileBack")
        self.back_button.setMinimumHeight(48)
        self.back_button.clicked.connect(self.back.emit)
        cl = QVBoxLayout(choose)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.heading)
        cl.addStretch(1)
        cl.addWidget(self.qr_button)
        cl.addSpacing(12)
        cl.addWidget(phone_caption)
        cl.addWidget(self.phone)
        cl.addWidget(self.phone_button)
        cl.addStretch(1)
        cl.addWidget(self.back_button)

        # --- waiting for the customer --------------------------------------------------------
        waiting = QWidget(self)
        self.wait_label = QLabel("", waiting)
        self.wait_label.setObjectName("mobileWaitLabel")
        self.wait_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.wait_label.setWordWrap(True)
        set_role(self.wait_label, "heading")
        self.qr = QLabel(waiting)
        self.qr.setObjectName("mobileQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel("", waiting)
        self.hint.setObjectName("mobileHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "muted")
        self.cancel_button = QPushButton(self.tr("Cancel the Swish payment (Esc)"), waiting)
        self.cancel_button.setObjectName("mobileCancel")
        self.cancel_button.setMinimumHeight(56)
        set_role(self.cancel_button, "danger")
        self.cancel_button.clicked.connect(self.cancel.emit)
        wl = QVBoxLayout(waiting)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.addStretch(1)
        wl.addWidget(self.wait_label)
        wl.addWidget(self.qr, 1)
        wl.addWidget(self.hint)
        wl.addStretch(1)
        wl.addWidget(self.cancel_button)

        self.addWidget(choose)
        self.addWidget(waiting)

    def choose(self, method: str, amount: int, phone: str) -> None:
        """Ask how the customer pays ``amount`` öre; ``phone``: the sale's customer's, if any."""
        self.method = method
        self.heading.setText(self.tr("%1 %2 kr").replace("%1", method)
                             .replace("%2", format_kronor(amount)))
        self.phone.setText(phone)
        self.setCurrentIndex(CHOOSE)
        self.qr_button.setFocus()

    def send_to_phone(self) -> None:
        if self.currentIndex() == CHOOSE and self.phone.text().strip():
            self.send.emit(self.phone.text().strip())
        else:
            self.phone.setFocus()

    def submit(self) -> None:
        """Enter: the phone when one is typed and has the focus, else the QR code."""
        if self.phone.hasFocus() and self.phone.text().strip():
            self.send_to_phone()
        else:
            self.send.emit("")

    def sending(self, phone: str) -> None:
        """The request is on its way to Swish."""
        self.qr.clear()
        self.qr.hide()
        self.wait_label.setText(self.tr("Sending to %1…").replace("%1", self.method))
        self.hint.setText(phone)
        self.cancel_button.setEnabled(True)
        self.setCurrentIndex(WAITING)
        self.cancel_button.setFocus()

    def prompted(self, prompt: PaymentPrompted, side: int) -> None:
        """Swish took the request: show the QR code (``side`` px) or the phone it went to."""
        amount = format_kronor(prompt.amount)
        if prompt.qr_data:
            self.qr.setPixmap(qr_pixmap(prompt.qr_data, side))
            self.qr.show()
            self.wait_label.setText(self.tr("Scan with the Swish app: %1 kr").replace("%1", amount))
            self.hint.setText(self.tr("The QR code is on the customer display too. This screen "
                                      "waits for the customer's answer."))
        else:
            self.qr.hide()
            self.wait_label.setText(self.tr("Sent to %1: %2 kr").replace("%1", prompt.phone)
                                    .replace("%2", amount))
            self.hint.setText(self.tr("The customer approves it in the Swish app on their "
                                      "phone. This screen waits for the answer."))

    def cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.wait_label.setText(self.tr("Cancelling the Swish payment…"))
