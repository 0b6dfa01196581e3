"""The back office's UI tests: a SQLite database with a day of sales on two registers
(``tests.backoffice.day``), the back office's window on it, in English."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture
def day_db(tmp_path):
    from pos.db.engine import make_engine
    from pos.db.migrate import upgrade
    from pos.db.session import session_factory
    from tests.backoffice.day import a_day_of_sales

    engine = make_engine(f"sqlite:///{(tmp_path / 'pos.sqlite3').as_posix()}")
    upgrade(engine)
    sf = session_factory(engine)
    day = a_day_of_sales(sf)
    yield sf, day
    engine.dispose()


@pytest.fixture
def bo_english(qapp):
    from ui.i18n import install_translators
    from ui.widgets.style import apply_style
    install_translators(qapp, "en")
    apply_style(qapp)
    yield
    install_translators(qapp, "en")


@pytest.fixture
def bo_window(qtbot, day_db, bo_english, tmp_path):
    from pos.receipt_layout import StoreInfo
    from tests.backoffice.day import CLOCK
    from ui.backoffice.context import BackofficeContext
    from ui.backoffice.window import BackofficeWindow

    sf, _day = day_db
    ctx = BackofficeContext(sf, store=StoreInfo(), clock=CLOCK, data_dir=tmp_path)
    w = BackofficeWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    idle(qtbot, w)
    yield w
    idle(qtbot, w)
    w.close()


def idle(qtbot, window, timeout: int = 10000) -> None:
    qtbot.waitUntil(window.lanes.idle, timeout=timeout)


def log_in(qtbot, window, staff_id: str = "maja", pin: str = "9999") -> None:
    window.login_page.select(staff_id)
    for d in pin:
        window.login_page.pad._press(d)
    window.login_page.pad.submit()
    idle(qtbot, window)
