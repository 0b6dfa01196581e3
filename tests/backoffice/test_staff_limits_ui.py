"""The Staff page sets a cashier's discount limit (Ctrl+G) and the store's (Ctrl+Shift+G),
journaled with who; a refused value is said in the dialog; and the till's approval rules are
shown, read-only, one line per approval point of the code."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.approval_rules import APPROVAL_RULES
from pos.db.unit_of_work import SqlUnitOfWork
from pos.journal import Kind
from pos.services import backoffice as bo
from tests.backoffice.conftest import idle, log_in

LIMIT_COLUMN = 4


def _limit_shown(page, staff_id):
    page.table.select_where(lambda r: r.member.id == staff_id)
    return page.table.view.model().index(page.table.view.currentIndex().row(),
                                         LIMIT_COLUMN).data()


def _changes(sf):
    uow = SqlUnitOfWork(sf)
    with uow:
        return [(e.payload["staff"], e.payload["from"], e.payload["to"], e.payload["user"])
                for e in uow.journal.entries(bo.BACKOFFICE)
                if e.kind == Kind.DISCOUNT_LIMIT_CHANGED]


def test_a_manager_sets_a_cashiers_and_the_stores_discount_limit(qtbot, bo_window, day_db):
    sf, _ = day_db
    w = bo_window
    log_in(qtbot, w)
    QTest.keyClick(w, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    page = w.current_page()
    assert _limit_shown(page, "kim") == "10 % (store's)"  # the registers' configured 10 %
    assert _limit_shown(page, "maja") == "No limit (manager)"
    assert not page.limit_button.isEnabled()  # a manager approves their own
    assert "10 % (the registers' configuration)" in page.default_label.text()

    def fill(text):
        def run(dialog):
            dialog.field.setText("101")
            dialog.try_accept()
            assert "0 to 100" in dialog.error.text() and not dialog.result()
            dialog.field.setText(text)
            dialog.try_accept()
            return dialog.result() == dialog.DialogCode.Accepted
        return run

    page.table.select_where(lambda r: r.member.id == "kim")
    page.run_dialog = fill("7,5")
    QTest.keyClick(page, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    assert _limit_shown(page, "kim") == "7,5 %"
    assert "discount limit was changed" in page.message.text()

    page.run_dialog = fill("12")
    QTest.keyClick(page, Qt.Key.Key_G,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    idle(qtbot, w)
    assert page.default_label.text() == "The store's discount limit for cashiers: 12 %"
    assert _limit_shown(page, "kim") == "7,5 %"  # their own still wins

    page.table.select_where(lambda r: r.member.id == "kim")
    page.run_dialog = fill("")  # empty: back to the store's
    page.edit_limit()
    idle(qtbot, w)
    assert _limit_shown(page, "kim") == "12 % (store's)"
    assert bo.default_discount_limit(SqlUnitOfWork(sf)) == Decimal(12)
    assert _changes(sf) == [("kim", None, "7.5", "maja"), (None, None, "12", "maja"),
                            ("kim", "7.5", None, "maja")]


def test_the_approval_rules_are_shown_read_only(qtbot, bo_window):
    w = bo_window
    log_in(qtbot, w)
    QTest.keyClick(w, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    rules = w.current_page().rules
    assert len(rules.lines) == len(APPROVAL_RULES) == len(set(rules.lines))
    shown = rules.body.text()
    for words in ("Changing an article's price", "Opening the drawer without a sale",
                  "A return without a receipt", "above the cashier's discount limit"):
        assert words in shown
    assert rules.isVisible() and not rules.findChildren(type(w.current_page().limit_button))
