"""Ordering at the kiosk (SQLite and PostgreSQL): the kiosk is register KIOSK1; an order sent
home or collected in another store, paid on the kiosk's own terminal, is one receipt, one
journal line and one order queued for the central store (origin "kiosk"); a declined card or
a lost answer loses nothing and never charges twice; the kiosk's shift is its own, per day;
an order sent to a till carries its delivery choice on the web cart; wrong PINs at the kiosk
lock the kiosk, never a cashier."""
import json
from datetime import datetime, timedelta

import pytest

from hardware.control_unit_simulator import SimulatedControlUnit
from pos.commerce import WebCart, WebCartLine
from pos.db.catalog_repository import CatalogRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.delivery import DeliveryError, DeliveryRules, choice_of_web_cart
from pos.journal import Kind
from pos.kiosk import KioskError, KioskSettings, SavedCart
from pos.payments import PaymentError
from pos.services import kiosk as kiosk_use
from pos.services import kiosk_orders as orders
from pos.services import staff as staff_use
from pos.services import web_carts
from pos.services.context import Devices, RegisterContext, TillConfig
from pos.services.setup import ensure_demo_staff
from pos.services.ship_to_home import DELIVERY_ORDER, delivery_key
from pos.staff import AuthError
from pos.stock import StockLevel, StockReport
from tests.services.conftest import ARTICLES
from tests.services.fakes import RecordingPrinter, ScriptedTerminal

TSHIRT, KAFFE, BOK = ARTICLES
SETTINGS = KioskSettings.from_config({}, here="store-gbg")
RULES = DeliveryRules()
DAY = datetime(2026, 11, 30, 10, 0, 0)


class Clock:
    def __init__(self, now=DAY):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def store(session_factory):
    with session_factory() as s, s.begin():
        CatalogRepository(s).bulk_upsert(ARTICLES)
    ensure_demo_staff(SqlUnitOfWork(session_factory))
    return session_factory


def kiosk_register(store, terminal, clock=None) -> RegisterContext:
    config = orders.kiosk_config(TillConfig(card_status_interval=0), "KIOSK1")
    devices = Devices(RecordingPrinter(), terminal, SimulatedControlUnit())
    return orders.open_register(SqlUnitOfWork(store), config, devices, name="Kiosk entrén",
                                clock=clock or Clock())


def home(location="store-sthlm"):
    return orders.checked_choice(orders.HOME, orders.Contact(
        "Anna Svensson", "Storgatan 1", "41301", "Göteborg", "anna.svensson@example.se"),
        location, SETTINGS, RULES)


def outbox(store, key):
    uow = SqlUnitOfWork(store)
    with uow:
        row = uow.outbox.by_key(key)
        return None if row is None else (row.kind, json.loads(row.payload_json))


def test_typed_contact_is_checked_with_messages_that_say_what_to_correct():
    def code(kind, contact, location="store-sthlm"):
        with pytest.raises((KioskError, DeliveryError)) as e:
            orders.checked_choice(kind, contact, location, SETTINGS, RULES)
        return e.value.code, e.value.params

    assert code(orders.HOME, orders.Contact(" ", "Storgatan 1", "41301", "Gbg", "a@b.se")) == (
        "kiosk_order.name_missing", {})
    assert code(orders.HOME, orders.Contact("Anna", "", "41301", "Gbg", "a@b.se"))[0] == \
        "kiosk_order.street_missing"
    assert code(orders.HOME, orders.Contact("Anna", "Storgatan 1", "01301", "Gbg", "a@b.se")) \
        == ("delivery.postcode_invalid", {"postcode": "01301"})
    assert code(orders.HOME, orders.Contact("Anna", "Storgatan 1", "4130", "Gbg", "a@b.se"))[0] \
        == "delivery.postcode_invalid"
    assert code(orders.HOME, orders.Contact("Anna", "Storgatan 1", "41301", "Gbg", ""))[0] == \
        "kiosk_order.contact_missing"
    assert code(orders.HOME, orders.Contact("Anna", "Storgatan 1", "41301", "Gbg", "anna@")) == (
        "kiosk_order.contact_invalid", {"text": "anna@"})
    assert code(orders.PICKUP, orders.Contact("Anna", phone_or_email="0701234567"),
                "store-gbg")[0] == "kiosk_order.not_a_pickup_store"  # this store: not "another"
    choice, email = home()
    assert choice.address.postcode == "413 01" and email == "anna.svensson@example.se"
    pickup, email = orders.checked_choice(orders.PICKUP, orders.Contact(
        "Erik Lind", phone_or_email="070-123 45 67"), "store-sthlm", SETTINGS, RULES)
    assert pickup.pickup and pickup.location_id == "store-sthlm" and email == ""
    assert pickup.address.phone == "070-123 45 67"


