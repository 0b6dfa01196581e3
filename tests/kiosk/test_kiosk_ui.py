"""Every kiosk screen at portrait 1080x1920, landscape 1920x1080 and a small 1024x768, in
Swedish, photographed to /tmp/shots12-kiosk/; the idle countdown and reset (a controlled clock
and short times); no way out without a staff PIN; scans from the scanner and the camera; the
cart saved (its QR code decodes to the URL the till loads) or refused plainly offline; a staff
call stored for the tills."""
from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSize, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from pos.db.engine import make_engine  # noqa: E402
from pos.db.migrate import upgrade  # noqa: E402
from pos.db.session import session_factory as make_factory  # noqa: E402
from pos.db.unit_of_work import SqlUnitOfWork  # noqa: E402
from pos.demo.catalog import demo_catalog  # noqa: E402
from pos.kiosk import KioskSettings, SavedCart  # noqa: E402
from pos.ports import CommerceUnavailable  # noqa: E402
from pos.scan_router import ScanKind, classify  # noqa: E402
from pos.services import kiosk as use  # noqa: E402
from pos.services.setup import load_demo_data  # noqa: E402
from ui.kiosk.staff_exit import StaffExitDialog  # noqa: E402

SHOTS = Path("/tmp/shots12-kiosk")
SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080), "small": (1024, 768)}


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


class Carts:
    def __init__(self, down: bool = False) -> None:
        self.down, self.made = down, []

    def create_cart(self, items, *, email="", metadata=None):
        if self.down:
            raise CommerceUnavailable("POST /store/carts: connection refused")
        self.made.append((items, email))
        return SavedCart("cart_01KIOSKTEST", "https://shop.example.se/cart/cart_01KIOSKTEST", 0)


@pytest.fixture(scope="module")
def store_db(tmp_path_factory):
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('kiosk')}/pos.sqlite3")
    upgrade(engine)
    sf = make_factory(engine)
    load_demo_data(SqlUnitOfWork(sf))
    use.ensure_products(SqlUnitOfWork(sf), datetime(2026, 11, 30, 9))
    yield sf
    engine.dispose()


@pytest.fixture
def swedish(qapp):
    from ui.i18n import install_translators
    install_translators(qapp, "sv")
    yield
    install_translators(qapp, "en")


_opened: list = []


@pytest.fixture(autouse=True)
def _shut_lanes():
    yield
    while _opened:
        w, ctx = _opened.pop()
        w._may_close = True
        w.close()
        ctx.shutdown()


def centralise(w) -> None:
    """The cart's demo articles as the central store names them (a synced catalogue's are)."""
    from dataclasses import replace
    for i, line in enumerate(w.cart.lines):
        w.cart.lines[i] = replace(line, variant=replace(line.variant, refs=replace(
            line.variant.refs, variant_id="variant_" + line.variant.id)))


def build(qtbot, sf, size, *, carts=None, camera=None, idle=90, countdown=15):
    from ui.kiosk.context import KioskContext
    from ui.kiosk.window import KioskWindow

    settings = KioskSettings.from_config({"place": "Kiosk entrén", "idle_seconds": idle,
                                          "countdown_seconds": countdown})
    ctx = KioskContext(sf, settings, kiosk_id="KIOSK1",
                       carts=(lambda: carts) if carts is not None else (lambda: None))
    clock = Clock()
    w = KioskWindow(ctx, camera=camera, monotonic=clock)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show_kiosk(fullscreen=False)
    qtbot.waitUntil(lambda: ctx.db.is_idle() and len(w.find.categories.buttons) > 3)
    _opened.append((w, ctx))
    return w, ctx, clock


def idle(ctx, qtbot):
    qtbot.waitUntil(lambda: ctx.db.is_idle() and ctx.net.is_idle()
                    and ctx.lane("stock").is_idle(), timeout=10000)


def shot(widget, name: str, size: tuple[int, int]) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}-{size[0]}x{size[1]}.png"
    QTest.qWait(50)
    assert widget.grab().save(str(path))
    return path


