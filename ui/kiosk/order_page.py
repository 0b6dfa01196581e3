"""Ordering at the kiosk what this store cannot hand over now, in four steps, touch first and
every step by keyboard too (Tab between fields and buttons, Enter presses, F5/F6 choose, F7 pays
here, F8 sends to a till, F2 leaves through the window's find):

1. **How**: sent home from the nearest location that has it, or collected in another store
   (the stores that have it, nearest first), from the stock lookup (the ``stock`` lane).
2. **Details**: name, address, postcode, city, phone or e-mail, typed on the on-screen
   keyboard (the field with the focus takes the keys); checked with messages that say what to
   correct (``kiosk_orders.checked_choice``).
3. **Pay**: on the kiosk's own card terminal (the ``pay`` lane, never the UI thread) or sent to
   a till as a web cart with the delivery choice.
4. **Done**: the receipt (printed, or its QR code) or the cart's QR code for the till; a declined
   card or a terminal that does not answer says so and the order waits on step 3.

While a step waits on something (the card terminal, the printer, the central store) ``waiting``
names it: the kiosk's idle countdown does not run then (the customer is busy at the terminal, not
at the screen), and while the card terminal has the payment (``paying``) nothing leaves the page.
The done screen counts down on its own (``show_closing``), under the code, never over it.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QFormLayout, QLabel, QLineEdit, QPushButton, QStackedWidget,
                               QVBoxLayout, QWidget)

from pos.catalog import Variant
from pos.delivery import DeliveryChoice
from pos.services import kiosk_orders as orders
from ui.i18n.messages import message_for
from ui.kiosk.context import KioskContext
from ui.kiosk.keyboard import OnScreenKeyboard
from ui.kiosk.widgets import is_portrait, kronor, label
from ui.widgets.bind import bind
from ui.widgets.qr import qr_pixmap
from ui.widgets.style import set_role

HOW, DETAILS, PAY, DONE = range(4)


TERMINAL, PRINTER, CENTRAL = "terminal", "printer", "central"  # what a step can wait on


class OrderView(QWidget):
    finished = Signal()  # the customer is done (paid or sent): the kiosk starts over
    back = Signal()
    done_shown = Signal()  # the done screen came up: its own countdown starts
    paid = Signal()  # the card paid the order: its articles are bought

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderPage")
        self.ctx = ctx
        self.items: list[tuple[Variant, int]] = []
        self.kind = orders.HOME
        self.location = ""
        self.choice: DeliveryChoice | None = None
        self.email = ""
        self.options: orders.OrderOptions | None = None
        self.total = 0  # öre, the goods as the till prices them
        self.waits: Counter[str] = Counter()  # TERMINAL, PRINTER, CENTRAL: the waits under way
        self._qr_side = 420
        self.heading = label(self.tr("Order for delivery"), "title", self)
        self.summary = label("", "heading", self)
        self.summary.setObjectName("orderSummary")
        self.message = label("", "message", self)
        self.message.setObjectName("orderMessage")
        self.message.hide()
        self.steps = QStackedWidget(self)

        # 1. how
        how = QWidget(self)
        self.how_box = QVBoxLayout(how)
        self.how_hint = label(self.tr("Finding where it is in stock\u2026"), "muted", how)
        self.how_box.addWidget(self.how_hint)
        self.home_button = self._button(how, "orderHome", self.tr("Send it to my home (F5)"),
                                        self.choose_home)
        self.how_box.addWidget(self.home_button)
        self.pickup_buttons: list[QPushButton] = []
        self.how_box.addStretch(1)
        self.steps.addWidget(how)

        # 2. details
        details = QWidget(self)
        form = QFormLayout()
        self.name = self._field(details, "orderName")
        self.street = self._field(details, "orderStreet")
        self.postcode = self._field(details, "orderPostcode")
        self.city = self._field(details, "orderCity")
        self.reach = self._field(details, "orderContact")
        self.name_label = QLabel(self.tr("Name"), details)
        self.street_label = QLabel(self.tr("Street address"), details)
        self.postcode_label = QLabel(self.tr("Postcode"), details)
        self.city_label = QLabel(self.tr("City"), details)
        self.reach_label = QLabel(self.tr("Phone or e-mail"), details)
        for lab, field in ((self.name_label, self.name), (self.street_label, self.street),
                           (self.postcode_label, self.postcode), (self.city_label, self.city),
                           (self.reach_label, self.reach)):
            form.addRow(lab, field)
        self.keyboard = OnScreenKeyboard(details)
        self.keyboard.set_target(self.name, self.tr("Next"))
        self.keyboard.entered.connect(self.next_field)
        self.details_next = self._button(details, "orderDetailsNext", self.tr("Next"),
                                         self.check_details)
        box = QVBoxLayout(details)
        box.addLayout(form)
        box.addWidget(self.details_next)
        box.addWidget(self.keyboard)
        self.steps.addWidget(details)

        # 3. pay
        pay = QWidget(self)
        self.pay_text = label("", "heading", pay)
        self.pay_text.setObjectName("orderPayText")
        self.pay_here = self._button(pay, "orderPayHere",
                                     self.tr("Pay here by card (F7)"), self.pay_at_kiosk)
        set_role(self.pay_here, "primary")
        self.to_till = self._button(pay, "orderToTill",
                                    self.tr("Pay at a till (F8)"), self.send_to_till)
        box = QVBoxLayout(pay)
        box.addWidget(self.pay_text)
        box.addWidget(self.pay_here)
        box.addWidget(self.to_till)
        box.addStretch(1)
        self.steps.addWidget(pay)

        # 4. done
        done = QWidget(self)
        self.done_text = label("", "heading", done)
        self.done_text.setObjectName("orderDoneText")
        self.qr = QLabel(done)
        self.qr.setObjectName("orderQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_button = self._button(done, "orderDone", self.tr("Done"), self.finished)
        self.closing = label("", "muted", done)
        self.closing.setObjectName("orderClosing")
        self.closing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box = QVBoxLayout(done)
        box.addWidget(self.done_text)
        box.addWidget(self.qr, 1)
        box.addWidget(self.closing)
        box.addWidget(self.done_button)
        self.steps.addWidget(done)

        self.cancel = self._button(self, "orderCancel", self.tr("Back to the cart"), self.give_up)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.cancel)
        for seq, slot in (("F5", self.choose_home), ("F6", self.choose_first_store),
                          ("F7", self.pay_at_kiosk), ("F8", self.send_to_till)):
            QShortcut(QKeySequence(seq), self, slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- building --------------------------------------------------------------------------------

    def _button(self, parent: QWidget, name: str, text: str, slot: Any) -> QPushButton:
        b = QPushButton(text, parent)
        b.setObjectName(name)
        b.setAutoDefault(True)  # Enter presses the button with the focus
        b.clicked.connect(slot)
        return b

    def _field(self, parent: QWidget, name: str) -> QLineEdit:
        f = QLineEdit(parent)
        f.setObjectName(name)
        f.returnPressed.connect(bind(self.next_field, f))
        f.installEventFilter(self)
        return f

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt API
        from PySide6.QtCore import QEvent
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QLineEdit):
            self.keyboard.set_target(watched)  # the on-screen keys type where the focus is
        return False

    def fit(self, width: int, height: int) -> None:
        self._qr_side = int(min(width, height) * (0.45 if is_portrait(width, height) else 0.5))

    # --- step 1 ----------------------------------------------------------------------------------

    def start(self, items: Sequence[tuple[Variant, int]], total: int) -> None:
        """A new order of ``items`` (from the cart or the product page) costing ``total`` öre
        (as the till prices them: the kiosk's cart's totals)."""
        self.items = list(items)
        self.total = total
        self.choice, self.email, self.options = None, "", None
        for f in (self.name, self.street, self.postcode, self.city, self.reach):
            f.clear()
        self.message.hide()
        self.summary.setText(self.tr("%n article(s), %1", "", sum(q for _, q in self.items))
                             .replace("%1", kronor(self.total)))
        self.home_button.setEnabled(False)
        self.how_hint.setText(self.tr("Finding where it is in stock\u2026"))
        self._set_stores(())
        self.steps.setCurrentIndex(HOW)
        self.cancel.show()
        ctx, items = self.ctx, list(self.items)
        rules = ctx.delivery_rules
        self._wait(CENTRAL)
        ctx.lane("stock").run(
            lambda: orders.options_for(ctx.uow("stock"), ctx.central("stock"), items,
                                       ctx.settings, rules),
            self._after(CENTRAL, self.show_options), self._after(CENTRAL, self.show_error))

    def show_options(self, options: orders.OrderOptions) -> None:
        self.options = options
        if options.home_from:
            self.how_hint.setText(self.tr("Choose how you want it"))
            self.home_button.setEnabled(True)
            self.home_button.setText(self.tr("Send it to my home from %1 (F5)")
                                     .replace("%1", options.home_from_name))
        else:
            self.home_button.setText(self.tr("Send it to my home (F5)"))
            self.how_hint.setText(self.tr("No store or warehouse can send all of it now"))
        self._set_stores(options.pickup)
        (self.home_button if options.home_from else
         (self.pickup_buttons[0] if self.pickup_buttons else self.cancel)).setFocus()

    def _set_stores(self, stores: Sequence[orders.PickupStore]) -> None:
        for b in self.pickup_buttons:
            b.deleteLater()
        self.pickup_buttons = []
        for i, store in enumerate(stores):
            text = self.tr("Pick it up in %1 (%2 km)").replace("%1", store.name).replace(
                "%2", f"{store.km:.0f}") + (" (F6)" if i == 0 else "")
            b = self._button(self, f"orderPickup_{store.location_id}", text,
                             bind(self.choose_pickup, store.location_id))
            self.how_box.insertWidget(2 + i, b)
            self.pickup_buttons.append(b)

    def choose_home(self) -> None:
        if self.steps.currentIndex() != HOW or not (self.options and self.options.home_from):
            return
        self._details(orders.HOME, self.options.home_from)

    def choose_first_store(self) -> None:
        if self.steps.currentIndex() == HOW and self.options and self.options.pickup:
            self.choose_pickup(self.options.pickup[0].location_id)

    def choose_pickup(self, location_id: str) -> None:
        self._details(orders.PICKUP, location_id)

    # --- step 2 ----------------------------------------------------------------------------------

    def _details(self, kind: str, location: str) -> None:
        self.kind, self.location = kind, location
        home = kind == orders.HOME
        for w in (self.street, self.postcode, self.city, self.street_label,
                  self.postcode_label, self.city_label):
            w.setVisible(home)
        self.message.hide()
        self.steps.setCurrentIndex(DETAILS)
        self.name.setFocus()

    def fields(self) -> list[QLineEdit]:
        return [f for f in (self.name, self.street, self.postcode, self.city, self.reach)
                if f.isVisibleTo(self)]

    def next_field(self, field: QLineEdit | None = None) -> None:
        """Enter (in ``field``, or the on-screen one's): the next field, or the check after
        the last."""
        shown = self.fields()
        target = field if isinstance(field, QLineEdit) else self.keyboard.target
        if target in shown and shown.index(target) < len(shown) - 1:
            shown[shown.index(target) + 1].setFocus()
        else:
            self.check_details()

    def check_details(self) -> None:
        contact = orders.Contact(self.name.text(), self.street.text(), self.postcode.text(),
                                 self.city.text(), self.reach.text())
        try:
            self.choice, self.email = orders.checked_choice(
                self.kind, contact, self.location, self.ctx.settings, self.ctx.delivery_rules)
        except Exception as e:  # noqa: BLE001 - a UserError: its message says what to fix
            self.show_error(e)
            return
        self.message.hide()
        assert self.choice.address is not None
        where = (self.tr("Collected by %1 in %2").replace("%1", self.choice.address.name)
                 .replace("%2", self.ctx.settings.place_of(self.location).name)
                 if self.choice.pickup else
                 self.tr("Sent to %1").replace("%1", ", ".join(self.choice.address.lines())))
        fee = 0 if self.choice.pickup else self.ctx.delivery_rules.shipping_fee(self.total)
        self.pay_text.setText(where + "\n" + (
            self.tr("To pay %1, of which shipping %2").replace("%1", kronor(self.total + fee))
            .replace("%2", kronor(fee)) if fee else
            self.tr("To pay %1, no shipping price").replace("%1", kronor(self.total))))
        self.steps.setCurrentIndex(PAY)
        self.pay_here.setFocus()

    # --- step 3 ----------------------------------------------------------------------------------

    def pay_at_kiosk(self) -> None:
        if self.steps.currentIndex() != PAY or self.choice is None:
            return
        ctx, items, choice, email = self.ctx, list(self.items), self.choice, self.email
        register = ctx.order_register
        if register is None:
            self.say(self.tr("This kiosk takes no cards: pay at a till"))
            return
        self._busy(True, self.tr("Follow the card terminal\u2026"))
        self._wait(TERMINAL)

        def pay() -> Any:
            reg = register()
            orders.place_order(reg, items, choice, email)
            view = orders.pay(reg)
            return view.sale, orders.receipt_url(reg, view.sale) if view.sale else ""
        ctx.lane("pay").run(pay, self._after(TERMINAL, self.show_paid),
                            self._after(TERMINAL, self.show_payment_error))

    def show_paid(self, result: tuple[Any, str]) -> None:
        self._busy(False)
        sale, url = result
        self.done_text.setText(self.tr("Thank you! Order %1 is paid. Scan the code for your "
                                       "receipt.").replace("%1", f"{sale.register_id}-"
                                                                 f"{sale.receipt_no}"))
        self.qr.setPixmap(qr_pixmap(url, self._qr_side))  # the digital receipt, always
        self._done()
        self.paid.emit()
        printer = self.ctx.print_receipt
        if printer is not None:  # and on paper where the kiosk has a printer
            self._wait(PRINTER)
            self.ctx.lane("printer").run(lambda: printer(sale.id),
                                         self._after(PRINTER, lambda _r: None),
                                         self._after(PRINTER, self.show_error))

    def show_payment_error(self, e: BaseException) -> None:
        self._busy(False)
        self.show_error(e)  # the order waits: pay again, or at a till

    def send_to_till(self) -> None:
        if self.steps.currentIndex() != PAY or self.choice is None:
            return
        ctx, items, choice, email = self.ctx, list(self.items), self.choice, self.email
        self._busy(True, self.tr("Saving\u2026"))
        self._wait(CENTRAL)
        ctx.net.run(lambda: orders.send_to_till(items, choice, email, ctx.central("carts"),
                                                place=ctx.settings.place),
                    self._after(CENTRAL, self.show_sent),
                    self._after(CENTRAL, self.show_payment_error))

    def show_sent(self, saved: Any) -> None:
        self._busy(False)
        self.done_text.setText(self.tr("Show this code at a till and pay there: the order is "
                                       "placed when it is paid"))
        self.qr.setPixmap(qr_pixmap(saved.url, self._qr_side))
        self._done()

    def _done(self) -> None:
        self.message.hide()
        self.cancel.hide()
        self.closing.setText("")
        self.steps.setCurrentIndex(DONE)
        self.done_button.setFocus()
        self.done_shown.emit()

    def is_done(self) -> bool:
        return self.steps.currentIndex() == DONE

    def show_closing(self, seconds_left: float) -> None:
        """The done screen's own countdown, under the code."""
        self.closing.setText(self.tr("This screen closes in %n second(s): tap Done when you "
                                     "are ready", "", int(seconds_left + 0.999)))

    # --- waits -----------------------------------------------------------------------------------

    @property
    def waiting(self) -> bool:
        """A step waits on the terminal, the printer or the central store: not idle."""
        return any(n > 0 for n in self.waits.values())

    @property
    def paying(self) -> bool:
        """The card terminal has the payment: the kiosk neither leaves nor starts over."""
        return self.waits[TERMINAL] > 0

    def _wait(self, what: str) -> None:
        self.waits[what] += 1

    def _after(self, what: str, then: Any) -> Any:
        """``then`` (a lane's answer), once the wait on ``what`` is over."""
        def done(result: Any) -> None:
            self.waits[what] -= 1
            then(result)
        return done

    def _busy(self, busy: bool, text: str = "") -> None:
        for b in (self.pay_here, self.to_till, self.cancel):
            b.setEnabled(not busy)
        if busy:
            self.say(text)

    # --- messages and leaving -----------------------------------------------------------------

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def show_error(self, e: BaseException) -> None:
        self.say(message_for(e))

    def give_up(self) -> None:
        """Back to the cart; an order not paid at the kiosk is dropped from its register."""
        self.drop()
        self.back.emit()

    def drop(self) -> None:
        """The kiosk starts over: an order not paid is dropped from its register (one the card
        paid meanwhile is kept: ``give_up`` refuses it and the sale completes)."""
        register = self.ctx.order_register
        if register is not None and self.items:
            self.ctx.lane("pay").run(lambda: orders.give_up(register()), lambda _r: None,
                                     lambda _e: None)
        self.items = []
