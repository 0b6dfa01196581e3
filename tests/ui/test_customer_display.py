"""The customer's screen: each line with its amount on the right and its campaign saving under
it, what the customer saves in all, and long names that never push an amount out of view."""
import pytest
from PySide6.QtWidgets import QLabel

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
