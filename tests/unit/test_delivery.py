"""Ship-to-home rules: Swedish postcodes, the sending location, free shipping, the expected date,
and what the receipt and the order confirmation say."""
from datetime import date, datetime

import pytest

from pos.cart import Cart
from pos.catalog import Variant
from pos.delivery import (Delivery, DeliveryAddress, DeliveryChoice, DeliveryError,
                          DeliveryRules, add_working_days, choose_location, parse_postcode)
from pos.payment_methods import CASH
from pos.payments import Tender
from pos.receipt_delivery import order_confirmation
from pos.receipt_layout import StoreInfo, sale_receipt
from pos.sales import Sale, SaleLine
from pos.vat import VatRate


@pytest.mark.parametrize("typed, written", [
    ("12345", "123 45"), ("123 45", "123 45"), (" 411 19 ", "411 19"), ("SE-411 19", "411 19"),
    ("se 98765", "987 65"), ("10005", "100 05")])
def test_a_swedish_postcode_is_written_the_swedish_way(typed, written):
    assert parse_postcode(typed) == written


@pytest.mark.parametrize("typed", ["01234", "012 34", "1234", "123456", "123-45", "12 345",
                                   "ABCDE", "", "123  45", "DK-1234"])
def test_what_is_not_a_swedish_postcode_is_refused_with_its_own_message(typed):
    with pytest.raises(DeliveryError) as e:
        parse_postcode(typed)
    assert e.value.code == "delivery.postcode_invalid"
    assert "five digits, written 123 45" in str(e.value)


def test_an_address_is_checked_whole():
    ok = DeliveryAddress(" Anna Svensson ", "Storgatan 1", "11122", "Stockholm").checked()
    assert (ok.name, ok.postcode) == ("Anna Svensson", "111 22")
    with pytest.raises(DeliveryError) as e:
        DeliveryAddress("Anna", " ", "11122", "").checked()
    assert e.value.code == "delivery.address_incomplete"
    assert e.value.params == {"missing": "a street, a city"}
    with pytest.raises(DeliveryError, match="not a Swedish postcode"):
        DeliveryAddress("Anna", "Storgatan 1", "01122", "Stockholm").checked()


ORDER = ("store-gbg", "store-sthlm", "web-warehouse")


def test_the_nearest_location_with_every_article_is_chosen_and_never_this_store():
    stock = {"store-gbg": {"A": 9, "B": 9}, "store-sthlm": {"A": 2, "B": 0},
             "web-warehouse": {"A": 5, "B": 1}}
    assert choose_location(ORDER, {"A": 2}, stock, here="store-gbg") == "store-sthlm"
    assert choose_location(ORDER, {"A": 2, "B": 1}, stock, here="store-gbg") == "web-warehouse"
    assert choose_location(ORDER, {"A": 3}, stock, here="store-gbg") == "web-warehouse"
    assert choose_location(ORDER, {"A": 6}, stock, here="store-gbg") is None
    assert choose_location(ORDER, {"B": 2}, stock, here="store-gbg") is None
    assert choose_location(ORDER, {}, stock, here="store-gbg") is None  # nothing to send


def test_the_order_of_locations_comes_from_the_config():
    rules = DeliveryRules.from_config({"nearest": {"store-gbg": ["web-warehouse", "store-sthlm"]},
                                       "lead_days": {"web-warehouse": 1},
                                       "shipping_price_ore": 5900, "free_above_ore": 79900})
    assert rules.order_for("store-gbg") == ("web-warehouse", "store-sthlm")
    assert (rules.shipping_price, rules.free_above) == (5900, 79900)
    assert rules.lead_days == {"web-warehouse": 1}


def test_home_delivery_is_free_from_the_stores_amount_else_it_costs_the_shipping_price():
    rules = DeliveryRules(shipping_price=4900, free_above=50000)
    assert rules.shipping_fee(49999) == 4900
    assert rules.shipping_fee(50000) == 0
    always = DeliveryRules.from_config({"free_above_ore": 0})
    assert always.shipping_fee(1) == 0
    never = DeliveryRules.from_config({"free_above_ore": -1, "shipping_price_ore": 3333})
    assert never.shipping_fee(10 ** 9) == 3333


