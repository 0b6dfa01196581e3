"""Synk: the messages to the central store (the outbox: sales as orders, deliveries, pickups)
with their status, a dead one sent again; when the catalogue, stock and promotions were last
synced; and whether the central store answers now (asked on the network lane every
``PING_EVERY_MS`` while the page is shown, never on the GUI thread)."""
from __future__ import annotations

import json
from datetime import datetime, timezone

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from pos.queries.outbox import OutboxMessage
from pos.sync.outbox import OutboxStatus
from ui.widgets.flow_layout import FlowLayout
from ui.backoffice.outbox_kinds import outbox_kind_label
from ui.backoffice import operations as op
from ui.backoffice.context import BackofficeContext
from ui.backoffice.page import Page
from ui.backoffice.table import Column, FilterTable
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.widgets.style import metrics, set_level, set_role

PING_EVERY_MS = 30_000
STATUSES = ("pending", "failed", "dead", "sent")


def local(t: datetime | None) -> str:
    """A stored UTC time in the back office's local time."""
    if t is None:
        return ""
    return t.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M:%S")


class SyncPage(Page):
    def __init__(self, lanes: Lanes, ctx: BackofficeContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(lanes, ctx, parent)
        self.setObjectName("syncPage")
        m = metrics()
        self.messages: list[OutboxMessage] = []
        self.status: OutboxStatus | None = None
        self.reachable: bool | None = None
        heading = QLabel(self.title(), self)
        set_role(heading, "heading")

        # the central store and the catalogue
        panel = QFrame(self)
        panel.setProperty("role", "panel")
        self.central = QLabel(self.tr("Central store: not checked yet"), panel)
        self.central.setObjectName("centralStatus")
        self.central.setProperty("role", "message")
        set_level(self.central, "info")
        self.ping_button = QPushButton(self.tr("Check now (Ctrl+T)"), panel)
        self.ping_button.setObjectName("pingButton")
        self.ping_button.clicked.connect(self.ping)
        QShortcut(QKeySequence("Ctrl+T"), self).activated.connect(self.ping)
        self.catalog = QLabel(panel)
        self.catalog.setObjectName("catalogStatus")
        self.catalog.setWordWrap(True)
        self.counts = QLabel(panel)
        self.counts.setObjectName("outboxCounts")
        self.counts.setWordWrap(True)
        grid = QGridLayout(panel)
        grid.setContentsMargins(m.px(12), m.px(8), m.px(12), m.px(8))
        grid.addWidget(self.central, 0, 0)
        grid.addWidget(self.ping_button, 0, 1)
        grid.addWidget(self.counts, 1, 0, 1, 2)
        grid.addWidget(self.catalog, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)

        # the outbox
        self.status_choice = QComboBox(self)
        self.status_choice.setObjectName("outboxStatusChoice")
        self.status_choice.addItem(self.tr("All"), None)
        for st in STATUSES:
            self.status_choice.addItem(self.status_text(st), st)
        self.status_choice.currentIndexChanged.connect(self._filter)
        self.table = FilterTable([
            Column(self.tr("No."), lambda r: str(r.id), sort=lambda r: r.id, numeric=True),
            Column(self.tr("Kind"), lambda r: outbox_kind_label(r.kind)),
            Column(self.tr("Key"), lambda r: r.key, stretch=True),
            Column(self.tr("Status"), lambda r: self.status_text(r.status)),
            Column(self.tr("Tries"), lambda r: str(r.attempts), sort=lambda r: r.attempts,
                   numeric=True),
            Column(self.tr("Queued"), lambda r: local(r.created_at), sort=lambda r: r.created_at),
            Column(self.tr("Sent"), lambda r: local(r.sent_at), sort=lambda r: r.sent_at)],
            self,
            filter_placeholder=self.tr("Filter: key, kind, error…"))
        self.table.setObjectName("outboxTable")
        self.table.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.selected.connect(lambda _r: self._enable())
        self.retry_button = QPushButton(self.tr("Send again (Ctrl+R)"), self)
        self.retry_button.setObjectName("retryDead")
        set_role(self.retry_button, "primary")
        self.retry_button.clicked.connect(self.retry)
        QShortcut(QKeySequence("Ctrl+R"), self).activated.connect(self.retry)
        self.error_text = QLabel(self)
        self.error_text.setObjectName("outboxError")
        self.error_text.setWordWrap(True)
        self.error_text.setProperty("role", "muted")

        bar = FlowLayout()
        bar.addWidget(QLabel(self.tr("Messages to the central store"), self))
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Status"), self))
        bar.addWidget(self.status_choice)
        bar.addWidget(self.retry_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(m.px(10))
        layout.addWidget(heading)
        layout.addWidget(panel)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_text)
        layout.addWidget(self.message)

        self.timer = QTimer(self)
        self.timer.setInterval(PING_EVERY_MS)
        self.timer.timeout.connect(self._tick)
        self._enable()

    def title(self) -> str:
        return self.tr("Sync")

    def status_text(self, status: str) -> str:
        return {"pending": self.tr("Waiting"), "failed": self.tr("Failed, will retry"),
                "dead": self.tr("Dead: needs a person"), "sent": self.tr("Sent")}.get(status,
                                                                                     status)

    # --- loading ---------------------------------------------------------------------------------

    def activate(self) -> None:
        op.outbox(self.lanes, self.ctx, on_done=self.set_outbox, on_error=self._failed)
        self.ping()
        self.timer.start()

    def _tick(self) -> None:
        if self.isVisible():
            self.ping()
        else:
            self.timer.stop()

    def set_outbox(self, result: tuple) -> None:
        messages, status, state = result
        self.messages, self.status = list(messages), status
        c = status.counts
        self.counts.setText(self.tr("Outbox: %1 waiting, %2 failed (retrying), %3 dead, "
                                    "%4 sent.")
                            .replace("%1", str(c.get("pending", 0)))
                            .replace("%2", str(c.get("failed", 0)))
                            .replace("%3", str(c.get("dead", 0)))
                            .replace("%4", str(c.get("sent", 0))))
        set_level(self.counts, "error" if c.get("dead") else "info")
        self.catalog.setText(self._catalog_text(state))
        self._filter()

    def _catalog_text(self, state: dict) -> str:
        def when(name: str) -> str | None:
            found = state.get(name)
            return None if found is None else local(found[1])
        full, delta, promotions = (when("catalog.last_full"), when("catalog.updated_since"),
                                   state.get("promotions"))
        if full is None and delta is None:
            text = self.tr("Catalogue: never synced with the central store.")
        else:
            text = self.tr("Catalogue: last full sync %1; last changes fetched %2.") \
                .replace("%1", full or "–").replace("%2", delta or "–")
        if promotions is not None:
            try:
                n = len(json.loads(promotions[0]))
            except ValueError:
                n = 0
            text += " " + self.tr("Promotions: %1, synced %2.").replace("%1", str(n)) \
                .replace("%2", local(promotions[1]))
        return text

    def _filter(self, *_: object) -> None:
        chosen = self.status_choice.currentData()
        self.table.set_rows([r for r in self.messages if chosen in (None, r.status)])
        self._enable()

    def _enable(self) -> None:
        r = self.table.current()
        self.retry_button.setEnabled(r is not None and r.status == "dead")
        self.error_text.setText(self.tr("Last error: %1").replace("%1", r.last_error[:1000])
                                if r is not None and r.last_error else "")

    def _failed(self, exc: BaseException) -> None:
        self.show_message(message_for(exc), "error")

    # --- the central store -----------------------------------------------------------------------

    def ping(self) -> None:
        if not self.ping_button.isEnabled():
            return  # one question at a time
        self.ping_button.setEnabled(False)
        self.central.setText(self.tr("Central store: asking…"))
        op.ping(self.lanes, self.ctx, on_done=self._pinged, on_error=self._ping_failed)

    def _pinged(self, result: tuple) -> None:
        ok, detail, seconds = result
        self.ping_button.setEnabled(True)
        self.reachable = ok
        now = self.ctx.now().strftime("%H:%M:%S")
        if ok is None:
            self.central.setText(self.tr("Central store: none configured."))
            set_level(self.central, "info")
        elif ok:
            self.central.setText(self.tr("Central store: answers (%1 s, at %2).")
                                 .replace("%1", f"{seconds:.2f}").replace("%2", now))
            set_level(self.central, "ok")
        else:
            text = self.tr("Central store: does not answer (at %1).").replace("%1", now)
            self.central.setText(text + (f" {detail}" if detail else ""))
            set_level(self.central, "error")

    def _ping_failed(self, exc: BaseException) -> None:
        self.ping_button.setEnabled(True)
        self.central.setText(message_for(exc))
        set_level(self.central, "error")

    # --- retry -----------------------------------------------------------------------------------

    def retry(self) -> None:
        r = self.table.current()
        if r is None or r.status != "dead":
            return
        op.retry_dead(self.lanes, self.ctx, r.key, on_done=lambda _n: self._retried(r.key),
                      on_error=self._failed)

    def _retried(self, key: str) -> None:
        self.show_message(self.tr("%1 is queued again; the tills' outbox sends it.")
                          .replace("%1", key), "ok")
        op.outbox(self.lanes, self.ctx, on_done=self.set_outbox, on_error=self._failed)
