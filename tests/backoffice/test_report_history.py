"""X and Z reports as they were taken (``pos.queries.report_history``), on SQLite and
PostgreSQL: the history from the journal, each report rebuilt from its shift's sales up to when
it was taken, equal to its journal line; a changed journal figure is shown as a difference."""
from pos.db.unit_of_work import SqlUnitOfWork
from pos.queries.report_history import report_again, report_history
from pos.receipt_layout import StoreInfo
from tests.backoffice.day import a_day_of_sales


def test_every_report_is_rebuilt_as_the_journal_has_it(session_factory):
    day = a_day_of_sales(session_factory)
    history = report_history(SqlUnitOfWork(session_factory))
    assert [(e.register_id, e.kind, e.taken_at.strftime("%H:%M")) for e in history] == [
        ("K1", "Z", "17:30"), ("K1", "X", "17:30"), ("K2", "X", "14:00")]
    z, x = day["z"], day["x"]
    for entry in history:
        again = report_again(SqlUnitOfWork(session_factory), entry, StoreInfo())
        assert again.differences == (), (entry.register_id, entry.kind)
    [k2] = report_history(SqlUnitOfWork(session_factory), "K2")
    again = report_again(SqlUnitOfWork(session_factory), k2, StoreInfo())
    # K2 sold more after its X report at 14:00: the X shows only what was sold by then
    assert (again.report.sales_count, again.report.gross_sales) == (x.sales_count,
                                                                     x.gross_sales) == (3, 71680)
    zr = report_again(SqlUnitOfWork(session_factory), history[0], StoreInfo()).report
    assert (zr.z_number, zr.grand_total, zr.variance, zr.counted_cash) == (
        z.z_number, z.grand_total, z.variance, z.counted_cash)
    text = report_again(SqlUnitOfWork(session_factory), history[0],
                        StoreInfo()).document.plain_text()
    assert "Z-RAPPORT" in text and "Z-nummer 1" in text


def test_a_figure_that_differs_from_the_journal_is_named(session_factory):
    a_day_of_sales(session_factory)
    entry = report_history(SqlUnitOfWork(session_factory), "K2")[0]
    from dataclasses import replace
    forged = replace(entry, payload={**entry.payload, "gross_sales": entry.gross_sales + 1})
    assert report_again(SqlUnitOfWork(session_factory), forged,
                        StoreInfo()).differences == ("gross_sales",)
