"""The cart table model shows LineTotal rows it is given, money right-aligned, and passes the
Qt model tester."""
from decimal import Decimal

from PySide6.QtCore import Qt

from pos.cart import Cart, Discount
from pos.catalog import Variant
from pos.vat import VatRate
from ui.models.cart_model import ARTICLE, DISCOUNT, PRICE, QTY, TOTAL, CartModel, LineRole

SHIRT = Variant("v1", "TSH-1", "7350000000019", "T-shirt Bas blå M", 19900, VatRate.STANDARD)
COFFEE = Variant("v2", "KAF-1", "7350000000026", "Kaffe Mörkrost 450 g", 5990, VatRate.FOOD)


def totals():
    cart = Cart()
    cart.add(SHIRT, 2)
    line = cart.add(COFFEE)
    cart.discount_line(line.line_id, Discount(percent=Decimal(10)))
    return cart.totals()


def test_rows_show_article_quantity_and_money(qtmodeltester):
    model = CartModel()
    t = totals()
    model.set_rows(t.lines)
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 5
    assert model.index(0, ARTICLE).data() == "T-shirt Bas blå M"
    assert model.index(0, QTY).data() == "2"
    assert model.index(0, PRICE).data() == "199,00"
    assert model.index(0, TOTAL).data() == "398,00"
    assert model.index(1, DISCOUNT).data() == "-5,99"
    assert model.index(1, TOTAL).data() == "53,91"
    assert model.index(0, ARTICLE).data(Qt.ItemDataRole.UserRole) == 1
    assert model.index(1, ARTICLE).data(LineRole) is t.lines[1]


def test_money_is_right_aligned_and_names_left(qtmodeltester):
    model = CartModel()
    model.set_rows(totals().lines)
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for col in (QTY, PRICE, DISCOUNT, TOTAL):
        assert model.index(0, col).data(Qt.ItemDataRole.TextAlignmentRole) == int(right)
    assert model.index(0, ARTICLE).data(Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignLeft)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == \
        ["Article", "Qty", "Price", "Discount", "Total"]


def test_set_rows_replaces_everything_and_empty_is_valid(qtmodeltester):
    model = CartModel()
    model.set_rows(totals().lines)
    model.set_rows(())
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    assert model.line_at(0) is None