def test_options_are_the_nearest_sender_and_the_other_stores_that_have_it_nearest_first():
    report = StockReport("BOK-1", "Bok", "store-gbg", (
        StockLevel("v-bok", "store-gbg", "Göteborg", 0), StockLevel("v-bok", "store-sthlm",
                                                                    "Stockholm", 4, 1),
        StockLevel("v-bok", "web-warehouse", "Webblager", 40)), as_of=None, fresh=True)
    options = orders.order_options(report, SETTINGS, RULES, quantity=2)
    assert options.home_from == "store-sthlm"
    assert [s.location_id for s in options.pickup] == ["store-sthlm"]
    assert round(options.pickup[0].km) == 397
    # four wanted: Stockholm has three, the web warehouse sends them; no store hands them over
    options = orders.order_options(report, SETTINGS, RULES, quantity=4)
    assert options.home_from == "web-warehouse" and options.pickup == ()


def test_a_kiosk_order_paid_on_its_terminal_is_one_receipt_one_journal_line_one_central_order(
        store):
    terminal = ScriptedTerminal()
    ctx = kiosk_register(store, terminal)
    choice, email = home("web-warehouse")
    totals = orders.place_order(ctx, [(BOK, 2), (KAFFE, 1)], choice, email)
    # 2 x 129,50 + 59,90 = 318,90 is below the free-shipping amount: 49,00 shipping
    assert totals.total == 25900 + 5990 + 4900 == 36790
    view = orders.pay(ctx)
    sale = view.sale
    assert sale is not None and sale.register_id == "KIOSK1" and sale.receipt_no == 1
    assert sale.total == 36790 and terminal.charged == {sale.tenders[0].attempt_id: 36790}
    assert sale.cashier_id == "kiosk:KIOSK1" and sale.cashier_name == "Kiosk entrén"
    kind, payload = outbox(store, delivery_key(sale.id))
    assert kind == DELIVERY_ORDER and payload["origin"] == "kiosk"
    assert payload["register_id"] == "KIOSK1" and payload["sold_at_location"] == "store-gbg"
    assert payload["location_id"] == "web-warehouse" and payload["shipping_fee"] == 4900
    assert payload["customer_email"] == "anna.svensson@example.se"
    assert [(ln["sku"], ln["quantity"], ln["total"]) for ln in payload["lines"]] == [
        ("BOK-1", 2, 25900), ("KAF-1", 1, 5990)]
    uow = SqlUnitOfWork(store)
    with uow:
        sales = [e for e in uow.journal.entries("KIOSK1") if e.kind == Kind.SALE]
        assert len(sales) == 1 and sales[0].payload["delivery"]["order_ref"] == "L-KIOSK1-000001"
        assert uow.outbox.by_key(f"sale:{sale.id}") is None  # nothing taken now: no store order
        assert uow.shifts.current("KIOSK1").opening_float == 0
    assert ctx.state.cart.is_empty  # the next customer


def test_a_pickup_in_another_store_has_no_shipping_price(store):
    ctx = kiosk_register(store, ScriptedTerminal())
    choice, email = orders.checked_choice(orders.PICKUP, orders.Contact(
        "Erik Lind", phone_or_email="0701234567"), "store-sthlm", SETTINGS, RULES)
    totals = orders.place_order(ctx, [(BOK, 1)], choice, email)
    assert totals.total == 12950
    sale = orders.pay(ctx).sale
    _, payload = outbox(store, delivery_key(sale.id))
    assert payload["pickup"] is True and payload["location_id"] == "store-sthlm"
    assert payload["shipping_fee"] == 0 and payload["address"]["street"] == \
        "Hämtas i butik Stockholm"