def type_on_screen(keyboard, text: str) -> None:
    for ch in text:
        QTest.mouseClick(keyboard.keys[ch], Qt.MouseButton.LeftButton)


def winter_variant():
    return next(v for v in demo_catalog()[0].variants if (v.price * 20) % 10000)


@pytest.mark.parametrize("orientation", list(SIZES))
def test_every_screen_in_swedish(qtbot, store_db, swedish, orientation):
    size = SIZES[orientation]
    carts = Carts()
    w, ctx, clock = build(qtbot, store_db, size, carts=carts)
    assert w.stack.currentWidget() is w.attract
    shot(w, "1-attract", size)

    QTest.mouseClick(w.attract, Qt.MouseButton.LeftButton)
    assert w.stack.currentWidget() is w.find
    type_on_screen(w.find.keyboard, "tröja")
    QTest.mouseClick(w.find.keyboard.enter, Qt.MouseButton.LeftButton)
    idle(ctx, qtbot)
    found = w.find.found_variants()
    assert found and all("tröja" in v.name.lower() for v in found)
    assert w.find.search.text() == "tröja"
    assert not w.find.keyboard.isVisible()  # the results get the room
    shot(w, "2-find", size)
    QTest.mouseClick(w.find.search, Qt.MouseButton.LeftButton)
    assert w.find.keyboard.isVisible()

    v = winter_variant()
    w.open_article(v.id)
    idle(ctx, qtbot)
    assert w.product.page is not None and w.product.page.variant.id == v.id
    assert w.product.page.price.discount > 0 and w.product.campaign.isVisible()
    assert "Göteborg" in w.product.stock.text() and w.product.alternatives.buttons
    shot(w, "3-product", size)

    QTest.mouseClick(w.product.add, Qt.MouseButton.LeftButton)
    assert w.cart.totals().item_count == 1 and "(1)" in w.cart_button.text()
    w.show_cart()
    QTest.mouseClick(w.cart_view.findChild(type(w.product.add), f"line1_plus"),
                     Qt.MouseButton.LeftButton)
    assert w.cart.lines[0].quantity == 2
    centralise(w)
    type_on_screen(w.cart_view.keyboard, "anna@example.se")
    QTest.mouseClick(w.cart_view.save_button, Qt.MouseButton.LeftButton)
    idle(ctx, qtbot)
    assert w.cart_view.qr.isVisible(), w.cart_view.message.text()
    shot(w, "4-cart-qr", size)

    clock.t += ctx.settings.idle_seconds + 3
    w.tick()
    assert w.countdown.isVisible()
    shot(w, "5-countdown", size)
    w.keep_session()

    dialog = w.ask_staff_pin()
    qtbot.waitUntil(dialog.isVisible)
    shot(dialog, "6-staff-pin", size)
    dialog.reject()
    w.reset()
    w.show_find()
    w.find.search.setText("finnsinte")
    w.find.run_search()
    idle(ctx, qtbot)
    shot(w, "7-nothing-found", size)
    w._may_close = True
    w.close()


def test_the_idle_countdown_then_a_reset_clears_the_cart(qtbot, store_db):
    w, ctx, clock = build(qtbot, store_db, SIZES["landscape"], idle=3, countdown=2)
    w.show_find()
    w.open_article(winter_variant().id)
    idle(ctx, qtbot)
    w.add_to_cart(w.product.page.variant)
    w.tick()
    assert not w.countdown.isVisible()
    clock.t += 3.0
    w.tick()
    assert w.countdown.isVisible() and "2" in w.countdown_text.text()
    clock.t += 1.0
    w.tick()
    assert "1" in w.countdown_text.text() and w.cart.lines  # not yet
    QTest.mouseClick(w.still_here, Qt.MouseButton.LeftButton)  # a touch keeps the session
    w.tick()
    assert not w.countdown.isVisible() and w.cart.lines
    clock.t += 5.0  # nobody again: idle and the whole countdown
    w.tick()
    assert w.stack.currentWidget() is w.attract and not w.cart.lines
    assert not w.countdown.isVisible() and "(0)" in w.cart_button.text()
    assert w.find.search.text() == ""
    clock.t += 60.0  # the attract screen with an empty cart never counts down
    w.tick()
    assert not w.countdown.isVisible()
    w._may_close = True
    w.close()


