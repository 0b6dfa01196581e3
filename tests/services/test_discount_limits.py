"""The cashier's discount limit set in the back office decides, at the till, when a manager must
approve a discount: the cashier's own limit, else the store's default in the database, else the
register's configured one; on SQLite and PostgreSQL, through the till's use cases, and each
change journaled in the back office's journal with who made it."""
from datetime import datetime
from decimal import Decimal

import pytest

from pos.cart import ApprovalRequired, Discount
from pos.db.unit_of_work import SqlUnitOfWork
from pos.journal import Kind
from pos.services import backoffice as bo
from pos.staff import AuthError
from tests.services.conftest import ARTICLES

TSHIRT = ARTICLES[0].ean  # 199,00 kr
NOW = datetime(2026, 11, 30, 9, 0)


@pytest.fixture
def maja(make_till, session_factory):
    make_till()  # the catalogue and the demo staff
    return bo.manager_login(SqlUnitOfWork(session_factory), NOW, "maja", "9999")


def _till_with_tshirt(make_till):
    till = make_till()
    till.login("kim", "1234")
    till.open_shift(200000)
    till.scan(TSHIRT)
    return till, till.totals().lines[0].line.line_id


def test_a_cashier_with_5_percent_needs_a_manager_for_6(make_till, session_factory, maja):
    bo.set_discount_limit(SqlUnitOfWork(session_factory), NOW, maja, "kim", Decimal(5))
    till, line = _till_with_tshirt(make_till)
    with pytest.raises(ApprovalRequired) as asked:
        till.discount_line(line, Discount(percent=Decimal(6)))
    assert asked.value.action == "line_discount" and asked.value.params["percent"] == Decimal(5)
    totals = till.discount_line(line, Discount(percent=Decimal(6)), approver_pin="9999")
    assert totals.total == 19900 - 1194
    # 5 % is within the limit: no manager
    assert till.discount_line(line, Discount(percent=Decimal(5))).total == 19900 - 995


def test_a_cashier_with_15_percent_does_not(make_till, session_factory, maja):
    bo.set_discount_limit(SqlUnitOfWork(session_factory), NOW, maja, "kim", Decimal(15))
    till, line = _till_with_tshirt(make_till)
    assert till.discount_line(line, Discount(percent=Decimal(6))).total == 19900 - 1194
    assert till.discount_line(line, Discount(percent=Decimal(15))).total == 19900 - 2985
    with pytest.raises(ApprovalRequired):
        till.discount_line(line, Discount(percent=Decimal("15.5")))


def test_without_a_limit_of_their_own_the_stores_default_then_the_config_applies(
        make_till, session_factory, maja):
    # nothing in the database: the register's configured 10 %
    till, line = _till_with_tshirt(make_till)
    assert till.discount_line(line, Discount(percent=Decimal(10))).total == 19900 - 1990
    with pytest.raises(ApprovalRequired):
        till.discount_line(line, Discount(percent=Decimal(11)))
    till.logout()
    # the store's default, 12,5 %: applies at the next login
    bo.set_default_discount_limit(SqlUnitOfWork(session_factory), NOW, maja, Decimal("12.5"))
    till.login("kim", "1234")
    till.scan(TSHIRT)
    line = till.totals().lines[0].line.line_id
    assert till.discount_line(line, Discount(percent=Decimal("12.5"))).total == 19900 - 2488
    with pytest.raises(ApprovalRequired):
        till.discount_line(line, Discount(percent=Decimal(13)))
    # the cashier's own limit wins over the store's default, even when it is lower
    bo.set_discount_limit(SqlUnitOfWork(session_factory), NOW, maja, "kim", Decimal(0))
    till.logout()
    till.login("kim", "1234")
    till.scan(TSHIRT)
    line = till.totals().lines[0].line.line_id
    with pytest.raises(ApprovalRequired):
        till.discount_line(line, Discount(percent=Decimal(1)))


def test_the_limits_are_kept_and_each_change_is_journaled_with_who(session_factory, maja):
    uow = SqlUnitOfWork(session_factory)
    rec = bo.set_discount_limit(uow, NOW, maja, "kim", Decimal("7.5"))
    assert rec.member.discount_limit == Decimal("7.5")
    bo.set_discount_limit(uow, NOW, maja, "kim", Decimal("7.5"))  # no change: no line
    bo.set_discount_limit(uow, NOW, maja, "kim", None)
    bo.set_default_discount_limit(uow, NOW, maja, Decimal(12))
    assert bo.default_discount_limit(uow) == Decimal(12)
    assert [r.member.discount_limit for r in bo.staff_records(uow)
            if r.member.id == "kim"] == [None]
    with uow:
        lines = [(e.kind, e.payload, e.payload["user"]) for e in uow.journal.entries(bo.BACKOFFICE)
                 if e.kind == Kind.DISCOUNT_LIMIT_CHANGED]
    assert [(p["staff"], p["from"], p["to"], by) for _, p, by in lines] == [
        ("kim", None, "7.5", "maja"), ("kim", "7.5", None, "maja"), (None, None, "12", "maja")]
    for wrong in (Decimal(-1), Decimal(101), Decimal("2.005")):
        with pytest.raises(AuthError) as refused:
            bo.set_discount_limit(uow, NOW, maja, "kim", wrong)
        assert refused.value.code == "staff.discount_limit_range"
