"""A store database with the demo's catalogue, stock, promotions, staff and the kiosk's product
information (SQLite and PostgreSQL through ``session_factory``)."""
from __future__ import annotations

from datetime import datetime

import pytest

from pos.db.unit_of_work import SqlUnitOfWork
from pos.services import kiosk
from pos.services.setup import load_demo_data


@pytest.fixture
def demo_store(session_factory):
    uow = SqlUnitOfWork(session_factory)
    load_demo_data(uow)
    kiosk.ensure_products(uow, datetime(2026, 11, 30, 9, 0))
    return session_factory
