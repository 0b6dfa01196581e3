"""The till fits the screens tills have, 1024x768 to 1920x1080: every page and dialog of a
cashier's day on each, every button whole, inside its window, at least 44 px high, no text cut.

The walk (``tests/ui/screen_fit.py``) runs in a process of its own on Qt's offscreen platform
configured with one virtual screen per size, so the till is shown there as ``run_till`` shows
it (maximised on its screen, dialogs centred on it). ``POS_UI_SHOTS=DIR`` saves a screenshot of
each step there.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.screen_fit import SIZES, screens_config

ROOT = Path(__file__).resolve().parents[2]

STEPS = ["login", "open_shift", "customer", "customer_new", "customer_duplicates", "customer_edit",
         "customer_history", "codes", "pickups", "sale", "sale_search", "quantity", "price",
         "sale_discount", "line_discount", "approval", "void_confirm", "help", "shift_menu",
         "cash_in", "x_report", "payment", "payment_card", "payment_swish", "payment_swish_phone",
         "payment_swish_qr", "payment_change",
         "after_sale", "no_sale", "parked", "close_shift", "close_shift_variance", "z_report", "restart_login", "restart_sale"]


@pytest.mark.slow
def test_every_page_and_dialog_fits_each_screen(tmp_path):
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(screens_config()), encoding="utf-8")
    shots = Path(os.environ.get("POS_UI_SHOTS", tmp_path / "shots"))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    env.pop("POS_CONFIG", None)
    run = subprocess.run([sys.executable, "-m", "tests.ui.screen_fit", "--shots", str(shots)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=280)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout)
    names = [f"{w}x{h}" for w, h in SIZES]
    assert sorted(result["screens"]) == sorted(names)
    problems = [f"{screen}: {p}" for screen in names for p in result["screens"][screen]]
    assert not problems, "\n".join(problems)
    for screen in names:  # the whole day was walked on every screen
        seen = [Path(p).stem.split("_", 2)[2] for p in result["shots"]
                if Path(p).name.startswith(screen + "_")]
        # the preview printer's own window, beside the till where the screen has room for it
        beside = screen == "1920x1080"
        assert ("receipt_preview" in seen) == beside, f"{screen}: {seen}"
        assert [s for s in seen if s != "receipt_preview"] == STEPS, f"{screen}: {seen}"