def test_the_expected_date_counts_working_days():
    friday = date(2026, 11, 27)
    assert add_working_days(friday, 1) == date(2026, 11, 30)  # Monday
    assert add_working_days(friday, 3) == date(2026, 12, 2)
    rules = DeliveryRules(lead_days={"web-warehouse": 2})
    assert rules.expected_date(date(2026, 11, 28), "web-warehouse") == date(2026, 12, 1)  # Sat
    assert rules.expected_date(friday, "elsewhere") == date(2026, 12, 2)  # the default 3


def _variant(sku, price):
    return Variant(f"v-{sku}", sku, "", f"Artikel {sku}", price, VatRate.STANDARD)


def test_deliver_marks_and_the_address_survive_the_saved_cart():
    cart = Cart()
    a = cart.add(_variant("A", 19900))
    cart.add(_variant("B", 5990))
    cart.mark_deliver(a.line_id, True)
    cart.delivery = DeliveryChoice(DeliveryAddress("Anna", "Storgatan 1", "111 22", "Sthlm"),
                                   "web-warehouse", True)
    back = Cart.from_dict(cart.to_dict())
    assert [ln.deliver for ln in back.lines] == [True, False]
    assert back.delivery == cart.delivery
    back.add(_variant("A", 19900))  # a new scan of a delivered article is taken now
    assert [(ln.variant.sku, ln.quantity, ln.deliver) for ln in back.lines] == [
        ("A", 1, True), ("B", 1, False), ("A", 1, False)]


def _sale():
    lines = (SaleLine("v-A", "A", "", "Jacka Vinter", 1, 129900, None, 0, 129900,
                      VatRate.STANDARD),
             SaleLine("v-B", "B", "", "Mössa", 2, 14950, None, 0, 29900, VatRate.STANDARD),
             SaleLine("pos-shipping", "POS-FRAKT", "", "Hemleverans", 1, 4900, None, 0, 4900,
                      VatRate.STANDARD))
    return Sale(id="s1", register_id="K1", receipt_no=42, shift_id=1, cashier_id="kim",
                cashier_name="Kim", completed_at=datetime(2026, 11, 27, 14, 5), lines=lines,
                tenders=(Tender(CASH, 164700, 164700, 0),), total=164700, discount=0,
                rounding=0, customer_name="Anna Svensson")


def _delivery():
    return Delivery("s1", "L-K1-000042", (1, 3),
                    DeliveryAddress("Anna Svensson", "Storgatan 1", "111 22", "Stockholm",
                                    "+46701234567"),
                    "web-warehouse", "Webblager", 4900, date(2026, 12, 1))


def test_the_receipt_lists_both_parts_and_a_delivery_section():
    text = sale_receipt(_sale(), StoreInfo(), "CU-1", delivery=_delivery()).plain_text(42)
    assert "Mössa" in text and "Jacka Vinter" in text  # taken now and sent home: one receipt
    section = text[text.index("HEMLEVERANS"):]
    assert "Ordernummer" in section and "L-K1-000042" in section
    assert "1 st Jacka Vinter" in section and "1 299,00" in section
    assert "Mössa" not in section  # taken now: not in the delivery section
    assert "Frakt" in section and "49,00" in section
    assert "Skickas från Webblager" in section
    assert "Beräknad leverans tisdag 2026-12-01" in section
    assert "Storgatan 1" in section and "111 22 Stockholm" in section
    plain = sale_receipt(_sale(), StoreInfo(), "CU-1").plain_text(42)
    assert "HEMLEVERANS" not in plain


def test_the_order_confirmation_is_a_slip_of_its_own_with_what_was_paid_for_the_delivery():
    doc = order_confirmation(_sale(), _delivery(), StoreInfo())
    text = doc.plain_text(42)
    assert doc.kind == "order_confirmation" and doc.receipt_no == "L-K1-000042"
    assert "ORDERBEKRÄFTELSE" in text and "Detta är inget kvitto" in text
    assert "Jacka Vinter" in text and "Mössa" not in text
    assert "1 348,00" in text  # 1 299,00 + 49,00 shipping
    assert "Beräknad leverans tisdag 2026-12-01" in text
    # not the receipt's terms: the slip points to the receipt for returns
    assert "mot kvitto" not in text and "Spara kvittot" in text
    free = Delivery("s1", "L-K1-000042", (1,), _delivery().address, "web-warehouse",
                    "Webblager", 0, date(2026, 12, 1))
    assert "Fri frakt" in order_confirmation(_sale(), free, StoreInfo()).plain_text(42)
