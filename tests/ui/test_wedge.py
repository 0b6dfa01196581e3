"""The keyboard-wedge scanner filter: a fast burst ending in Enter is a scan; people pass through."""
import pytest
from PySide6.QtTest import QTest
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


# --- a real USB scanner's key events: Shift (and AltGr) around the characters that need it ------

# What a scanner set to a US keyboard layout holds Shift for (capitals and these symbols).
US_SHIFTED = set('~!@#$%^&*()_+{}|:"<>?')
# A Swedish layout shifts others ("/" is Shift+7, ":" Shift+. , "+" is a key of its own).
SE_SHIFTED = set('!"#%&/()=?`^*_:;>')


def scanner_keys(widget, code: str, shifted: set[str], delay_ms: int = 2) -> None:
    """``code`` as a keyboard-wedge scanner sends it: Shift pressed before and released after
    every capital and every symbol its layout shifts (QTest sends the Shift key's own press and
    release around the character), a few ms per event, then Enter."""
    for ch in code:
        needs_shift = ch.isupper() or ch in shifted
        QTest.keyClick(widget, ch, Qt.KeyboardModifier.ShiftModifier if needs_shift
                       else Qt.KeyboardModifier.NoModifier, delay_ms)
    QTest.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, delay_ms)


@pytest.fixture
def real_wedge(qapp):
    # Real clock; a generous interval so a loaded machine cannot split a burst (the 30 ms limit
    # itself is tested above with an injected clock).
    f = WedgeFilter(max_interval_ms=250, min_length=6).install(qapp)
    yield f
    f.uninstall(qapp)


@pytest.mark.parametrize("layout", [US_SHIFTED, SE_SHIFTED], ids=["us", "se"])
@pytest.mark.parametrize("code", [
    "CUST-10000001",  # a loyalty card: "CUS" used to stay in the field and "T-10000001" was scanned
    "C123456789",
    "R-K1-000042",
    "R+K1+000042",
    "cart_01HXYZABC",
    "order_01JQ7",
    "OCR: 4000012345678",
    "https://shop.omnihandeln.se/carts/cart_01HXYZ?ref=qr&x=1",
    "Skjorta.Oxford/vit-M",
    "tsh-bas-vit-m",
    "ABC.DEF:GHI+JKL/MNO",
])
def test_codes_with_capitals_and_symbols_come_through_with_shift_presses(
        qtbot, line_edit, real_wedge, code, layout):
    spy = KeySpy(line_edit)
    with qtbot.waitSignal(real_wedge.scanned, timeout=2000) as sig:
        scanner_keys(line_edit, code, layout)
    assert sig.args == [code]
    qtbot.wait(300)  # nothing is given back to the field afterwards
    assert line_edit.text() == ""
    assert spy.seen == []  # not even the Shift presses and releases: they were the scanner's


def test_every_printable_ascii_character_comes_through_a_wedge_scan_intact(
        qtbot, line_edit, real_wedge):
    every = "".join(chr(c) for c in range(33, 127)) + " x"
    for layout in (US_SHIFTED, SE_SHIFTED):
        with qtbot.waitSignal(real_wedge.scanned, timeout=3000) as sig:
            scanner_keys(line_edit, every, layout)
        assert sig.args == [every]
    assert line_edit.text() == ""


def test_altgr_characters_inside_a_burst_belong_to_the_scan(qtbot, line_edit, real_wedge):
    """A Swedish layout types @ $ { [ ] } \\ | ~ with AltGr, which reaches Qt as Ctrl+Alt on
    Windows and as the AltGr key on X11: both are the scanner's, not a shortcut."""
    altgr = set("@$£{[]}\\|~€")
    code = "A@B$C{D}E[F]G\\H|I~J"

    def send(ctrl_alt: bool) -> None:
        for ch in code:
            if ch in altgr and ctrl_alt:
                QTest.keyClick(line_edit, ch, Qt.KeyboardModifier.ControlModifier
                               | Qt.KeyboardModifier.AltModifier, 2)
            elif ch in altgr:
                QTest.keyPress(line_edit, Qt.Key.Key_AltGr, Qt.KeyboardModifier.NoModifier, 2)
                QTest.keyClick(line_edit, ch, Qt.KeyboardModifier.NoModifier, 2)
                QTest.keyRelease(line_edit, Qt.Key.Key_AltGr, Qt.KeyboardModifier.NoModifier, 2)
            else:
                QTest.keyClick(line_edit, ch, Qt.KeyboardModifier.ShiftModifier
                               if ch.isupper() else Qt.KeyboardModifier.NoModifier, 2)
        QTest.keyClick(line_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, 2)

    for ctrl_alt in (True, False):
        with qtbot.waitSignal(real_wedge.scanned, timeout=3000) as sig:
            send(ctrl_alt)
        assert sig.args == [code]
    assert line_edit.text() == ""


