"""The kiosk's idle reset and its waits (pytest-qt, offscreen, a controlled clock with short
times; the window's own ticker runs): while the customer pays on the kiosk's card terminal the
idle countdown does not run and nothing leaves the order page, however long the terminal takes;
the done screen with the receipt's QR code then counts down on its own, longer time, under the
code, and only then does the kiosk start over. The done screen is photographed in Swedish,
portrait and landscape, to /tmp/shots15-kiosk2/."""
from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from pos.db.unit_of_work import SqlUnitOfWork  # noqa: E402
from tests.kiosk.test_kiosk_order_ui import to_order, with_register  # noqa: E402
from tests.kiosk.test_kiosk_ui import (SIZES, _opened, _shut_lanes, build,  # noqa: E402,F401
                                       store_db, swedish, type_on_screen)
from tests.services.fakes import ScriptedTerminal  # noqa: E402

SHOTS = Path("/tmp/shots15-kiosk2")
IDLE, COUNTDOWN, DONE = 3, 2, 20  # seconds


@dataclass
class SlowTerminal(ScriptedTerminal):
    """The scripted terminal, answering only when the test lets it (the customer at the
    terminal, taking their time: longer than the kiosk's whole idle time and countdown)."""

    answer: threading.Event = field(default_factory=threading.Event)
    asked: threading.Event = field(default_factory=threading.Event)

    def start(self, request):
        self.asked.set()
        assert self.answer.wait(30), "the test never let the terminal answer"
        return super().start(request)


def _to_pay_step(qtbot, w, ctx):
    to_order(qtbot, w, ctx)
    page = w.order
    QTest.mouseClick(page.home_button, Qt.MouseButton.LeftButton)
    type_on_screen(page.keyboard, "anna")
    for field_, text in ((page.street, "Storgatan 1"), (page.postcode, "41301"),
                         (page.city, "Göteborg"), (page.reach, "anna@example.se")):
        field_.setText(text)
    QTest.keyClick(page.reach, Qt.Key.Key_Return)
    assert page.steps.currentIndex() == 2, page.message.text()
    return page


def _quiet(qtbot, clock, seconds: float) -> None:
    """Nobody touches the kiosk for ``seconds``; the window's ticker runs a few times."""
    clock.t += seconds
    qtbot.wait(700)  # TICK_MS is 250


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_paying_on_the_terminal_past_the_idle_time_ends_on_the_receipt_qr(
        qtbot, store_db, swedish, orientation):
    size = SIZES[orientation]
    terminal = SlowTerminal()
    w, ctx, clock = build(qtbot, store_db, size, idle=IDLE, countdown=COUNTDOWN)
    ctx.settings = replace(ctx.settings, done_seconds=DONE)
    with_register(ctx, store_db, terminal)
    page = _to_pay_step(qtbot, w, ctx)
    to_pay = w.cart.totals().total + 4900  # below free shipping: 49,00 kr shipping on top
    QTest.keyClick(page, Qt.Key.Key_F7)
    assert terminal.asked.wait(15)
    try:
        # the customer is at the terminal: several whole idle times pass without a touch
        for _ in range(3):
            _quiet(qtbot, clock, IDLE + COUNTDOWN + 1)
            assert w.stack.currentWidget() is w.order and page.steps.currentIndex() == 2
            assert not w.countdown.isVisible() and w.cart.lines
        # and nothing leaves the page while the terminal has the payment
        QTest.keyClick(w, Qt.Key.Key_F2)
        QTest.keyClick(w, Qt.Key.Key_F3)
        w.reset()
        assert w.stack.currentWidget() is w.order and w.cart.lines
    finally:
        terminal.answer.set()  # approved, long after the kiosk's idle time
    qtbot.waitUntil(lambda: page.steps.currentIndex() == 3, timeout=15000)
    assert list(terminal.charged.values()) == [to_pay]
    assert w.cart.is_empty and "(0)" in w.cart_button.text()  # bought: nothing to pay twice
    said = re.search(r"\b(KIOSK1)-(\d+)\b", page.done_text.text())
    assert said, page.done_text.text()
    register_id, receipt_no = said.group(1), said.group(2)
    with SqlUnitOfWork(store_db) as uow:
        sale = uow.sales.by_receipt(register_id, int(receipt_no))
        assert sale is not None and sale.total == to_pay
    from ui.kiosk.camera import decode
    (read,) = decode(page.qr.pixmap().toImage())
    assert read.text == f"https://kvitto.omnihandeln.se/r/{sale.id}"

    # the done screen: the overlay's idle time and countdown pass, the code stays, unhidden
    _quiet(qtbot, clock, IDLE + COUNTDOWN + 1)  # 6 s of the done screen's 20
    assert w.stack.currentWidget() is w.order and page.steps.currentIndex() == 3
    assert not w.countdown.isVisible() and page.qr.isVisible()
    assert page.closing.text() == "Skärmen stängs om 14 sekunder: tryck Klar när du är klar"
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert w.grab().save(str(SHOTS / f"done-{size[0]}x{size[1]}.png"))
    _quiet(qtbot, clock, 13.0)  # 19 s
    assert page.steps.currentIndex() == 3 and w.stack.currentWidget() is w.order
    assert page.closing.text() == "Skärmen stängs om 1 sekund: tryck Klar när du är klar"
    _quiet(qtbot, clock, 1.0)  # 20 s: the next customer's kiosk
    assert w.stack.currentWidget() is w.attract and w.cart.is_empty
    with SqlUnitOfWork(store_db) as uow:  # the sale stays as paid
        assert uow.sales.by_receipt(register_id, int(receipt_no)).total == to_pay


