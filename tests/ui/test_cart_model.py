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


# --- changes: a view is told what changed, not that everything did ---------------------------------

TEA = Variant("v3", "TE-1", "7350000000033", "Te Earl Grey 100 g", 3490, VatRate.FOOD)


class Recorder:
    """The model's structure signals, in order, as (name, first, last)."""

    def __init__(self, model):
        self.events = []
        model.modelReset.connect(lambda: self.events.append(("reset",)))
        model.rowsInserted.connect(lambda _p, a, b: self.events.append(("inserted", a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.events.append(("removed", a, b)))
        model.dataChanged.connect(
            lambda tl, br, _roles=(): self.events.append(("changed", tl.row(), br.row(),
                                                          tl.column(), br.column())))


def sale():
    cart = Cart()
    cart.add(SHIRT)
    cart.add(COFFEE)
    return cart


def watched(qtmodeltester, cart):
    model = CartModel()
    model.set_rows(cart.totals().lines)
    qtmodeltester.check(model)  # and it keeps checking every change that follows
    return model, Recorder(model)


def test_a_new_line_is_one_inserted_row_and_the_view_keeps_its_selection(qtbot, qtmodeltester):
    from PySide6.QtWidgets import QTableView

    cart = sale()
    model, rec = watched(qtmodeltester, cart)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.selectRow(1)
    cart.add(TEA)
    model.set_rows(cart.totals().lines)
    assert rec.events == [("inserted", 2, 2)]
    assert [i.row() for i in view.selectionModel().selectedRows()] == [1]
    assert model.index(2, ARTICLE).data() == "Te Earl Grey 100 g"
    assert [model.line_at(r).line.line_id for r in range(3)] == [1, 2, 3]
    qtmodeltester.check(model)


def test_a_repeated_scan_changes_only_its_row(qtmodeltester):
    cart = sale()
    model, rec = watched(qtmodeltester, cart)
    cart.add(SHIRT)  # a second shirt: quantity 2 on the first line
    model.set_rows(cart.totals().lines)
    assert rec.events == [("changed", 0, 0, ARTICLE, TOTAL)]
    assert model.index(0, QTY).data() == "2"
    assert model.index(0, TOTAL).data() == "398,00"
    model.set_rows(cart.totals().lines)  # the same again: nothing to tell
    assert rec.events == [("changed", 0, 0, ARTICLE, TOTAL)]


def test_a_removed_line_is_one_removed_row_and_the_rest_stay(qtmodeltester):
    cart = sale()
    cart.add(TEA)
    model, rec = watched(qtmodeltester, cart)
    cart.remove(2)
    model.set_rows(cart.totals().lines)
    assert rec.events == [("removed", 1, 1)]
    assert [model.index(r, ARTICLE).data() for r in range(2)] == ["T-shirt Bas blå M",
                                                                  "Te Earl Grey 100 g"]
    assert model.row_of_line(3) == 1 and model.row_of_line(2) == -1


def test_a_sale_discount_changes_every_row_in_one_signal_and_voiding_removes_them(qtmodeltester):
    cart = sale()
    model, rec = watched(qtmodeltester, cart)
    cart.discount_cart(Discount(percent=Decimal(5)))
    model.set_rows(cart.totals().lines)
    assert rec.events == [("changed", 0, 1, ARTICLE, TOTAL)]
    model.set_rows(())
    assert rec.events[1:] == [("removed", 0, 1)]
    assert model.rowCount() == 0


def test_lines_in_another_order_reset_the_model(qtmodeltester):
    cart = sale()
    model, rec = watched(qtmodeltester, cart)
    model.set_rows(tuple(reversed(cart.totals().lines)))
    assert rec.events == [("reset",)]
    assert [model.line_at(r).line.line_id for r in range(2)] == [2, 1]


def test_totals_are_bold_a_changed_price_italic_and_the_tooltip_tells_the_article(qapp):
    from dataclasses import replace

    from pos.cart import PromotionShare

    cart = sale()
    cart.override_price(2, 4990, approved_by="maja")
    lines = list(cart.totals().lines)
    lines[0] = replace(lines[0], promotions=(PromotionShare("VINTER20", "p1", 3980),))
    model = CartModel()
    model.set_rows(lines)
    font = Qt.ItemDataRole.FontRole
    assert model.index(0, TOTAL).data(font).bold() and model.index(1, TOTAL).data(font).bold()
    assert model.index(0, PRICE).data(font) is None
    assert model.index(1, PRICE).data(font).italic()
    assert model.index(0, ARTICLE).data() == "T-shirt Bas blå M\nVINTER20 -39,80"
    tip = model.index(0, QTY).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines() == ["T-shirt Bas blå M", "SKU TSH-1", "EAN 7350000000019",
                                "Promotion VINTER20: -39,80 kr"]
    assert "Price changed from 59,90 by maja" in model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, ARTICLE).data(Qt.ItemDataRole.DecorationRole) is None
    lines[0] = replace(lines[0], promotions=())  # the campaign ended: the name alone again
    model.set_rows(lines)
    assert model.index(0, ARTICLE).data() == "T-shirt Bas blå M"
