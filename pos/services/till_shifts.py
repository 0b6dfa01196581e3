"""The till's shifts: open with a float, cash in and out, X and Z reports."""
from __future__ import annotations

from sqlalchemy.orm import Session

from pos.db import till_repositories as repo
from pos.journal import Kind
from pos.receipt import ReceiptDocument
from pos.receipt_layout import report_document
from pos.services.till_core import TillCore
from pos.shifts import Report, ShiftError, ShiftInfo, build_report


class ShiftsMixin(TillCore):
    # --- shift -----------------------------------------------------------------------------------

    def current_shift(self) -> ShiftInfo | None:
        with self._tx() as s:
            return repo.current_shift(s, self.register_id)

    def open_shift(self, opening_float: int) -> ShiftInfo:
        user = self._require_user()
        if opening_float < 0:
            raise ShiftError("The float cannot be negative")
        with self._tx() as s:
            if repo.current_shift(s, self.register_id):
                raise ShiftError("A shift is already open on this register")
            shift = repo.create_shift(s, self.register_id, user.id, self._now(), opening_float)
            self._journal(s, Kind.SHIFT_OPEN, {"shift": shift.id, "float": opening_float})
            return shift

    def cash_movement(self, amount: int, reason: str) -> None:
        """Cash in (positive) or out (negative) of the drawer, with a reason; opens the drawer."""
        user = self._require_user()
        if amount == 0:
            raise ShiftError("Enter an amount")
        if not reason.strip():
            raise ShiftError("Give a reason for the cash movement")
        with self._tx() as s:
            shift = self._require_shift(s)
            repo.add_movement(s, shift.id, amount, reason.strip(), user.id, self._now())
            self._journal(s, Kind.CASH_IN if amount > 0 else Kind.CASH_OUT,
                          {"shift": shift.id, "amount": amount, "reason": reason.strip()})
        self._kick_drawer(f"cash {'in' if amount > 0 else 'out'}")

    def x_report(self) -> tuple[Report, ReceiptDocument]:
        self._require_user()
        with self._tx() as s:
            shift = self._require_shift(s)
            report = self._report(s, "X", shift)
            self._journal(s, Kind.X_REPORT, _report_payload(report))
        return report, report_document(report, self.config.store)

    def close_shift(self, counted_cash: int) -> tuple[Report, ReceiptDocument]:
        """Z report: closes the shift and the day, with the counted cash and its variance."""
        user = self._require_user()
        if counted_cash < 0:
            raise ShiftError("Counted cash cannot be negative")
        if not self.cart.is_empty:
            raise ShiftError("Finish or void the sale in progress before closing")
        with self._tx() as s:
            shift = self._require_shift(s)
            reg = repo.lock_register(s, self.register_id)
            reg.z_count += 1
            report = self._report(s, "Z", shift, z_number=reg.z_count, counted=counted_cash)
            row = repo.open_shift_row(s, self.register_id)
            assert row is not None
            row.closed_at, row.closed_by = self._now(), user.id
            row.counted_cash, row.z_number = counted_cash, reg.z_count
            self._journal(s, Kind.Z_REPORT, _report_payload(report))
        return report, report_document(report, self.config.store)

    def _report(self, s: Session, kind: str, shift: ShiftInfo, z_number: int | None = None,
                counted: int | None = None) -> Report:
        sales = repo.sales_of_shift(s, shift.id)
        reg = s.get(repo.RegisterRow, self.register_id)
        assert reg is not None
        before = reg.grand_total - sum(x.total for x in sales)
        return build_report(kind, shift, sales, repo.movements(s, shift.id),
                            repo.shift_counters(s, shift.id), before, self._now(),
                            z_number=z_number, counted_cash=counted)


def _report_payload(r: Report) -> dict[str, object]:
    return {"kind": r.kind, "shift": r.shift_id, "z_number": r.z_number,
            "gross_sales": r.gross_sales, "sales_count": r.sales_count,
            "vat": [[v.rate.value, v.gross, v.vat] for v in r.vat], "tenders": list(r.tenders),
            "expected_cash": r.expected_cash, "counted_cash": r.counted_cash,
            "variance": r.variance, "grand_total": r.grand_total,
            "discounts": r.discounts_total, "promotions": dict(r.promotions)}

