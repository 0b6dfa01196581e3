"""The pickups dialog (Shift+F8, or an order's QR code scanned at the sale): the list from the
network lane, receiving a parcel (the customer told), paying an unpaid order at the till with a
store article beside it, handing over a paid one, a central store that does not answer; and the
dialog photographed in Swedish at 1024x768 and 1920x1080."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from integrations.notifications import RecordingNotifier
from pos.pickups import PickupStage
from pos.sync.pickup_events import pickup_key
from tests.fakes.pickups import FakePickups, pickup_order
from tests.ui.conftest import demo_articles, log_in, wait_idle

SHOTS = Path(os.environ.get("POS_SHOTS_DIR", "/tmp/shots10-pick"))


def orders(qtbot, window, till) -> FakePickups:
    wait_idle(qtbot, window)  # the register lane has the till's unit of work while it loads
    coffee, book, shirt = demo_articles(till)
    return FakePickups(
        pickup_order(1042, [(shirt, 2), (book, 1)], off=3333),  # to pay, ready
        pickup_order(1043, [(coffee, 1)], paid=True, source="store-gbg"),  # paid, ready
        pickup_order(1044, [(book, 3)], stage=PickupStage.ON_THE_WAY),  # from the warehouse
        pickup_order(1039, [(coffee, 2)], paid=True, stage=PickupStage.COLLECTED, name="Erik Berg"))


def open_dialog(qtbot, window):
    page = window.sale_page
    QTest.keyClick(page.scan_input, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: page.dialog is not None
                    and page.dialog.objectName() == "pickupDialog", timeout=5000)
    d = page.dialog
    qtbot.waitUntil(lambda: d.table.rowCount() == 4, timeout=5000)
    return page, d


def row_of(d, number: int) -> int:
    return [o.display_id for o in d.orders].index(number)


def test_an_unpaid_order_is_paid_at_the_till_with_a_store_article(qtbot, window, till):
    store = orders(qtbot, window, till)
    till.pickups, till.notifier = store, RecordingNotifier()
    log_in(qtbot, window)
    page, d = open_dialog(qtbot, window)
    # waiting for the customer first (newest first), then on its way, then collected
    assert [d.table.item(r, 0).text() for r in range(4)] == ["#1043", "#1042", "#1044", "#1039"]
    assert d.table.item(0, 3).text() == "Paid" and d.table.item(1, 3).text() == "To pay"
    assert d.table.item(3, 2).text() == "Collected"
    assert d.table.item(2, 2).text() == "On its way from the web warehouse"

    d.table.selectRow(row_of(d, 1042))
    assert d.pay_button.isEnabled() and not d.hand_over_button.isEnabled()
    QTest.keyClick(d.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not shiboken6.isValid(d) or not d.isVisible(), timeout=5000)
    order = store.orders["order_" + "1042".zfill(26)]
    qtbot.waitUntil(lambda: page.totals is not None and page.totals.total == order.total,
                    timeout=5000)
    assert "#1042" in page.message.text()
    assert [lt.line.order_no for lt in page.totals.lines] == ["1042", "1042"]

    wait_idle(qtbot, window)
    coffee = demo_articles(till)[0]
    page.scanned(coffee.ean)  # a store article in the same checkout
    qtbot.waitUntil(lambda: page.totals.total == order.total + coffee.price, timeout=5000)
    wait_idle(qtbot, window)
    view = till.pay_card()
    assert view.sale is not None and view.sale.total == order.total + coffee.price
    with till.ctx.uow as uow:
        assert uow.outbox.by_key(pickup_key(order.id)) is not None


def test_a_scanned_order_code_opens_it_and_a_parcel_is_received(qtbot, window, till):
    store = orders(qtbot, window, till)
    till.pickups, till.notifier = store, RecordingNotifier()
    log_in(qtbot, window)
    page = window.sale_page
    on_the_way = store.orders["order_" + "1044".zfill(26)]
    page.scanned(f"https://shop.omnihandeln.se/orders/{on_the_way.id}")
    qtbot.waitUntil(lambda: page.dialog is not None
                    and page.dialog.objectName() == "pickupDialog", timeout=5000)
    d = page.dialog
    qtbot.waitUntil(lambda: "#1044" in d.message.text(), timeout=5000)
    assert d.selected().id == on_the_way.id and d.receive_button.isEnabled()
    qtbot.mouseClick(d.receive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "received" in d.message.text(), timeout=5000)
    assert d.selected().stage is PickupStage.READY
    assert [n.order_id for n in till.notifier.sent] == [on_the_way.id]
    assert not d.receive_button.isEnabled() and d.pay_button.isEnabled()


def test_a_paid_order_is_handed_over_and_a_silent_central_store_is_told_in_the_dialog(
        qtbot, window, till):
    store = orders(qtbot, window, till)
    till.pickups, till.notifier = store, RecordingNotifier()
    log_in(qtbot, window)
    page, d = open_dialog(qtbot, window)
    d.table.selectRow(row_of(d, 1043))
    assert d.hand_over_button.isEnabled() and not d.pay_button.isEnabled()
    QTest.keyClick(d.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "handed over" in d.message.text(), timeout=5000)
    assert till.cart.is_empty
    # the central store's list still says what it said (the outbox tells it later): the row
    # shows the handover, and it cannot be handed over again
    row = row_of(d, 1043)
    assert d.table.item(row, 2).text() == d.stage_text(d.orders[row]) != ""
    assert d.orders[row].stage.value == "collected"
    d.table.selectRow(row)
    assert not d.hand_over_button.isEnabled()

    # the central store hangs: the dialog waits on the network lane, scans still answer
    gate = threading.Event()
    real = store.pickup_order
    store.pickup_order = lambda code: (gate.wait(10), real(code))[1]  # type: ignore[method-assign]
    d.field.setText("1042")
    d.find()
    coffee = store.orders["order_" + "1043".zfill(26)].lines[0]
    d.reject()
    page.scanned(coffee.ean)
    qtbot.waitUntil(lambda: page.totals is not None and page.totals.total == coffee.unit_price,
                    timeout=3000)  # answered while the central store is still silent
    gate.set()
    wait_idle(qtbot, window)

    store.pickup_order = real  # type: ignore[method-assign]
    store.down = True
    page.pickups.open_list("1042")
    d = page.dialog
    qtbot.waitUntil(lambda: "cannot be reached" in d.message.text(), timeout=5000)
    assert d.message.property("level") == "error"


def test_the_dialog_in_swedish_at_both_sizes(qtbot, qapp, till):
    from ui.i18n import install_translators
    from ui.till.main_window import MainWindow
    from ui.widgets.style import apply_style

    install_translators(qapp, "sv")  # before the window: every word of it in Swedish
    try:
        apply_style(qapp)
        window = MainWindow(till)
        qtbot.addWidget(window)
        window.show()
        QTest.qWaitForWindowActive(window)
        store = orders(qtbot, window, till)
        till.pickups, till.notifier = store, RecordingNotifier()
        log_in(qtbot, window)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page = window.sale_page
        assert page.buttons["pickups"].text() == "Hämtordrar\nShift+F8"
        for w, h in ((1024, 768), (1920, 1080)):
            window.resize(w, h)
            apply_style(qapp)
            qapp.processEvents()
            assert all(b.height() >= 44 and b.isVisible() for b in page.buttons.values())
            page.pickups.open_list()
            d = page.dialog
            qtbot.waitUntil(lambda: d.table.rowCount() == 4, timeout=5000)
            assert d.table.item(1, 3).text() == "Att betala"
            assert d.pay_button.text().startswith("Betala i kassan")
            d.resize(min(d.sizeHint().width(), w - 40) if w < 1200 else int(w * 0.6),
                     int(h * 0.7))
            qapp.processEvents()
            for b in (d.receive_button, d.pay_button, d.hand_over_button, d.find_button):
                assert b.height() >= 44 and b.fontMetrics().horizontalAdvance(
                    b.text().split("\n")[0]) <= b.width()
            assert d.grab().save(str(SHOTS / f"pickups-{w}x{h}-sv.png"))
            d.reject()
            wait_idle(qtbot, window)
            window.grab().save(str(SHOTS / f"till-{w}x{h}-sv.png"))
        # the order on the sale, a store article beside it
        page.pickups.open_list("1042")
        d = page.dialog
        qtbot.waitUntil(lambda: "#1042" in d.message.text(), timeout=5000)
        d.pay_button.click()
        qtbot.waitUntil(lambda: page.totals is not None and len(page.totals.lines) == 2,
                        timeout=5000)
        wait_idle(qtbot, window)
        page.scanned(demo_articles(till)[0].ean)
        qtbot.waitUntil(lambda: len(page.totals.lines) == 3, timeout=5000)
        assert "Webborder #1042" in page.model.index(0, 0).data()
        for w, h in ((1024, 768), (1920, 1080)):
            window.resize(w, h)
            apply_style(qapp)
            qapp.processEvents()
            window.grab().save(str(SHOTS / f"till-order-on-sale-{w}x{h}-sv.png"))
        wait_idle(qtbot, window)
        window.close()
    finally:
        install_translators(qapp, "en")
