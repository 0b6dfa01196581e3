"""UI tests: offscreen Qt, and a real Till (``main.build_till``) on a temporary SQLite database
with the demo store's data, a dummy ESC/POS printer and the card terminal simulator."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402


def write_config(path, printer: str = "dummy", terminal: str = "simulator") -> None:
    path.write_text(f'[devices]\nprinter = "{printer}"\nterminal = "{terminal}"\n'
                    f'[register]\nid = "K1"\n', encoding="utf-8")


@pytest.fixture
def make_ui_till(tmp_path, monkeypatch):
    """Build Tills on one temporary database (a second call is a restart of the till)."""
    from main import build_till
    from pos.config import load_config

    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    config_path = tmp_path / "pos.toml"
    contexts = []

    def build(printer: str = "dummy", terminal: str = "simulator"):
        write_config(config_path, printer, terminal)
        till, ctx = build_till(load_config(config_path))
        contexts.append(ctx)
        return till

    yield build
    for ctx in contexts:
        engine = getattr(ctx, "engine", None)
        if engine is not None:
            engine.dispose()


@pytest.fixture
def till(make_ui_till):
    return make_ui_till()


@pytest.fixture
def english(qapp):
    from ui.i18n import install_translators
    install_translators(qapp, "en")
    yield
    install_translators(qapp, "en")


@pytest.fixture
def window(qtbot, qapp, till, english):
    from ui.till.main_window import MainWindow
    from ui.widgets.style import apply_style

    apply_style(qapp)
    w = MainWindow(till)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    QTest.qWaitForWindowActive(w)
    yield w
    wait_idle(qtbot, w)
    w.close()


def wait_idle(qtbot, window, timeout: int = 10000) -> None:
    """Until every lane (register, network, printer) has delivered everything queued."""
    qtbot.waitUntil(window.lanes.idle, timeout=timeout)


def type_keys(widget, text: str, delay_ms: int = -1) -> None:
    for ch in text:
        QTest.keyClick(widget, ch, Qt.KeyboardModifier.NoModifier, delay_ms)


def log_in(qtbot, window, staff_id: str = "kim", pin: str = "1234", float_kr: str | None = "1500"):
    """Log in with the PIN pad; open a shift with ``float_kr`` if the till asks for one."""
    page = window.login_page
    qtbot.waitUntil(lambda: bool(page.staff), timeout=10000)
    page.select(staff_id)
    type_keys(page.pad, pin)
    QTest.keyClick(page.pad, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.sale_page, timeout=10000)
    wait_idle(qtbot, window)
    dialog = window.sale_page.dialog
    if float_kr is not None and dialog is not None and dialog.objectName() == "openShiftDialog":
        dialog.field.setText(float_kr)
        dialog.accept()
        qtbot.waitUntil(lambda: window.sale_page.shift is not None, timeout=10000)
    wait_idle(qtbot, window)
    reactivate(qtbot, window)


def reactivate(qtbot, window) -> None:
    """Offscreen Qt has no window manager: give the window back its activation after a dialog."""
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    window.sale_page.scan_input.setFocus()


def demo_articles(till):
    """Three demo articles with EANs at different VAT rates (coffee 12 %, book 6 %, shirt 25 %),
    none of them in the demo's automatic winter sale (see ``promoted_article``)."""
    from pos.demo.promotions import WINTER_CATEGORY, category_ref
    winter = category_ref(WINTER_CATEGORY)
    coffee = [v for v in till.search("kaffe", 50) if v.ean]
    books = [v for v in till.search("bok", 50) if v.ean and v.vat_rate.value == "6"]
    shirts = [v for v in till.search("skjorta", 50) if v.ean and v.vat_rate.value == "25"
              and winter not in v.refs.category_ids]
    assert coffee and books and shirts, "the demo store sells coffee, books and t-shirts"
    return [coffee[0], books[0], shirts[0]]


def promoted_article(till):
    """A demo article the automatic winter sale (VINTER20, 20 % off) takes something off."""
    from pos.demo.promotions import WINTER_CATEGORY, category_ref
    found = [v for v in till.search("t-shirt", 50)
             if v.ean and category_ref(WINTER_CATEGORY) in v.refs.category_ids]
    assert found, "the winter sale's category has t-shirts"
    return found[0]