def test_a_touch_on_the_done_screen_gives_it_its_whole_time_again(qtbot, store_db):
    terminal = SlowTerminal()
    terminal.answer.set()
    w, ctx, clock = build(qtbot, store_db, SIZES["landscape"], idle=IDLE, countdown=COUNTDOWN)
    ctx.settings = replace(ctx.settings, done_seconds=DONE)
    with_register(ctx, store_db, terminal)
    page = _to_pay_step(qtbot, w, ctx)
    QTest.keyClick(page, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: page.steps.currentIndex() == 3, timeout=15000)
    _quiet(qtbot, clock, DONE - 2)
    assert page.steps.currentIndex() == 3
    QTest.mouseClick(page.qr, Qt.MouseButton.LeftButton)  # the customer is still reading
    _quiet(qtbot, clock, DONE - 2)
    assert page.steps.currentIndex() == 3 and w.stack.currentWidget() is w.order
    assert "2 seconds" in page.closing.text()
    QTest.mouseClick(page.done_button, Qt.MouseButton.LeftButton)  # done: at once
    assert w.stack.currentWidget() is w.attract and w.cart.is_empty


def test_saving_the_order_for_a_till_is_no_idle_time(qtbot, store_db):
    """The other wait of the order page: the central store saving the order as a cart for a
    till (its QR code the customer needs). A slow save past the idle time still ends on it."""
    from tests.kiosk.test_kiosk_ui import Carts

    class SlowCarts(Carts):
        def __init__(self):
            super().__init__()
            self.answer, self.asked = threading.Event(), threading.Event()

        def create_cart(self, items, *, email="", metadata=None, location=""):
            self.asked.set()
            assert self.answer.wait(30)
            return super().create_cart(items, email=email, metadata=metadata)

    carts = SlowCarts()
    w, ctx, clock = build(qtbot, store_db, SIZES["landscape"], carts=carts, idle=IDLE,
                          countdown=COUNTDOWN)
    ctx.settings = replace(ctx.settings, done_seconds=DONE)
    page = _to_pay_step(qtbot, w, ctx)
    from tests.kiosk.test_kiosk_ui import centralise
    centralise(w)
    page.items = [(ln.variant, int(ln.quantity)) for ln in w.cart.lines]
    QTest.keyClick(page, Qt.Key.Key_F8)
    assert carts.asked.wait(15)
    try:
        _quiet(qtbot, clock, IDLE + COUNTDOWN + 1)
        assert w.stack.currentWidget() is w.order and not w.countdown.isVisible()
    finally:
        carts.answer.set()
    qtbot.waitUntil(lambda: page.steps.currentIndex() == 3, timeout=15000)
    assert carts.made and not page.qr.pixmap().isNull()
    _quiet(qtbot, clock, IDLE + COUNTDOWN + 1)
    assert page.steps.currentIndex() == 3 and w.stack.currentWidget() is w.order
    _quiet(qtbot, clock, DONE)
    assert w.stack.currentWidget() is w.attract


def test_the_done_screen_waits_for_the_receipt_printer(qtbot, store_db):
    """A kiosk with a printer: the done screen's own countdown starts once the receipt is out
    (a printer slower than the whole countdown does not end the screen under the customer)."""
    terminal = SlowTerminal()
    terminal.answer.set()
    w, ctx, clock = build(qtbot, store_db, SIZES["landscape"], idle=IDLE, countdown=COUNTDOWN)
    ctx.settings = replace(ctx.settings, done_seconds=DONE)
    with_register(ctx, store_db, terminal)
    out, printed = threading.Event(), []

    def print_receipt(sale_id):  # the printer lane: paper out when the test says so
        assert out.wait(30)
        printed.append(sale_id)
    ctx.print_receipt = print_receipt
    page = _to_pay_step(qtbot, w, ctx)
    QTest.keyClick(page, Qt.Key.Key_F7)
    try:
        qtbot.waitUntil(lambda: page.steps.currentIndex() == 3, timeout=15000)
        _quiet(qtbot, clock, DONE + IDLE + COUNTDOWN)  # still printing
        assert page.steps.currentIndex() == 3 and w.stack.currentWidget() is w.order
    finally:
        out.set()
    qtbot.waitUntil(lambda: bool(printed) and not page.waiting, timeout=15000)
    _quiet(qtbot, clock, DONE - 1)  # the whole countdown from the receipt's end, less a second
    assert page.steps.currentIndex() == 3 and w.stack.currentWidget() is w.order
    _quiet(qtbot, clock, 1)
    assert w.stack.currentWidget() is w.attract
