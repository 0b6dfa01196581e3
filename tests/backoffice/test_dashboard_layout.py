"""The Overview's top articles at 1920x1080 in Swedish: the names use the room (no sideways
scrolling, no name cut while the page has width to spare) and each says its whole name as a
tooltip. Beside the two-thirds-wide chart "Bok: Röda rummet" was cut and the list scrolled."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt

from tests.backoffice.conftest import idle, log_in


def test_top_article_names_whole_at_1920(qtbot, qapp, bo_english, tmp_path):
    from pos.db.engine import make_engine
    from pos.db.migrate import upgrade
    from pos.db.session import session_factory
    from pos.receipt_layout import StoreInfo
    from tests.backoffice.test_dashboard_channels import DAY, a_day_of_channels
    from ui.backoffice.context import BackofficeContext
    from ui.backoffice.window import BackofficeWindow
    from ui.i18n import install_translators
    from ui.widgets.style import apply_style

    engine = make_engine(f"sqlite:///{(tmp_path / 'pos.sqlite3').as_posix()}")
    upgrade(engine)
    sf = session_factory(engine)
    a_day_of_channels(sf)  # three articles and a delivery line: the list scrolls
    assert install_translators(qapp, "sv")  # "Försäljning": the figures' columns are wider
    apply_style(qapp, QSize(1920, 1080))  # sized for the screen before the window, as the app
    try:
        w = BackofficeWindow(BackofficeContext(
            sf, store=StoreInfo(), clock=lambda: datetime(DAY.year, DAY.month, DAY.day, 18),
            data_dir=tmp_path))
        qtbot.addWidget(w)
        w.resize(1920, 1080)
        w.show()
        idle(qtbot, w)  # the login page's staff read
        log_in(qtbot, w)
        page = w.current_page()
        qtbot.waitUntil(lambda: page.figures is not None, timeout=5000)
        view = page.articles.view
        header = view.horizontalHeader()
        names = [r.name for r in page.articles.shown_rows()]
        assert "Bok: Röda rummet" in names
        widest = max(view.sizeHintForColumn(0), header.sectionSizeHint(0))
        # the column holds the longest name with its cell's padding, and nothing scrolls
        qtbot.waitUntil(lambda: header.sectionSize(0) >= widest, timeout=3000)
        assert not view.horizontalScrollBar().isVisible()
        index = page.articles.proxy.index(names.index("Bok: Röda rummet"), 0)
        assert index.data(Qt.ItemDataRole.ToolTipRole) == "Bok: Röda rummet"
        w.close()
    finally:
        install_translators(qapp, "en")
        apply_style(qapp)
        engine.dispose()
