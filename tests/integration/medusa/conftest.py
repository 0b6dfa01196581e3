"""The real local Medusa, started by the project's own script for the whole session."""
import pytest
import requests

from integrations.medusa.client import MedusaClient
from integrations.medusa.store import MedusaStore
from tests.medusa_server import SCRIPT, start_local_medusa  # noqa: F401 - SCRIPT for the tests


@pytest.fixture(scope="session")
def medusa_state():
    return start_local_medusa()


def closing_session() -> requests.Session:
    s = requests.Session()
    s.headers["Connection"] = "close"
    return s


@pytest.fixture
def store(medusa_state):
    return MedusaStore.from_state(location_key="store-gbg")  # the current URL


@pytest.fixture
def store_through(medusa_state):
    """A store adapter whose traffic goes through a given proxy URL."""
    def build(url: str, **kw) -> MedusaStore:
        ids = dict(medusa_state)
        client = MedusaClient(url, ids["admin_email"], ids["admin_password"],
                              session_factory=closing_session, retries=0, **kw)
        return MedusaStore(client, ids, "store-gbg")
    return build
