"""Staff at the register: log in with a PIN, log out, a manager's approval on the spot.

PINs are checked against their scrypt hashes (``pos.staff``); five wrong PINs lock a user for five
minutes. Every login, failed login and failed approval is a journal line.
"""
from __future__ import annotations

from datetime import datetime

from pos.cart import DiscountPolicy
from pos.journal import Kind
from pos.services.context import RegisterContext
from pos.services.unit_of_work import UnitOfWork
from pos.staff import LOCKOUT, MAX_FAILED_ATTEMPTS, AuthError, StaffMember, verify_pin


def active_staff(uow: UnitOfWork) -> list[StaffMember]:
    """Everyone who may log in, by name."""
    with uow:
        return uow.staff.active()


def authenticate(uow: UnitOfWork, register_id: str, now: datetime, staff_id: str, pin: str,
                 by: str | None = None) -> StaffMember:
    """The staff member ``staff_id`` if ``pin`` is theirs (journaled on ``register_id``).

    ``AuthError`` for an unknown user or a wrong PIN, ``LockedOut`` while locked; a wrong PIN is
    counted (and journaled, with ``by``: who was logged in) even though the call fails."""
    with uow:
        found = uow.staff.with_hash(staff_id)
        if found is None:
            raise AuthError("auth.unknown_user")
        member, pin_hash, state = found
        state.check(now)
        if not verify_pin(pin, pin_hash):
            state.failed(now)
            uow.staff.save_login_state(staff_id, state)
            uow.journal.record(register_id, now, Kind.LOGIN_FAILED, {"staff": staff_id}, by)
            uow.commit()
            if state.locked_until:
                raise AuthError("auth.wrong_pin_locked")
            raise AuthError("auth.wrong_pin")
        state.succeeded()
        uow.staff.save_login_state(staff_id, state)
        uow.journal.record(register_id, now, Kind.LOGIN, {"staff": staff_id}, member.id)
        uow.commit()
    return member


def login(ctx: RegisterContext, staff_id: str, pin: str) -> StaffMember:
    """The cashier at the register from now."""
    by = ctx.state.cashier.id if ctx.state.cashier else None
    member = authenticate(ctx.uow, ctx.register_id, ctx.now(), staff_id, pin, by)
    ctx.state.cashier = member
    use_policy(ctx, discount_policy(ctx, member))
    return member


def discount_policy(ctx: RegisterContext, member: StaffMember) -> DiscountPolicy:
    """The cashier's own discount limit, else the store's default in the database (both set in
    the back office), else the register's configured one."""
    if member.discount_limit is not None:
        return DiscountPolicy(member.discount_limit)
    with ctx.uow:
        default = ctx.uow.staff.default_discount_limit()
    if default is not None:
        return DiscountPolicy(default)
    return ctx.config.discount_policy


def use_policy(ctx: RegisterContext, policy: DiscountPolicy) -> None:
    """The register's discount policy from now, the sale in progress included."""
    ctx.state.policy = policy
    ctx.state.cart.policy = policy


def logout(ctx: RegisterContext) -> None:
    ctx.state.cashier = None
    use_policy(ctx, ctx.config.discount_policy)


def manager_by_pin(uow: UnitOfWork, register_id: str, now: datetime, pin: str,
                   by: str | None) -> StaffMember:
    """The manager whose PIN ``pin`` is (a locked manager's PIN does not count); ``AuthError``
    otherwise, journaled as a failed approval."""
    with uow:
        for member, pin_hash, state in uow.staff.managers_with_hash():
            if state.locked_until and now < state.locked_until:
                continue
            if verify_pin(pin, pin_hash):
                return member
        uow.journal.record(register_id, now, Kind.LOGIN_FAILED, {"approval": True}, by)
        uow.commit()
    raise AuthError("auth.not_a_manager")


def approve(ctx: RegisterContext, pin: str) -> StaffMember:
    """A manager approves on the spot with their PIN. After ``MAX_FAILED_ATTEMPTS`` wrong PINs
    within ``LOCKOUT`` the register takes no approval until that time has passed
    (``AuthError`` "auth.approvals_locked"), as a login locks: otherwise the approval dialog
    would be a way to guess a manager's PIN. Kept in the register's state (a restart, itself
    journaled, clears it); every wrong PIN is journaled."""
    by = ctx.state.cashier.id if ctx.state.cashier else None
    now = ctx.now()
    recent = [t for t in ctx.state.approval_failures if now - t < LOCKOUT]
    if len(recent) >= MAX_FAILED_ATTEMPTS:
        wait = LOCKOUT - (now - recent[-MAX_FAILED_ATTEMPTS])
        raise AuthError("auth.approvals_locked",
                        minutes=max(1, int(wait.total_seconds() // 60) + 1))
    try:
        member = manager_by_pin(ctx.uow, ctx.register_id, now, pin, by)
    except AuthError:
        ctx.state.approval_failures = [*recent, now]
        raise
    ctx.state.approval_failures = []
    return member


def approver(ctx: RegisterContext, pin: str | None) -> str | None:
    """Who approves a manager's action: the cashier if they are a manager, else the manager whose
    ``pin`` was given; None when no PIN was given (the screen then asks for one)."""
    user = ctx.state.require_cashier()
    if user.is_manager:
        return user.id
    return approve(ctx, pin).id if pin else None
