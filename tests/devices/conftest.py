"""Device tests: simulated terminals keep their transaction counters (their references go on
across restarts) in a directory of each test's own, never in the user's data directory."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _simulator_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POS_SIMULATOR_STATE", str(tmp_path_factory.mktemp("terminals")))
