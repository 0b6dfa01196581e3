"""The kiosk's one window: full screen, no frame, no close button; a top bar (the kiosk's name,
find, cart, call staff), the pages (attract, find, product, cart) and the idle countdown.

- Nothing leaves it: closing is refused (Alt+F4 from a window manager, ``close()``), Escape,
  Ctrl+Q, Ctrl+W and Alt+F4 are eaten; only a staff PIN (``StaffExitDialog``) lets it close.
- Idle: after ``idle_seconds`` without a touch or key a countdown shows; at its end the cart is
  cleared and the attract screen comes back. Any touch in between keeps the customer's session.
  A wait on something the customer does elsewhere (paying on the card terminal, the receipt
  printing, the central store saving the order or the cart) is no idleness: the countdown starts
  when it ends. While the terminal has a payment nothing leaves the order page and nothing starts
  over. The order's done screen (the receipt's QR code) counts down ``done_seconds`` on its own,
  under the code and not over it, before the kiosk starts over.
- Scans from the keyboard-wedge scanner, a serial scanner and the camera all go to ``scan``.
- It takes the keyboard focus itself (no window manager gives it)."""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (QCloseEvent, QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent,
                           QShortcut)
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLayout, QPushButton,
                               QStackedWidget, QVBoxLayout, QWidget)

from pos.cart import Cart, CartError
from pos.catalog import Variant
from pos.kiosk import IdleCountdown
from pos.services import kiosk as use
from ui.i18n.messages import message_for
from ui.kiosk.attract_page import AttractPage
from ui.kiosk.camera import CameraScanner
from ui.kiosk.cart_page import CartView
from ui.kiosk.context import KioskContext
from ui.kiosk.find_page import FindPage
from ui.kiosk.order_page import OrderView
from ui.kiosk.product_page import ProductView
from ui.kiosk.staff_exit import SecretTaps, StaffExitDialog
from ui.kiosk.style import sizes_for, stylesheet
from ui.kiosk.widgets import label
from ui.widgets.style import set_role
from ui.widgets.wedge import WedgeFilter

TICK_MS = 250
PRODUCTS_EVERY_MS = 30 * 60 * 1000  # the web's product texts and images change seldom
BLOCKED_KEYS = {Qt.Key.Key_Escape, Qt.Key.Key_F4, Qt.Key.Key_Q, Qt.Key.Key_W, Qt.Key.Key_Close}
INPUT_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin,
                QEvent.Type.Wheel}


