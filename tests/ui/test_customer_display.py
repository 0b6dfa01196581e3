"""The customer's screen: each line with its amount on the right and its campaign saving under
it, what the customer saves in all, and long names that never push an amount out of view."""
import pytest
from PySide6.QtWidgets import QLabel

from pos.money import format_kronor
from pos.ports import DisplayLine

LONG = ("Mycket långt namn på en artikel som aldrig tar slut, storlek XXL, färg marinblå "
        "melerad med dragkedja")


@pytest.fixture
def display(qtbot, qapp, english):
    """The display as the till shows it: with the application's style sheet."""
    from ui.till.customer_display import CustomerDisplayWindow
    from ui.widgets.style import apply_style

    apply_style(qapp)
    display = CustomerDisplayWindow("Omnihandeln")
    qtbot.addWidget(display)
    display.show()
    return display


def rows(display):
    out = []
    for i in range(display.lines.count()):
        row = display.lines.itemWidget(display.lines.item(i))
        out.append({label.objectName(): label for label in row.findChildren(QLabel)})
    return out


def test_lines_show_amounts_apart_and_the_campaign_saving_under_the_name(qtbot, display):
    display.show_cart([DisplayLine("Kaffe Mörkrost", 2, 25800),
                       DisplayLine("T-shirt Bas", 1, 15920, saving=3980)], 41720, 5000)
    qtbot.waitUntil(lambda: display.lines.count() == 2, timeout=2000)
    coffee, shirt = rows(display)
    assert coffee["cdLine"].text() == "2 × Kaffe Mörkrost"
    assert coffee["cdLineAmount"].text() == "258,00"
    assert "cdLineSaving" not in coffee
    assert shirt["cdLineSaving"].text() == "Campaign −39,80"
    assert display.current.text() == "T-shirt Bas"
    assert display.current_amount.text() == "159,20 kr"
    assert display.current_saving.text() == "Campaign −39,80 kr" and display.current_saving.isVisible()
    assert display.saved.text() == "You save 39,80 kr" and display.saved.isVisible()
    # every row is as tall as its text (the app's list style once clipped the letters' tails)
    for i in range(display.lines.count()):
        row = display.lines.itemWidget(display.lines.item(i))
        assert row.height() >= row.sizeHint().height()
        for label in row.findChildren(QLabel):
            assert label.height() >= label.sizeHint().height(), label.text()

    display.show_cart([DisplayLine("Kaffe Mörkrost", 1, 12900)], 12900, 1382)
    qtbot.waitUntil(lambda: display.lines.count() == 1, timeout=2000)
    assert not display.saved.isVisible() and not display.current_saving.isVisible()

    # the cashier's discounts count in what the customer saves, not only the campaigns
    display.show_cart([DisplayLine("Kaffe Mörkrost", 1, 11610, discount=1290),
                       DisplayLine("T-shirt Bas", 1, 14328, saving=3980, discount=5572)],
                      25938, 5188)
    qtbot.waitUntil(lambda: display.lines.count() == 2, timeout=2000)
    assert display.saved.text() == "You save 68,62 kr" and display.saved.isVisible()
    assert display.current_saving.text() == "Campaign −39,80 kr"


def test_a_long_name_is_cut_short_and_its_amount_stays_in_view(qtbot, display):
    display.show_cart([DisplayLine(LONG, 1, 1234500)], 1234500, 246900)
    qtbot.waitUntil(lambda: display.lines.count() == 1, timeout=2000)
    qtbot.wait(50)
    [row] = rows(display)
    name, amount = row["cdLine"], row["cdLineAmount"]
    assert name.text() == LONG and name.elided_text().endswith("…")
    assert amount.geometry().right() <= display.lines.viewport().width()
    assert display.lines.horizontalScrollBar().maximum() == 0
    assert display.current.elided_text().endswith("…")
    banner = display.current_amount
    assert banner.text() == "12 345,00 kr"
    assert banner.mapTo(display, banner.rect().topRight()).x() <= display.width()


COFFEE, SHIRT, TEA = (DisplayLine("Kaffe Mörkrost", 1, 12900), DisplayLine("T-shirt Bas", 1, 19900),
                      DisplayLine("Te Earl Grey", 1, 3490))


def shown(qtbot, display, lines, total):
    display.show_cart(lines, total, 0)
    qtbot.waitUntil(lambda: display.total.text() == format_kronor(total, symbol=True)
                    and display.lines.count() == len(lines), timeout=2000)


def widgets(display):
    return [display.lines.itemWidget(display.lines.item(i)) for i in range(display.lines.count())]


