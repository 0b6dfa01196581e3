"""The till starts filling its screen (maximised, or full screen from the config), its sizes
scaled to that screen, nothing a finger taps below 44 px."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication



@pytest.mark.parametrize("size, scale", [((1024, 768), 0.8), ((1280, 800), 1.0),
                                         ((1366, 768), 0.96), ((1920, 1080), 1.35),
                                         ((800, 600), 0.8), ((3840, 2160), 1.6)])
def test_sizes_scale_with_the_screen_and_touch_targets_stay_44_px(size, scale):
    from ui.widgets.style import MIN_TOUCH, Metrics, scale_for

    assert scale_for(QSize(*size)) == scale
    m = Metrics(scale)
    assert m.px(380) == round(380 * scale)  # the sale's right panel, for one
    assert all(m.touch(h) >= MIN_TOUCH for h in (20, 44, 48, 56, 64, 72))
    assert m.touch(72) >= m.touch(56)
    assert m.font(15) >= 13  # readable on the smallest screen


def test_the_style_sheet_is_sized_for_the_screen(qapp):
    from ui.widgets.style import apply_style, metrics, stylesheet

    try:
        small = apply_style(qapp, QSize(1024, 768))
        assert metrics() is small and small.scale == 0.8
        assert qapp.styleSheet() == stylesheet(small)
        big = apply_style(qapp, QSize(1920, 1080))
        assert qapp.styleSheet() == stylesheet(big)
        assert stylesheet(small) != stylesheet(big)
        assert "font-size: 20px" in stylesheet(big) and "font-size: 13px" in stylesheet(small)
    finally:
        apply_style(qapp)


def run_till_once(till, **kwargs):
    """``run_till`` as main.py calls it; returns (window state, geometry, screen's free area)
    seen once the event loop runs."""
    from ui.till.app import run_till
    from ui.till.main_window import MainWindow

    seen = {}
    tries = iter(range(40))

    def look() -> None:
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        seen.update(state=window.windowState(), geometry=window.frameGeometry(),
                    area=window.screen().availableGeometry(), whole=window.screen().geometry())
        if seen["geometry"] not in (seen["area"], seen["whole"]) and next(tries, None) is not None:
            QTimer.singleShot(50, look)  # the window system has not placed it yet
            return
        window.close()
        QApplication.quit()

    QTimer.singleShot(100, look)
    assert run_till(till, language="en", customer_display=False, argv=["test"], **kwargs) == 0
    return seen


def test_the_till_starts_maximised_on_its_screen(qapp, till, english):
    from ui.widgets.style import apply_style
    try:
        seen = run_till_once(till)
        assert seen["state"] & Qt.WindowState.WindowMaximized
        assert seen["geometry"] == seen["area"]
    finally:
        apply_style(qapp)


def test_the_till_starts_full_screen_when_the_config_says_so(qapp, till, english, tmp_path,
                                                             monkeypatch):
    import main
    import ui.till.app as till_app
    from ui.widgets.style import apply_style

    asked = {}

    def fake_run_till(till_, **kwargs):
        asked.update(kwargs)
        return 0

    monkeypatch.setattr(till_app, "run_till", fake_run_till)
    config = tmp_path / "pos.toml"
    config.write_text('[devices]\nprinter = "dummy"\n[register]\nid = "K1"\n'
                      f'[medusa]\nstate = "{tmp_path / "none.json"}"\n', encoding="utf-8")
    assert main.main(["--config", str(config), "till"]) == 0
    assert asked["fullscreen"] is False
    config.write_text(config.read_text(encoding="utf-8").replace(
        'id = "K1"', 'id = "K1"\nfullscreen = true'), encoding="utf-8")
    assert main.main(["--config", str(config), "till"]) == 0
    assert asked["fullscreen"] is True
    monkeypatch.undo()

    try:
        seen = run_till_once(till, fullscreen=True)
        assert seen["state"] & Qt.WindowState.WindowFullScreen
        assert seen["geometry"] == seen["whole"]
    finally:
        apply_style(qapp)