class KioskWindow(QWidget):
    closed_by_staff = Signal(object)  # StaffMember

    def __init__(self, ctx: KioskContext, *, camera: CameraScanner | None = None,
                 wedge: WedgeFilter | None = None, monotonic: Callable[[], float] = time.monotonic,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.Window)
        self.setWindowTitle("omnipos kiosk")
        self.ctx = ctx
        self._may_close = False
        self._monotonic = monotonic
        self.cart = Cart()  # the promotions come from the database lane (``_load_promotions``)
        self.idle = IdleCountdown(ctx.settings.idle_seconds, ctx.settings.countdown_seconds,
                                  monotonic())
        self.secret = SecretTaps(monotonic)

        # top bar
        self.bar = QFrame(self)
        self.bar.setObjectName("topBar")
        self.logo = QPushButton(ctx.settings.place, self.bar)
        self.logo.setObjectName("kioskLogo")
        self.logo.setFlat(True)
        self.logo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        set_role(self.logo, "bar")
        self.logo.clicked.connect(self._logo_tapped)
        self.find_button = self._bar_button("barFind", self.tr("Find"), self.show_find)
        self.cart_button = self._bar_button("barCart", "", self.show_cart)
        self.call_button = self._bar_button("barCall", self.tr("Call staff"), self.call_staff)
        self.find_button.setToolTip("F2")
        self.cart_button.setToolTip("F3")
        self.call_button.setToolTip("F9")
        set_role(self.call_button, "call")
        bar = QHBoxLayout(self.bar)
        bar.addWidget(self.logo)
        bar.addStretch(1)
        for b in (self.find_button, self.cart_button, self.call_button):
            bar.addWidget(b)
        self.notice = label("", "message", self)
        self.notice.setObjectName("kioskNotice")
        self.notice.hide()
        self._notice_timer = QTimer(self, singleShot=True, interval=8000)
        self._notice_timer.timeout.connect(self.notice.hide)

        # pages
        self.attract = AttractPage(self)
        self.find = FindPage(ctx, self)
        self.product = ProductView(ctx, self)
        self.cart_view = CartView(ctx, self.cart, self)
        self.order = OrderView(ctx, self)
        self.stack = QStackedWidget(self)
        for page in (self.attract, self.find, self.product, self.cart_view, self.order):
            self.stack.addWidget(page)
        self.attract.started.connect(self.show_find)
        self.find.open_article.connect(self.open_article)
        self.product.open_article.connect(self.open_article)
        self.product.back.connect(self.show_find)
        self.product.add_to_cart.connect(self.add_to_cart)
        self.cart_view.keep_shopping.connect(self.show_find)
        self.cart_view.changed.connect(self._cart_changed)
        self.cart_view.order.connect(self.show_order)
        self.product.order_article.connect(self.order_article)
        self.order.back.connect(self.show_cart)
        self.order.finished.connect(self.reset)
        self.order.done_shown.connect(lambda: self.idle.touch(self._monotonic()))
        self.order.paid.connect(self._order_paid)
        self._order_from_cart = False

        layout = QVBoxLayout(self)
        # the window is the screen's size, never what its pages would like: sizes follow the
        # window (``resizeEvent``), and a window that grew would make them grow again
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar)
        inner = QVBoxLayout()
        inner.setContentsMargins(24, 16, 24, 16)
        inner.addWidget(self.notice)
        inner.addWidget(self.stack, 1)
        layout.addLayout(inner, 1)

        # the idle countdown, over everything
        self.countdown = QFrame(self)
        self.countdown.setObjectName("countdown")
        self.countdown_text = label("", "", self.countdown)
        self.countdown_text.setObjectName("countdownText")
        self.countdown_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.still_here = QPushButton(self.tr("I am still here"), self.countdown)
        self.still_here.setObjectName("stillHere")
        set_role(self.still_here, "primary")
        self.still_here.clicked.connect(self.keep_session)
        box = QVBoxLayout(self.countdown)
        box.addWidget(self.countdown_text)
        box.addWidget(self.still_here)
        self.countdown.hide()
        self.ticker = QTimer(self, interval=TICK_MS)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()

        # scanners: the wedge (keyboard), the camera, a serial one
        self.wedge = wedge
        if wedge is not None:
            wedge.scanned.connect(self.scan)
        self.camera = camera
        if camera is not None:
            camera.scanned.connect(self.scan)
            camera.unavailable.connect(self._camera_unavailable)
        self._serial: Any = None
        if ctx.start_scanner is not None:
            self._serial = ctx.start_scanner(self._serial_scan)
        QApplication.instance().installEventFilter(self)
        # a physical keyboard reaches everything: F2 find, F3 cart, F9 call staff (the staff's
        # own way out is not printed on the screen)
        for seq, slot in (("F2", self.show_find), ("F3", self.show_cart),
                          ("F9", self.call_staff), ("Ctrl+Alt+Shift+S", self.ask_staff_pin)):
            QShortcut(QKeySequence(seq), self, slot,
                      context=Qt.ShortcutContext.WindowShortcut)
        self._camera_hint(camera is not None and camera.available)
        self._cart_changed()
        self.find.show_categories()
        self._load_promotions()
        self.products_timer = QTimer(self, interval=PRODUCTS_EVERY_MS)
        self.products_timer.timeout.connect(self.refresh_products)
        self.products_timer.start()
        self.refresh_products()
        self.show_attract()

    def refresh_products(self) -> None:
        """The web's product information into the store's database (network lane); offline the
        last read (or the demo's) stays."""
        ctx = self.ctx
        if ctx.products is None:
            return
        feed = ctx.products
        ctx.net.run(lambda: use.store_products(ctx.uow("net"), feed(), ctx.clock()),
                    lambda _n: self.find.show_categories()
                    if self.stack.currentWidget() is self.attract else None,
                    lambda _e: None)  # offline: what was read before serves

    def _load_promotions(self) -> None:
        """The till's promotion book (the last sync's): the kiosk's prices are the till's."""
        ctx = self.ctx
        ctx.db.run(lambda: use.promotion_book(ctx.uow("db")), self._set_book)

    def _set_book(self, book: Any) -> None:
        self.cart.book = book

    def _bar_button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        b = QPushButton(text, self.bar)
        b.setObjectName(name)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        set_role(b, "bar")
        b.clicked.connect(slot)
        return b

    # --- showing ---------------------------------------------------------------------------------

    def show_kiosk(self, fullscreen: bool = True) -> None:
        """Full screen (or at its set size in tests), on top, with the keyboard focus."""
        if fullscreen:
            self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
            # without a window manager nobody sizes a full-screen window: fill the screen here
            screen = self.screen() or QGuiApplication.primaryScreen()
            if screen is not None:
                self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            self.show()
        self.raise_()
        self.activateWindow()  # no window manager gives the focus: take it
        self.find.search.setFocus()
        if self.camera is not None:
            self.camera.start()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        w, h = event.size().width(), event.size().height()
        self.setStyleSheet(stylesheet(sizes_for(w, h)))
        for page in (self.find, self.product, self.cart_view, self.order):
            page.fit(w, h)
        self._place_countdown()

    def _place_countdown(self) -> None:
        w, h = int(self.width() * 0.7), int(self.height() * 0.3)
        self.countdown.setGeometry((self.width() - w) // 2, (self.height() - h) // 2, w, h)

    def show_attract(self) -> None:
        self.stack.setCurrentWidget(self.attract)

    def paying(self) -> bool:
        """The card terminal has the customer's payment: the order page stays until it answers."""
        return self.order.paying

    def show_find(self) -> None:
        if self.paying():
            return
        self.stack.setCurrentWidget(self.find)
        self.find.search.setFocus()

    def show_cart(self) -> None:
        if self.paying():
            return
        self.cart_view.refresh()
        self.stack.setCurrentWidget(self.cart_view)
        self.cart_view.contact.setFocus()

    def show_order(self) -> None:
        """Order the cart's articles sent home or to another store (``OrderView``)."""
        if self.cart.is_empty:
            return
        self.notice.hide()  # the order's own messages speak from here
        self._order_from_cart = True
        self.order.start([(ln.variant, int(ln.quantity)) for ln in self.cart.lines],
                         self.cart.totals().total)
        self.stack.setCurrentWidget(self.order)

    def order_article(self, variant: Variant) -> None:
        """From the product page: this article alone (none here), ordered for delivery."""
        self.notice.hide()
        self._order_from_cart = False
        page = self.product.page
        self.order.start([(variant, 1)], page.price.total if page is not None and
                         page.variant.id == variant.id else variant.price)
        self.stack.setCurrentWidget(self.order)

    def _order_paid(self) -> None:
        """The cart's articles are bought: the cart is empty now (the done screen's "Cart (0)"
        offers nothing to pay twice)."""
        if self._order_from_cart:
            self.cart.clear()
            self.cart_view.reset()
            self._cart_changed()

    def open_article(self, variant_id: str) -> None:
        if self.paying():
            return
        self.product.load(variant_id)
        self.stack.setCurrentWidget(self.product)

    def say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()
        self._notice_timer.start()

    # --- the cart --------------------------------------------------------------------------------

    def add_to_cart(self, variant: Variant) -> None:
        try:
            self.cart.add(variant, 1)
        except CartError as e:
            self.say(message_for(e))
            return
        self.cart_view.hide_qr()
        self._cart_changed()
        self.say(self.tr("%1 is in your cart").replace("%1", variant.name))

    def _cart_changed(self) -> None:
        n = sum(int(line.quantity) for line in self.cart.lines)
        self.cart_button.setText(self.tr("Cart (%n)", "", n))

    # --- scanning --------------------------------------------------------------------------------

    def scan(self, code: str) -> None:
        self.idle.touch(self._monotonic())
        ctx = self.ctx
        ctx.db.run(lambda: use.find_scanned(ctx.uow("db"), code, location=ctx.settings.here),
                   lambda v: self.open_article(v.id),
                   lambda e: (self.show_find(), self.say(message_for(e))))

    def _serial_scan(self, code: str) -> None:  # the serial scanner's thread
        QTimer.singleShot(0, self, lambda: self.scan(code))

    def _camera_hint(self, available: bool) -> None:
        text = (self.tr("Hold a barcode in front of the camera, use the scanner, or search")
                if available else
                self.tr("This kiosk has no camera: use the scanner or search by name or EAN"))
        self.find.set_scan_hint(text)
        self.attract.camera.setText(text)

    def _camera_unavailable(self, _reason: str) -> None:
        self._camera_hint(False)

    # --- staff -----------------------------------------------------------------------------------

    def call_staff(self) -> None:
        ctx = self.ctx
        ctx.db.run(lambda: use.call_staff(ctx.uow("db"), ctx.settings.place, ctx.clock()),
                   lambda _c: self.say(self.tr("Staff have been called: someone is on the way "
                                               "to %1").replace("%1", ctx.settings.place)),
                   lambda e: self.say(message_for(e)))

    def _logo_tapped(self) -> None:
        if self.secret.tap():
            self.ask_staff_pin()

    def ask_staff_pin(self) -> StaffExitDialog:
        dialog = StaffExitDialog(self.ctx, self)
        dialog.left.connect(self._staff_left)
        short = min(self.width(), self.height())
        dialog.resize(max(int(short * 0.55), 420), max(int(short * 0.85), 560))
        dialog.move(self.mapToGlobal(self.rect().center()) - dialog.rect().center())
        dialog.open()
        dialog.activateWindow()
        dialog.pad.setFocus()
        return dialog

    def _staff_left(self, member: Any) -> None:
        self._may_close = True
        self.closed_by_staff.emit(member)
        self.close()

    # --- idle ------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in INPUT_EVENTS:
            self.idle.touch(self._monotonic())
            if self.countdown.isVisible():
                self.countdown.hide()
        return False

    def in_use(self) -> bool:
        return self.stack.currentWidget() is not self.attract or not self.cart.is_empty

    def waiting(self) -> bool:
        """Something the customer does elsewhere is under way (terminal, printer, central store)."""
        return self.order.waiting or self.cart_view.saving

    def tick(self) -> None:
        if not self.in_use():
            self.countdown.hide()
            return
        now = self._monotonic()
        if self.waiting():  # the customer is at the terminal, not at the screen: no idle time
            self.idle.touch(now)
            self.countdown.hide()
            return
        if self.stack.currentWidget() is self.order and self.order.is_done():
            # the receipt's QR code: its own, longer countdown under the code, no overlay on it
            self.countdown.hide()
            closing = self.idle.closing_left(now, self.ctx.settings.done_seconds)
            if closing > 0:
                self.order.show_closing(closing)
            else:
                self.reset()
            return
        left = self.idle.seconds_left(now)
        if left is None:
            self.countdown.hide()
        elif left > 0:
            self.countdown_text.setText(self.tr("Are you still there? The kiosk starts over in "
                                                "%n second(s)", "", int(left + 0.999)))
            self._place_countdown()
            self.countdown.show()
            self.countdown.raise_()
        else:
            self.reset()

    def keep_session(self) -> None:
        self.idle.touch(self._monotonic())
        self.countdown.hide()

    def reset(self) -> None:
        """Back to the attract screen with an empty cart: the next customer's kiosk. Never while
        the card terminal has a payment: the customer would not learn how it ended."""
        if self.paying():
            return
        self.countdown.hide()
        self.cart.clear()
        self._load_promotions()  # a campaign may have started or ended since
        self.find.reset()
        self.cart_view.reset()
        self.order.drop()
        self.product.page = None
        self.notice.hide()
        self._cart_changed()
        self.idle.touch(self._monotonic())
        self.show_attract()

    # --- no way out ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in BLOCKED_KEYS:
            event.accept()  # eaten: Escape, Alt+F4, Ctrl+Q, Ctrl+W leave nothing
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self._may_close:
            event.ignore()
            return
        QApplication.instance().removeEventFilter(self)
        self.ticker.stop()
        if self.camera is not None:
            self.camera.shutdown()
        if self._serial is not None and hasattr(self._serial, "stop"):
            self._serial.stop()
        super().closeEvent(event)
