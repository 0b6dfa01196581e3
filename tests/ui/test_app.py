"""Entry points: the till window with its customer display wired to the Till, and the tidy
placeholder windows of the back office and the kiosk."""
from pos.money import format_kronor
from tests.ui.conftest import demo_articles, log_in, wait_idle


def test_the_customer_display_follows_the_sale_through_the_till(qtbot, qapp, till, english):
    from ui.till.app import build_window

    window = build_window(till)
    display = window.customer_display
    qtbot.addWidget(window)
    qtbot.addWidget(display)
    window.show()
    # the window display follows the screen's changes; the worker drives only device displays
    assert window.display_feed.display is display and till.devices.display is None
    log_in(qtbot, window)
    article = demo_articles(till)[0]
    window.sale_page.scanned(article.ean)
    qtbot.waitUntil(lambda: format_kronor(article.price) in display.total.text(), timeout=5000)
    assert article.name in display.current.text()
    wait_idle(qtbot, window)
    window.close()


def test_backoffice_and_kiosk_show_a_tidy_coming_soon_window(qtbot, english):
    from ui.backoffice.app import make_window as backoffice
    from ui.kiosk.app import make_window as kiosk

    for make in (backoffice, kiosk):
        w = make(None)
        qtbot.addWidget(w)
        w.show()
        assert w.objectName() == "comingSoon"
        assert "omnipos" in w.windowTitle()
