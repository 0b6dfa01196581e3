"""The kiosk's cart: its lines with the till's prices and campaigns, quantities by touch, the
customer's e-mail or phone (optional: the cart lands on their account), and "save": the cart
becomes a web cart in the central store, shown as a QR code that a till scans to take payment
(or the customer's phone opens). Offline the cart stays here and the page says so plainly."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QBoxLayout, QGridLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from pos.cart import Cart
from pos.kiosk import SavedCart
from pos.services import kiosk as use
from ui.i18n.messages import message_for
from ui.kiosk.context import KioskContext
from ui.kiosk.keyboard import OnScreenKeyboard
from ui.kiosk.widgets import is_portrait, kronor, label
from ui.widgets.bind import bind
from ui.widgets.qr import qr_pixmap
from ui.widgets.style import set_role


class CartView(QWidget):
    changed = Signal()
    saved = Signal(object)  # SavedCart
    keep_shopping = Signal()
    order = Signal()  # order the cart sent home or to another store (F4)

    def __init__(self, ctx: KioskContext, cart: Cart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cartPage")
        self.ctx = ctx
        self.cart = cart
        self.saving = False
        self.heading = label(self.tr("Your cart"), "title", self)
        self.lines = QGridLayout()
        self.total = label("", "price", self)
        self.total.setObjectName("cartTotal")
        self.savings = label("", "campaign", self)
        self.contact = QLineEdit(self)
        self.contact.setObjectName("cartContact")
        self.contact.setPlaceholderText(self.tr("E-mail or phone (optional)"))
        self.keyboard = OnScreenKeyboard(self)
        self.keyboard.set_target(self.contact, self.tr("Save"))
        self.keyboard.entered.connect(self.save)
        self.save_button = QPushButton(self.tr("Save cart and show its QR code"), self)
        self.save_button.setObjectName("saveCart")
        set_role(self.save_button, "primary")
        self.save_button.clicked.connect(self.save)
        self.order_button = QPushButton(self.tr("Not here? Order it home or to another store "
                                                "(F4)"), self)
        self.order_button.setObjectName("orderDelivery")
        self.order_button.clicked.connect(self.order)
        QShortcut(QKeySequence("F4"), self, self.order.emit,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.more = QPushButton(self.tr("Keep shopping"), self)
        self.more.clicked.connect(self.keep_shopping)
        self.message = label("", "message", self)
        self.message.setObjectName("cartMessage")
        self.message.hide()
        self.qr = QLabel(self)
        self.qr.setObjectName("cartQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_text = label("", "heading", self)
        self.qr_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.hide()
        self.qr_text.hide()

        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addLayout(self.lines)
        left.addWidget(self.total)
        left.addWidget(self.savings)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.qr)
        right.addWidget(self.qr_text)
        self.contact_hint = label(self.tr("Your e-mail or phone puts the cart on your account "
                                          "(optional)"), "muted", self)
        right.addWidget(self.contact_hint)
        right.addWidget(self.contact)
        right.addWidget(self.message)
        right.addWidget(self.save_button)
        right.addWidget(self.order_button)
        right.addWidget(self.more)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addLayout(left, 1)
        self.body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.keyboard)
        self._qr_side = 420

    def fit(self, width: int, height: int) -> None:
        portrait = is_portrait(width, height)
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait
                               else QBoxLayout.Direction.LeftToRight)
        self._qr_side = int(min(width, height) * (0.45 if portrait else 0.5))

    def refresh(self) -> None:
        while self.lines.count():
            item = self.lines.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        totals = self.cart.totals()
        for row, lt in enumerate(totals.lines):
            line = lt.line
            name = label(f"{line.variant.name}", "", self)
            minus = QPushButton("\u2212", self)
            plus = QPushButton("+", self)
            qty = label(str(line.quantity), "heading", self, wrap=False)
            price = label(kronor(lt.total), "", self, wrap=False)
            for b, step in ((minus, -1), (plus, 1)):
                set_role(b, "key")
                b.setObjectName(f"line{line.line_id}_{'plus' if step > 0 else 'minus'}")
                b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                b.clicked.connect(bind(self.step, line.line_id, step))
            for col, w in enumerate((name, minus, qty, plus, price)):
                self.lines.addWidget(w, row, col)
            self.lines.setColumnStretch(0, 1)
        if totals.lines:
            self.total.setText(self.tr("Total %1").replace("%1", kronor(totals.total)))
        else:
            self.total.setText(self.tr("The cart is empty"))
        self.savings.setText(self.tr("You save %1").replace("%1", kronor(totals.discount))
                             if totals.discount else "")
        self.save_button.setEnabled(bool(totals.lines))
        self.order_button.setEnabled(bool(totals.lines))

    def step(self, line_id: int, step: int) -> None:
        line = self.cart.line(line_id)
        if line.quantity + step <= 0:
            self.cart.remove(line_id)
        else:
            self.cart.set_quantity(line_id, line.quantity + step)
        self.hide_qr()
        self.refresh()
        self.changed.emit()

    def hide_qr(self) -> None:
        self.qr.hide()
        self.qr_text.hide()
        for w in (self.contact_hint, self.contact, self.save_button, self.keyboard):
            w.show()

    def reset(self) -> None:
        self.contact.clear()
        self.message.hide()
        self.hide_qr()
        self.refresh()

    def save(self) -> None:
        ctx, cart, contact = self.ctx, self.cart, self.contact.text()
        self.message.hide()
        self.save_button.setEnabled(False)
        self.save_button.setText(self.tr("Saving\u2026"))
        self.saving = True  # the customer waits on the central store: the kiosk is not idle
        ctx.net.run(lambda: use.save_cart(cart, ctx.central("carts"), contact=contact,
                                          customers=ctx.central("customers") if contact else None,
                                          place=ctx.settings.place),
                    self.show_saved, self.show_error)

    def show_saved(self, saved: SavedCart) -> None:
        self._done_saving()
        self.qr.setPixmap(qr_pixmap(saved.url, self._qr_side))
        self.qr_text.setText(self.tr("Scan this code at a till to pay, or with your phone to "
                                     "take the cart with you"))
        self.qr.show()
        self.qr_text.show()
        for w in (self.contact_hint, self.contact, self.save_button, self.keyboard):
            w.hide()  # saved: the code is what the customer needs now
        self.saved.emit(saved)

    def show_error(self, exc: BaseException) -> None:
        self._done_saving()
        self.message.setText(message_for(exc))
        self.message.show()

    def _done_saving(self) -> None:
        self.saving = False
        self.save_button.setText(self.tr("Save cart and show its QR code"))
        self.save_button.setEnabled(not self.cart.is_empty)
