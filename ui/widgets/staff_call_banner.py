"""A small banner on the till and in the back office while a kiosk's customer waits for help:
"The customer at Kiosk entrén needs help (10:42)" and "I'll go" (the call is then taken, by this
person, for every till and the back office). Polls the store's database every few seconds on the
lane it is given (the till's network lane, never the register's lane that answers scans); one
poll at a time."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from pos.db.unit_of_work import SqlUnitOfWork
from pos.kiosk import StaffCall
from pos.services import kiosk as use
from ui.widgets.style import set_role

POLL_MS = 5000


class StaffCallBanner(QFrame):
    def __init__(self, lane: Any, session_factory: Any, who: Callable[[], str],
                 now: Callable[[], datetime], parent: QWidget | None = None, *,
                 poll_ms: int = POLL_MS) -> None:
        """``lane``: an ``ui.ops.Ops`` the polls and the taking run on; ``who``: the name of
        the person who takes a call (the cashier or manager logged in); ``now``: the clock."""
        super().__init__(parent)
        self.setObjectName("staffCallBanner")
        self.setStyleSheet("#staffCallBanner { background: #f2b33d; }")
        self.lane, self.who, self.now = lane, who, now
        self.uow = SqlUnitOfWork(session_factory)  # the lane's own, for this banner
        self.calls: list[StaffCall] = []
        self.text = QLabel(self)
        self.text.setObjectName("staffCallText")
        self.take = QPushButton(self.tr("I'll go"), self)
        self.take.setObjectName("staffCallTake")
        set_role(self.take, "primary")
        self.take.clicked.connect(self.take_first)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 12, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.take)
        self.hide()
        self._polling = False
        self.timer = QTimer(self, interval=poll_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        QTimer.singleShot(0, self.poll)

    def poll(self) -> None:
        if self._polling:
            return
        self._polling = True
        self.lane.run(lambda: use.open_calls(self.uow), self.show_calls,
                               lambda _e: self._done())

    def _done(self) -> None:
        self._polling = False

    def show_calls(self, calls: list[StaffCall]) -> None:
        self._done()
        self.calls = calls
        if not calls:
            self.hide()
            return
        first = calls[0]
        text = self.tr("A customer at %1 needs help (since %2)").replace("%1", first.place) \
            .replace("%2", first.created_at.strftime("%H:%M"))
        if len(calls) > 1:
            text += " " + self.tr("and %n more call(s)", "", len(calls) - 1)
        self.text.setText(text)
        self.show()

    def take_first(self) -> None:
        if not self.calls:
            return
        call = self.calls[0]
        by, now = self.who(), self.now()
        self.lane.run(lambda: use.take_call(self.uow, call.id, by, now),
                      lambda _c: self.poll(), lambda _e: self.poll())
