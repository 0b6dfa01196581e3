"""The Journal page's export in the tax authority's format (SKVFS 2021:16,
``pos.queries.journal_skv``): the button beside the CSV's, the file written on the printer lane
(never the UI thread), its progress (journal entries read) shown as it goes."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QProgressBar, QPushButton

from ui.backoffice.context import BackofficeContext
from ui.widgets.style import metrics
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.ops import Operation

if TYPE_CHECKING:
    from ui.backoffice.journal_page import JournalPage


class Progress(QObject):
    """Entries read so far, emitted on the worker, delivered on the GUI thread (queued)."""
    read = Signal(int)


def export_skv(lanes: Lanes, ctx: BackofficeContext, path: Path, first: Any, last: Any,
               register_id: str | None, progress: Progress, *, on_done: Any,
               on_error: Any = None) -> Operation:
    """``on_done((path, Written))``."""
    from pos.queries.journal_skv import SkvSettings, write_skv

    user = ctx.user.id if ctx.user is not None else ""
    now = ctx.now().replace(microsecond=0)

    def run() -> Any:
        return path, write_skv(ctx.uow(), path, first, last, register_id,
                               SkvSettings(ctx.store), now=now, exported_by=user,
                               progress=progress.read.emit)
    return lanes.printer.run(run, on_done, on_error, label="export journal (SKV)")


class SkvExport(QObject):
    """The button (Ctrl+Shift+E), its progress bar, and the export they start."""

    def __init__(self, page: "JournalPage") -> None:
        super().__init__(page)
        self.page = page
        self.button = QPushButton(self.tr("Export SKV… (Ctrl+Shift+E)"), page)
        self.button.setObjectName("exportJournalSkv")
        self.button.setToolTip(self.tr("The journal as XML in the tax authority's standard "
                                       "export format (SKVFS 2021:16)"))
        self.button.clicked.connect(self.start)
        QShortcut(QKeySequence("Ctrl+Shift+E"), page).activated.connect(self.start)
        self.bar = QProgressBar(page)
        self.bar.setObjectName("exportJournalSkvProgress")
        self.bar.setRange(0, 0)  # busy: how far it got is told in the page's message
        self.bar.setTextVisible(False)
        self.bar.setMinimumWidth(metrics().px(160))
        self.bar.hide()
        self.progress = Progress(self)
        self.progress.read.connect(self._read)
        self.exported: list[Path] = []

    def start(self) -> None:
        page = self.page
        if not self.button.isEnabled():
            return
        f = page.current_filter()
        name = f"journal_skv_{f.first.isoformat()}_{f.last.isoformat()}.xml"  # type: ignore[union-attr]
        suggested = str((page.ctx.data_dir or Path.home()) / name)
        path = page.ask_path(self.tr("Export the journal for Skatteverket"), suggested,
                             self.tr("XML files (*.xml)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".xml":
            target = target.with_name(target.name + ".xml")
        self.button.setEnabled(False)
        self.bar.show()
        page.show_message(self.tr("Writing %1…").replace("%1", target.name), "info")
        export_skv(page.lanes, page.ctx, target, f.first, f.last, f.register_id, self.progress,
                   on_done=self._done, on_error=self._failed)

    def _read(self, n: int) -> None:
        self.page.show_message(self.tr("%1 journal entries read").replace("%1", str(n)), "info")

    def _done(self, done: tuple[Path, Any]) -> None:
        path, written = done
        self.exported.append(path)
        self.button.setEnabled(True)
        self.bar.hide()
        self.page.show_message(self.tr("%1 events of %2 journal entries saved for "
                                            "Skatteverket: %3")
                               .replace("%1", str(written.events))
                               .replace("%2", str(written.entries))
                               .replace("%3", str(path)), "ok")

    def _failed(self, e: BaseException) -> None:
        self.button.setEnabled(True)
        self.bar.hide()
        self.page.show_message(message_for(e), "error")
