"""The real local Medusa, started by the project's own script for the whole session."""
import json
import os
import subprocess
from pathlib import Path

import pytest
import requests

from integrations.medusa.adapter import STATE_FILE, MedusaCommerceStore
from integrations.medusa.client import MedusaClient

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "integrations" / "medusa" / "medusa.sh"


@pytest.fixture(scope="session")
def medusa_state():
    try:
        run = subprocess.run(["bash", str(SCRIPT), "start"], capture_output=True, text=True,
                             timeout=1500)
    except subprocess.TimeoutExpired:
        run = None
    if run is None or run.returncode != 0:
        message = "the local Medusa could not be started: " + (
            (run.stderr[-3000:] if run else "timed out"))
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return json.loads(STATE_FILE.read_text(encoding="utf-8"))


def closing_session() -> requests.Session:
    s = requests.Session()
    s.headers["Connection"] = "close"
    return s


@pytest.fixture
def store(medusa_state):
    return MedusaCommerceStore.from_state(location_key="store-gbg")


@pytest.fixture
def store_through(medusa_state):
    """A store adapter whose traffic goes through a given proxy URL."""
    def build(url: str, **kw) -> MedusaCommerceStore:
        ids = dict(medusa_state)
        client = MedusaClient(url, ids["admin_email"], ids["admin_password"],
                              session=closing_session(), retries=0, **kw)
        return MedusaCommerceStore(client, ids, "store-gbg")
    return build
