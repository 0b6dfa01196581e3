"""Staff with their PIN hashes and failed-login bookkeeping."""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from pos.db.models_till import StaffRow, StoreSettingRow
from pos.staff import LoginState, Role, StaffMember, StaffRecord

DEFAULT_DISCOUNT_LIMIT = "cashier_discount_limit"  # the store_settings key


def _member(row: StaffRow) -> StaffMember:
    limit = Decimal(row.discount_limit) if row.discount_limit else None
    return StaffMember(row.id, row.name, Role(row.role), limit)


class StaffRepository:
    def __init__(self, session: Session):
        self.s = session

    def add(self, member: StaffMember, pin_hash: str) -> None:
        self.s.add(StaffRow(id=member.id, name=member.name, role=member.role.value,
                            pin_hash=pin_hash, active=True, failed_attempts=0))

    def active(self) -> list[StaffMember]:
        """Active staff, by name."""
        rows = self.s.execute(select(StaffRow).where(StaffRow.active.is_(True))
                              .order_by(StaffRow.name)).scalars()
        return [_member(r) for r in rows]

    def with_hash(self, staff_id: str) -> tuple[StaffMember, str, LoginState] | None:
        row = self.s.get(StaffRow, staff_id)
        if row is None or not row.active:
            return None
        return _member(row), row.pin_hash, LoginState(row.failed_attempts, row.locked_until)

    def managers_with_hash(self) -> list[tuple[StaffMember, str, LoginState]]:
        rows = self.s.execute(select(StaffRow).where(StaffRow.active.is_(True),
                                                     StaffRow.role == Role.MANAGER.value)).scalars()
        return [(_member(r), r.pin_hash, LoginState(r.failed_attempts, r.locked_until))
                for r in rows]

    def save_login_state(self, staff_id: str, state: LoginState) -> None:
        self.s.execute(update(StaffRow).where(StaffRow.id == staff_id).values(
            failed_attempts=state.failed_attempts, locked_until=state.locked_until))

    def records(self) -> list[StaffRecord]:
        """Everyone, active or not, with their login bookkeeping (no PIN hash), by name."""
        rows = self.s.execute(select(StaffRow).order_by(StaffRow.name, StaffRow.id)).scalars()
        return [StaffRecord(_member(r), r.active, r.failed_attempts, r.locked_until)
                for r in rows]

    def record(self, staff_id: str) -> StaffRecord | None:
        r = self.s.get(StaffRow, staff_id)
        return None if r is None else StaffRecord(_member(r), r.active, r.failed_attempts,
                                                  r.locked_until)

    def set_pin_hash(self, staff_id: str, pin_hash: str) -> None:
        self.s.execute(update(StaffRow).where(StaffRow.id == staff_id).values(pin_hash=pin_hash))

    def update(self, staff_id: str, *, name: str | None = None, role: Role | None = None,
               active: bool | None = None) -> None:
        values: dict[str, object] = {}
        if name is not None:
            values["name"] = name
        if role is not None:
            values["role"] = role.value
        if active is not None:
            values["active"] = active
        if values:
            self.s.execute(update(StaffRow).where(StaffRow.id == staff_id).values(**values))

    def set_discount_limit(self, staff_id: str, limit: Decimal | None) -> None:
        self.s.execute(update(StaffRow).where(StaffRow.id == staff_id).values(
            discount_limit=None if limit is None else str(limit)))

    def default_discount_limit(self) -> Decimal | None:
        """The store's default limit for cashiers (None: not set here, the config's applies)."""
        row = self.s.get(StoreSettingRow, DEFAULT_DISCOUNT_LIMIT)
        return Decimal(row.value) if row is not None and row.value else None

    def set_default_discount_limit(self, limit: Decimal | None) -> None:
        row = self.s.get(StoreSettingRow, DEFAULT_DISCOUNT_LIMIT)
        if limit is None:
            if row is not None:
                self.s.delete(row)
        elif row is None:
            self.s.add(StoreSettingRow(key=DEFAULT_DISCOUNT_LIMIT, value=str(limit)))
        else:
            row.value = str(limit)
        self.s.flush()
