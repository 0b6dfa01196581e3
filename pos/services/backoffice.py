"""The back office's use cases: a manager logs in with their PIN, manages the staff (users,
roles, PIN reset, lockouts lifted) and retries a dead outbox message. Each is journaled with who
did it.

The back office is no register: it sells nothing, claims no receipt numbers and needs no
cashier logged in at a till. Its journal lines go to a journal of their own, the register row
``BACKOFFICE`` (created on first use; it never has a shift or a sale), hash-chained and verified
like every till's (``main.py journal verify``). Several back offices on one database share it:
an entry is appended under that row's lock.
"""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from pos.errors import messages
from pos.journal import Kind
from pos.services.unit_of_work import UnitOfWork
from pos.staff import (AuthError, LoginState, Role, StaffMember, StaffRecord, hash_pin,
                       parse_discount_limit, validate_pin, verify_pin)

BACKOFFICE = "BACKOFFICE"  # the back office's journal (a row of ``registers``)
BACKOFFICE_NAME = "Backoffice"

MESSAGES = messages({
    "backoffice.managers_only": "The back office is for managers: {name} is a cashier",
    "backoffice.unknown_staff": "There is no staff member {staff_id}",
    "backoffice.staff_exists": "There is already a staff member {staff_id}",
    "backoffice.staff_id": "A staff id is 1 to 40 letters, digits, '-' or '_'",
    "backoffice.staff_name": "Give the staff member's name",
    "backoffice.last_manager": "{name} is the last active manager: the back office would have "
                               "no one to log in",
    "backoffice.not_dead": "The message {key} is not dead: only dead messages are retried",
})


class BackofficeError(AuthError):
    """A back-office change refused."""


def journal(uow: UnitOfWork, now: datetime, kind: str, payload: dict[str, Any],
            by: str | None) -> None:
    """A line in the back office's journal (inside an open unit of work)."""
    uow.registers.ensure(BACKOFFICE, BACKOFFICE_NAME)
    uow.journal.record(BACKOFFICE, now, kind, {"face": "backoffice", **payload}, by)


def manager_login(uow: UnitOfWork, now: datetime, staff_id: str, pin: str) -> StaffMember:
    """The manager ``staff_id`` if ``pin`` is theirs. A wrong PIN counts towards the lockout as
    at a till (``AuthError``/``LockedOut``); a cashier's right PIN is refused with
    ``backoffice.managers_only``. Every attempt is journaled."""
    with uow:
        found = uow.staff.with_hash(staff_id)
        if found is None:
            raise AuthError("auth.unknown_user")
        member, pin_hash, state = found
        state.check(now)  # LockedOut while locked
        if not verify_pin(pin, pin_hash):
            state.failed(now)
            uow.staff.save_login_state(staff_id, state)
            journal(uow, now, Kind.LOGIN_FAILED, {"staff": staff_id}, None)
            uow.commit()
            raise AuthError("auth.wrong_pin_locked" if state.locked_until else "auth.wrong_pin")
        state.succeeded()
        uow.staff.save_login_state(staff_id, state)
        if not member.is_manager:
            journal(uow, now, Kind.LOGIN_FAILED, {"staff": staff_id, "reason": "not_a_manager"},
                    None)
            uow.commit()
            raise BackofficeError("backoffice.managers_only", name=member.name)
        journal(uow, now, Kind.LOGIN, {"staff": staff_id}, member.id)
        uow.commit()
    return member


def logout(uow: UnitOfWork, now: datetime, by: StaffMember) -> None:
    with uow:
        journal(uow, now, Kind.LOGOUT, {"staff": by.id}, by.id)
        uow.commit()


def staff_records(uow: UnitOfWork) -> list[StaffRecord]:
    """Everyone, active or not, by name (the read side of the staff page)."""
    with uow:
        return uow.staff.records()


def _record(uow: UnitOfWork, staff_id: str) -> StaffRecord:
    found = uow.staff.record(staff_id)
    if found is None:
        raise BackofficeError("backoffice.unknown_staff", staff_id=staff_id)
    return found


def _keep_a_manager(uow: UnitOfWork, rec: StaffRecord) -> None:
    """Refuse the change that would leave no active manager (call before demoting or
    deactivating ``rec``)."""
    if not rec.member.is_manager or not rec.active:
        return
    others = [r for r in uow.staff.records()
              if r.active and r.member.is_manager and r.member.id != rec.member.id]
    if not others:
        raise BackofficeError("backoffice.last_manager", name=rec.member.name)


def add_staff(uow: UnitOfWork, now: datetime, by: StaffMember, staff_id: str, name: str,
              role: Role, pin: str) -> StaffRecord:
    staff_id, name = staff_id.strip(), name.strip()
    if not (0 < len(staff_id) <= 40 and all(c.isalnum() or c in "-_" for c in staff_id)):
        raise BackofficeError("backoffice.staff_id")
    if not name:
        raise BackofficeError("backoffice.staff_name")
    validate_pin(pin)
    with uow:
        if uow.staff.record(staff_id) is not None:
            raise BackofficeError("backoffice.staff_exists", staff_id=staff_id)
        member = StaffMember(staff_id, name, role)
        uow.staff.add(member, hash_pin(pin))
        journal(uow, now, Kind.STAFF_ADDED, {"staff": staff_id, "name": name,
                                             "role": role.value}, by.id)
        uow.commit()
        return _record(uow, staff_id)


