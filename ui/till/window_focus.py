"""The one place the till's window follows its dialogs: every dialog fits the screen when it
opens, and when it closes the till's window takes the keyboard back.

Many tills run without a window manager: nobody gives a window the focus. Qt activates a modal
dialog when it opens, but when it closes nothing is active, and the function keys (shortcuts
ask for the active window) do nothing until the cashier clicks the window. ``DialogWatch`` sees
every top-level window opened under the till's window (the dialogs of every flow, the approval
dialog, message boxes, the payment dialog, the preview printer's window), without those flows
doing anything: a window is noticed when it is first polished (its parent hears of it) and
watched from then on.

* When a modal dialog opens it is sized to what its contents need now that the style sheet has
  given them their fonts and heights, centred over the till on its screen, and activated.
* When any of them closes: the dialog still open under it, or else the till's window, is
  activated (``on_closed``), and the window gives the focus to its page's field.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from ui.widgets.style import metrics


def fit_to_screen(dialog: QWidget) -> None:
    """Give ``dialog`` the size its contents need (a wrapped label's height for the width it
    gets included) or the size its code gave it scaled to this screen, whichever is larger, no
    larger than the screen it opens on; and centre it over the window it belongs to, on that
    window's screen."""
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
    parent = dialog.parentWidget()
    owner = parent.window() if parent is not None else None
    screen = (owner.screen() if owner is not None else dialog.screen()) \
        or QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen is not None else QRect(0, 0, 16000, 16000)
    frame = dialog.frameGeometry().size() - dialog.geometry().size()
    room = QSize(area.width() - frame.width(), area.height() - frame.height())
    hint = dialog.sizeHint().expandedTo(dialog.minimumSizeHint())
    size = dialog.size()
    if dialog.testAttribute(Qt.WidgetAttribute.WA_Resized) \
            and getattr(dialog, "_fitted", None) is None:
        # a size set in code was chosen for a 1280x800 screen: scaled to this one, once
        size = QSize(metrics().px(size.width()), metrics().px(size.height()))
    dialog._fitted = True  # type: ignore[attr-defined]
    width = min(max(size.width(), hint.width()), room.width())
    height = max(size.height(), hint.height())
    if dialog.hasHeightForWidth():
        height = max(height, dialog.heightForWidth(width))
    height = min(height, room.height())
    if (width, height) != (dialog.width(), dialog.height()):
        dialog.resize(width, height)
    outer = dialog.frameGeometry().size()
    over = owner.frameGeometry() if owner is not None and owner.isVisible() else area
    x = over.x() + (over.width() - outer.width()) // 2
    y = over.y() + (over.height() - outer.height()) // 2
    x = max(area.left(), min(x, area.x() + area.width() - outer.width()))
    y = max(area.top(), min(y, area.y() + area.height() - outer.height()))
    dialog.move(x, y)


class DialogWatch(QObject):
    """Watches the windows opened under ``owners`` (the till's window and its pages);
    ``on_closed()`` runs after one of them closed, once the event loop is back."""

    def __init__(self, owners: list[QWidget], on_closed: Callable[[], None]) -> None:
        super().__init__(owners[0])
        self._owners = list(owners)
        self._on_closed = on_closed
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self._closed)
        for owner in self._owners:
            owner.installEventFilter(self)

    def watch(self, window: QWidget) -> None:
        """Watch ``window`` too (one made before the watch began)."""
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind == QEvent.Type.ChildPolished:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QWidget) and child.isWindow():
                child.installEventFilter(self)
        elif kind == QEvent.Type.Show:
            if isinstance(watched, QWidget) and watched.isWindow() and watched.isModal():
                fit_to_screen(watched)
                QTimer.singleShot(0, watched, watched.activateWindow)
        elif kind == QEvent.Type.Hide and watched not in self._owners:
            self._later.start()
        return False

    def _closed(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.isVisible():
            modal.activateWindow()
            return
        self._on_closed()
