"""The back office's reprints (``pos.services.backoffice_prints``) on a day of sales: an X or Z
report printed again says KOPIA and is journaled with who; a receipt looked up gets its one
KOPIA through the till's own rule, a second is refused, both journaled; on SQLite and
PostgreSQL."""
from datetime import datetime

import pytest

from pos.db.unit_of_work import SqlUnitOfWork
from pos.errors import UserError
from pos.journal import Kind
from pos.queries.report_history import report_history
from pos.receipt_layout import StoreInfo
from pos.services import backoffice as bo
from pos.services import backoffice_prints as prints
from pos.staff import Role, StaffMember
from tests.backoffice.day import a_day_of_sales
from tests.services.fakes import RecordingPrinter

MAJA = StaffMember("maja", "Maja Chef", Role.MANAGER)
NOW = datetime(2026, 11, 30, 18, 10)


@pytest.fixture
def day(session_factory):
    return session_factory, a_day_of_sales(session_factory)


def _journal(sf, register_id):
    uow = SqlUnitOfWork(sf)
    with uow:
        return [(e.kind, e.payload) for e in uow.journal.entries(register_id)]


def test_a_z_report_reprinted_says_kopia_and_is_journaled(day):
    sf, d = day
    uow = SqlUnitOfWork(sf)
    z = next(e for e in report_history(uow) if e.kind == "Z")
    printer = RecordingPrinter()
    outcome = prints.reprint_report(uow, printer, StoreInfo(), NOW, MAJA, z)
    assert outcome.ok and len(printer.printed) == 1
    doc = printer.printed[0]
    lines = [ln.strip() for ln in doc.plain_text(42).splitlines() if ln.strip()]
    assert lines[0] == "KOPIA" and lines[-1] == "KOPIA"
    assert "Z-RAPPORT" in lines and f"Z-nummer {d['z'].z_number}" in lines
    assert doc.kind == "report_z_copy" and not doc.open_drawer
    kind, payload = _journal(sf, bo.BACKOFFICE)[-1]
    assert kind == Kind.REPORT_COPY and payload == {
        "user": "maja", "face": "backoffice", "register": "K1", "report_seq": z.seq,
        "kind": "Z", "z_number": d["z"].z_number, "printed": True}

    # the paper is out: not printed, said so, and the attempt journaled
    printer.paper_out = True
    outcome = prints.reprint_report(uow, printer, StoreInfo(), NOW, MAJA, z)
    assert not outcome.ok and "paper" in outcome.message.lower()
    kind, payload = _journal(sf, bo.BACKOFFICE)[-1]
    assert kind == Kind.REPORT_COPY and payload["printed"] is False and payload["reason"]


def test_a_receipt_looked_up_gets_its_one_copy_by_the_tills_rule(day):
    sf, _ = day
    uow = SqlUnitOfWork(sf)
    sale = prints.find_receipt(uow, "R-K1-000002")
    assert (sale.register_id, sale.receipt_no) == ("K1", 2)
    assert prints.find_receipt(uow, "k1 2").id == sale.id == prints.find_receipt(uow, "K1-2").id
    text = prints.receipt_text(uow, StoreInfo(), "CU-1", sale)
    assert "Kvitto nr 2" in text and "KOPIA" not in text

    printer = RecordingPrinter()
    first = prints.reprint_receipt(uow, printer, StoreInfo(), "CU-1", NOW, MAJA, sale.id)
    assert first.ok and printer.printed[0].kind == "copy"
    assert printer.printed[0].plain_text(42).count("KOPIA") == 2
    second = prints.reprint_receipt(uow, printer, StoreInfo(), "CU-1", NOW, MAJA, sale.id)
    assert not second.ok and len(printer.printed) == 1
    assert second.error.code == "receipts.copy_already_printed"
    journaled = [(k, p) for k, p in _journal(sf, "K1") if k in (Kind.COPY, Kind.COPY_REFUSED)]
    assert journaled == [(Kind.COPY, {"user": "maja", "receipt_no": 2}),
                         (Kind.COPY_REFUSED, {"user": "maja", "receipt_no": 2})]


@pytest.mark.parametrize("code,error", [("hello", "backoffice.receipt_code"),
                                        ("K1", "backoffice.receipt_code"),
                                        ("K1 999", "backoffice.no_receipt"),
                                        ("R-K9-000001", "backoffice.no_receipt")])
def test_a_receipt_that_is_not_there(day, code, error):
    sf, _ = day
    with pytest.raises(UserError) as e:
        prints.find_receipt(SqlUnitOfWork(sf), code)
    assert e.value.code == error
