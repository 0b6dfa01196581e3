"""The kiosk's order screens (pytest-qt, offscreen): from the cart to "how", the details typed on
the on-screen keyboard and checked, paid on the kiosk's terminal (a scripted one) or declined
(the order waits), by touch and by keyboard; every step photographed in Swedish at portrait
1080x1920 and landscape 1920x1080 to /tmp/shots13-kioskorder/."""
from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from hardware.control_unit_simulator import SimulatedControlUnit  # noqa: E402
from pos.db.unit_of_work import SqlUnitOfWork  # noqa: E402
from pos.services import kiosk_orders as orders  # noqa: E402
from pos.services.context import Devices, TillConfig  # noqa: E402
from tests.kiosk.test_kiosk_ui import (SIZES, _opened, _shut_lanes, build, idle,  # noqa: E402,F401
                                       store_db,
                                       swedish, type_on_screen, winter_variant)
from tests.services.fakes import RecordingPrinter, ScriptedTerminal  # noqa: E402
from ui.kiosk.widgets import kronor  # noqa: E402

SHOTS = Path("/tmp/shots13-kioskorder")


def shot(widget, name, size):
    SHOTS.mkdir(parents=True, exist_ok=True)
    QTest.qWait(50)
    assert widget.grab().save(str(SHOTS / f"{name}-{size[0]}x{size[1]}.png"))


def with_register(ctx, sf, terminal):
    built = {}

    def register():
        if "r" not in built:
            built["r"] = orders.open_register(
                SqlUnitOfWork(sf), orders.kiosk_config(TillConfig(card_status_interval=0),
                                                       "KIOSK1"),
                Devices(RecordingPrinter(), terminal, SimulatedControlUnit()), name="Kiosk entrén")
        return built["r"]
    ctx.order_register = register


def to_order(qtbot, w, ctx):
    w.open_article(winter_variant().id)
    idle(ctx, qtbot)
    w.add_to_cart(w.product.page.variant)
    w.show_cart()
    QTest.keyClick(w.cart_view, Qt.Key.Key_F4)  # the keyboard's way to the order
    assert w.stack.currentWidget() is w.order
    idle(ctx, qtbot)


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_every_order_step_in_swedish_paid_at_the_kiosk(qtbot, store_db, swedish, orientation):
    size = SIZES[orientation]
    terminal = ScriptedTerminal()
    w, ctx, _ = build(qtbot, store_db, size)
    with_register(ctx, store_db, terminal)
    to_order(qtbot, w, ctx)
    page = w.order
    assert page.options is not None and page.home_button.isEnabled()
    shot(w, "1-how", size)
    QTest.mouseClick(page.home_button, Qt.MouseButton.LeftButton)
    assert page.steps.currentIndex() == 1 and page.street.isVisibleTo(page)
    type_on_screen(page.keyboard, "anna")  # the name field has the focus
    page.street.setFocus()
    type_on_screen(page.keyboard, "storgatan 1")
    page.postcode.setFocus()
    type_on_screen(page.keyboard, "0130")
    page.city.setFocus()
    type_on_screen(page.keyboard, "göteborg")
    page.reach.setFocus()
    type_on_screen(page.keyboard, "anna@example.se")
    QTest.mouseClick(page.details_next, Qt.MouseButton.LeftButton)
    assert page.steps.currentIndex() == 1 and "postnummer" in page.message.text().lower()
    shot(w, "2-details-wrong-postcode", size)
    page.postcode.setText("41301")
    QTest.keyClick(page.reach, Qt.Key.Key_Return)  # Enter after the last field: checked
    assert page.steps.currentIndex() == 2
    assert "413 01" in page.pay_text.text()
    goods = w.cart.totals().total  # as the till prices it (a campaign may apply)
    assert page.total == goods and goods < 50000  # below free shipping: 49,00 kr on top
    assert kronor(goods + 4900) in page.pay_text.text() and "49,00" in page.pay_text.text()
    shot(w, "3-pay", size)
    QTest.keyClick(page, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: page.steps.currentIndex() == 3, timeout=15000)
    assert "KIOSK1-" in page.done_text.text() and not page.qr.pixmap().isNull()
    assert list(terminal.charged.values()) == [goods + 4900]  # what the screen said
    from ui.kiosk.camera import decode
    (read,) = decode(page.qr.pixmap().toImage())  # the digital receipt's address
    assert read.text.startswith("https://kvitto.omnihandeln.se/r/")
    shot(w, "4-paid", size)
    QTest.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    assert w.stack.currentWidget() is w.attract and w.cart.is_empty


def test_a_declined_card_says_so_and_the_order_waits_on_the_pay_step(qtbot, store_db, swedish):
    size = SIZES["landscape"]
    terminal = ScriptedTerminal(next_outcomes=["declined"])
    w, ctx, _ = build(qtbot, store_db, size)
    with_register(ctx, store_db, terminal)
    to_order(qtbot, w, ctx)
    page = w.order
    if not page.pickup_buttons:
        pytest.skip("the demo's synced stock has no other store with it")
    QTest.keyClick(page, Qt.Key.Key_F6)  # the nearest store that has it
    assert page.steps.currentIndex() == 1 and not page.street.isVisibleTo(page)
    page.name.setText("Erik Lind")
    page.reach.setText("0701234567")
    QTest.keyClick(page.reach, Qt.Key.Key_Return)
    assert page.steps.currentIndex() == 2 and "Stockholm" in page.pay_text.text()
    QTest.mouseClick(page.pay_here, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.isVisible() and page.pay_here.isEnabled(),
                    timeout=15000)
    assert page.steps.currentIndex() == 2 and "nekad" in page.message.text().lower()
    shot(w, "3-pay-declined", size)
    QTest.mouseClick(page.pay_here, Qt.MouseButton.LeftButton)  # again: approved
    qtbot.waitUntil(lambda: page.steps.currentIndex() == 3, timeout=15000)
    assert len(terminal.charged) == 1


def test_an_article_not_here_is_ordered_from_its_product_page(qtbot, store_db):
    from pos.db.catalog_repository import CatalogRepository
    with store_db() as s:
        repo = CatalogRepository(s)
        lacking = next(v for v in repo.search("t-shirt", 200)
                       if {lv.location_id: lv.available for lv in repo.stock_for(v.id)}
                       .get("store-gbg", 0) == 0
                       and any(lv.available > 0 for lv in repo.stock_for(v.id)))
        stocked = next(v for v in repo.search("t-shirt", 200)
                       if {lv.location_id: lv.available for lv in repo.stock_for(v.id)}
                       .get("store-gbg", 0) > 0)
    w, ctx, _ = build(qtbot, store_db, SIZES["landscape"])
    w.open_article(stocked.id)
    idle(ctx, qtbot)
    assert not w.product.order.isVisible()  # it is here: take it from the shelf
    w.open_article(lacking.id)
    idle(ctx, qtbot)
    assert w.product.order.isVisible()
    QTest.mouseClick(w.product.order, Qt.MouseButton.LeftButton)
    assert w.stack.currentWidget() is w.order
    assert [(v.id, q) for v, q in w.order.items] == [(lacking.id, 1)]
    idle(ctx, qtbot)
    assert w.order.options is not None
