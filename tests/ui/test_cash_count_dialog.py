"""Counting the drawer note by note from the keyboard: Enter moves to the next row, also from an
empty one (none of that kind), so every number lands in the row it was meant for."""
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.till.cash_count_dialog import CashCountDialog


def test_enter_on_an_empty_row_moves_on_and_the_count_lands_in_its_rows(qtbot):
    d = CashCountDialog()
    qtbot.addWidget(d)
    d.show()
    d.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is d.fields[100000], timeout=5000)
    # 6 x 1000, 1 x 500, no 200, 1 x 100, no 50, 1 x 20
    for keys in ("6", "1", "", "1", "", "1"):
        widget = QApplication.focusWidget()
        if keys:
            QTest.keyClicks(widget, keys)
        QTest.keyClick(widget, Qt.Key.Key_Return)
    counts = d.counts()
    assert {k: v for k, v in counts.items() if v} == {100000: 6, 50000: 1, 10000: 1, 2000: 1}
    assert d.total.text().replace("\u00a0", " ") == "Counted 6 620,00 kr"
    d.reject()


def test_a_tap_on_a_row_selects_its_number_so_typing_replaces_it(qtbot):
    d = CashCountDialog()
    qtbot.addWidget(d)
    d.show()
    d.activateWindow()
    field = d.fields[50000]
    field.setText("0")
    QTest.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: field.hasFocus() and field.selectedText() == "0", timeout=2000)
    QTest.keyClicks(field, "1")
    assert field.text() == "1"  # not "01"
    d.reject()
