import pytest

from hardware.control_unit_simulator import SimulatedControlUnit
from pos.catalog import Variant
from pos.db.catalog_repository import CatalogRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.gtin import with_check_digit
from pos.services.setup import ensure_demo_staff
from pos.services.till import Devices, Till, TillConfig
from pos.vat import VatRate
from tests.services.fakes import RecordingPrinter, ScriptedTerminal

ARTICLES = [
    Variant("v-tshirt", "TSH-1", with_check_digit("735000000001"), "T-shirt Bas blå M", 19900,
            VatRate.STANDARD),
    Variant("v-kaffe", "KAF-1", with_check_digit("735000000002"), "Kaffe Mörkrost 450 g", 5990,
            VatRate.FOOD),
    Variant("v-bok", "BOK-1", with_check_digit("735000000003"), "Bok: Röda rummet", 12950,
            VatRate.REDUCED),
]


@pytest.fixture
def printer():
    return RecordingPrinter()


@pytest.fixture
def terminal():
    return ScriptedTerminal()


@pytest.fixture
def make_till(session_factory, printer, terminal):
    with session_factory() as s, s.begin():
        CatalogRepository(s).bulk_upsert(ARTICLES)
    ensure_demo_staff(SqlUnitOfWork(session_factory))

    def build(**config):
        cfg = TillConfig(card_status_interval=0, **config)
        return Till(session_factory, Devices(printer, terminal, SimulatedControlUnit()), cfg)
    return build


@pytest.fixture
def till(make_till):
    t = make_till()
    t.login("kim", "1234")
    t.open_shift(200000)
    return t
