"""A keyboard-wedge barcode scanner, recognised application-wide by its typing speed.

A wedge scanner "types" the code as key presses, far faster than a person, and ends with Enter.
``WedgeFilter`` is installed on the ``QApplication``: every printable key press (no Ctrl/Alt/Meta)
is held back for at most ``max_interval_ms``. If the next key follows within that time the keys
are a burst; a burst of at least ``min_length`` characters that ends in Enter/Return is a scan and
is emitted as ``scanned(code)`` - whatever widget has the focus, and none of its keys reach that
widget. Keys that come at human speed (or a short burst) are replayed to the widget they were
meant for, in order, a few milliseconds late - nobody notices.

Timing is injectable: ``clock`` returns milliseconds (default: a monotonic clock).
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from ui.qt_compat import emit

_BLOCKING_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                       | Qt.KeyboardModifier.MetaModifier)
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _monotonic_ms() -> float:
    return time.monotonic() * 1000.0


@dataclass
class _HeldKey:
    target: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    at: float
    released: bool = False  # its release was held back too


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
        self._timer.timeout.connect(self.flush)

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
        if self._held and now - self._held[-1].at > self.max_interval_ms:
            self.flush()  # the previous keys were typed by a person
        if self._is_scan_char(event):
            self._held.append(_HeldKey(watched, event.key(), event.modifiers(), event.text(), now))
            self._timer.start(max(1, int(self.max_interval_ms)))
            return True
        if event.key() in _ENTER_KEYS and not event.modifiers() & _BLOCKING_MODIFIERS:
            if len(self._held) >= self.min_length:
                code = "".join(k.text for k in self._held)
                self._held.clear()
                self._timer.stop()
                self._enter_pending = True  # its release is the scanner's too
                emit(self.scanned, code)
                return True
        self.flush()  # a short burst or another key: give everything back in order
        return False

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
        text = event.text()
        return (len(text) == 1 and text.isprintable() and not event.isAutoRepeat()
                and not event.modifiers() & _BLOCKING_MODIFIERS)

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
