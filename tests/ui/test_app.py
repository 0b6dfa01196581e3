"""Entry points: the till window with its customer display wired to the Till, the back office
on the till's database as main.py wires it, and the kiosk on the store's database."""
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


def test_the_kiosk_opens_on_the_stores_database_as_main_wires_it(qtbot, tmp_path, monkeypatch,
                                                                 english):
    import main
    from ui.kiosk.app import kiosk_context, make_window

    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    config = tmp_path / "pos.toml"
    config.write_text('[devices]\nprinter = "dummy"\n[kiosk]\nplace = "Entrén"\n'
                      '[medusa]\nstate = "%s"\n' % (tmp_path / "none.json").as_posix(),
                      encoding="utf-8")
    cfg = main.load_config(config)
    ctx = kiosk_context(main.open_database(cfg), cfg)
    w = make_window(ctx, camera=False, wedge=False)
    qtbot.addWidget(w)
    w.show_kiosk(fullscreen=False)
    qtbot.waitUntil(lambda: ctx.db.is_idle() and bool(w.find.categories.buttons), timeout=5000)
    assert w.objectName() == "kiosk" and w.logo.text() == "Entrén"
    assert ctx.central("carts") is None  # no central store configured: said when saving
    w._may_close = True
    w.close()
    ctx.shutdown()


def test_the_back_office_opens_on_the_tills_database_without_a_register(qtbot, tmp_path,
                                                                         monkeypatch, english):
    import main
    from ui.backoffice.app import make_window

    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    config = tmp_path / "pos.toml"
    config.write_text('[devices]\nprinter = "dummy"\n[medusa]\nstate = "%s"\n'
                      % (tmp_path / "none.json").as_posix(), encoding="utf-8")
    cfg = main.load_config(config)
    ctx = main.open_database(cfg)
    w = make_window(main.backoffice_context(ctx, cfg))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(w.lanes.idle, timeout=5000)
    assert w.objectName() == "backofficeWindow" and "omnipos" in w.windowTitle()
    assert {m.id for m in w.login_page.staff} == {"kim", "maja"}  # the demo's staff
    assert w.ctx.central() is None  # no central store configured
    with ctx.session_factory() as s:
        from pos.db.models_till import RegisterRow
        assert s.query(RegisterRow).count() == 0  # opening it claimed no register
    w.close()
    ctx.engine.dispose()
