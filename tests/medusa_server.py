"""The real local Medusa for tests: started with the project's script (quick when running).

Outside CI a Medusa that cannot start skips the test; with CI=true it fails it.
"""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "integrations" / "medusa" / "medusa.sh"


def unavailable(reason: str) -> None:
    message = f"the local Medusa could not be started: {reason}"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def start_local_medusa() -> dict[str, Any]:
    """Start (or find running) the local Medusa; its medusa.json with the current URL and the
    admin login (``admin_email``, ``admin_password``: from admin.json beside it, where medusa.sh
    keeps it now, or medusa.json itself as it was). ``$MEDUSA_STATE`` picks another instance."""
    from integrations.medusa.store import ADMIN_FILE_NAME, STATE_FILE

    try:
        run = subprocess.run(["bash", str(SCRIPT), "start"], capture_output=True, text=True,
                             timeout=1500)
    except (OSError, subprocess.TimeoutExpired) as e:
        unavailable(str(e))
    if run.returncode != 0:
        unavailable(run.stderr.strip()[-3000:])
    try:
        state: dict[str, Any] = json.loads(STATE_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        unavailable(f"no usable medusa.json: {e}")
    try:
        state.update({k: v for k, v in json.loads(
            (STATE_FILE.with_name(ADMIN_FILE_NAME)).read_text(encoding="utf-8")).items()
            if k in ("admin_email", "admin_password")})
    except FileNotFoundError:
        pass
    url = (run.stdout.strip().splitlines() or [""])[-1]
    if url.startswith("http"):
        state["url"] = url.rstrip("/")
    return state
