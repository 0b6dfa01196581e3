"""The read side: the back office and the command line read sales, X figures, the outbox and the
journal with a unit of work alone: no Till, no logged-in cashier, no register claimed."""
from datetime import datetime

from pos.db.unit_of_work import SqlUnitOfWork
from pos.queries.journal import verify_journals
from pos.queries.outbox import outbox_status
from pos.queries.reports import x_report
from pos.queries.sales import recent_sales, sale_by_receipt, unprinted_sales
from pos.queries.shifts import current_shift
from tests.services.conftest import ARTICLES, make_till, printer, terminal, till  # noqa: F401 - fixtures


def test_sales_and_x_figures_are_read_without_a_till(till, session_factory):
    till.scan(ARTICLES[0].ean)
    till.scan(ARTICLES[1].ean)
    sale = till.pay_cash(30000).sale
    till.logout()
    uow = SqlUnitOfWork(session_factory)
    with uow:
        registers_before = uow.registers.ids()
    [found] = recent_sales(uow, None)
    assert found == sale and sale_by_receipt(uow, "K1", 1) == sale
    assert unprinted_sales(uow, "K1") == [sale.id]
    report = x_report(uow, "K1", datetime(2026, 11, 30, 18, 0))
    assert (report.sales_count, report.gross_sales) == (1, 19900 + 5990)
    assert report.tender_total("cash") == 25900  # 258,90 kr in cash: 259 kr, rounded
    assert current_shift(uow, "K1").opening_float == 200000
    assert outbox_status(uow).pending == 1
    [journal] = verify_journals(uow)
    assert journal.register_id == "K1" and journal.verification.ok
    with uow:
        assert uow.registers.ids() == registers_before  # reading claimed no register
        assert uow.journal.count("K1", "x_report") == 0  # a reading is not a printed report


def test_a_register_without_an_open_shift_has_no_x_figures(session_factory):
    assert x_report(SqlUnitOfWork(session_factory), "K7", datetime(2026, 11, 30)) is None
