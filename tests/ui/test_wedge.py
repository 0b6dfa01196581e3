"""The keyboard-wedge scanner filter: a fast burst ending in Enter is a scan; people pass through."""
import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from ui.widgets.wedge import WedgeFilter


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def line_edit(qtbot):
    w = QLineEdit()
    qtbot.addWidget(w)
    w.show()
    w.setFocus()
    return w


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def wedge(qapp, clock):
    f = WedgeFilter(max_interval_ms=30, min_length=6, clock=clock).install(qapp)
    yield f
    f.uninstall(qapp)


def press(widget, text, clock, gap_ms):
    """One key press (and release) as a wedge or a person sends it, ``gap_ms`` after the last."""
    clock.now += gap_ms
    key = Qt.Key.Key_Return if text == "\r" else Qt.Key(ord(text.upper()))
    mods = Qt.KeyboardModifier.ShiftModifier if text.isalpha() and text.isupper() else \
        Qt.KeyboardModifier.NoModifier
    t = "" if text == "\r" else text
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, mods, t))
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyRelease, key, mods, t))


def test_fast_burst_ending_in_enter_is_a_scan_and_never_reaches_the_field(
        qtbot, line_edit, wedge, clock):
    returns = []
    line_edit.returnPressed.connect(lambda: returns.append(True))
    with qtbot.waitSignal(wedge.scanned, timeout=500) as sig:
        for ch in "7350000000019":
            press(line_edit, ch, clock, 5)
        press(line_edit, "\r", clock, 5)
    assert sig.args == ["7350000000019"]
    qtbot.wait(60)  # the flush timer has nothing left to give back
    assert line_edit.text() == ""
    assert returns == []


def test_letters_and_dashes_of_a_receipt_code_are_scanned(qtbot, line_edit, wedge, clock):
    with qtbot.waitSignal(wedge.scanned, timeout=500) as sig:
        for ch in "R-K1-000042":
            press(line_edit, ch, clock, 3)
        press(line_edit, "\r", clock, 3)
    assert sig.args == ["R-K1-000042"]


def test_typing_at_human_speed_passes_through_in_order(qtbot, line_edit, wedge, clock):
    scans = []
    wedge.scanned.connect(scans.append)
    for ch in "kaffe 450":
        press(line_edit, ch, clock, 120)
    qtbot.waitUntil(lambda: line_edit.text() == "kaffe 450", timeout=1000)
    assert scans == []


def test_a_short_fast_burst_with_enter_is_typing_not_a_scan(qtbot, line_edit, wedge, clock):
    scans, returns = [], []
    wedge.scanned.connect(scans.append)
    line_edit.returnPressed.connect(lambda: returns.append(line_edit.text()))
    for ch in "123":
        press(line_edit, ch, clock, 5)
    press(line_edit, "\r", clock, 5)
    assert scans == []
    assert returns == ["123"]  # keys given back before the Enter, in order


def test_a_burst_without_enter_is_given_back_after_the_interval(qtbot, line_edit, wedge, clock):
    for ch in "12345678":
        press(line_edit, ch, clock, 2)
    assert wedge.held == "12345678"
    qtbot.waitUntil(lambda: line_edit.text() == "12345678", timeout=1000)


def test_real_timing_with_qtest_key_events(qtbot, qapp):
    """The same with the real clock: QTest keys a few ms apart are a scan, 80 ms apart are not."""
    from PySide6.QtTest import QTest
    wedge = WedgeFilter(max_interval_ms=30, min_length=6).install(qapp)
    try:
        field = QLineEdit()
        qtbot.addWidget(field)
        field.show()
        with qtbot.waitSignal(wedge.scanned, timeout=1000) as sig:
            for ch in "40000000":
                QTest.keyClick(field, ch, Qt.KeyboardModifier.NoModifier, 2)
            QTest.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, 2)
        assert sig.args == ["40000000"]
        for ch in "abc":
            QTest.keyClick(field, ch, Qt.KeyboardModifier.NoModifier, 80)
        qtbot.waitUntil(lambda: field.text() == "abc", timeout=1000)
    finally:
        wedge.uninstall(qapp)


class KeySpy(QObject):
    """The key events that reach a widget, as ("press"/"release", text or key)."""

    def __init__(self, widget):
        super().__init__()
        self.seen = []
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            kind = "press" if event.type() == QEvent.Type.KeyPress else "release"
            self.seen.append((kind, event.text() or int(event.key())))
        return False


def test_a_scan_reaches_the_field_not_even_as_key_releases(qtbot, line_edit, wedge, clock):
    """A release reaching a line edit restarts its cursor and repaints it: a scan's releases,
    its Enter's too, stay with the scanner."""
    spy = KeySpy(line_edit)
    with qtbot.waitSignal(wedge.scanned, timeout=500):
        for ch in "7350000000019":
            press(line_edit, ch, clock, 3)
        press(line_edit, "\r", clock, 3)
    qtbot.wait(60)
    assert spy.seen == []
    press(line_edit, "\r", clock, 200)  # a person's Enter afterwards is theirs, press and release
    enter = int(Qt.Key.Key_Return)
    assert spy.seen == [("press", enter), ("release", enter)]


def test_a_scan_whose_enter_release_never_comes_keeps_nothing_from_the_next_keys(
        qtbot, line_edit, wedge, clock):
    spy = KeySpy(line_edit)
    with qtbot.waitSignal(wedge.scanned, timeout=500):
        for ch in "7350000000019":
            press(line_edit, ch, clock, 3)
        QApplication.sendEvent(line_edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return,
                                                    Qt.KeyboardModifier.NoModifier, ""))
    press(line_edit, "\r", clock, 200)
    enter = int(Qt.Key.Key_Return)
    assert spy.seen == [("press", enter), ("release", enter)]


def test_typed_keys_reach_the_field_pressed_and_released_once_in_order(qtbot, line_edit, wedge,
                                                                        clock):
    spy = KeySpy(line_edit)
    for ch in "ab":
        press(line_edit, ch, clock, 120)
    qtbot.waitUntil(lambda: line_edit.text() == "ab", timeout=1000)
    assert spy.seen == [("press", "a"), ("release", "a"), ("press", "b"), ("release", "b")]
