"""Customers created and changed at the till are lines of the register's hash-chained journal,
on SQLite and PostgreSQL alike (the central store in memory: tests/fakes/customer_records.py)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from pos.customers import CustomerChanges, CustomerDraft, PostalAddress
from pos.db.unit_of_work import SqlUnitOfWork
from pos.journal import Kind
from pos.services import customer_records as cr
from tests.fakes.customer_records import FakeRecords

NOW = datetime(2026, 11, 30, 11, 5, tzinfo=timezone(timedelta(hours=1)))


def test_creating_and_changing_a_customer_is_journaled_in_the_chain(session_factory):
    uow = SqlUnitOfWork(session_factory)
    with uow:
        uow.registers.ensure("K1")
        uow.commit()
    records = FakeRecords()
    made = cr.create_customer(uow, records, CustomerDraft(
        "Åsa", "Öberg", "asa@example.se", "0701234567", PostalAddress("Gatan 1", "41263", "Gbg"),
        email_offers=True), register_id="K1", now=NOW, user="S1")
    cr.update_customer(uow, records, made.id, CustomerChanges(email_offers=False),
                       register_id="K1", now=NOW + timedelta(minutes=3), user="S2")
    with uow:
        entries = list(uow.journal.entries("K1"))
        verified = uow.journal.head("K1")
    assert [(e.kind, e.seq) for e in entries] == [(Kind.CUSTOMER_CREATED, 1),
                                                  (Kind.CUSTOMER_CHANGED, 2)]
    assert entries[1].prev_hash == entries[0].hash and verified == (2, entries[1].hash)
    assert '"user":"S2"' in entries[1].payload_json
    assert '"fields":["email_offers"]' in entries[1].payload_json
    assert entries[1].ts == "2026-11-30T11:08:00+01:00"
