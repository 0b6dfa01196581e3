"""The till fits a 1024x768 screen in Swedish: the window is no wider than the screen, and every
function button shows its whole text (its name and its key); on a 1920 px screen the buttons
stand in two rows."""
from __future__ import annotations

import pytest

from tests.ui.conftest import log_in, wait_idle


@pytest.fixture
def swedish(qapp):
    from ui.i18n import install_translators
    from ui.widgets.style import apply_style
    assert install_translators(qapp, "sv")
    apply_style(qapp)  # the till's own style sheet: its paddings make the buttons' widths
    yield
    install_translators(qapp, "en")


@pytest.mark.parametrize("width,height,rows", [(1024, 768, 3), (1366, 768, 3), (1920, 1080, 2)])
def test_the_function_buttons_fit_the_screen_with_their_whole_text(qtbot, make_ui_till, swedish,
                                                                   width, height, rows):
    from ui.till.main_window import MainWindow

    window = MainWindow(make_ui_till())
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    log_in(qtbot, window)
    wait_idle(qtbot, window)
    window.resize(1920, 1080)  # shown wide first: a window made smaller must follow too
    qtbot.wait(50)
    window.resize(width, height)
    page = window.sale_page
    qtbot.waitUntil(lambda: page.width() > 0 and page.width() <= width)
    qtbot.wait(100)  # the layouts settle on posted events
    assert window.width() == width
    buttons = list(page.buttons.values())
    for b in buttons:
        assert b.isVisible()
        assert b.width() >= b.sizeHint().width(), (b.text(), b.width(), b.sizeHint().width())
        assert b.geometry().right() <= page.width()
    assert len({b.y() for b in buttons}) == rows
