"""Issue 9, items 9 and 11, through the Till facade on SQLite and PostgreSQL: UPC-E, in-store price
and weight labels, weighed articles from the scan to the receipt, the X report, the VAT and the
order for the central store; a quantity typed before a scan; every malformed code answered as
an unknown article that says what is wrong."""
from __future__ import annotations

from decimal import Decimal

import pytest

from pos.cart import CartError
from pos.catalog import UnknownCode, Variant
from pos.db.catalog_repository import CatalogRepository
from pos.db.repositories import SaleRepository
from pos.gtin import GtinError, layouts_from_config
from pos.measure import WeightError
from pos.sync.sale_events import store_order
from pos.vat import VatRate

LOSGODIS = Variant("v-los", "LOS-GOD", "7350120020338", "Lösgodis Plock & mix", 8990,
                   VatRate.FOOD, plu="101", unit="kg")
OST = Variant("v-ost", "OST-VAS", "7350120020352", "Västerbottensost Bit", 29900, VatRate.FOOD,
              plu="201", unit="kg")
MUGG = Variant("v-mugg", "MUG-US", "042100005264", "Mugg Import", 9900, VatRate.STANDARD)
CANDY = Variant("v-candy", "CANDY-US", "012345000058", "Candy Bar", 1500, VatRate.FOOD)
WEIGHT_LABEL = "2300010105121"  # 23 | 000101 | 0512 | 1: 0,512 kg of PLU 101
PRICE_LABEL = "2000020149909"  # 20 | 000201 | 4990 | 9: 49,90 kr of PLU 201


@pytest.fixture
def till(make_till, session_factory):
    with session_factory() as s, s.begin():
        CatalogRepository(s).bulk_upsert([LOSGODIS, OST, MUGG, CANDY])
    t = make_till()
    t.login("kim", "1234")
    t.open_shift(200000)
    return t


def lines(till):
    return till.totals().lines


def test_a_upce_scan_finds_the_article_stored_with_its_upca(till):
    till.scan("04252614")  # the UPC-E: UPC-A 042100005264
    till.scan("01234558")  # a UPC-E that is a valid EAN-8 as well: found as the UPC-E
    assert [lt.line.variant.id for lt in lines(till)] == ["v-mugg", "v-candy"]
    with pytest.raises(GtinError, match="neither for an EAN-8"):
        till.scan("04252615")


def test_a_weight_label_adds_its_weight_at_the_price_per_kg(till, printer, session_factory):
    totals = till.scan(WEIGHT_LABEL)
    (lt,) = totals.lines
    assert lt.line.variant.id == "v-los" and lt.line.weight == Decimal("0.512")
    assert lt.line.unit_price == 8990 and lt.line.quantity == 1
    assert lt.total == 4603  # 0,512 x 89,90 = 46,0288
    assert totals.item_count == 1
    assert totals.vat[0].rate is VatRate.FOOD and totals.vat[0].vat == 493  # 46,03 x 12/112
    till.scan(WEIGHT_LABEL)  # the same label again: another package, a line of its own
    assert [lt.total for lt in lines(till)] == [4603, 4603]
    assert till.totals().item_count == 2

    sale = till.pay_cash(10000).sale
    assert sale is not None and sale.total == 9206
    with session_factory() as s:
        stored = SaleRepository(s).get(sale.id)
    assert [ln.weight for ln in stored.lines] == [Decimal("0.512")] * 2
    assert stored.lines == sale.lines and stored.item_count == 2

    till.print_sale(sale.id)
    text = printer.printed[-1].plain_text()
    assert "Lösgodis Plock & mix" in text
    assert "0,512 kg à 89,90 kr/kg" in text and "46,03" in text
    assert "12 %" in text and "9,86" in text  # 92,06 x 12/112 = 9,8636

    order = store_order(sale, "store-gbg")
    assert [(ln.quantity, ln.unit_price, ln.total, ln.weight_kg) for ln in order.lines] == \
        [(1, 8990, 4603, "0.512")] * 2

    report, doc = till.x_report()
    assert report.item_count == 2 and report.gross_sales == 9206
    assert [(v.rate, v.vat) for v in report.vat] == [(VatRate.FOOD, 986)]
    assert "Sålda artiklar" in doc.plain_text()


def test_a_price_label_is_the_lines_price(till):
    (lt,) = till.scan(PRICE_LABEL).lines
    assert lt.line.variant.id == "v-ost" and lt.line.unit_price == 4990
    assert lt.line.weight is None and lt.line.original_price is None
    assert lt.line.label == PRICE_LABEL and lt.total == 4990
    till.scan(PRICE_LABEL, Decimal(2))  # two packages with the same label
    assert [(lt.line.quantity, lt.total) for lt in lines(till)] == [(1, 4990), (2, 9980)]


