"""The till's use cases on an in-memory unit of work: fast checks of each flow's rules, beside
the same flows on SQLite and PostgreSQL in tests/services."""
from decimal import Decimal

import pytest

from hardware.control_unit_simulator import SimulatedControlUnit
from pos.cart import ApprovalRequired, CartError, Discount
from pos.catalog import Variant
from pos.gtin import with_check_digit
from pos.journal import Kind, verify_chain
from pos.services import drawer, parking, payments, selling, shifts, staff
from pos.services.sale_completion import CompletionFailed
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


def test_a_sale_the_control_unit_cannot_sign_is_stored_nowhere_and_completes_on_retry(uow):
    """Numbering, signing, storing, journaling and queueing are one transaction; the cash taken
    is kept (saved before completion started), so the cashier completes the sale again."""
    ctx = context(uow, BrokenControlUnit())
    selling.scan(ctx, SHIRT.ean)
    with pytest.raises(CompletionFailed, match="control unit not connected"):
        payments.pay_cash(ctx, 20000)
    with uow:
        assert uow.sales.recent("K1") == [] and uow.data.outbox == {}
        assert uow.registers.get("K1").next_receipt_no == 1
        _cart, saved_payment = uow.carts.load_open("K1")
    assert ctx.state.cart.lines and Kind.SALE not in journal_kinds(uow)
    assert saved_payment["tenders"][0]["received"] == 20000  # durable before completion
    view = payments.payment_view(ctx)
    assert view.unfinished and view.remaining == 0
    sale = payments.complete_payment(ctx).sale
    assert (sale.receipt_no, sale.change, sale.tenders[0].received) == (1, 10000, 20000)


def test_a_cash_tender_is_taken_back_before_the_sale_completes(uow):
    ctx = context(uow)
    selling.scan(ctx, SHIRT.ean)
    selling.scan(ctx, SHIRT.ean)  # 200,00 kr
    payments.pay_cash(ctx, 5000)
    view = payments.remove_tender(ctx, 0)
    assert (view.paid, view.remaining, view.tenders) == (0, 20000, ())
    assert journal_kinds(uow)[-1] == Kind.TENDER_REMOVED
    payments.cancel_payment(ctx)  # nothing taken any more: back to the sale
    assert ctx.state.payment is None


def test_a_card_tender_is_refunded_on_the_terminal_before_it_is_taken_back(uow):
    ctx = context(uow)
    selling.scan(ctx, SHIRT.ean)
    payments.pay_card(ctx, 3333)
    view = payments.remove_tender(ctx, 0)
    assert view.remaining == 10000 and ctx.devices.terminal.refunded == [3333]


def test_taking_back_the_payment_that_completed_a_failed_sale_undoes_its_rounding(uow):
    ctx = context(uow, BrokenControlUnit())
    selling.scan(ctx, SHIRT.ean)
    selling.discount_line(ctx, 1, Discount(amount=51))  # 99,49 kr: 99 kr in cash
    with pytest.raises(CompletionFailed):
        payments.pay_cash(ctx, 10000)
    assert ctx.state.payment.rounding == -49
    view = payments.remove_tender(ctx, 0)
    assert (view.rounding, view.remaining, view.cash_due) == (0, 9949, 9900)


def test_a_sale_of_nothing_to_pay_completes_as_a_numbered_receipt(uow):
    ctx = context(uow)
    selling.scan(ctx, SHIRT.ean)
    selling.discount_line(ctx, 1, Discount(percent=Decimal(100)), approver_pin="9999")
    view = payments.start_payment(ctx)
    assert view.sale is not None and (view.sale.receipt_no, view.sale.total) == (1, 0)
    assert view.sale.tenders == ()
    report, _ = shifts.x_report(ctx)
    assert (report.sales_count, report.gross_sales) == (1, 0)


def test_what_rounds_to_nothing_in_cash_is_settled_by_paying_nothing(uow):
    ctx = context(uow)
    selling.scan(ctx, SHIRT.ean)
    selling.discount_line(ctx, 1, Discount(amount=9951), approver_pin="9999")  # 0,49 kr left
    view = payments.start_payment(ctx)
    assert (view.remaining, view.cash_due) == (49, 0)
    sale = payments.pay_cash(ctx, 0).sale
    assert sale is not None and (sale.total, sale.rounding, sale.paid) == (49, -49, 0)


