"""Rows fitted to their contents one changed row at a time: the heights ResizeToContents gives,
without measuring every row of the sale again at each scan."""
from dataclasses import replace

from PySide6.QtWidgets import QHeaderView, QTableView

from pos.cart import Cart, PromotionShare
from pos.catalog import Variant
from pos.vat import VatRate
from ui.models.cart_model import CartModel


class MeasuredTable(QTableView):
    """A table that notes which rows were measured."""

    def __init__(self):
        super().__init__()
        self.measured = []

    def sizeHintForRow(self, row):  # noqa: N802 - Qt API
        self.measured.append(row)
        return super().sizeHintForRow(row)


def sale(n):
    cart = Cart()
    for i in range(n):
        cart.add(Variant(f"v{i}", f"SKU-{i}", "", f"Artikel {i}", 1000 + i, VatRate.STANDARD))
    return cart


def table_for(qtbot, model, fitted):
    from PySide6.QtWidgets import QApplication

    from ui.widgets.row_heights import fit_rows_to_contents
    from ui.widgets.style import apply_style

    apply_style(QApplication.instance())  # the till's fonts: a campaign line makes a row taller

    table = MeasuredTable()
    qtbot.addWidget(table)
    table.setModel(model)
    header = table.verticalHeader()
    header.setMinimumSectionSize(44)
    table.setWordWrap(False)
    if fitted:
        fit_rows_to_contents(table)
    else:  # what the sale's table did: every row measured again after every change
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.resize(800, 900)
    table.show()
    return table


def heights(table, qapp):
    qapp.processEvents()
    return [table.rowHeight(r) for r in range(table.model().rowCount())]


def test_rows_get_the_heights_resize_to_contents_gives_measuring_only_what_changed(qtbot, qapp):
    cart = sale(10)
    fitted_model, plain_model = CartModel(), CartModel()
    for m in (fitted_model, plain_model):
        m.set_rows(cart.totals().lines)
    fitted, plain = table_for(qtbot, fitted_model, True), table_for(qtbot, plain_model, False)
    assert heights(fitted, qapp) == heights(plain, qapp)

    fitted.measured.clear()
    plain.measured.clear()
    cart.add(Variant("v10", "SKU-10", "", "Artikel 10", 990, VatRate.STANDARD))
    for m in (fitted_model, plain_model):
        m.set_rows(cart.totals().lines)
    assert heights(fitted, qapp) == heights(plain, qapp)
    assert sorted(set(fitted.measured)) == [10]  # the new row alone
    assert len(set(plain.measured)) == 11  # (ResizeToContents measures them all)

    fitted.measured.clear()
    lines = list(cart.totals().lines)  # a campaign under line 3's name: two lines high
    lines[3] = replace(lines[3], promotions=(PromotionShare("VINTER20", "p1", 200),))
    for m in (fitted_model, plain_model):
        m.set_rows(lines)
    assert heights(fitted, qapp) == heights(plain, qapp)
    assert heights(fitted, qapp)[3] > heights(fitted, qapp)[2]
    assert sorted(set(fitted.measured)) == [3]


def test_a_new_sale_is_fitted_whole(qtbot, qapp):
    model = CartModel()
    model.set_rows(sale(3).totals().lines)
    table = table_for(qtbot, model, True)
    table.measured.clear()
    lines = list(sale(5).totals().lines)
    lines[4] = replace(lines[4], promotions=(PromotionShare("HOST10", "p2", 100),))
    model.set_rows(tuple(reversed(lines)))  # another order: the model resets
    assert set(table.measured) == set(range(5))
    assert heights(table, qapp)[0] > heights(table, qapp)[1] >= 44
