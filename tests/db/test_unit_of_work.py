import pytest
from sqlalchemy import text

from pos.db.unit_of_work import SqlUnitOfWork as UnitOfWork


def count(session_factory):
    with session_factory() as s:
        return s.execute(text("SELECT count(*) FROM stock_levels")).scalar_one()


def insert(uow, variant_id):
    uow.session.execute(text(
        "INSERT INTO variants (id, sku, ean, name, search_name, product_id, product_name, size,"
        " colour, price_ore, vat_rate, active, updated_at) VALUES (:i, :i, '', 'x', ' x', '', '',"
        " '', '', 100, '25', true, CURRENT_TIMESTAMP)"), {"i": variant_id})
    uow.session.execute(text(
        "INSERT INTO stock_levels (variant_id, location_id, location_name, stocked, reserved,"
        " available, updated_at) VALUES (:i, 'l', 'L', 1, 0, 1, CURRENT_TIMESTAMP)"), {"i": variant_id})


def test_work_is_kept_only_when_committed(session_factory):
    with UnitOfWork(session_factory) as uow:
        insert(uow, "a")
    assert count(session_factory) == 0
    with UnitOfWork(session_factory) as uow:
        insert(uow, "b")
        uow.commit()
    assert count(session_factory) == 1


def test_an_exception_rolls_back(session_factory):
    try:
        with UnitOfWork(session_factory) as uow:
            insert(uow, "c")
            raise RuntimeError("power cut")
    except RuntimeError:
        pass
    assert count(session_factory) == 0


def test_foreign_keys_are_enforced(session_factory):
    import pytest
    from sqlalchemy.exc import IntegrityError

    with UnitOfWork(session_factory) as uow, pytest.raises(IntegrityError):
        uow.session.execute(text(
            "INSERT INTO stock_levels (variant_id, location_id, location_name, stocked, reserved,"
            " available, updated_at) VALUES ('ghost', 'l', 'L', 1, 0, 1, CURRENT_TIMESTAMP)"))
        uow.session.flush()


def test_a_savepoint_rolls_back_only_its_own_work(session_factory):
    with UnitOfWork(session_factory) as uow:
        insert(uow, "outer")
        nested = uow.session.begin_nested()
        insert(uow, "inner")
        nested.rollback()
        uow.commit()
    assert count(session_factory) == 1


def test_ddl_is_inside_the_transaction(engine):
    """A migration that fails half-way leaves nothing behind (SQLite too: BEGIN is ours)."""
    from sqlalchemy import inspect

    with engine.connect() as c:
        c.exec_driver_sql("CREATE TABLE half_done (id INTEGER)")
        c.rollback()
    assert "half_done" not in inspect(engine).get_table_names()


def test_repositories_are_attributes_of_one_transaction(session_factory):
    """A sale and its journal line written through two repositories are kept or dropped
    together: they share the unit of work's transaction."""
    from datetime import datetime

    uow = UnitOfWork(session_factory)
    with uow:
        uow.registers.ensure("K9")
        uow.journal.record("K9", datetime(2026, 11, 30, 9, 15), "login", {"staff": "kim"}, "kim")
        uow.carts.save_open("K9", {"lines": []}, None, datetime(2026, 11, 30, 9, 15))
    with uow:
        assert uow.registers.get("K9") is None and uow.carts.load_open("K9") is None
        uow.registers.ensure("K9")
        uow.journal.record("K9", datetime(2026, 11, 30, 9, 16), "login", {"staff": "kim"}, "kim")
        uow.commit()
    with uow:
        [entry] = list(uow.journal.entries("K9"))
        assert entry.payload == {"user": "kim", "staff": "kim"}
        assert uow.journal.head("K9") == (1, entry.hash)


def test_a_unit_of_work_is_not_reentrant(session_factory):
    uow = UnitOfWork(session_factory)
    with uow:
        with pytest.raises(RuntimeError, match="not re-entrant"):
            uow.__enter__()


def test_what_was_read_stays_readable_after_the_block(session_factory):
    """Closing the session ends the transaction without expiring what was read (a use case
    returns rows' values after its block)."""
    from datetime import datetime

    uow = UnitOfWork(session_factory)
    with uow:
        uow.registers.ensure("K9")
        uow.attempts.add("K9-a1", "K9", "purchase", 12345, datetime(2026, 11, 30, 9, 0))
        uow.commit()
    with uow:
        [row] = uow.attempts.unresolved("K9")
    assert (row.id, row.amount, row.status) == ("K9-a1", 12345, "sent")


def test_enqueue_says_whether_it_added_the_message(session_factory):
    """The outbox's idempotent add answers True once and False for the same key, on both
    databases (PostgreSQL's ON CONFLICT DO NOTHING reports its row count too)."""
    from datetime import datetime

    from pos.sync.outbox import enqueue

    now = datetime(2026, 11, 30, 12, 0)
    with UnitOfWork(session_factory) as uow:
        assert enqueue(uow.outbox, "store_order", "k-1", {"a": 1}, now) is True
        assert enqueue(uow.outbox, "store_order", "k-1", {"a": 2}, now) is False
        uow.commit()
    with UnitOfWork(session_factory) as uow:
        assert enqueue(uow.outbox, "store_order", "k-1", {"a": 3}, now) is False
        assert enqueue(uow.outbox, "store_order", "k-2", {"a": 3}, now) is True


def test_a_locked_database_is_said_plainly_and_nothing_is_half_done(tmp_path, monkeypatch):
    """Another program holding SQLite's write lock past the busy timeout: the block fails with a
    coded error for a person (not SQL), its work rolled back; the same call works once the lock
    is free."""
    import sqlite3

    import pos.db.engine as eng
    from pos.db.migrate import upgrade
    from pos.db.session import session_factory as make_factory
    from pos.db.unit_of_work import DatabaseBusy

    monkeypatch.setattr(eng, "BUSY_TIMEOUT_MS", 100)
    path = tmp_path / "pos.sqlite3"
    engine = eng.make_engine(f"sqlite:///{path.as_posix()}")
    upgrade(engine)
    sf = make_factory(engine)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a catalogue sync's long write, say
    with pytest.raises(DatabaseBusy) as e:
        with UnitOfWork(sf) as uow:
            insert(uow, "busy")
            uow.commit()
    assert e.value.code == "db.busy" and "SQL" not in str(e.value)
    other.execute("ROLLBACK")
    assert count(sf) == 0
    with UnitOfWork(sf) as uow:
        insert(uow, "again")
        uow.commit()
    assert count(sf) == 1
    other.close()
    engine.dispose()