def test_a_declined_card_says_so_and_the_order_waits_to_be_paid_again(store):
    terminal = ScriptedTerminal(next_outcomes=["declined"])
    ctx = kiosk_register(store, terminal)
    choice, email = home()
    orders.place_order(ctx, [(TSHIRT, 1)], choice, email)
    with pytest.raises(PaymentError) as declined:
        orders.pay(ctx)
    assert declined.value.code == "payment.card_declined"
    # the kiosk restarts: the order is still there, paid the second time
    ctx = kiosk_register(store, terminal)
    assert [ln.variant.sku for ln in ctx.state.cart.lines] == ["TSH-1", "POS-FRAKT"]
    sale = orders.pay(ctx).sale
    assert sale is not None and sale.total == 19900 + 4900 and len(terminal.charged) == 1


def test_a_lost_terminal_answer_is_resolved_after_a_restart_without_a_second_charge(store):
    class Crash(Exception):
        pass

    class DyingTerminal(ScriptedTerminal):
        """Charges the card, then the kiosk dies before the answer is read."""

        def start(self, request):
            super().start(request)
            raise Crash()

    dying = DyingTerminal()
    ctx = kiosk_register(store, dying)
    choice, email = home()
    orders.place_order(ctx, [(BOK, 1)], choice, email)
    with pytest.raises(Crash):
        orders.pay(ctx)
    # restart: the same terminal (it kept the approval) is asked what became of the attempt
    terminal = ScriptedTerminal(charged=dict(dying.charged))
    ctx = kiosk_register(store, terminal)
    notes, sale = orders.resume(ctx)
    assert sale is not None and sale.total == 12950 + 4900 and sale.receipt_no == 1
    assert terminal.requests == []  # asked for its status only: never charged again
    assert len(terminal.charged) == 1
    assert outbox(store, delivery_key(sale.id))[0] == DELIVERY_ORDER
    assert orders.resume(ctx) == ([], None)  # once


def test_the_kiosk_shift_opens_itself_per_day_and_a_left_open_day_gets_its_z(store):
    clock = Clock()
    ctx = kiosk_register(store, ScriptedTerminal(), clock)
    choice, email = home()
    orders.place_order(ctx, [(BOK, 1)], choice, email)
    first = orders.pay(ctx).sale
    clock.now = DAY + timedelta(days=1, hours=-1)  # the next morning, no Z taken last night
    orders.place_order(ctx, [(BOK, 1)], choice, email)
    second = orders.pay(ctx).sale
    assert first.shift_id != second.shift_id
    uow = SqlUnitOfWork(store)
    with uow:
        z = [e for e in uow.journal.entries("KIOSK1") if e.kind == Kind.Z_REPORT]
        assert len(z) == 1 and uow.shifts.get(first.shift_id).counted_cash == 0
        assert uow.shifts.current("KIOSK1").id == second.shift_id


def test_an_order_left_unpaid_yesterday_does_not_hold_up_the_kiosks_z(store):
    clock = Clock()
    ctx = kiosk_register(store, ScriptedTerminal(next_outcomes=["declined"]), clock)
    choice, email = home()
    orders.place_order(ctx, [(BOK, 1)], choice, email)
    with pytest.raises(PaymentError):
        orders.pay(ctx)  # the customer walked away
    clock.now = DAY + timedelta(days=1)
    orders.place_order(ctx, [(KAFFE, 1)], choice, email)
    sale = orders.pay(ctx).sale
    assert [ln.sku for ln in sale.lines] == ["KAF-1", "POS-FRAKT"]
    uow = SqlUnitOfWork(store)
    with uow:
        assert [e.kind for e in uow.journal.entries("KIOSK1")].count(Kind.Z_REPORT) == 1


def test_given_up_before_paying_leaves_the_register_empty(store):
    ctx = kiosk_register(store, ScriptedTerminal())
    choice, email = home()
    orders.place_order(ctx, [(BOK, 1)], choice, email)
    orders.give_up(ctx)
    assert kiosk_register(store, ScriptedTerminal()).state.cart.is_empty