def test_a_scan_adds_one_row_and_a_repeated_one_changes_only_its_row(qtbot, display):
    shown(qtbot, display, [COFFEE, SHIRT], 32800)
    before = widgets(display)
    touched = []
    for i, row in enumerate(before):
        for label in row.findChildren(QLabel):
            label.setText = lambda text, i=i, set_text=label.setText: (touched.append(i),
                                                                       set_text(text))
    shown(qtbot, display, [COFFEE, SHIRT, TEA], 36290)
    assert widgets(display)[:2] == before and touched == []  # the new line is one new row
    assert rows(display)[2]["cdLine"].text() == "Te Earl Grey"

    shown(qtbot, display, [COFFEE, DisplayLine("T-shirt Bas", 2, 39800), TEA], 56190)
    assert widgets(display)[:2] == before and set(touched) == {1}
    assert rows(display)[1]["cdLine"].text() == "2 × T-shirt Bas"
    assert rows(display)[1]["cdLineAmount"].text() == "398,00"
    assert display.current.text() == "Te Earl Grey"  # the banner shows the last line

    shown(qtbot, display, [COFFEE], 12900)  # lines removed: their rows go, the rest stay
    assert widgets(display) == before[:1]
    shown(qtbot, display, [], 0)
    assert display.current.text() == "Welcome!" and display.vat.text() == ""


def test_a_saving_that_comes_or_goes_resizes_its_row(qtbot, display):
    shown(qtbot, display, [COFFEE, SHIRT], 32800)
    plain = display.lines.item(1).sizeHint().height()
    shown(qtbot, display, [COFFEE, DisplayLine("T-shirt Bas", 1, 15920, saving=3980)], 28820)
    row = rows(display)[1]
    assert row["cdLineSaving"].text() == "Campaign −39,80"
    assert display.lines.item(1).sizeHint().height() > plain
    qtbot.waitUntil(lambda: widgets(display)[1].height() >= widgets(display)[1].sizeHint().height(),
                    timeout=2000)
    for label in widgets(display)[1].findChildren(QLabel):
        assert label.height() >= label.sizeHint().height(), label.text()
    assert display.saved.text() == "You save 39,80 kr"
    shown(qtbot, display, [COFFEE, SHIRT], 32800)
    assert "cdLineSaving" not in rows(display)[1]
    assert display.lines.item(1).sizeHint().height() == plain
    assert not display.saved.isVisible()


def test_carts_arriving_in_one_turn_are_drawn_once_the_last(qtbot, display):
    drawn = []
    draw = display._show_cart
    display._show_cart = lambda lines, total, vat: (drawn.append(total), draw(lines, total, vat))
    display.show_cart([COFFEE], 12900, 0)
    display.show_cart([COFFEE, SHIRT], 32800, 0)
    display.show_cart([COFFEE, SHIRT, TEA], 36290, 0)
    qtbot.waitUntil(lambda: display.lines.count() == 3, timeout=2000)
    qtbot.wait(20)
    assert drawn == [36290]


def test_a_payment_right_after_a_cart_is_not_overwritten_by_it(qtbot, display):
    display.show_cart([COFFEE, SHIRT], 32800, 0)
    display.show_payment(32800, 20000, 0)  # in the same turn, as the till does when paying
    qtbot.wait(50)
    assert display.lines.count() == 2  # the cart was drawn first
    assert display.current.text() == "Paid 200,00 kr"
    assert display.total.text() == format_kronor(12800, symbol=True)
    display.show_cart([COFFEE], 12900, 0)
    display.clear()  # a clear after a cart in one turn: the display is cleared
    qtbot.wait(50)
    assert display.lines.count() == 0 and display.current.text() == "Welcome!"


def test_the_till_window_changed_in_the_same_turn_is_repainted_before_the_display_draws(
        qtbot, display):
    from PySide6.QtCore import QEvent, QObject, QTimer

    till_window = QLabel("0,00")
    qtbot.addWidget(till_window)
    till_window.show()
    qtbot.waitExposed(till_window)
    order = []

    class Repaints(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.UpdateRequest:
                order.append("till window repainted")
            return False

    spy = Repaints()
    till_window.installEventFilter(spy)
    draw = display._show_cart
    display._show_cart = lambda *a: (order.append("display drawn"), draw(*a))

    def scan_answered():  # the display is told first (from inside the Till call), then the till
        display.show_cart([COFFEE], 12900, 0)
        till_window.setText("129,00")

    QTimer.singleShot(0, scan_answered)
    qtbot.waitUntil(lambda: "display drawn" in order, timeout=2000)
    assert order.index("till window repainted") < order.index("display drawn")
