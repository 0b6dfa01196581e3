"""The scan path through the till's window: from the first key of a keyboard-wedge scan to the
line on screen, at N catalogue variants.

A real ``Till`` (``main.build_till``) on a SQLite database with N generated variants
(``benchmarks.catalog_lookup.generate``; the database is built once per rows and seed and kept in
a cache directory, each run works on a copy), the real ``MainWindow`` offscreen, built by
``ui.till.app.build_window`` with or without the customer display window and with the wedge
filter installed on the application. A cashier is logged in with a shift open. Each scan is sent
as a wedge scanner sends it, key presses through the window system (``QTest.keyClick`` on the
window: shortcut override, the application's event filters, the focus widget) and Enter; the
burst itself takes no time here (a scanner's own typing time is not counted).

A scan is *on screen* when the till window's repaint that draws it has finished: the cart model
has the line with its new quantity, the total label says the new total, and both the total label
and the cart table's viewport were painted in that repaint (the viewport only if the line's row
is in view: a repeated scan of an early line of a long sale has nothing there to paint). With the
display, its own figure is the end of the display window's repaint that paints the new total.

Split per scan (ms): ``keys`` (the burst through the wedge until the scan is queued),
``worker`` (``Till.scan`` on the worker thread, of which ``lookup``), ``worker -> callback``
(from the worker's return until the sale page's callback starts: signal delivery and whatever
runs on the GUI thread first), ``callback`` (the sale page's ``_added``: model, labels,
selection, message), ``callback -> repaint`` (what runs before the window's repaint: layouts,
the display's update) and ``repaint`` (the till window's repaint that shows the scan).
``Till.scan's return -> screen`` is the GUI thread's share after the worker, free of the disk's
hiccups (the worker commits with ``synchronous=FULL``; a shared machine's disk sometimes takes
hundreds of ms).

Sales grow to about 30 lines (some scans repeat an article of the sale: its quantity changes) and
are then voided, not counted. The first ``--warmup`` scans of each run are not counted.
"""
from __future__ import annotations

import cProfile
import os
import platform
import pstats
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.catalog_lookup import generate
from pos.gtin import with_check_digit

DEFAULT_CACHE = Path(tempfile.gettempdir()) / "omnipos-bench"


# --- the database ---------------------------------------------------------------------------------


def cached_database(rows: int, seed: int = 1, cache_dir: Path | None = None) -> Path:
    """A SQLite file with ``rows`` generated variants, the demo staff and promotions; built once
    per (rows, seed) in ``cache_dir`` and reused."""
    cache_dir = Path(cache_dir or DEFAULT_CACHE)
    path = cache_dir / f"scan-{rows}-seed{seed}.sqlite3"
    if path.exists():
        return path
    from pos.db.catalog_repository import CatalogRepository
    from pos.db.engine import make_engine
    from pos.db.migrate import upgrade
    from pos.db.session import session_factory
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.services.setup import load_demo_data

    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for p in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        p.unlink(missing_ok=True)
    print(f"  building the catalogue of {rows:,} variants in {path} (once) ...", flush=True)
    t = time.perf_counter()
    engine = make_engine(f"sqlite:///{partial}")
    upgrade(engine)
    sf = session_factory(engine)
    with sf() as s, s.begin():
        CatalogRepository(s).bulk_upsert(generate(rows, seed))
    with engine.begin() as c:
        c.exec_driver_sql("ANALYZE")
    load_demo_data(SqlUnitOfWork(sf))  # staff and promotions (the catalogue is not empty: no demo articles)
    engine.dispose()
    with closing(sqlite3.connect(partial)) as c:  # everything in the main file, to copy it alone
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(path)
    print(f"  built in {time.perf_counter() - t:.0f} s", flush=True)
    return path


@contextmanager
def _working_copy(template: Path) -> Iterator[Path]:
    """A data directory holding a copy of ``template`` as the till's database and a config."""
    with tempfile.TemporaryDirectory(prefix="pos-scan-") as d:
        data = Path(d)
        shutil.copyfile(template, data / "pos.sqlite3")
        (data / "pos.toml").write_text(
            '[devices]\nprinter = "dummy"\nterminal = "simulator"\ndisplay = "window"\n'
            '[register]\nid = "K1"\n[sync]\ninterval_minutes = 0\n', encoding="utf-8")
        yield data


# --- measuring ------------------------------------------------------------------------------------


