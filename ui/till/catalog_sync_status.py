"""The catalogue's sync with the central store, in the till's status bar: runs in its own worker
(never the till's, never the GUI thread) at start and every few minutes, shows its progress, says
when it last succeeded or why it failed, and starts again when clicked.

``refresh(on_progress)`` is ``pos.sync.catalog_refresh.refresh`` bound to the till's database and
the central store (main.py makes it); ``on_progress(done, total)`` is called on the worker.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from pos.ports import CommerceUnavailable
from pos.sync.catalog_refresh import RefreshReport
from ui.i18n.messages import message_for
from ui.ops import Ops

log = logging.getLogger(__name__)

Refresh = Callable[[Callable[[int, "int | None"], None]], RefreshReport]
FIRST_SYNC_MS = 5_000  # after start: let the till come up first


class _Progress(QObject):
    """Progress from the sync worker, delivered on the GUI thread."""

    changed = Signal(int, object)


class CatalogSyncStatus(QWidget):
    #: A sync finished (its report): the till may take the new promotions between customers.
    refreshed = Signal(object)

    def __init__(self, refresh: Refresh, interval_minutes: float = 15,
                 parent: QWidget | None = None, *, clock: Callable[[], datetime] = datetime.now
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("catalogSyncStatus")
        self._refresh = refresh
        self._clock = clock
        self.ops = Ops("sync-worker", self)
        self.running = False
        self.last_report: RefreshReport | None = None
        self.button = QPushButton(self.tr("Catalogue: not synced yet"), self)
        self.button.setObjectName("catalogSyncButton")
        self.button.setFlat(True)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a tap leaves the keys to the sale
        self.button.setToolTip(self.tr("Sync the catalogue, stock and promotions now"))
        self.button.clicked.connect(self.start)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("catalogSyncProgress")
        self.bar.setMaximumWidth(140)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.bar.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.bar)
        self._progress = _Progress(self)
        self._progress.changed.connect(self._show_progress)
        self.timer = QTimer(self)  # every interval_minutes (at most a day); 0: at start and on click
        self.timer.setInterval(max(int(min(interval_minutes, 24 * 60) * 60_000), 1_000))
        self.timer.timeout.connect(self.start)
        if interval_minutes > 0:
            self.timer.start()
        self.first_sync = QTimer(self)  # once, soon after start
        self.first_sync.setSingleShot(True)
        self.first_sync.setInterval(FIRST_SYNC_MS)
        self.first_sync.timeout.connect(self.start)
        self.first_sync.start()

    def start(self) -> None:
        """Sync now, unless a sync is running."""
        if self.running:
            return
        self.running = True
        self.button.setText(self.tr("Catalogue: syncing…"))
        self.button.setStyleSheet("")
        self.bar.setRange(0, 0)  # busy until the first page says how many
        self.bar.show()
        progress = self._progress

        def report(done: int, total: int | None) -> None:  # on the sync worker
            progress.changed.emit(done, total)

        def sync() -> RefreshReport | Exception:  # on the sync worker
            # Whatever goes wrong (central store down, a refused or unreadable answer) is shown
            # in the status bar and logged; the cashier is never interrupted by a dialog.
            try:
                return self._refresh(report)
            except Exception as exc:  # noqa: BLE001
                # the central store down is expected now and then: one line; anything else with
                # its traceback, for support
                log.warning("catalogue sync failed: %s", exc,
                            exc_info=not isinstance(exc, CommerceUnavailable))
                return exc

        self.ops.run(sync, self._finished, label="catalog_sync")

    def shutdown(self) -> None:
        self.timer.stop()
        self.first_sync.stop()
        self.ops.shutdown(timeout_ms=2000)

    # --- on the GUI thread ---------------------------------------------------------------------

    def _show_progress(self, done: int, total: Any) -> None:
        if total:
            self.bar.setRange(0, int(total))
            self.bar.setValue(min(done, int(total)))
            self.button.setText(self.tr("Catalogue: %1 of %2").replace("%1", _count(done))
                                .replace("%2", _count(int(total))))
        else:
            self.button.setText(self.tr("Catalogue: %1 articles").replace("%1", _count(done)))

    def _finished(self, result: RefreshReport | Exception) -> None:
        if isinstance(result, Exception):
            self._failed(result)
        else:
            self._done(result)

    def _done(self, report: RefreshReport) -> None:
        self.running = False
        self.last_report = report
        self.bar.hide()
        self.button.setText(self.tr("Catalogue: synced %1").replace(
            "%1", self._clock().strftime("%H:%M")))
        self.button.setToolTip(report.summary())
        self.refreshed.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.bar.hide()
        self.button.setText(self.tr("Catalogue: sync failed, selling on"))
        self.button.setToolTip(message_for(exc))
        self.button.setStyleSheet("color: #b3261e; font-weight: bold")


def _count(n: int) -> str:
    """12 345 (a space between thousands, as Swedish writes it)."""
    return f"{n:,}".replace(",", "\u00a0")