def test_every_approval_path_acts_on_the_sale_as_it_is_when_approved(uow):
    """Line discount, sale discount, price change and the drawer without a sale: each refused
    without a manager, then done with the manager's PIN on the sale in progress."""
    ctx = context(uow)
    selling.scan(ctx, SHIRT.ean)
    with pytest.raises(ApprovalRequired):
        selling.discount_line(ctx, 1, Discount(percent=Decimal(30)))
    assert selling.discount_line(ctx, 1, Discount(percent=Decimal(30)), "9999").total == 7000
    with pytest.raises(ApprovalRequired):
        selling.override_price(ctx, 1, 4321)
    assert selling.override_price(ctx, 1, 4321, "9999").lines[0].line.unit_price == 4321
    with pytest.raises(ShiftError, match="A sale is in progress"):  # its payment opens it
        drawer.approve_no_sale(ctx, "change for the bank", "9999")
    selling.void_sale(ctx)
    with pytest.raises(ApprovalRequired):
        drawer.approve_no_sale(ctx, "change for the bank")
    assert "approved by maja" in drawer.approve_no_sale(ctx, "change for the bank", "9999")


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


def test_the_z_report_counts_the_drawer_note_by_note(uow):
    from pos.cash_count import CashCount
    ctx = context(uow)  # float 500,00 kr
    count = CashCount.of({50_000: 0, 20_000: 2, 10_000: 0, 5_000: 1, 2_000: 0, 500: 3, 100: 2})
    assert count.total == 46_700  # 467 kr: 33 kr short
    report, doc = shifts.close(ctx, 0, count)
    assert (report.counted_cash, report.variance) == (46_700, -3_300)
    assert "200 kr x 2" in doc.plain_text() and "5 kr x 3" in doc.plain_text()
    with uow:
        z = [e for e in uow.journal.entries("K1") if e.kind == Kind.Z_REPORT][0]
    assert z.payload["cash_count"] == [[20_000, 2], [5_000, 1], [500, 3], [100, 2]]


def test_a_variance_over_the_limit_needs_a_manager(uow):
    from pos.services.context import TillConfig
    ctx = open_register(uow, 50_000, config=TillConfig(card_status_interval=0,
                                                       cash_variance_limit=5_000))
    with pytest.raises(ApprovalRequired, match="50,01 kr off"):
        shifts.close(ctx, 44_999)  # 50,01 kr short: over the 50 kr limit
    assert shifts.current_shift(ctx) is not None  # nothing closed, no Z number used
    report, doc = shifts.close(ctx, 44_999, approver_pin="9999")
    assert (report.z_number, report.variance_approved_by) == (1, "maja")
    assert "godkänd av maja" in doc.plain_text()


def test_a_variance_within_the_limit_needs_nobody(uow):
    from pos.services.context import TillConfig
    ctx = open_register(uow, 50_000, config=TillConfig(card_status_interval=0,
                                                       cash_variance_limit=5_000))
    report, _ = shifts.close(ctx, 55_000)  # exactly 50,00 kr over
    assert report.variance == 5_000 and report.variance_approved_by is None


def test_the_z_report_says_the_parked_sales_stay_for_the_next_shift(uow):
    ctx = context(uow)
    selling.scan(ctx, SHIRT.ean)
    parking.park(ctx)
    selling.scan(ctx, SHIRT.ean)
    selling.scan(ctx, SHIRT.ean)
    parking.park(ctx)
    report, doc = shifts.close(ctx, 50_000)
    assert (report.parked_count, report.parked_total) == (2, 30_000)
    assert "Ligger kvar parkerade till nästa skift" in doc.plain_text()
    assert len(parking.parked(ctx)) == 2


def test_no_more_cash_comes_out_than_the_drawer_should_hold(uow):
    ctx = context(uow)  # float 500,00 kr
    selling.scan(ctx, SHIRT.ean)
    payments.pay_cash(ctx, 10000)  # 600,00 kr in the drawer
    with pytest.raises(ShiftError, match="600,01 kr cannot be taken out: the drawer should hold "
                                         "600,00 kr"):
        shifts.record_cash_movement(ctx, -60_001, "bank")
    shifts.record_cash_movement(ctx, -60_000, "bank")  # all of it is fine
    report, _ = shifts.x_report(ctx)
    assert (report.cash_out, report.expected_cash) == (60_000, 0)


def test_wrong_manager_pins_lock_the_registers_approvals_for_a_while(uow):
    """The approval dialog must not be a way to guess a manager's PIN: after five wrong PINs
    within five minutes the register takes none, not even the right one, until the time has
    passed; each wrong PIN is journaled."""
    from datetime import timedelta

    ctx = context(uow)
    now = [NOON]
    ctx.clock = lambda: now[0]
    for pin in ("0000", "1111", "2222", "3333", "4444"):
        now[0] += timedelta(seconds=7)
        with pytest.raises(AuthError, match="not a manager"):
            staff.approve(ctx, pin)
    with pytest.raises(AuthError) as locked:
        staff.approve(ctx, "9999")  # Maja's own PIN: refused while locked
    assert locked.value.code == "auth.approvals_locked"
    assert locked.value.params["minutes"] == 5  # 4 min 32 s left, said as 5
    assert journal_kinds(uow).count(Kind.LOGIN_FAILED) == 5
    now[0] += timedelta(minutes=4, seconds=32)  # the first wrong PIN is 5 minutes old now
    assert staff.approve(ctx, "9999").id == "maja"
