"""The README's shortcut table is the one the till installs (one table: ui/till/shortcuts.py)."""
from pathlib import Path

from ui.till.shortcuts import KEYED, markdown_table

ROOT = Path(__file__).resolve().parents[2]


def test_the_readme_lists_every_shortcut_the_till_has():
    assert markdown_table() in (ROOT / "README.md").read_text(encoding="utf-8")


def test_no_two_actions_share_a_key():
    keys = list(KEYED.values())
    assert len(keys) == len(set(keys))