def test_no_way_out_without_a_staff_pin(qtbot, store_db):
    w, ctx, _ = build(qtbot, store_db, SIZES["portrait"])
    w.show_find()
    for key, mod in ((Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                     (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
                     (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
                     (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)):
        QTest.keyClick(w, key, mod)
        QTest.keyClick(w.find.search, key, mod)
    assert w.isVisible()
    assert not w.close() and w.isVisible()  # a window manager's close (Alt+F4) is refused
    assert w.windowFlags() & Qt.WindowType.FramelessWindowHint  # no close button to press

    for _ in range(4):
        QTest.mouseClick(w.logo, Qt.MouseButton.LeftButton)
    assert not w.findChildren(StaffExitDialog)  # four taps: nothing
    QTest.mouseClick(w.logo, Qt.MouseButton.LeftButton)  # the fifth within three seconds
    (dialog,) = [d for d in w.findChildren(StaffExitDialog) if d.isVisible()]
    for ch in "0000":
        QTest.mouseClick(dialog.pad.buttons[ch], Qt.MouseButton.LeftButton)
    QTest.mouseClick(dialog.pad.buttons["OK"], Qt.MouseButton.LeftButton)
    idle(ctx, qtbot)
    assert w.isVisible() and dialog.message.isVisible()
    left = []
    w.closed_by_staff.connect(left.append)
    QTest.keyClicks(dialog.pad, "1234")
    QTest.keyClick(dialog.pad, Qt.Key.Key_Return)
    idle(ctx, qtbot)
    qtbot.waitUntil(lambda: not w.isVisible())
    assert [m.id for m in left] == ["kim"]


def test_scans_from_the_scanner_and_the_camera_open_the_product(qtbot, store_db):
    from tests.kiosk.test_camera_decoding import ean13_image
    from ui.kiosk.camera import CameraScanner

    camera = CameraScanner()
    w, ctx, _ = build(qtbot, store_db, SIZES["landscape"], camera=camera)
    assert "kamera" in w.find.scan_hint.text().lower() or "camera" in w.find.scan_hint.text().lower()
    v = winter_variant()
    w.scan(f"{v.ean}\r")
    idle(ctx, qtbot)
    qtbot.waitUntil(lambda: w.product.page is not None and w.product.page.variant.id == v.id)
    other = demo_catalog()[3].variants[0]
    w.show_find()
    camera.feed(ean13_image(other.ean))
    idle(ctx, qtbot)
    qtbot.waitUntil(lambda: w.product.page.variant.id == other.id)
    assert w.stack.currentWidget() is w.product
    w.scan("7350120999990")  # no such article: said on the find page
    idle(ctx, qtbot)
    assert w.stack.currentWidget() is w.find and w.notice.isVisible()
    counts = {r.variant_id: r.counts for r in use.interest(SqlUnitOfWork(store_db),
                                                            datetime.now().date(),
                                                            datetime.now().date())}
    assert counts[v.id]["scan"] >= 1 and counts[other.id]["scan"] >= 1
    w._may_close = True
    w.close()


def test_the_cart_offline_is_kept_and_said_and_saved_its_qr_loads_at_a_till(qtbot, store_db):
    from ui.kiosk.camera import decode

    down = Carts(down=True)
    w, ctx, _ = build(qtbot, store_db, SIZES["landscape"], carts=down)
    w.open_article(winter_variant().id)
    idle(ctx, qtbot)
    w.add_to_cart(w.product.page.variant)
    centralise(w)  # as a synced catalogue names them
    w.show_cart()
    w.cart_view.save()
    idle(ctx, qtbot)
    assert not w.cart_view.qr.isVisible() and w.cart.lines  # kept here
    assert "cannot be saved now" in w.cart_view.message.text()
    # the central store is back: saved and shown as a QR code
    ok = Carts()
    ctx._built["carts"] = ok
    w.cart_view.save()
    idle(ctx, qtbot)
    assert w.cart_view.qr.isVisible() and ok.made == [([("variant_" + w.cart.lines[0].variant.id, 1)], "")]
    (read,) = decode(w.cart_view.qr.pixmap().toImage())
    assert classify(read.text).kind is ScanKind.WEB_CART
    assert classify(read.text).value == "cart_01KIOSKTEST"
    w._may_close = True
    w.close()


def test_a_physical_keyboard_reaches_every_page(qtbot, store_db):
    w, ctx, _ = build(qtbot, store_db, SIZES["landscape"])
    w.activateWindow()
    QTest.qWaitForWindowActive(w)
    QTest.keyClick(w, Qt.Key.Key_F2)
    assert w.stack.currentWidget() is w.find
    QTest.keyClicks(w.find.search, "jeans")
    QTest.keyClick(w.find.search, Qt.Key.Key_Return)
    idle(ctx, qtbot)
    assert w.find.found_variants()
    QTest.keyClick(w, Qt.Key.Key_F3)
    assert w.stack.currentWidget() is w.cart_view
    QTest.keyClick(w, Qt.Key.Key_F9)
    idle(ctx, qtbot)
    assert [c.place for c in use.open_calls(SqlUnitOfWork(store_db))][-1] == "Kiosk entrén"
    QTest.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in w.findChildren(StaffExitDialog)))


def test_call_staff_is_stored_for_the_tills(qtbot, store_db):
    w, ctx, _ = build(qtbot, store_db, SIZES["portrait"])
    QTest.mouseClick(w.call_button, Qt.MouseButton.LeftButton)
    idle(ctx, qtbot)
    assert w.notice.isVisible()
    calls = use.open_calls(SqlUnitOfWork(store_db))
    assert [c.place for c in calls] == ["Kiosk entrén"]  # one call per place, however often
    w._may_close = True
    w.close()


def test_the_webs_product_information_is_read_at_start(qtbot, store_db):
    from pos.kiosk import ProductInfo
    from ui.kiosk.context import KioskContext
    from ui.kiosk.window import KioskWindow

    product = demo_catalog()[5]
    info = ProductInfo(product.id, product.title, product.handle, "Ny text från webben.",
                       "", (("pcat_new", "Nyheter"),))
    ctx = KioskContext(store_db, KioskSettings(), products=lambda: [info])
    w = KioskWindow(ctx)
    qtbot.addWidget(w)
    _opened.append((w, ctx))
    w.resize(1920, 1080)
    w.show_kiosk(fullscreen=False)
    qtbot.waitUntil(lambda: any(b.text() == "Nyheter" for b in w.find.categories.buttons),
                    timeout=5000)
    w.open_article(product.variants[0].id)
    idle(ctx, qtbot)
    assert w.product.description.text() == "Ny text från webben."


def test_a_phone_number_with_plus_and_a_category_after_a_search(qtbot, store_db):
    """The on-screen keyboard types "+46..." (a phone number for the cart's account), and a
    category chosen after a search shows the category alone: the old search text is gone."""
    w, ctx, _clock = build(qtbot, store_db, SIZES["landscape"])
    QTest.mouseClick(w.attract, Qt.MouseButton.LeftButton)
    type_on_screen(w.find.keyboard, "+46701234567")
    assert w.find.search.text() == "+46701234567"
    w.find.search.clear()
    type_on_screen(w.find.keyboard, "kaffe")
    QTest.mouseClick(w.find.keyboard.enter, Qt.MouseButton.LeftButton)
    idle(ctx, qtbot)
    assert w.find.search.text() == "kaffe"
    w.find.show_categories()
    idle(ctx, qtbot)
    QTest.mouseClick(w.find.categories.buttons[0], Qt.MouseButton.LeftButton)
    idle(ctx, qtbot)
    assert w.find.search.text() == ""