def test_a_label_whose_short_number_no_article_has(till):
    with pytest.raises(UnknownCode) as e:
        till.scan("2300099905124")  # PLU 999
    assert e.value.code == "catalog.unknown_plu" and e.value.params["plu"] == "999"
    assert "No article with code 2300099905124" in str(e.value)


def test_a_store_that_prints_other_labels_configures_them(make_till, session_factory):
    with session_factory() as s, s.begin():
        CatalogRepository(s).bulk_upsert([LOSGODIS])
    till = make_till(barcodes=layouts_from_config(
        [{"prefix": "28", "value": "weight", "decimals": 3, "item_digits": 5,
          "value_digits": 5}]))
    till.login("kim", "1234")
    till.open_shift(0)
    (lt,) = till.scan("2800101012500").lines  # 28 | 00101 | 01250 | 8: 1,250 kg
    assert lt.line.weight == Decimal("1.250") and lt.total == 11238  # 112,375 -> 112,38
    with pytest.raises(UnknownCode):
        till.scan(WEIGHT_LABEL)  # 23 is not a label in this store: a plain, unknown EAN-13


def test_a_weighed_article_by_its_own_code_needs_its_weight(till):
    with pytest.raises(CartError) as e:
        till.scan(LOSGODIS.ean)
    assert e.value.code == "cart.weight_needed"
    till.scan(LOSGODIS.ean, Decimal("0.150"))  # typed 0,150 before the scan
    till.scan("101", Decimal("1.003"))  # its short number typed
    assert [(lt.line.weight, lt.total) for lt in lines(till)] == [
        (Decimal("0.150"), 1349),  # 13,485 rounded half up
        (Decimal("1.003"), 9017)]  # 90,1697
    with pytest.raises(WeightError):
        till.scan(LOSGODIS.ean, Decimal("0.0005"))


def test_a_weighed_line_keeps_its_weight(till):
    till.scan(WEIGHT_LABEL)
    line_id = lines(till)[0].line.line_id
    with pytest.raises(CartError) as e:
        till.set_quantity(line_id, 3)
    assert e.value.code == "cart.weighed_line_quantity"
    with pytest.raises(CartError):
        till.scan(WEIGHT_LABEL, Decimal(3))


def test_a_number_typed_before_a_scan_is_its_quantity(till):
    till.scan(MUGG.ean, Decimal(3))
    till.scan("04252614", Decimal(2))
    assert [(lt.line.quantity, lt.total) for lt in lines(till)] == [(5, 49500)]
    with pytest.raises(CartError) as e:
        till.scan(MUGG.ean, Decimal("0.5"))
    assert e.value.code == "cart.not_sold_by_weight"
    with pytest.raises(CartError):
        till.scan(MUGG.ean, Decimal(0))


def test_a_sale_with_a_weighed_line_survives_a_restart(till, make_till):
    till.scan(WEIGHT_LABEL)
    till.scan(PRICE_LABEL)
    again = make_till()
    assert [(lt.line.weight, lt.line.label, lt.total) for lt in again.totals().lines] == [
        (Decimal("0.512"), WEIGHT_LABEL, 4603), (None, PRICE_LABEL, 4990)]


@pytest.mark.parametrize("payload, code, says", [
    ("12345", "scan.unknown_short_number", "not 5"),
    ("", "scan.empty", "empty"),
    ("]E0", "scan.empty", "empty"),  # a symbology identifier and nothing else
    ("   ", "scan.empty", "empty"),
    ("12345678901234567", "scan.wrong_length", "17 digits"),
    ("9" * 25, "scan.wrong_length", "25 digits"),
    ("123456789", "scan.wrong_length", "9 digits"),
    ("ab#$%", "scan.bad_characters", "'#', '$', '%'"),
    ("KAFFE MÖRK", "scan.bad_characters", "' ', 'Ö'"),
    ("-ABC", "scan.bad_start", "not '-'"),
    ("NO-SUCH-SKU", "scan.unknown_article_number", "article number"),
    ("x" * 41, "scan.too_long", "41 characters"),
    ("7350000009996", "catalog.unknown_code", "No article with code 7350000009996"),
])
def test_a_code_that_names_no_article_says_what_is_wrong_with_it(till, payload, code, says):
    with pytest.raises(UnknownCode) as e:
        till.scan(payload)
    assert e.value.code == code
    assert says in str(e.value)
    assert str(e.value).startswith("No article")
    assert lines(till) == ()
