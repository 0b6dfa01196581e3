"""Shelf labels' figures (pos.shelf_labels): the comparison price per kg / l / st rounded half up
to the öre, the campaign price of one unit as the till charges it, a multi-buy as its text, the
QR address, and the label on the receipt printer read back from its ESC/POS bytes."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from hardware.printers.escpos_render import render_bytes
from hardware.simulators.escpos_decode import barcodes, count_cuts, decode_text, qr_codes
from pos.cart import Cart
from pos.catalog import CentralRefs, Variant
from pos.promotions import ApplicationMethod, Promotion, PromotionBook, Rule
from pos.shelf_labels import (LabelSettings, comparison_price, label_document, make_label,
                              multibuy_text)
from pos.shelf_qr import parse_shelf_qr
from pos.vat import VatRate

NOW = datetime(2026, 11, 30, 12, 0)
TODAY = date(2026, 11, 30)
FOOD, CANDY = "pcat_food", "pcat_candy"


def article(sku, price, *, qty=None, unit="", sold="", cats=(FOOD,), ean="7350120000019"):
    return Variant(id=f"var_{sku.lower()}", sku=sku, ean=ean, name=f"{sku} namn", price=price,
                   vat_rate=VatRate.FOOD, product_id=f"prod_{sku.lower()}", product_name="Kaffe",
                   size="450 g", refs=CentralRefs(f"variant_{sku}", f"prod_{sku}", cats),
                   net_quantity=None if qty is None else Decimal(qty), net_unit=unit, unit=sold)


def promo(pid, value, *, cats=(FOOD,), type_="percentage", ends=datetime(2026, 12, 24, 23, 59),
          buyget=False, automatic=True):
    am = ApplicationMethod(type=type_, target_type="items", value=Decimal(value),
                           allocation="each", max_quantity=99, currency_code="sek",
                           target_rules=(Rule("items.product.categories.id", "in", cats),),
                           buy_rules=(Rule("items.product.categories.id", "in", cats),)
                           if buyget else (),
                           buy_rules_min_quantity=2 if buyget else None,
                           apply_to_quantity=1 if buyget else None)
    return Promotion(id=pid, code="", is_automatic=automatic, type="buyget" if buyget else "standard",
                     ends_at=ends, campaign_name=f"Kampanj {pid}", application_method=am)


def book(*promotions):
    return PromotionBook(tuple(promotions), clock=lambda: NOW)


SETTINGS = LabelSettings("https://shop.example.se/shelf", "store-gbg", {"prod_kaf": "kaffe-mellan"})


@pytest.mark.parametrize("price, qty, expected", [
    (5990, "0.45", 13311),     # 13 311.11... öre/kg
    (3490, "1.5", 2327),       # 2 326.66... öre/l, up
    (2990, "0.75", 3987),      # 3 986.66... öre/l
    (1245, "0.5", 2490),       # exact
    (4999, "6", 833),          # 833.16... öre/st, down
    (1, "0.4", 3),             # 2.5 öre: half up, away from zero
    (3, "2", 2),               # 1.5 öre: half up
])
def test_the_comparison_price_is_rounded_half_up_to_the_ore(price, qty, expected):
    assert comparison_price(price, Decimal(qty)) == expected


def test_no_comparison_price_without_net_content():
    assert comparison_price(19900, None) is None
    label = make_label(article("TSH", 19900), book(), SETTINGS, TODAY)
    assert label.comparison is None and label.comparison_unit == ""


def test_a_package_has_its_comparison_price_and_a_weighed_article_its_price_per_kg():
    coffee = make_label(article("KAF", 5990, qty="0.45", unit="kg"), book(), SETTINGS, TODAY)
    assert (coffee.price, coffee.comparison, coffee.comparison_unit) == (5990, 13311, "kg")
    candy = make_label(article("LOS", 8990, sold="kg"), book(), SETTINGS, TODAY)
    assert (candy.per_kg, candy.comparison, candy.comparison_unit) == (True, 8990, "kg")
    assert candy.price_text == "89,90 /kg"


def test_the_campaign_price_is_what_the_till_charges_for_one_unit():
    coffee = article("KAF", 5990, qty="0.45", unit="kg")
    b = book(promo("p15", 15))
    label = make_label(coffee, b, SETTINGS, TODAY)
    cart = Cart(book=b)
    cart.add(coffee, 1)
    # 15 % of the net price (Medusa's default): 898.5 öre off, the total 5 091.5 rounded half up
    assert label.campaign is not None
    assert label.campaign.price == cart.totals().total == 5092
    assert label.campaign.comparison == 11316  # 5 092 / 0.45 = 11 315.55...
    assert label.campaign.name == "Kampanj p15"
    assert label.campaign.ends == date(2026, 12, 24)
    assert label.comparison == 13311  # the ordinary one stays


def test_a_weighed_articles_campaign_price_is_per_kg():
    candy = article("LOS", 8990, sold="kg")
    label = make_label(candy, book(promo("p33", "33.3")), SETTINGS, TODAY)
    # 33.3 % of 8 990 öre: 2 993.67 off, 5 996.33 left, rounded half up
    assert label.campaign.price == 5996
    assert label.campaign.comparison == 5996


def test_a_promotion_on_another_category_a_code_or_an_ended_one_gives_no_campaign():
    coffee = article("KAF", 5990, qty="0.45", unit="kg")
    assert make_label(coffee, book(promo("p1", 15, cats=(CANDY,))), SETTINGS, TODAY).campaign is None
    assert make_label(coffee, book(promo("p2", 15, automatic=False)), SETTINGS,
                      TODAY).campaign is None
    assert make_label(coffee, book(promo("p3", 15, ends=datetime(2026, 11, 1))), SETTINGS,
                      TODAY).campaign is None


def test_three_for_two_is_the_campaigns_text_not_a_unit_price():
    coffee = article("KAF", 5990, qty="0.45", unit="kg")
    p = promo("p32", 100, buyget=True)
    label = make_label(coffee, book(p), SETTINGS, TODAY)
    assert label.campaign.price is None
    assert label.campaign.text == multibuy_text(p) == "3 för 2"
    assert label.price == 5990 and label.comparison == 13311


def test_the_qr_is_the_shelf_address_of_this_article_in_this_store():
    label = make_label(article("KAF", 5990), book(), SETTINGS, TODAY)
    found = parse_shelf_qr(label.qr)
    assert (found.handle, found.sku, found.store) == ("kaffe-mellan", "KAF", "store-gbg")
    assert label.qr.startswith("https://shop.example.se/shelf/products/kaffe-mellan?")
    assert make_label(article("KAF", 5990), book(), LabelSettings(""), TODAY).qr == ""


def test_a_label_on_the_receipt_printer_reads_back_with_its_figures_codes_and_one_cut():
    coffee = article("KAF", 5990, qty="0.45", unit="kg")
    label = make_label(coffee, book(promo("p15", 15)), SETTINGS, TODAY)
    data = render_bytes(label_document(label))
    text = decode_text(data)
    assert "Kaffe" in text and "450 g" in text
    assert "50,92 kr" in text and "Ord. pris 59,90 kr" in text
    assert "Jämförpris 113,16 kr/kg" in text and "Ord. jämförpris 133,11 kr/kg" in text
    assert "Kampanjen gäller t.o.m. 2026-12-24" in text and "Art.nr KAF" in text
    assert "Utskriven 2026-11-30" in text
    assert barcodes(data) == ["7350120000019"]
    assert qr_codes(data) == [label.qr]
    assert count_cuts(data) == 1


def test_a_label_without_campaign_or_ean_prints_the_price_and_no_barcode():
    label = make_label(article("TSH", 19900, ean="TSH-1"), book(), SETTINGS, TODAY)
    data = render_bytes(label_document(label))
    text = decode_text(data)
    assert "199,00 kr" in text and "Jämförpris" not in text and "KAMPANJ" not in text
    assert barcodes(data) == [] and count_cuts(data) == 1
