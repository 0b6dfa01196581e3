"""A keyboard-wedge barcode scanner, recognised application-wide by its typing speed.

A wedge scanner "types" the code as key presses, far faster than a person, and ends with Enter.
``WedgeFilter`` is installed on the ``QApplication``: every printable key press (no Ctrl/Alt/Meta
of its own; AltGr, which Windows reports as Ctrl+Alt, is typing) is held back for at most
``max_interval_ms``. If the next key follows within that time the keys
are a burst; a burst of at least ``min_length`` characters that ends in Enter/Return is a scan and
is emitted as ``scanned(code)`` - whatever widget has the focus, and none of its keys reach that
widget. Keys that come at human speed (or a short burst) are replayed to the widget they were
meant for, in order, a few milliseconds late - nobody notices.

A real USB scanner types as a keyboard does: Shift pressed before each capital (and each symbol
its keyboard layout shifts, ``:`` ``/`` ``_`` ...) and released after it, AltGr around ``@`` or
``$`` on a Swedish layout. Those modifier keys are part of the burst: held with it (they neither
end it nor start a new one, and their keys count for the timing but not for ``min_length``),
swallowed with a scan, replayed in order with a person's typing.

Timing is the typing's, not the event loop's: the gap between two keys is measured by the key
events' own timestamps (the window system's time of the key press) when they have them, so a
burst whose keys were queued behind a busy moment of the screen (a 100 ms repaint) is still one
burst; and when the flush timer fires late (the loop was stalled), the flush waits one turn of
the loop for keys typed meanwhile still in the window system's queue (a scan was once cut in two:
its first five digits typed into the field, the rest refused as an EAN-8). Keys without a
timestamp (synthetic ones) are timed by ``clock``, which returns milliseconds (default: a
monotonic clock) and is injectable.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

_BLOCKING_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                       | Qt.KeyboardModifier.MetaModifier)
_ALTGR = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Keys that only change what the next key types: inside a burst they are the scanner's.
_MODIFIER_KEYS = frozenset(int(k) for k in (
    Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta,
    Qt.Key.Key_Super_L, Qt.Key.Key_Super_R, Qt.Key.Key_CapsLock, Qt.Key.Key_Mode_switch))


def _monotonic_ms() -> float:
    return time.monotonic() * 1000.0


@dataclass
class _HeldKey:
    target: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    at: float  # when it reached the filter (``clock``)
    typed: int = 0  # the window system's timestamp of the press (ms), 0 when it has none
    released: bool = False  # its release was held back too

    @property
    def is_modifier(self) -> bool:
        return self.key in _MODIFIER_KEYS


class WedgeFilter(QObject):
    """Application-wide event filter turning fast key bursts ending in Enter into ``scanned``."""

    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, *, max_interval_ms: float = 30,
                 min_length: int = 6, clock: Callable[[], float] = _monotonic_ms) -> None:
        super().__init__(parent)
        self.max_interval_ms = max_interval_ms
        self.min_length = min_length
        self._clock = clock
        self._held: list[_HeldKey] = []
        self._replaying = False
        self._enter_pending = False
        self.enabled = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._interval_over)
        self._armed_at = 0.0
        self._waiting_for_queue = False

    # --- installation ----------------------------------------------------------------------------

    def install(self, app: QApplication | None = None) -> "WedgeFilter":
        (app or QApplication.instance()).installEventFilter(self)
        return self

    def uninstall(self, app: QApplication | None = None) -> None:
        self.flush()
        (app or QApplication.instance()).removeEventFilter(self)

    # --- the filter ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        # Installed on the application, this sees every event of every object (paints, timers,
        # layouts ...): leave at once on anything that is not a key, without asking its type.
        if not isinstance(event, QKeyEvent) or self._replaying or not self.enabled:
            return False
        if not isinstance(watched, QWidget):
            return False  # the QWindow sees the key first; act once, at the widget
        etype = event.type()
        if etype == QEvent.Type.KeyRelease:
            return self._held_release(event)
        if etype not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if etype == QEvent.Type.ShortcutOverride:
            # While a burst is held, keep shortcuts from stealing its keys.
            return bool(self._held) and self._is_scan_char(event)
        self._enter_pending = False
        now = self._clock()
        typed = int(event.timestamp())
        if self._held and self._gap(self._held[-1], now, typed) > self.max_interval_ms:
            self.flush()  # the previous keys were typed by a person
        if self._is_scan_char(event) or self._is_modifier_key(event):
            self._held.append(_HeldKey(watched, event.key(), event.modifiers(), event.text(), now,
                                       typed))
            self._armed_at = now
            self._timer.start(max(1, int(self.max_interval_ms)))
            return True
        if event.key() in _ENTER_KEYS and not event.modifiers() & _BLOCKING_MODIFIERS:
            if self._held_chars() >= self.min_length:
                code = "".join(k.text for k in self._held)
                self._held.clear()
                self._timer.stop()
                self._enter_pending = True  # its release is the scanner's too
                self.scanned.emit(code)
                return True
        self.flush()  # a short burst or another key: give everything back in order
        return False

    @staticmethod
    def _gap(last: _HeldKey, now: float, typed: int) -> float:
        """Milliseconds between ``last`` and a key arriving ``now`` typed at ``typed``: by the
        window system's timestamps when both have one, else by arrival."""
        if last.typed and typed and typed >= last.typed:
            return float(typed - last.typed)
        return now - last.at

    def _interval_over(self) -> None:
        """No key for ``max_interval_ms``, as the loop saw it. When the timer fired late (the
        loop was stalled), keys typed meanwhile may wait in the window system's queue: look
        again after them (a 0 ms timer runs once the window system's events are processed)."""
        late = self._clock() - self._armed_at - self.max_interval_ms
        if late > self.max_interval_ms and not self._waiting_for_queue:
            self._waiting_for_queue = True
            QTimer.singleShot(0, self, self._after_the_queue)
            return
        self.flush()

    def _after_the_queue(self) -> None:
        self._waiting_for_queue = False
        if not self._timer.isActive():  # no key came meanwhile (one would have re-armed it)
            self.flush()

    def _held_release(self, event: QKeyEvent) -> bool:
        """Swallow the release of a key held back (the replay gives the widget press and
        release) and of the Enter that ended a scan: a release reaching a line edit restarts its
        cursor's blinking and repaints it, once per key of a burst nobody typed there."""
        if event.isAutoRepeat():
            return False
        key = event.key()
        for k in self._held:
            if k.key == key and not k.released:
                k.released = True
                return True
        if self._enter_pending and key in _ENTER_KEYS:
            self._enter_pending = False
            return True
        return False

    @staticmethod
    def _is_scan_char(event: QKeyEvent) -> bool:
        """A character typed: one printable character, no Ctrl, Alt or Meta of its own (a
        shortcut), but AltGr (Ctrl+Alt together, as Windows reports it) types characters."""
        text = event.text()
        if len(text) != 1 or not text.isprintable() or event.isAutoRepeat():
            return False
        mods = event.modifiers() & _BLOCKING_MODIFIERS
        return not mods or mods == _ALTGR

    @staticmethod
    def _is_modifier_key(event: QKeyEvent) -> bool:
        return event.key() in _MODIFIER_KEYS and not event.isAutoRepeat()

    def _held_chars(self) -> int:
        return sum(1 for k in self._held if not k.is_modifier)

    def flush(self) -> None:
        """Replay the held keys to the widgets they were meant for (typed by a person)."""
        self._timer.stop()
        held, self._held = self._held, []
        if not held:
            return
        self._replaying = True
        try:
            for k in held:
                for etype in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    try:
                        QApplication.sendEvent(k.target,
                                               QKeyEvent(etype, k.key, k.modifiers, k.text))
                    except RuntimeError:  # the widget was closed meanwhile
                        break
        finally:
            self._replaying = False

    @property
    def held(self) -> str:
        """The characters held back right now (for tests and diagnostics)."""
        return "".join(k.text for k in self._held)