@dataclass
class Scan:
    """One scan's moments (``time.perf_counter()`` seconds)."""

    variant_id: str
    quantity: int  # of its line once added
    t0: float = 0.0  # the first key
    keys_done: float = 0.0  # Enter handled: the scan is queued on the worker
    worker_start: float = 0.0
    worker_end: float = 0.0
    total: int | None = None  # the sale's total the worker returned (öre)
    callback_start: float = 0.0
    callback_end: float = 0.0
    repaint_start: float = 0.0  # the till window's repaint that shows it starts
    window_done: float = 0.0  # and has finished
    display_done: float = 0.0  # the display window's repaint that shows it has finished

    def ms(self, a: float, b: float) -> float:
        return (b - a) * 1000 if a and b else float("nan")


@dataclass
class Run:
    label: str
    scans: list[Scan] = field(default_factory=list)


class _RepaintWatch:
    """Tells when a top-level window's repaint (its ``UpdateRequest``) has *finished*, and which
    of some widgets were painted in it. The event is delivered from inside the filter so its end
    can be timed; the filter then swallows the original (already handled) delivery.
    ``shown(painted)`` says whether what was painted (a set of the watched widgets' names) shows
    the scan. Only while ``armed()``: any other repaint is left to Qt untouched (a repaint run
    from Python holds the GIL, which the worker may be waiting for)."""

    def __init__(self, top: Any, watched: dict[str, Any],
                 shown: Callable[[set[str]], bool],
                 on_done: Callable[[float, float], None],
                 armed: Callable[[], bool] = lambda: True) -> None:
        from PySide6.QtCore import QEvent, QObject

        watch = self
        names = {id(w): name for name, w in watched.items()}

        class Filter(QObject):
            def eventFilter(self, obj: Any, ev: Any) -> bool:  # noqa: N802 - Qt API
                t = ev.type()
                if t == QEvent.Type.Paint and id(obj) in names:
                    watch.painted.add(names[id(obj)])
                    return False
                if (obj is top and t == QEvent.Type.UpdateRequest and not watch.inside
                        and armed()):
                    watch.inside = True
                    watch.painted = set()
                    start = time.perf_counter()
                    try:
                        top.event(ev)
                    finally:
                        watch.inside = False
                    if watch.painted and shown(watch.painted):
                        on_done(start, time.perf_counter())
                    return True
                return False

        self.inside = False
        self.painted: set[str] = set()
        self.filter = Filter()
        top.installEventFilter(self.filter)
        for w in watched.values():
            w.installEventFilter(self.filter)


def _wrap(obj: Any, name: str, before: Callable[[], None] | None = None,
          after: Callable[[Any], None] | None = None) -> None:
    """Time an instance's method: ``before()`` on entry, ``after(result)`` on return."""
    original = getattr(obj, name)

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if before:
            before()
        result = original(*args, **kwargs)
        if after:
            after(result)
        return result

    setattr(obj, name, wrapped)


def _pct(values: list[float], q: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, int(len(v) * q))]


def _line(label: str, values: list[float]) -> str:
    values = [v for v in values if v == v]  # no NaN
    if not values:
        return f"    {label:<26} -"
    return (f"    {label:<26} p50 {statistics.median(values):6.2f}   p95 {_pct(values, .95):6.2f}"
            f"   p99 {_pct(values, .99):6.2f}   max {max(values):6.2f} ms")


def report(run: Run) -> None:
    s = run.scans
    print(f"  {run.label} (n={len(s)})")
    print(_line("first key -> line on screen", [x.ms(x.t0, x.window_done) for x in s]))
    print(_line("Till.scan's return -> screen", [x.ms(x.worker_end, x.window_done) for x in s]))
    if any(x.display_done for x in s):
        print(_line("first key -> customer display", [x.ms(x.t0, x.display_done) for x in s]))
    print(_line("  keys (wedge, queued)", [x.ms(x.t0, x.keys_done) for x in s]))
    print(_line("  queued -> worker starts", [x.ms(x.keys_done, x.worker_start) for x in s]))
    print(_line("  worker (Till.scan)", [x.ms(x.worker_start, x.worker_end) for x in s]))
    print(_line("  worker -> callback", [x.ms(x.worker_end, x.callback_start) for x in s]))
    print(_line("  callback (show, answer)", [x.ms(x.callback_start, x.callback_end) for x in s]))
    print(_line("  callback -> repaint", [x.ms(x.callback_end, x.repaint_start) for x in s]))
    print(_line("  repaint (till window)", [x.ms(x.repaint_start, x.window_done) for x in s]))


# --- driving the till -----------------------------------------------------------------------------


