"""Staff, roles and PINs. PINs are stored only as scrypt hashes; repeated failures lock the user."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import Enum

from pos.errors import UserError, messages

# scrypt with N=2**14, r=8 costs ~16 MB and tens of milliseconds: slow for a guesser, quick for a person.
_N, _R, _P = 2**14, 8, 1
MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)


class Role(Enum):
    CASHIER = "cashier"
    MANAGER = "manager"


@dataclass(frozen=True)
class StaffMember:
    id: str
    name: str
    role: Role
    # the most a cashier may take off on their own, in percent; None: the store's default
    discount_limit: Decimal | None = None

    @property
    def is_manager(self) -> bool:
        return self.role is Role.MANAGER


def parse_discount_limit(text: str | None) -> Decimal | None:
    """A discount limit typed by a manager ("12,5", "15", ""): a Decimal percent 0..100 with at
    most two decimals, None for empty (the store's default); ``AuthError`` otherwise."""
    if text is None or not str(text).strip():
        return None
    try:
        value = Decimal(str(text).strip().replace(",", ".").rstrip("%").strip())
    except InvalidOperation:
        raise AuthError("staff.discount_limit_range") from None
    if not value.is_finite() or not Decimal(0) <= value <= Decimal(100) \
            or value != value.quantize(Decimal("0.01")):
        raise AuthError("staff.discount_limit_range")
    return value.normalize() if value == value.to_integral() else value


@dataclass(frozen=True)
class StaffRecord:
    """A staff member as the back office manages them: active or not, and their lockout."""

    member: StaffMember
    active: bool
    failed_attempts: int = 0
    locked_until: datetime | None = None

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until


MESSAGES = messages({
    "auth.log_in_first": "Log in first",
    "auth.unknown_user": "Unknown user",
    "auth.wrong_pin": "Wrong PIN",
    "auth.wrong_pin_locked": "Wrong PIN. Too many attempts: locked for 5 minutes",
    "auth.locked": "Too many wrong PINs: locked, try again in {minutes} min",
    "auth.approvals_locked": "Too many wrong manager PINs at this register: approvals are "
                             "locked, try again in {minutes} min",
    "auth.not_a_manager": "That is not a manager's PIN",
    "auth.pin_format": "A PIN is 4 to 8 digits",
    "staff.discount_limit_range": "A discount limit is a percentage from 0 to 100 (at most two "
                                  "decimals), or empty for the store's default",
})


class AuthError(UserError):
    """Login or approval refused."""


class LockedOut(AuthError):
    pass


def validate_pin(pin: str) -> None:
    if not pin.isdigit() or not 4 <= len(pin) <= 8:
        raise AuthError("auth.pin_format")


def hash_pin(pin: str) -> str:
    """``scrypt$N$r$p$salt$hash`` with a random salt."""
    validate_pin(pin)
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r),
                               p=int(p), dklen=32)
    return hmac.compare_digest(candidate.hex(), digest)


@dataclass
class LoginState:
    """Failed-attempt bookkeeping for one user (persisted with the user)."""

    failed_attempts: int = 0
    locked_until: datetime | None = None

    def check(self, now: datetime) -> None:
        if self.locked_until and now < self.locked_until:
            minutes = max(1, int((self.locked_until - now).total_seconds() // 60) + 1)
            raise LockedOut("auth.locked", minutes=minutes)

    def failed(self, now: datetime) -> None:
        self.failed_attempts += 1
        if self.failed_attempts >= MAX_FAILED_ATTEMPTS:
            self.locked_until = now + LOCKOUT
            self.failed_attempts = 0

    def succeeded(self) -> None:
        self.failed_attempts = 0
        self.locked_until = None
