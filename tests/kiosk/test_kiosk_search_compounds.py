"""The kiosk's search finds a word inside a Swedish compound ("kaffe" in "Bryggkaffe") and a
name written with a hyphen typed without it ("tshirt" for "T-shirt"), on both databases; the
till's type-ahead (word prefixes, indexed) is unchanged."""
from __future__ import annotations

from pos.db.unit_of_work import SqlUnitOfWork
from pos.services import kiosk as use
from pos.services.setup import load_demo_data


def test_compounds_and_hyphens_are_found(session_factory):
    uow = SqlUnitOfWork(session_factory)
    load_demo_data(uow)
    names = [v.name for v in use.search(uow, "kaffe")]
    assert any(n.startswith("Bryggkaffe") for n in names), names
    assert any(n.startswith("Kaffe") for n in names)
    assert names.index(next(n for n in names if n.startswith("Kaffe"))) < \
        names.index(next(n for n in names if n.startswith("Bryggkaffe")))  # prefixes first
    shirts = use.search(uow, "tshirt")
    assert shirts and all("t-shirt" in v.name.lower() for v in shirts), [v.name for v in shirts]
    with uow:
        assert not any(v.name.startswith("Bryggkaffe") for v in uow.catalog.search("kaffe", 50))
    assert use.search(uow, "zzqx") == []
