"""Enter in a dialog's field does what the field says; it never presses Cancel by itself."""
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton


def test_enter_on_a_wrong_amount_says_so_and_the_dialog_stays(qtbot):
    from ui.widgets.numpad import NumberDialog

    d = NumberDialog("Price", "New price", None)
    qtbot.addWidget(d)
    d.show()
    d.field.setFocus()
    d.field.setText("abc")
    QTest.keyClick(d.field, Qt.Key.Key_Return)
    assert d.isVisible() and d.result() == 0
    assert "abc" in d.error.text() and d.error.property("level") == "error"
    d.field.setText("12,50")
    QTest.keyClick(d.field, Qt.Key.Key_Return)
    assert not d.isVisible() and d.value == 1250


def test_a_button_the_cashier_tabbed_to_is_pressed_by_enter(qtbot):
    from ui.widgets.numpad import NumberDialog

    d = NumberDialog("Price", "New price", None)
    qtbot.addWidget(d)
    d.show()
    cancel = next(b for b in d.findChildren(QPushButton) if b.text() in ("Cancel", "Avbryt"))
    cancel.setFocus()
    QTest.keyClick(cancel, Qt.Key.Key_Return)
    assert not d.isVisible() and d.result() == 0


def test_every_dialog_of_the_till_is_a_dialog_without_a_chosen_default():
    """The kind, not one dialog: every QDialog subclass in ui/ is a ``Dialog``."""
    import ast
    from pathlib import Path

    ui = Path(__file__).resolve().parents[2] / "ui"
    plain = [f"{p.relative_to(ui.parent)}:{node.lineno} {node.name}"
             for p in sorted(ui.rglob("*.py"))
             for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
             if isinstance(node, ast.ClassDef)
             and any(getattr(b, "id", getattr(b, "attr", "")) == "QDialog" for b in node.bases)
             and node.name != "Dialog"]
    assert plain == []