def change_staff(uow: UnitOfWork, now: datetime, by: StaffMember, staff_id: str, *,
                 name: str | None = None, role: Role | None = None,
                 active: bool | None = None) -> StaffRecord:
    """Rename, change the role of, or (de)activate ``staff_id``; journaled with what changed
    from what. The last active manager can be neither demoted nor deactivated."""
    with uow:
        rec = _record(uow, staff_id)
        if name is not None and not name.strip():
            raise BackofficeError("backoffice.staff_name")
        if (role is not None and role is not Role.MANAGER) or active is False:
            _keep_a_manager(uow, rec)
        changes: dict[str, list[Any]] = {}
        if name is not None and name.strip() != rec.member.name:
            changes["name"] = [rec.member.name, name.strip()]
        if role is not None and role is not rec.member.role:
            changes["role"] = [rec.member.role.value, role.value]
        if active is not None and active != rec.active:
            changes["active"] = [rec.active, active]
        if not changes:
            return rec
        uow.staff.update(staff_id, name=name.strip() if name is not None else None, role=role,
                         active=active)
        journal(uow, now, Kind.STAFF_CHANGED, {"staff": staff_id, "changes": changes}, by.id)
        uow.commit()
        return _record(uow, staff_id)


def _text(limit: Decimal | None) -> str | None:
    return None if limit is None else str(limit)


def set_discount_limit(uow: UnitOfWork, now: datetime, by: StaffMember, staff_id: str,
                       limit: Decimal | None) -> StaffRecord:
    """The most ``staff_id`` may take off a line or a sale without a manager, in percent
    (0..100); None: the store's default. Journaled with from what to what."""
    limit = parse_discount_limit(None if limit is None else str(limit))
    with uow:
        rec = _record(uow, staff_id)
        if rec.member.discount_limit == limit:
            return rec
        uow.staff.set_discount_limit(staff_id, limit)
        journal(uow, now, Kind.DISCOUNT_LIMIT_CHANGED,
                {"staff": staff_id, "from": _text(rec.member.discount_limit),
                 "to": _text(limit)}, by.id)
        uow.commit()
        return _record(uow, staff_id)


def default_discount_limit(uow: UnitOfWork) -> Decimal | None:
    """The store's default discount limit kept in the database (None: the config's applies)."""
    with uow:
        return uow.staff.default_discount_limit()


def set_default_discount_limit(uow: UnitOfWork, now: datetime, by: StaffMember,
                               limit: Decimal | None) -> Decimal | None:
    """The store's default discount limit for cashiers without one of their own; None: the
    registers' configured one. Journaled with from what to what."""
    limit = parse_discount_limit(None if limit is None else str(limit))
    with uow:
        was = uow.staff.default_discount_limit()
        if was == limit:
            return limit
        uow.staff.set_default_discount_limit(limit)
        journal(uow, now, Kind.DISCOUNT_LIMIT_CHANGED,
                {"staff": None, "from": _text(was), "to": _text(limit)}, by.id)
        uow.commit()
        return limit


def reset_pin(uow: UnitOfWork, now: datetime, by: StaffMember, staff_id: str,
              new_pin: str) -> StaffRecord:
    """Give ``staff_id`` a new PIN (stored only as its scrypt hash); it also lifts a lockout.
    The journal says who reset whose PIN, never the PIN."""
    validate_pin(new_pin)
    with uow:
        rec = _record(uow, staff_id)
        uow.staff.set_pin_hash(staff_id, hash_pin(new_pin))
        was_locked = rec.locked(now) or rec.failed_attempts > 0
        uow.staff.save_login_state(staff_id, LoginState())
        journal(uow, now, Kind.PIN_RESET, {"staff": staff_id, "lockout_lifted": was_locked},
                by.id)
        uow.commit()
        return _record(uow, staff_id)


def lift_lockout(uow: UnitOfWork, now: datetime, by: StaffMember,
                 staff_id: str) -> StaffRecord:
    """Let ``staff_id`` try their PIN again at once (failed attempts forgotten)."""
    with uow:
        rec = _record(uow, staff_id)
        uow.staff.save_login_state(staff_id, LoginState())
        journal(uow, now, Kind.LOCKOUT_LIFTED,
                {"staff": staff_id, "locked_until": rec.locked_until.isoformat()
                 if rec.locked_until else None, "failed_attempts": rec.failed_attempts},
                by.id)
        uow.commit()
        return _record(uow, staff_id)


def retry_dead_message(uow: UnitOfWork, now: datetime, by: StaffMember, key: str,
                       utc_now: datetime) -> int:
    """Send the dead outbox message ``key`` again (journaled); returns how many were revived
    (1, or ``backoffice.not_dead`` when it is not dead)."""
    with uow:
        msg = uow.outbox.by_key(key)
        if msg is None or msg.status != "dead":
            raise BackofficeError("backoffice.not_dead", key=key)
        revived = uow.outbox.retry_dead(utc_now, key)
        journal(uow, now, Kind.OUTBOX_RETRY, {"key": key, "kind": msg.kind,
                                              "attempts": msg.attempts}, by.id)
        uow.commit()
        return revived
