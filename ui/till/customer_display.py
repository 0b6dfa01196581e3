"""The customer's screen: a second window implementing the ``CustomerDisplay`` port.

The ``Till`` calls these methods from the worker thread; each one only emits a signal, and the
widget updates in the GUI thread (Qt queues signals across threads), so it is safe to call from
anywhere.

A scan changes one line of the sale (a new one, or a quantity): the list keeps its row widgets
and redraws only the rows whose line changed. A cart is shown after the events already waiting
(the till's own window is drawn first: the GUI thread is shared, and that window is what the
cashier waits on), and several carts arriving meanwhile are shown once, the last one.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QStackedWidget, QVBoxLayout, QWidget)

from pos.money import format_kronor
from pos.ports import DisplayLine
from ui.widgets.elided_label import ElidedLabel
from ui.widgets.qr import qr_pixmap


class _Later(QObject):
    """Calls ``fn`` once the events already waiting are handled, the windows' repaints among
    them (Qt posts those at ``LowEventPriority``; this posts below it): the till's own window,
    changed by the same scan, is drawn before the customer's."""

    def __init__(self, fn: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._fn = fn

    def post(self) -> None:
        QCoreApplication.postEvent(self, QEvent(QEvent.Type.User),
                                   Qt.EventPriority.LowEventPriority.value - 1)

    def event(self, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.User:
            self._fn()
            return True
        return super().event(event)


class _LineRow(QWidget):
    """A row of the list: quantity and name on the left, the amount right-aligned, and the
    campaign's saving under the name when the line has one."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("cdLineRow")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 4, 0, 4)
        self.grid.setVerticalSpacing(0)
        self.name = ElidedLabel("", self)
        self.name.setObjectName("cdLine")
        self.amount = QLabel("", self)
        self.amount.setObjectName("cdLineAmount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.grid.addWidget(self.name, 0, 0)
        self.grid.addWidget(self.amount, 0, 1)
        self.grid.setColumnStretch(0, 1)
        self.saving: QLabel | None = None

    def show_line(self, line: DisplayLine, saving_text: str) -> bool:
        """Show ``line``; True when the saving's label came or went (the row's height)."""
        qty = f"{line.quantity} × " if line.quantity != 1 else ""
        self.name.setText(qty + line.name)
        self.amount.setText(format_kronor(line.amount))
        if saving_text and self.saving is None:
            self.saving = QLabel(saving_text, self)
            self.saving.setObjectName("cdLineSaving")
            self.grid.addWidget(self.saving, 1, 0, 1, 2)
            if self.isVisible():  # now, not at the next turn: the row's height counts it
                self.saving.show()
            return True
        if saving_text and self.saving is not None:
            self.saving.setText(saving_text)
        elif self.saving is not None:  # gone at once, not at the next turn (findChildren)
            self.grid.removeWidget(self.saving)
            self.saving.setParent(None)
            self.saving = None
            return True
        return False

    def fit(self, item: QListWidgetItem) -> None:
        """Give the list the row's height, with the fonts the window's style sheet sets."""
        for label in self.findChildren(QLabel):
            label.ensurePolished()
        self.ensurePolished()
        item.setSizeHint(self.sizeHint())


class CustomerDisplayWindow(QWidget):
    _cart = Signal(object, int, int)
    _payment = Signal(int, int, int)
    _thanks = Signal(str, str)
    _mobile = Signal(str, int, str, str)
    _clear = Signal()

    def __init__(self, store_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerDisplay")
        self.setWindowTitle(self.tr("Customer display"))
        self.setStyleSheet("""
            QWidget#customerDisplay, QWidget#cdPage { background: #10302a; }
            QLabel { color: white; }
            QLabel#cdStore { font-size: 22px; color: #a8d5c6; }
            QLabel#cdCurrent, QLabel#cdCurrentAmount { font-size: 30px; font-weight: bold; }
            QLabel#cdSaving, QLabel#cdSaved { font-size: 20px; color: #f5c26b; }
            QLabel#cdLineSaving { font-size: 16px; color: #f5c26b; }
            QLabel#cdLine, QLabel#cdLineAmount { font-size: 20px; }
            QWidget#cdLineRow { background: transparent; }
            QLabel#cdTotal { font-size: 60px; font-weight: bold; }
            QLabel#cdVat, QLabel#cdCaption { font-size: 18px; color: #cfe5dd; }
            QLabel#cdThanks { font-size: 40px; font-weight: bold; }
            QListWidget { background: #17403a; color: white; border: none; font-size: 20px;
                          padding: 4px 8px; }
            QListWidget#cdLines::item { padding: 0px; min-height: 0px; }  /* rows size themselves */
        """)
        self.store = QLabel(store_name or self.tr("Welcome!"), self)
        self.store.setObjectName("cdStore")
        self.stack = QStackedWidget(self)

        cart = QWidget(self)
        cart.setObjectName("cdPage")
        self.lines = QListWidget(cart)
        self.lines.setObjectName("cdLines")
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.lines.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        # the customer does not scroll: the list follows the newest line by itself
        self.lines.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # the last line scanned, large: its name, its amount (right) and its saving
        self.current = ElidedLabel("", cart)
        self.current.setObjectName("cdCurrent")
        self.current_amount = QLabel("", cart)
        self.current_amount.setObjectName("cdCurrentAmount")
        self.current_amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.current_saving = QLabel("", cart)
        self.current_saving.setObjectName("cdSaving")
        current = QHBoxLayout()
        current.addWidget(self.current, 1)
        current.addWidget(self.current_amount, 0, Qt.AlignmentFlag.AlignTop)
        caption = QLabel(self.tr("To pay"), cart)
        caption.setObjectName("cdCaption")
        self.total = QLabel(format_kronor(0, symbol=True), cart)
        self.total.setObjectName("cdTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.vat = QLabel("", cart)
        self.vat.setObjectName("cdVat")
        self.vat.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.saved = QLabel("", cart)
        self.saved.setObjectName("cdSaved")
        self.saved.setAlignment(Qt.AlignmentFlag.AlignRight)
        cl = QVBoxLayout(cart)
        cl.addWidget(self.lines, 1)
        cl.addLayout(current)
        cl.addWidget(self.current_saving)
        cl.addWidget(caption)
        cl.addWidget(self.total)
        cl.addWidget(self.saved)
        cl.addWidget(self.vat)

        thanks = QWidget(self)
        thanks.setObjectName("cdPage")
        self.thanks = QLabel("", thanks)
        self.thanks.setObjectName("cdThanks")
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks.setWordWrap(True)
        self.qr = QLabel(thanks)
        self.qr.setObjectName("cdQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_caption = QLabel(self.tr("Scan for your digital receipt"), thanks)
        self.qr_caption.setObjectName("cdCaption")
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tl = QVBoxLayout(thanks)
        tl.addStretch(1)
        tl.addWidget(self.thanks)
        tl.addWidget(self.qr)
        tl.addWidget(self.qr_caption)
        tl.addStretch(1)

        # a mobile payment (Swish) waiting for the customer: the QR code to scan, big
        mobile = QWidget(self)
        mobile.setObjectName("cdPage")
        self.mobile_heading = QLabel("", mobile)
        self.mobile_heading.setObjectName("cdThanks")
        self.mobile_heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mobile_heading.setWordWrap(True)
        self.mobile_qr = QLabel(mobile)
        self.mobile_qr.setObjectName("cdMobileQr")
        self.mobile_qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mobile_caption = QLabel("", mobile)
        self.mobile_caption.setObjectName("cdCaption")
        self.mobile_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mobile_caption.setWordWrap(True)
        ml = QVBoxLayout(mobile)
        ml.addStretch(1)
        ml.addWidget(self.mobile_heading)
        ml.addWidget(self.mobile_qr, 1)
        ml.addWidget(self.mobile_caption)
        ml.addStretch(1)

        self.stack.addWidget(cart)
        self.stack.addWidget(thanks)
        self.stack.addWidget(mobile)
        layout = QVBoxLayout(self)
        layout.addWidget(self.store)
        layout.addWidget(self.stack, 1)
        self.resize(800, 480)

        self._rows: list[_LineRow] = []  # the list's row widgets, item by item
        self._shown: list[DisplayLine] = []  # the lines they show
        self._pending: tuple[list[DisplayLine], int, int] | None = None  # a cart not shown yet
        self._later = _Later(self._show_pending, self)
        self._cart.connect(self._on_cart)
        self._payment.connect(self._on_payment)
        self._thanks.connect(self._on_thanks)
        self._mobile.connect(self._on_mobile)
        self._clear.connect(self._on_clear)
        self._on_clear()

    # --- CustomerDisplay port (any thread) -------------------------------------------------------

    def show_cart(self, lines: Sequence[DisplayLine], total: int, vat: int) -> None:
        self._cart.emit(list(lines), total, vat)

    def show_payment(self, total: int, paid: int, change: int) -> None:
        self._payment.emit(total, paid, change)

    def show_thanks(self, message: str, qr_data: str = "") -> None:
        self._thanks.emit(message, qr_data)

    def clear(self) -> None:
        self._clear.emit()

    def show_mobile_payment(self, method: str, amount: int, qr_data: str = "",
                            phone: str = "") -> None:
        """A payment waiting for the customer's phone: the QR code to scan (or the number the
        request went to); ``amount`` 0: the wait is over, back to the sale."""
        self._mobile.emit(method, amount, qr_data, phone)

    # --- GUI thread ------------------------------------------------------------------------------

    def _on_cart(self, lines: list[DisplayLine], total: int, vat: int) -> None:
        """Shown once the events waiting now are handled (the till's window drawn first); a
        later cart arriving meanwhile replaces this one unseen."""
        if self._pending is None:
            self._later.post()
        self._pending = (lines, total, vat)

    def _show_pending(self) -> None:
        """The cart waiting to be shown, now (also before a payment, a thank-you or a clear, so
        they never come out of order)."""
        pending, self._pending = self._pending, None
        if pending is not None:
            self._show_cart(*pending)

    def _show_cart(self, lines: list[DisplayLine], total: int, vat: int) -> None:
        self.stack.setCurrentIndex(0)
        if self._show_lines(lines):
            # after the rows are laid out, or the last one is only half in view
            QTimer.singleShot(0, self.lines, self.lines.scrollToBottom)
        if lines:
            last = lines[-1]
            self.current.setText(last.name)
            self.current_amount.setText(format_kronor(last.amount, symbol=True))
            self.current_saving.setText(self._saving_text(last.saving, symbol=True))
        else:
            self.current.setText(self.tr("Welcome!"))
            self.current_amount.setText("")
            self.current_saving.setText("")
        self.current_saving.setVisible(bool(lines and lines[-1].saving))
        saved = sum(line.saved for line in lines)  # campaigns and the cashier's discounts
        self.saved.setText(self.tr("You save %1").replace("%1", format_kronor(saved, symbol=True)))
        self.saved.setVisible(saved > 0)
        self.total.setText(format_kronor(total, symbol=True))
        self.vat.setText(self.tr("of which VAT %1").replace("%1", format_kronor(vat, symbol=True))
                         if total else "")

    def _show_lines(self, lines: list[DisplayLine]) -> bool:
        """Make the list show ``lines``, row by row: only rows whose line changed are touched,
        rows are added or removed at the end. True when rows were added or removed."""
        if not lines:
            grew = bool(self._rows)
            self.lines.clear()
            self._rows, self._shown = [], []
            return grew
        count = len(self._rows)
        for row in range(count - 1, len(lines) - 1, -1):  # fewer lines: the last rows go
            self.lines.takeItem(row)  # its row widget is deleted with it
            del self._rows[row], self._shown[row]
        for row, (line, shown) in enumerate(zip(lines, self._shown)):
            if line != shown and self._rows[row].show_line(line, self._saving_text(line.saving)):
                self._rows[row].fit(self.lines.item(row))
        for line in lines[len(self._rows):]:
            self._add_line(line)
        self._shown = list(lines)
        return len(lines) != count

    def _saving_text(self, saving: int, symbol: bool = False) -> str:
        if not saving:
            return ""
        return self.tr("Campaign −%1").replace("%1", format_kronor(saving, symbol=symbol))

    def _add_line(self, line: DisplayLine) -> None:
        row = _LineRow()
        row.show_line(line, self._saving_text(line.saving))
        item = QListWidgetItem(self.lines)
        self.lines.setItemWidget(item, row)  # in the window now: its style sheet sets the fonts
        row.fit(item)
        self._rows.append(row)

    def _on_payment(self, total: int, paid: int, change: int) -> None:
        self._show_pending()
        self.stack.setCurrentIndex(0)
        self.current.setText(self.tr("Paid %1").replace("%1", format_kronor(paid, symbol=True)))
        self.current_amount.setText("")
        self.current_saving.hide()
        self.saved.hide()
        self.total.setText(format_kronor(max(0, total - paid), symbol=True))
        if change:
            self.vat.setText(self.tr("Change %1", "money handed back to the customer").replace("%1", format_kronor(change, symbol=True)))

    def _on_thanks(self, message: str, qr_data: str) -> None:
        self._show_pending()
        self.thanks.setText(message)
        if qr_data:
            self.qr.setPixmap(qr_pixmap(qr_data, 260))
            self.qr.show()
            self.qr_caption.show()
        else:
            self.qr.hide()
            self.qr_caption.hide()
        self.stack.setCurrentIndex(1)

    def _on_mobile(self, method: str, amount: int, qr_data: str, phone: str) -> None:
        self._show_pending()
        if amount <= 0:
            self.stack.setCurrentIndex(0)
            return
        kronor = format_kronor(amount, symbol=True)
        self.mobile_heading.setText(self.tr("Pay %1 with %2").replace("%1", kronor)
                                    .replace("%2", method))
        if qr_data:
            side = max(200, min(self.width(), self.height()) // 2)
            self.mobile_qr.setPixmap(qr_pixmap(qr_data, side))
            self.mobile_qr.show()
            self.mobile_caption.setText(self.tr("Scan the code with the %1 app").replace("%1", method))
        else:
            self.mobile_qr.hide()
            self.mobile_caption.setText(self.tr("Approve the payment in the %1 app on your phone")
                                        .replace("%1", method))
        self.stack.setCurrentIndex(2)

    def _on_clear(self) -> None:
        self._pending = None
        self._show_cart([], 0, 0)
