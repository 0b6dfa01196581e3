"""The back office's use cases on a real database (SQLite and PostgreSQL): only managers get
in, staff changes keep PINs hashed and are journaled with who made them in the back office's
own hash-chained journal, and a dead outbox message is sent again."""
from datetime import datetime, timedelta

import pytest

from pos.db.unit_of_work import SqlUnitOfWork
from pos.journal import Kind
from pos.queries.journal import verify_journals
from pos.queries.outbox import outbox_messages
from pos.services import backoffice as bo
from pos.services.setup import ensure_demo_staff
from pos.services.staff import authenticate
from pos.staff import AuthError, LockedOut, Role
from pos.sync.outbox import enqueue

NOW = datetime(2026, 11, 30, 9, 0)


@pytest.fixture
def uow(session_factory):
    ensure_demo_staff(SqlUnitOfWork(session_factory))
    uow = SqlUnitOfWork(session_factory)
    with uow:
        uow.registers.ensure("K1")  # a till beside the back office
        uow.commit()
    return uow


def _journal(uow):
    with uow:
        return [(e.kind, e.payload) for e in uow.journal.entries(bo.BACKOFFICE)]


def test_a_manager_gets_in_and_a_cashier_is_refused(uow):
    maja = bo.manager_login(uow, NOW, "maja", "9999")
    assert maja.is_manager
    with pytest.raises(bo.BackofficeError) as refused:
        bo.manager_login(uow, NOW, "kim", "1234")
    assert refused.value.code == "backoffice.managers_only"
    assert str(refused.value) == "The back office is for managers: Kim Kassör is a cashier"
    with pytest.raises(AuthError) as wrong:
        bo.manager_login(uow, NOW, "maja", "1111")
    assert wrong.value.code == "auth.wrong_pin"
    assert _journal(uow) == [
        (Kind.LOGIN, {"face": "backoffice", "staff": "maja", "user": "maja"}),
        (Kind.LOGIN_FAILED, {"face": "backoffice", "staff": "kim", "reason": "not_a_manager",
                             "user": None}),
        (Kind.LOGIN_FAILED, {"face": "backoffice", "staff": "maja", "user": None})]
    with uow:
        assert "BACKOFFICE" in uow.registers.ids()
        assert uow.shifts.current(bo.BACKOFFICE) is None
    assert all(j.ok for j in verify_journals(uow))  # the back office's chain verifies too


def test_five_wrong_pins_lock_and_a_manager_lifts_the_lockout(uow):
    for _ in range(5):
        with pytest.raises(AuthError):
            bo.manager_login(uow, NOW, "kim", "0000")
    with pytest.raises(LockedOut):
        authenticate(uow, "K1", NOW + timedelta(minutes=1), "kim", "1234")
    maja = bo.manager_login(uow, NOW, "maja", "9999")
    [kim] = [r for r in bo.staff_records(uow) if r.member.id == "kim"]
    assert kim.locked(NOW + timedelta(minutes=1))
    bo.lift_lockout(uow, NOW + timedelta(minutes=1), maja, "kim")
    assert authenticate(uow, "K1", NOW + timedelta(minutes=1), "kim", "1234").id == "kim"
    kind, payload = _journal(uow)[-1]
    assert kind == Kind.LOCKOUT_LIFTED and payload["staff"] == "kim"
    assert payload["user"] == "maja" and payload["locked_until"] == "2026-11-30T09:05:00"


def test_a_pin_reset_is_hashed_and_journaled_without_the_pin(uow, session_factory):
    maja = bo.manager_login(uow, NOW, "maja", "9999")
    bo.reset_pin(uow, NOW, maja, "kim", "4321")
    with pytest.raises(AuthError):
        authenticate(uow, "K1", NOW, "kim", "1234")
    assert authenticate(uow, "K1", NOW, "kim", "4321").id == "kim"
    with session_factory() as s:
        from pos.db.models_till import StaffRow
        stored = s.get(StaffRow, "kim").pin_hash
    assert stored.startswith("scrypt$") and "4321" not in stored
    kind, payload = _journal(uow)[-1]
    assert (kind, payload["staff"], payload["user"]) == (Kind.PIN_RESET, "kim", "maja")
    assert "4321" not in str(payload)
    with pytest.raises(AuthError) as bad:
        bo.reset_pin(uow, NOW, maja, "kim", "12")
    assert bad.value.code == "auth.pin_format"


def test_staff_are_added_changed_and_the_last_manager_kept(uow):
    maja = bo.manager_login(uow, NOW, "maja", "9999")
    rec = bo.add_staff(uow, NOW, maja, "ali", "Ali Andersson", Role.CASHIER, "2468")
    assert (rec.member.name, rec.member.role, rec.active) == ("Ali Andersson", Role.CASHIER, True)
    with pytest.raises(bo.BackofficeError) as twice:
        bo.add_staff(uow, NOW, maja, "ali", "Ali", Role.CASHIER, "2468")
    assert twice.value.code == "backoffice.staff_exists"
    with pytest.raises(bo.BackofficeError) as last:
        bo.change_staff(uow, NOW, maja, "maja", role=Role.CASHIER)
    assert last.value.code == "backoffice.last_manager"
    bo.change_staff(uow, NOW, maja, "ali", role=Role.MANAGER)
    assert bo.manager_login(uow, NOW, "ali", "2468").is_manager
    bo.change_staff(uow, NOW, maja, "kim", active=False)
    with pytest.raises(AuthError) as gone:
        bo.manager_login(uow, NOW, "kim", "1234")
    assert gone.value.code == "auth.unknown_user"
    changes = [p for k, p in _journal(uow) if k == Kind.STAFF_CHANGED]
    assert [(p["staff"], p["changes"], p["user"]) for p in changes] == [
        ("ali", {"role": ["cashier", "manager"]}, "maja"),
        ("kim", {"active": [True, False]}, "maja")]


def test_a_dead_message_is_retried_and_journaled(uow):
    maja = bo.manager_login(uow, NOW, "maja", "9999")
    with uow:
        enqueue(uow.outbox, "sale", "sale:K1:1", {"x": 1}, NOW)
        enqueue(uow.outbox, "sale", "sale:K1:2", {"x": 2}, NOW)
        uow.commit()
    with uow:
        msg = uow.outbox.by_key("sale:K1:1")
        uow.outbox.mark_failed(msg.id, "HTTP 422: bad", NOW, dead=True)
        uow.commit()
    with pytest.raises(bo.BackofficeError) as not_dead:
        bo.retry_dead_message(uow, NOW, maja, "sale:K1:2", NOW)
    assert not_dead.value.code == "backoffice.not_dead"
    assert [(m.key, m.status) for m in outbox_messages(uow)] == [
        ("sale:K1:2", "pending"), ("sale:K1:1", "dead")]
    assert bo.retry_dead_message(uow, NOW, maja, "sale:K1:1", NOW) == 1
    assert {m.key: m.status for m in outbox_messages(uow)}["sale:K1:1"] == "pending"
    kind, payload = _journal(uow)[-1]
    assert (kind, payload["key"], payload["user"], payload["attempts"]) == (
        Kind.OUTBOX_RETRY, "sale:K1:1", "maja", 1)
