"""The till's use cases on an in-memory unit of work: fast checks of each flow's rules, beside
the same flows on SQLite and PostgreSQL in tests/services."""
from decimal import Decimal

import pytest

from hardware.control_unit_simulator import SimulatedControlUnit
from pos.cart import ApprovalRequired, CartError, Discount
from pos.catalog import Variant
from pos.gtin import with_check_digit
from pos.journal import Kind, verify_chain
from pos.services import parking, payments, selling, shifts, staff
from pos.shifts import ShiftError
from pos.staff import AuthError
from pos.vat import VatRate
from tests.fakes.register import NOON, open_register, stocked_uow

SHIRT = Variant("v-shirt", "TSH-1", with_check_digit("735000000001"), "T-shirt Bas", 10000,
                VatRate.STANDARD)


class BrokenControlUnit(SimulatedControlUnit):
    """Refuses to sign once (the control unit is unplugged), then works again."""

    def __init__(self):
        super().__init__()
        self.fail = True

    def sign(self, record):
        if self.fail:
            self.fail = False
            raise OSError("control unit not connected")
        return super().sign(record)


@pytest.fixture
def uow():
    return stocked_uow([SHIRT])


def context(uow, control_unit=None):
    return open_register(uow, 50000, control_unit=control_unit)


def journal_kinds(uow):
    with uow:
        return [e.kind for e in uow.journal.entries("K1")]


def test_a_change_refused_by_the_cart_leaves_the_sale_and_its_record_as_they_were(uow):
    ctx = context(uow)
    selling.scan(ctx, SHIRT.ean)
    with pytest.raises(CartError, match="at most 9999"):
        selling.set_quantity(ctx, 1, 10_000)
    assert ctx.state.cart.lines[0].quantity == 1
    with uow:
        saved, _ = uow.carts.load_open("K1")
    assert saved["lines"][0]["quantity"] == 1


def test_an_approved_discount_on_the_whole_sale_is_given(uow):
    """The retry after the manager's PIN acts on the sale as it is then, not on a cart the
    refused first try had replaced."""
    ctx = context(uow)
    selling.scan(ctx, SHIRT.ean)
    twenty = Discount(percent=Decimal(20))
    with pytest.raises(ApprovalRequired):
        selling.discount_cart(ctx, twenty)
    totals = selling.discount_cart(ctx, twenty, approver_pin="9999")
    assert totals.total == 8000 and ctx.state.cart.totals().total == 8000
    assert journal_kinds(uow)[-1] == Kind.DISCOUNT_APPROVED


def test_an_approved_line_discount_is_given_too(uow):
    ctx = context(uow)
    selling.scan(ctx, SHIRT.ean)
    totals = selling.discount_line(ctx, 1, Discount(amount=3333), approver_pin="9999")
    assert totals.total == 6667


def test_a_wrong_manager_pin_is_journaled_and_changes_nothing(uow):
    ctx = context(uow)
    selling.scan(ctx, SHIRT.ean)
    with pytest.raises(AuthError, match="not a manager"):
        selling.discount_cart(ctx, Discount(percent=Decimal(50)), approver_pin="1234")
    assert ctx.state.cart.totals().total == 10000
    assert journal_kinds(uow)[-1] == Kind.LOGIN_FAILED


def test_a_sale_the_control_unit_cannot_sign_is_stored_nowhere(uow):
    """Numbering, signing, storing, journaling and queueing are one transaction."""
    ctx = context(uow, BrokenControlUnit())
    selling.scan(ctx, SHIRT.ean)
    with pytest.raises(OSError):
        payments.pay_cash(ctx, 10000)
    with uow:
        assert uow.sales.recent("K1") == [] and uow.data.outbox == {}
        assert uow.registers.get("K1").next_receipt_no == 1
    assert ctx.state.cart.lines and Kind.SALE not in journal_kinds(uow)


def test_a_completed_sale_is_numbered_journaled_and_queued_and_the_chain_holds(uow):
    ctx = context(uow)
    selling.scan(ctx, SHIRT.ean)
    first = payments.pay_cash(ctx, 20000).sale
    selling.scan(ctx, SHIRT.ean)
    second = payments.pay_card(ctx).sale
    assert (first.receipt_no, second.receipt_no) == (1, 2)
    assert first.change == 10000 and second.tenders[0].amount == 10000
    with uow:
        assert verify_chain(uow.journal.entries("K1"), uow.journal.head("K1")).ok
        assert len(uow.data.outbox) == 2


def test_parking_frees_the_register_and_resume_brings_the_sale_back(uow):
    ctx = context(uow)
    selling.scan(ctx, SHIRT.ean)
    pid = parking.park(ctx, "fetching a size")
    assert ctx.state.cart.is_empty
    [info] = parking.parked(ctx)
    assert (info.id, info.total, info.parked_by) == (pid, 10000, "Kim Kassör")
    assert parking.resume(ctx, pid).total == 10000
    selling.void_sale(ctx)
    with pytest.raises(CartError, match="gone"):
        parking.resume(ctx, pid)


def test_the_z_report_reads_the_sale_in_progress_from_the_store_not_from_a_register(uow):
    """The command line and the back office close a shift without the till's state: a sale
    saved as in progress on the register still stops them."""
    ctx = context(uow)
    selling.scan(ctx, SHIRT.ean)
    with pytest.raises(ShiftError, match="in progress"):
        shifts.close_shift(uow, "K1", ctx.config.store, NOON, "operator", 50000)
    selling.void_sale(ctx)
    report, _doc = shifts.close_shift(uow, "K1", ctx.config.store, NOON, "operator", 50000)
    assert (report.z_number, report.expected_cash, report.variance) == (1, 50000, 0)
    with uow:
        z = [e for e in uow.journal.entries("K1") if e.kind == Kind.Z_REPORT][0]
    assert z.payload["user"] == "operator"


def test_the_x_report_needs_no_logged_in_cashier(uow):
    ctx = context(uow)
    selling.scan(ctx, SHIRT.ean)
    payments.pay_cash(ctx, 10000)
    staff.logout(ctx)
    report, doc = shifts.take_x_report(uow, "K1", ctx.config.store, NOON, "operator")
    assert (report.kind, report.sales_count, report.gross_sales) == ("X", 1, 10000)
    assert "X" in doc.plain_text()
