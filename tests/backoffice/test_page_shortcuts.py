"""Every back-office page has a keyboard shortcut, shown under its title and in its tooltip, and
the shortcut shows that page (the eleventh, Interest, had none: Ctrl+1..9 and Ctrl+0 end at ten)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from tests.backoffice.conftest import idle, log_in
from ui.backoffice.window import page_factories, page_shortcut


def test_the_scheme_keeps_ctrl_digits_and_goes_on_with_shift():
    assert [page_shortcut(i) for i in range(12)] == [
        "Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5", "Ctrl+6", "Ctrl+7", "Ctrl+8", "Ctrl+9",
        "Ctrl+0", "Ctrl+Shift+1", "Ctrl+Shift+2"]
    assert page_shortcut(19) == "Ctrl+Shift+0"
    assert page_shortcut(20) == ""


def test_every_page_is_reached_by_its_shortcut(qtbot, bo_window):
    w = bo_window
    log_in(qtbot, w)
    classes = page_factories()
    assert len(classes) >= 11  # Interest is the eleventh
    seen = []
    # backwards, so that no page is already shown when its key is pressed (the first is, at login)
    for i in reversed(range(len(classes))):
        key = page_shortcut(i)
        assert key, f"page {i + 1} ({classes[i].__name__}) has no shortcut"
        item = w.nav.item(i)
        assert item.text().split("\n") == [w.page_list[i].title(), key]
        assert item.toolTip() == f"{w.page_list[i].title()} ({key})"
        combo = QKeySequence(key)[0]
        QTest.keyClick(w, combo.key(), combo.keyboardModifiers())
        idle(qtbot, w)
        assert type(w.current_page()) is classes[i], key
        assert w.nav.currentRow() == i
        seen.append(classes[i])
    assert set(seen) == set(classes)
