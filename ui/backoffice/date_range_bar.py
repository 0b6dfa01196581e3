"""One from/to date bar for the back office's pages that show a period (Overview, Orders,
Interest): two date fields with a calendar, and the page's presets ("Today", "Yesterday",
"7 days", "30 days") as buttons.

    bar = DateRangeBar(ctx.clock, (TODAY, YESTERDAY, LAST_7_DAYS), "dashboard", parent)
    bar.chosen.connect(lambda first, last: ...)    # a preset taken: show that period now
    bar.changed.connect(lambda first, last: ...)   # any change of the period (a field or a preset)
    first, last = bar.range()                      # in order, whichever field holds the earlier

The widgets go into the page's own row (``add_to(layout)``), so each page keeps its heading,
filters and buttons beside them. Every part is reachable by Tab; Alt+F / Alt+T put the cursor in
the from / to field (their labels are the fields' buddies), and each preset's button takes
Space or Enter once focused.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QObject, QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QDateEdit, QLabel, QLayout, QPushButton, QWidget

from ui.widgets.style import metrics


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


@dataclass(frozen=True)
class Preset:
    """A period that ends ``ends_days_ago`` days before today and is ``days`` days long."""
    name: str  # the object name's tail: dashboardToday
    label: str  # English source, translated in the DateRangeBar context
    days: int = 1
    ends_days_ago: int = 0

    def period(self, today: date) -> tuple[date, date]:
        last = today - timedelta(days=self.ends_days_ago)
        return last - timedelta(days=self.days - 1), last


TODAY = Preset("Today", QT_TRANSLATE_NOOP("DateRangeBar", "Today"))
YESTERDAY = Preset("Yesterday", QT_TRANSLATE_NOOP("DateRangeBar", "Yesterday"), 1, 1)
LAST_7_DAYS = Preset("Week", QT_TRANSLATE_NOOP("DateRangeBar", "7 days"), 7)
LAST_30_DAYS = Preset("Month", QT_TRANSLATE_NOOP("DateRangeBar", "30 days"), 30)


class DateRangeBar(QObject):
    """The from/to fields and preset buttons of one page (see the module's doc).

    ``changed(first, last)`` whenever the period changes, once per change (a preset sets both
    fields and says so once); ``chosen(first, last)`` after a preset was taken."""

    changed = Signal(object, object)
    chosen = Signal(object, object)

    def __init__(self, clock: Callable[[], object], presets: Sequence[Preset], name: str,
                 parent: QWidget, first: date | None = None, last: date | None = None) -> None:
        super().__init__(parent)
        m = metrics()
        self._clock = clock
        today = self.today()
        self.first = QDateEdit(to_qdate(first or today), parent)
        self.last = QDateEdit(to_qdate(last or today), parent)
        self.from_label = QLabel(self.tr("&From"), parent)
        self.to_label = QLabel(self.tr("&To"), parent)
        for edit, label, tail in ((self.first, self.from_label, "From"),
                                  (self.last, self.to_label, "To")):
            edit.setObjectName(name + tail)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumHeight(m.touch(46))
            edit.setMinimumWidth(m.px(150))
            edit.dateChanged.connect(self._edited)
            label.setBuddy(edit)
        self.buttons: list[QPushButton] = []
        for preset in presets:
            b = QPushButton(QCoreApplication.translate("DateRangeBar", preset.label), parent)
            b.setObjectName(name + preset.name)
            b.setMinimumHeight(m.touch(46))
            b.clicked.connect(lambda _=False, p=preset: self.choose(p))
            self.buttons.append(b)
        self._quiet = False

    def today(self) -> date:
        now = self._clock()
        return now.date() if hasattr(now, "date") else now  # type: ignore[return-value]

    def widgets(self) -> list[QWidget]:
        """In the order they stand: From [first] To [last] presets…"""
        return [self.from_label, self.first, self.to_label, self.last, *self.buttons]

    def add_to(self, layout: QLayout) -> None:
        for w in self.widgets():
            layout.addWidget(w)

    def range(self) -> tuple[date, date]:
        a, b = from_qdate(self.first.date()), from_qdate(self.last.date())
        return (a, b) if a <= b else (b, a)

    def set_range(self, first: date, last: date | None = None) -> None:
        """Both fields at once: ``changed`` once, when the period is another."""
        before = self.range()
        self._quiet = True
        try:
            self.first.setDate(to_qdate(first))
            self.last.setDate(to_qdate(last or first))
        finally:
            self._quiet = False
        if self.range() != before:
            self.changed.emit(*self.range())

    def choose(self, preset: Preset) -> None:
        self.set_range(*preset.period(self.today()))
        self.chosen.emit(*self.range())

    def _edited(self, *_: object) -> None:
        if not self._quiet:
            self.changed.emit(*self.range())