class Carts:
    def __init__(self):
        self.made = []

    def create_cart(self, items, *, email="", metadata=None, location=""):
        self.made.append((items, email, metadata))
        self.location = location
        return SavedCart("cart_01", "https://shop.example.se/cart/cart_01", 0)


def test_sent_to_a_till_the_web_cart_carries_the_choice_and_the_till_sends_the_lines(store):
    central = ARTICLES[2]
    from dataclasses import replace
    from pos.catalog import CentralRefs
    book = replace(central, refs=CentralRefs(variant_id="variant_bok"))
    carts = Carts()
    choice, email = home("web-warehouse")
    orders.send_to_till([(book, 2)], choice, email, carts, place="Kiosk entrén")
    items, mail, metadata = carts.made[0]
    assert items == [("variant_bok", 2)] and mail == "anna.svensson@example.se"
    assert metadata["pos_kiosk"] == "Kiosk entrén" and carts.location == "web-warehouse"
    got, skus = choice_of_web_cart(metadata)
    assert got == choice and skus == {"BOK-1"}
    # the till loads the cart: the books are marked "deliver" with the kiosk's address
    from pos.services.till import Till
    till = Till(store, Devices(RecordingPrinter(), ScriptedTerminal(), SimulatedControlUnit()),
                TillConfig(card_status_interval=0))
    till.login("kim", "1234")
    till.open_shift(0)
    cart = WebCart("cart_01", "SEK", email, None, (WebCartLine(
        "variant_bok", "BOK-1", BOK.ean, BOK.name, 2, 12950, 0, 25900),), (), 0, 0, 25900, False,
        metadata=metadata)
    loaded = web_carts.load(till.ctx, cart)
    assert [(lt.line.variant.sku, lt.line.deliver, lt.total) for lt in loaded.totals.lines] == [
        ("BOK-1", True, 25900), ("POS-FRAKT", True, 4900)]
    sale = till.pay_card().sale
    kind, payload = outbox(store, delivery_key(sale.id))
    assert payload["address"]["postcode"] == "413 01" and "origin" not in payload  # a till's
    assert payload["location_id"] == "web-warehouse"
    assert payload["web_cart_id"] == "cart_01"  # all of it sent: the delivery order closes it


def test_wrong_pins_at_the_kiosk_lock_the_kiosk_not_the_cashiers_till_login(store):
    uow = SqlUnitOfWork(store)
    now = DAY
    for i in range(5):
        with pytest.raises(KioskError) as wrong:
            kiosk_use.staff_by_pin(uow, "KIOSK1", now + timedelta(seconds=i), "0000")
        assert wrong.value.code == "kiosk.not_staff"
    with pytest.raises(KioskError) as locked:  # the kiosk takes no PIN now, not even a right one
        kiosk_use.staff_by_pin(uow, "KIOSK1", now + timedelta(seconds=10), "1234")
    assert locked.value.code == "kiosk.pin_locked" and locked.value.params == {"minutes": 5}
    # Kim logs in at the till as usual: the kiosk's wrong PINs did not count against her
    ctx = RegisterContext(SqlUnitOfWork(store), TillConfig(), Devices(
        RecordingPrinter(), ScriptedTerminal(), SimulatedControlUnit()), clock=lambda: now)
    with ctx.uow:
        ctx.uow.registers.ensure("K1")
        ctx.uow.commit()
    assert staff_use.login(ctx, "kim", "1234").id == "kim"
    with uow:
        _, _, state = uow.staff.with_hash("kim")
        assert state.failed_attempts == 0 and state.locked_until is None
    # five minutes after the first wrong PIN the kiosk takes them again
    assert kiosk_use.staff_by_pin(uow, "KIOSK1", now + timedelta(minutes=5, seconds=1),
                                  "1234").id == "kim"
    # and a right PIN resets the count: four wrong ones do not lock it
    for i in range(4):
        with pytest.raises(KioskError):
            kiosk_use.staff_by_pin(uow, "KIOSK1", now + timedelta(minutes=6, seconds=i), "9")
    assert kiosk_use.staff_by_pin(uow, "KIOSK1", now + timedelta(minutes=6, seconds=9),
                                  "1234").id == "kim"
    with pytest.raises(AuthError):
        staff_use.login(ctx, "kim", "0000")  # the till's own count is untouched by all this