def test_a_person_typing_capitals_with_shift_gets_them_in_the_field(qtbot, line_edit, real_wedge):
    """Typed slowly (a person), Shift and the letters reach the field, in order."""
    scans = []
    real_wedge.scanned.connect(scans.append)
    for ch in "Kaffe AB":
        QTest.keyClick(line_edit, ch, Qt.KeyboardModifier.ShiftModifier if ch.isupper()
                       else Qt.KeyboardModifier.NoModifier, 300)
    qtbot.waitUntil(lambda: line_edit.text() == "Kaffe AB", timeout=3000)
    assert scans == []


def test_ctrl_shortcuts_are_not_taken_for_scan_characters(qtbot, line_edit, wedge, clock):
    """Ctrl+K (a shortcut) right after a fast burst flushes the burst to the field and is not
    held: only Ctrl+Alt (AltGr) with a printable character is a scan character."""
    for ch in "1234567":
        press(line_edit, ch, clock, 3)
    clock.now += 3
    ctrl = Qt.KeyboardModifier.ControlModifier
    QApplication.sendEvent(line_edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_K, ctrl, "k"))
    assert wedge.held == ""
    assert line_edit.text() == "1234567"


def typed_key(widget, text, typed_ms):
    """A key press (and release) carrying the window system's timestamp ``typed_ms``."""
    key = Qt.Key.Key_Return if text == "\r" else Qt.Key(ord(text.upper()))
    t = "" if text == "\r" else text
    for etype in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        e = QKeyEvent(etype, key, Qt.KeyboardModifier.NoModifier, t)
        e.setTimestamp(typed_ms)
        QApplication.sendEvent(widget, e)


def test_a_scan_queued_behind_a_stalled_screen_is_still_one_scan(qtbot, line_edit, wedge, clock):
    """The screen was busy for 100 ms in the middle of a scan: the keys typed meanwhile arrive
    late, together. Timed by when they were typed, they are one scan (they were once cut in two:
    "73501" typed into the field and "20001832" refused as an EAN-8)."""
    with qtbot.waitSignal(wedge.scanned, timeout=500) as sig:
        for i, ch in enumerate("73501"):
            clock.now += 4
            typed_key(line_edit, ch, 10_000 + 4 * i)
        clock.now += 100  # the loop stalls; the rest waited in the queue
        for i, ch in enumerate("20001832\r"):
            clock.now += 0.1
            typed_key(line_edit, ch, 10_020 + 4 * i)
    assert sig.args == ["7350120001832"]
    assert line_edit.text() == ""


def test_a_late_flush_waits_for_the_keys_still_queued(qtbot, line_edit, wedge, clock):
    """The flush timer fired late (the loop was stalled): before giving the keys back as typing
    it lets the keys already queued arrive; they continue the burst."""
    for i, ch in enumerate("73501"):
        clock.now += 4
        typed_key(line_edit, ch, 20_000 + 4 * i)
    clock.now += 150
    wedge._interval_over()  # the timer, fired late
    assert wedge.held == "73501"  # not given back yet
    with qtbot.waitSignal(wedge.scanned, timeout=500) as sig:
        for i, ch in enumerate("20001832\r"):
            typed_key(line_edit, ch, 20_020 + 4 * i)
    assert sig.args == ["7350120001832"] and line_edit.text() == ""


def test_a_person_pausing_is_still_a_person_by_the_typing_timestamps(qtbot, line_edit, wedge,
                                                                      clock):
    for i, ch in enumerate("abc"):
        clock.now += 1  # arriving together (a stall) but typed 150 ms apart
        typed_key(line_edit, ch, 30_000 + 150 * i)
    qtbot.waitUntil(lambda: line_edit.text() == "abc", timeout=1000)