class _Driver:
    def __init__(self, app: Any, data_dir: Path, rows: int, display: bool, rng: random.Random,
                 gap_ms: float, lines_per_sale: int) -> None:
        from main import build_till
        from pos.config import load_config
        from ui.till.app import build_window
        from ui.widgets.wedge import WedgeFilter

        self.app = app
        self.rows = rows
        self.rng = rng
        self.gap_ms = gap_ms
        self.lines_per_sale = lines_per_sale
        os.environ["POS_DATA_DIR"] = str(data_dir)
        self.till, self.ctx = build_till(load_config(data_dir / "pos.toml"))
        self.wedge = WedgeFilter(app).install(app)
        self.window = build_window(self.till, customer_display=display, wedge=self.wedge)
        self.display = getattr(self.window, "customer_display", None)
        self.page = self.window.sale_page
        self.current: Scan | None = None
        from PySide6.QtCore import QTimer
        self.heartbeat = QTimer()  # wakes a wait at least this often (for its time-out)
        self.heartbeat.start(100)
        self.sale: dict[str, int] = {}  # variant id -> quantity in the sale in progress
        self.profiler: cProfile.Profile | None = None  # the GUI thread's, during each scan
        self.display_paints: list[tuple[float, str]] = []  # (end of repaint, total shown)
        self._instrument()

    def _instrument(self) -> None:
        till, page = self.till, self.page

        def cur() -> Scan | None:
            return self.current

        def stamp(attr: str) -> Callable[..., None]:
            def f(*_a: Any) -> None:
                s = cur()
                if s is not None and not getattr(s, attr):
                    setattr(s, attr, time.perf_counter())
            return f

        def worker_end(totals: Any) -> None:
            s = cur()
            if s is not None:
                s.worker_end = time.perf_counter()
                s.total = totals.total

        # after the sale page's own slot (connected first): the scan is queued on the worker
        self.wedge.scanned.connect(stamp("keys_done"))
        _wrap(till, "scan", stamp("worker_start"), worker_end)
        # on the GUI thread: the change is shown (show_totals), then the scan's own answer
        _wrap(page, "show_totals", stamp("callback_start"), None)
        _wrap(page, "article_added", None, stamp("callback_end"))

        from pos.money import format_kronor

        def window_shows(painted: set[str]) -> bool:
            """The total is painted, and the line too unless its row is scrolled out of view
            (a repeated scan of an early line of a long sale: nothing of it to paint)."""
            s = cur()
            if s is None or s.total is None or "total" not in painted:
                return False
            if page.total_label.text() != format_kronor(s.total, symbol=True):
                return False
            rows = [r for r, lt in enumerate(page.model.rows())
                    if lt.line.variant.id == s.variant_id and lt.line.quantity == s.quantity]
            if not rows:
                return False
            table = page.table
            visible = table.visualRect(page.model.index(rows[0], 0)).intersects(
                table.viewport().rect())
            return "lines" in painted or not visible

        self.window_watch = _RepaintWatch(
            self.window, {"lines": page.table.viewport(), "total": page.total_label},
            window_shows, self._window_done,
            armed=lambda: cur() is not None and bool(cur().callback_start))
        if self.display is not None:
            # The display may be drawn before Till.scan has returned the total to compare with
            # (it is told from inside the call): its repaints are kept and matched afterwards.
            display = self.display

            def display_painted(painted: set[str]) -> bool:
                if "total" in painted:
                    self.display_paints.append((time.perf_counter(), display.total.text()))
                return False

            self.display_watch = _RepaintWatch(
                display, {"total": display.total}, display_painted, lambda _s, _e: None,
                armed=lambda: cur() is not None and bool(cur().worker_start))

    def _window_done(self, start: float, end: float) -> None:
        s = self.current
        if s is not None and not s.window_done:
            s.repaint_start, s.window_done = start, end

    # --- set-up ------------------------------------------------------------------------------------

    def start(self) -> None:
        from PySide6.QtTest import QTest

        if self.display is not None:
            self.display.show()
        self.window.resize(1280, 800)
        self.window.show()
        self.wait_idle()  # the till's own start (staff, statuses) on its lanes

        def log_in() -> Any:  # on the register's lane, as the login page does it
            member = self.till.login("kim", "1234")
            if self.till.current_shift() is None:
                self.till.open_shift(150000)
            return member

        logged_in: list[Any] = []
        self.window.ops.run(log_in, logged_in.append, label="log in")
        self.wait_idle()
        self.window.on_logged_in(logged_in[0])
        self.wait_idle()
        self.window.activateWindow()
        QTest.qWaitForWindowActive(self.window)
        self.page.scan_input.setFocus()
        self.void()

    def close(self) -> None:
        self.wait_idle()
        self.heartbeat.stop()
        self.wedge.uninstall(self.app)
        if self.display is not None:
            self.display.close()
        self.window.close()
        self.pump(50)
        self.ctx.engine.dispose()

    def pump(self, ms: float) -> None:
        """Run the event loop for ``ms`` (blocked in it between events, as the till is)."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(max(0, int(ms)), loop.quit)
        loop.exec()

    def wait_events(self) -> None:
        """Until at least one event was handled: the GUI thread sleeps in the event dispatcher
        (the GIL free for the worker) instead of spinning. The heartbeat wakes it at worst."""
        from PySide6.QtCore import QEventLoop

        self.app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    def wait_idle(self, timeout_s: float = 30) -> None:
        end = time.perf_counter() + timeout_s
        while not self.window.lanes.idle():
            if time.perf_counter() > end:
                raise TimeoutError("the till's worker did not finish")
            self.wait_events()

    def void(self) -> None:
        from ui.till import operations as op
        op.void_sale(self.window.lanes, self.till)
        self.wait_idle()
        self.sale.clear()
        self.pump(self.gap_ms)

    # --- one scan ----------------------------------------------------------------------------------

    def pick(self) -> tuple[str, str]:
        """(EAN, variant id): an article of the sale again now and then, else a random one."""
        if self.sale and self.rng.random() < 0.2:
            vid = self.rng.choice(list(self.sale))
            i = int(vid.removeprefix("var_"))
        else:
            i = self.rng.randrange(self.rows)
            vid = f"var_{i:08d}"
        return with_check_digit(f"73{i:010d}"), vid

    def scan(self, timeout_s: float = 10) -> Scan:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from pos.money import format_kronor

        if len(self.sale) >= self.lines_per_sale:
            self.void()
        ean, vid = self.pick()
        self.sale[vid] = self.sale.get(vid, 0) + 1
        s = self.current = Scan(vid, self.sale[vid])
        win = self.window.windowHandle()
        if self.profiler is not None:
            self.profiler.enable()
        self.display_paints.clear()
        s.t0 = time.perf_counter()
        for ch in ean:
            QTest.keyClick(win, ch)
        QTest.keyClick(win, Qt.Key.Key_Return)
        end = s.t0 + timeout_s
        want_display = self.display is not None
        while not s.window_done or (want_display and not s.display_done):
            if want_display and not s.display_done and s.total is not None:
                total = format_kronor(s.total, symbol=True)
                s.display_done = next((t for t, text in self.display_paints if text == total), 0.0)
                if s.display_done:
                    continue
            if time.perf_counter() > end:
                rows = [(lt.line.variant.id, lt.line.quantity) for lt in self.page.model.rows()]
                raise TimeoutError(f"scan of {ean} not on screen within {timeout_s} s: {s}; "
                                   f"total label {self.page.total_label.text()!r}, rows {rows}")
            self.wait_events()
        if self.profiler is not None:
            self.profiler.disable()
        self.wait_idle()
        self.current = None
        self.pump(self.gap_ms)  # the cashier takes the next article
        return s


# --- the run --------------------------------------------------------------------------------------


def run(rows: int = 1_000_000, scans: int = 300, seed: int = 1, modes: tuple[str, ...] = (
        "display", "no display"), repeat: int = 1, warmup: int = 20, gap_ms: float = 40,
        lines_per_sale: int = 30, cache_dir: Path | None = None, profile: str = "") -> list[Run]:
    """Print the figures; ``profile`` ("gui" or "worker"): also profile that thread (cProfile,
    slower) and print its top functions."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qInstallMessageHandler

    def quiet(_mode: Any, _context: Any, message: str) -> None:  # offscreen's size-hint notes
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)

    from ui.till.app import make_app

    template = cached_database(rows, seed, cache_dir)
    app = make_app([], "sv")
    print(f"scan to screen: {rows:,} variants, SQLite, {scans} scans per run (+{warmup} warm-up), "
          f"Python {platform.python_version()}, PySide6 {pyside_version}, "
          f"QPA {app.platformName()}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    runs: list[Run] = []
    rng = random.Random(seed + 7)
    for r in range(repeat):
        for mode in modes:
            with _working_copy(template) as data:
                d = _Driver(app, data, rows, mode == "display", rng, gap_ms, lines_per_sale)
                try:
                    d.start()
                    for _ in range(warmup):
                        d.scan()
                    prof = cProfile.Profile() if profile else None
                    if prof is not None and profile == "worker":
                        _wrap(d.till, "scan", prof.enable, lambda _r: prof.disable())
                    elif prof is not None:
                        d.profiler = prof
                    out = Run(f"{mode}, run {r + 1}")
                    for _ in range(scans):
                        out.scans.append(d.scan())
                finally:
                    d.close()
            report(out)
            runs.append(out)
            if prof is not None:
                print(f"  profile of the {profile} thread ({mode}), by own time:")
                pstats.Stats(prof).sort_stats("tottime").print_stats(25)
                pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
    if repeat > 1:
        for mode in modes:
            pooled = Run(f"{mode}, all runs")
            for r in runs:
                if r.label.startswith(mode + ","):
                    pooled.scans += r.scans
            report(pooled)
    return runs
