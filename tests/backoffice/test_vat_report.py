"""The VAT report (``pos.queries.vat_report``) of the dashboard test's day (two registers,
mixed VAT, discounts, a return and an exchange, a sale the evening before and the day after)
checked against the two Z reports, against the journal's sale and Z lines, and against VAT
worked out by hand in öre; its CSV read back; on SQLite and PostgreSQL."""
import csv
from datetime import date

from pos.db.unit_of_work import SqlUnitOfWork
from pos.journal import Kind
from pos.queries.vat_report import csv_text, vat_report
from pos.vat import VatRate
from tests.backoffice.test_dashboard_figures import DAY, the_day


def _sum(lines, into=None):
    into = {} if into is None else into
    for rate, gross, vat in lines:
        g = into.setdefault(rate, [0, 0])
        g[0] += gross
        g[1] += vat
    return into


def test_the_vat_report_equals_the_z_reports_the_journal_and_the_hand_sums(session_factory):
    z1, z2 = the_day(session_factory)
    r = vat_report(SqlUnitOfWork(session_factory), DAY)
    by_rate = {row.rate: row for row in r.rows}

    # by hand, receipt by receipt (VAT = gross * rate / (100 + rate), rounded per receipt)
    # 25 %: T-shirt 09:15 (3980), T-shirt 10:05 (3980); returned: the T-shirt of the exchange
    # 12 %: coffee less 7 % 55,71 (596,89 -> 597), two coffees 119,80 (1283,57 -> 1284);
    #       returned: a coffee 59,90 (641,79 -> 642)
    # 6 %:  three books less 5 % 369,07 (2089,07 -> 2089), a book 129,50 (733,02 -> 733) twice
    expected = {
        VatRate.STANDARD: ((39800, 7960), (19900, 3980), (19900, 3980)),
        VatRate.FOOD: ((5571 + 11980, 597 + 1284), (5990, 642), (5571 + 11980 - 5990, 1239)),
        VatRate.REDUCED: ((36907 + 2 * 12950, 2089 + 2 * 733), (0, 0),
                          (36907 + 2 * 12950, 2089 + 2 * 733)),
    }
    assert [row.rate for row in r.rows] == [VatRate.STANDARD, VatRate.FOOD, VatRate.REDUCED]
    for rate, (sales, returns, balance) in expected.items():
        row = by_rate[rate]
        assert (row.sales.gross, row.sales.vat) == sales, rate
        assert (row.returns.gross, row.returns.vat) == returns, rate
        assert (row.balance.gross, row.balance.vat) == balance, rate
        assert row.balance.net == row.sales.net - row.returns.net
    # the receipts' VAT summed is not the VAT of the summed sales: 175,51 kr at 12 % is
    # 18,80 kr recomputed, 18,81 kr as the receipts printed it; the report keeps the receipts'
    assert by_rate[VatRate.FOOD].sales.vat == 1881
    t = r.total
    assert (t.sales.gross, t.returns.gross, t.balance.gross) == (
        39800 + 17551 + 62807, 19900 + 5990, 19900 + 11561 + 62807)
    assert t.balance.vat == 3980 + 1239 + 3555 and t.sales.net - t.returns.net == t.balance.net

    # against the two Z reports: the balance is their VAT, the returns their returns' VAT
    z_vat = _sum([(v.rate, v.gross, v.vat) for z in (z1, z2) for v in z.vat])
    z_returns = _sum([(v.rate, v.gross, v.vat) for z in (z1, z2) for v in z.returns_vat])
    assert {row.rate: [row.balance.gross, row.balance.vat] for row in r.rows} == z_vat
    assert {row.rate: [row.returns.gross, row.returns.vat] for row in r.rows
            if row.returns.gross} == z_returns

    # against the journal: the day's receipts' VAT lines, and the Z reports' as journaled
    receipts, z_lines = {}, {}
    uow = SqlUnitOfWork(session_factory)
    with uow:
        for register_id in ("K1", "K2"):
            for e in uow.journal.entries(register_id):
                if not e.ts.startswith(DAY.isoformat()):
                    continue
                if e.kind in (Kind.SALE, Kind.RETURN):
                    _sum(e.payload["vat"], receipts)
                elif e.kind == Kind.Z_REPORT:
                    _sum(e.payload["vat"], z_lines)
    as_journal = {row.rate.value: [row.balance.gross, row.balance.vat] for row in r.rows}
    assert receipts == z_lines == as_journal


def test_the_csv_reads_back_to_the_report(session_factory):
    the_day(session_factory)
    r = vat_report(SqlUnitOfWork(session_factory), DAY)
    rows = list(csv.reader(csv_text(r).splitlines(), delimiter=";"))
    assert rows[0] == ["rate", "sales_net", "sales_vat", "sales_gross", "returns_net",
                       "returns_vat", "returns_gross", "balance_net", "balance_vat",
                       "balance_gross"]
    assert [x[0] for x in rows[1:]] == ["25", "12", "6", "total"]
    back = {x[0]: [_ore(c) for c in x[1:]] for x in rows[1:]}
    for row in (*r.rows, r.total):
        key = row.rate.value if row.rate else "total"
        assert back[key] == [row.sales.net, row.sales.vat, row.sales.gross, row.returns.net,
                             row.returns.vat, row.returns.gross, row.balance.net,
                             row.balance.vat, row.balance.gross]
    assert rows[2][1:4] == ["156,70", "18,81", "175,51"]  # 12 %: 175,51 kr less 18,81 kr


def test_a_day_without_sales_and_a_range(session_factory):
    the_day(session_factory)
    empty = vat_report(SqlUnitOfWork(session_factory), date(2026, 11, 20))
    assert empty.rows == () and empty.total.balance.gross == 0
    three = vat_report(SqlUnitOfWork(session_factory), date(2026, 11, 28), date(2026, 11, 26))
    day = vat_report(SqlUnitOfWork(session_factory), DAY)
    assert (three.first, three.last) == (date(2026, 11, 26), date(2026, 11, 28))
    # the evening before sold a book (6 %), the day after a coffee (12 %)
    assert three.total.balance.gross == day.total.balance.gross + 12950 + 5990


def _ore(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    kronor, ore = text.lstrip("-").split(",")
    return sign * (int(kronor) * 100 + int(ore))
