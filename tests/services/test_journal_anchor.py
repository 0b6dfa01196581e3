"""The journal is anchored outside the database it protects: the control unit keeps its own
count and newest registration per register, every registration is checked against it, and
journal verify cross-checks sales, receipt numbers and journal against each other and the unit
(issue 9, item 20). On SQLite and PostgreSQL."""
import pytest
from sqlalchemy import text

from hardware.control_unit_simulator import SimulatedControlUnit
from pos.db.unit_of_work import SqlUnitOfWork
from pos.queries.journal import verify_journals
from pos.services.sale_completion import CompletionFailed, RecordsTampered
from pos.services.till import Devices, Till, TillConfig
from tests.services.conftest import ARTICLES
from tests.services.fakes import RecordingPrinter, ScriptedTerminal

KAFFE = ARTICLES[1].ean


@pytest.fixture
def unit(tmp_path):
    return SimulatedControlUnit(state_file=tmp_path / "control_unit.json")


@pytest.fixture
def selling(make_till, session_factory, unit):
    make_till()  # the articles and the staff
    t = Till(session_factory, Devices(RecordingPrinter(), ScriptedTerminal(), unit), TillConfig())
    t.login("kim", "1234")
    t.open_shift(0)
    for _ in range(3):
        t.scan(KAFFE)
        t.pay_cash(6000)
    return t


def roll_back_the_newest_sale(session_factory, with_sale_rows: bool) -> None:
    """What a tamperer with the database does: the newest sale's journal entries deleted and the
    journal's head moved back to the entry before (and, with ``with_sale_rows``, the sale too
    and the register's numbering wound back)."""
    with session_factory() as s, s.begin():
        seq = s.execute(text("SELECT seq FROM journal WHERE register_id='K1' AND kind='sale' "
                             "ORDER BY seq DESC LIMIT 1")).scalar_one()
        s.execute(text("DELETE FROM journal WHERE register_id='K1' AND seq >= :seq"), {"seq": seq})
        prev = s.execute(text("SELECT seq, hash FROM journal WHERE register_id='K1' "
                              "ORDER BY seq DESC LIMIT 1")).one()
        s.execute(text("UPDATE registers SET journal_head_seq=:q, journal_head_hash=:h "
                       "WHERE id='K1'"), {"q": prev[0], "h": prev[1]})
        if with_sale_rows:
            sale_id = s.execute(text("SELECT id FROM sales WHERE receipt_no=3")).scalar_one()
            for table in ("sale_tenders", "sale_lines"):
                s.execute(text(f"DELETE FROM {table} WHERE sale_id=:i"), {"i": sale_id})
            s.execute(text("DELETE FROM sales WHERE id=:i"), {"i": sale_id})
            s.execute(text("UPDATE registers SET next_receipt_no=3, grand_total=grand_total-5990 "
                           "WHERE id='K1'"))


def test_an_untouched_register_verifies(selling, session_factory, unit):
    [j] = verify_journals(SqlUnitOfWork(session_factory), unit)
    assert j.ok and j.problems == ()
    assert unit.last("K1").receipt_no == 3 and unit.last("K1").count == 3


def test_journal_rows_deleted_with_the_head_rolled_back_are_found(selling, session_factory,
                                                                  unit):
    roll_back_the_newest_sale(session_factory, with_sale_rows=False)
    [j] = verify_journals(SqlUnitOfWork(session_factory), unit)
    assert j.verification.ok  # the hash chain alone is fooled
    assert not j.ok and any("sale 3" in p and "no journal entry" in p for p in map(str, j.problems))


def test_the_sale_deleted_too_is_found_by_the_control_units_memory(selling, session_factory,
                                                                   unit):
    roll_back_the_newest_sale(session_factory, with_sale_rows=True)
    [j] = verify_journals(SqlUnitOfWork(session_factory), unit)
    assert j.verification.ok
    assert tuple(map(str, j.problems)) == ("the control unit registered receipt 3, the register's records end at "
                          "2 (rows deleted, a database restored, or a sale whose completion "
                          "failed and was not finished)",)


def test_the_till_stops_selling_on_records_the_control_unit_does_not_know(selling,
                                                                         session_factory):
    roll_back_the_newest_sale(session_factory, with_sale_rows=True)
    selling.scan(KAFFE)
    with pytest.raises(RecordsTampered, match="number 3, the register's own records end at 2"):
        selling.pay_cash(6000)
    assert selling.sale_by_receipt(3) is None  # nothing registered over the gap


def test_a_registration_signed_but_never_stored_is_registered_again(selling, session_factory,
                                                                    unit, monkeypatch):
    """The database refuses the sale after the unit signed it (a lost commit): the unit is one
    ahead, which the number kept before signing explains; the retry goes through."""
    from pos.db.repositories import SaleRepository

    selling.scan(KAFFE)
    real_add = SaleRepository.add

    def disk_full(self, sale):
        raise OSError("disk full")

    monkeypatch.setattr(SaleRepository, "add", disk_full)
    with pytest.raises(CompletionFailed):
        selling.pay_cash(6000)
    assert unit.last("K1").receipt_no == 4  # signed, not stored
    monkeypatch.setattr(SaleRepository, "add", real_add)
    sale = selling.complete_payment().sale
    assert sale.receipt_no == 4 and unit.last("K1").code == sale.control_code
    [j] = verify_journals(SqlUnitOfWork(session_factory), unit)
    assert j.ok
