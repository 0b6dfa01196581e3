"""The back office's one from/to date bar: presets counted back from the clock's day, one signal
per change, the range in order whichever field holds the earlier day, reachable by keyboard."""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QHBoxLayout, QWidget

from ui.backoffice.date_range_bar import (LAST_30_DAYS, LAST_7_DAYS, TODAY, YESTERDAY,
                                          DateRangeBar)

NOW = datetime(2026, 3, 2, 15, 30)  # a Monday, the month before had 28 days


def a_bar(qtbot, presets=(TODAY, YESTERDAY, LAST_7_DAYS, LAST_30_DAYS), **kw):
    host = QWidget()
    qtbot.addWidget(host)
    bar = DateRangeBar(lambda: NOW, presets, "test", host, **kw)
    row = QHBoxLayout(host)
    bar.add_to(row)
    changed, chosen = [], []
    bar.changed.connect(lambda a, b: changed.append((a, b)))
    bar.chosen.connect(lambda a, b: chosen.append((a, b)))
    return host, bar, changed, chosen


def test_presets_count_back_from_the_clocks_day(qtbot):
    host, bar, changed, chosen = a_bar(qtbot)
    assert bar.range() == (date(2026, 3, 2), date(2026, 3, 2))  # today unless told
    names = [b.objectName() for b in bar.buttons]
    assert names == ["testToday", "testYesterday", "testWeek", "testMonth"]
    expected = {"testYesterday": (date(2026, 3, 1), date(2026, 3, 1)),
                "testWeek": (date(2026, 2, 24), date(2026, 3, 2)),
                "testMonth": (date(2026, 2, 1), date(2026, 3, 2)),  # 2 + 28 days
                "testToday": (date(2026, 3, 2), date(2026, 3, 2))}
    for name, period in expected.items():
        changed.clear()
        chosen.clear()
        host.findChild(type(bar.buttons[0]), name).click()
        assert bar.range() == period
        assert chosen == [period]
        assert changed == [period]  # both fields set: said once
    chosen.clear()
    changed.clear()
    bar.buttons[0].click()  # today again: chosen (show it) but the period did not change
    assert chosen == [(date(2026, 3, 2), date(2026, 3, 2))] and changed == []


def test_a_field_changed_says_the_range_in_order(qtbot):
    _host, bar, changed, chosen = a_bar(qtbot, (), first=date(2026, 2, 1), last=date(2026, 2, 9))
    assert bar.first.objectName() == "testFrom" and bar.last.objectName() == "testTo"
    assert bar.range() == (date(2026, 2, 1), date(2026, 2, 9))
    bar.first.setDate(QDate(2026, 2, 20))  # after the last day: the range is still in order
    assert changed == [(date(2026, 2, 9), date(2026, 2, 20))]
    assert bar.range() == (date(2026, 2, 9), date(2026, 2, 20))
    assert chosen == []
    bar.set_range(date(2026, 1, 5))  # one day
    assert changed[-1] == (date(2026, 1, 5), date(2026, 1, 5)) and len(changed) == 2


def test_by_keyboard(qtbot):
    host, bar, changed, chosen = a_bar(qtbot)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    # the labels are the fields' buddies: Alt+F, Alt+T
    assert bar.from_label.buddy() is bar.first and bar.to_label.buddy() is bar.last
    assert bar.from_label.text().replace("&", "") == "From"
    bar.first.setFocus()
    chain = [bar.first]
    for _ in range(20):  # a date field takes Tab through its year, month and day first
        QTest.keyClick(host.focusWidget(), Qt.Key.Key_Tab)
        if host.focusWidget() is not chain[-1]:
            chain.append(host.focusWidget())
    assert chain[:6] == [bar.first, bar.last, *bar.buttons]  # Tab reaches every part
    QTest.keyClick(bar.buttons[2], Qt.Key.Key_Space)  # 7 days
    assert chosen == [(date(2026, 2, 24), date(2026, 3, 2))]
    # typed into the from field: the day part, then the month part
    bar.first.setFocus()
    bar.first.setCurrentSection(bar.first.Section.DaySection)
    QTest.keyClick(bar.first, Qt.Key.Key_Up)
    assert changed[-1] == (date(2026, 2, 25), date(2026, 3, 2))
