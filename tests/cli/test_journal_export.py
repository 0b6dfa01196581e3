"""``main.py journal export``: the journal written as the documented CSV, read back equal to
the journal, its chain checked; wrong arguments exit 2, a file that cannot be written 1."""
from pos.db.unit_of_work import SqlUnitOfWork
from pos.queries.journal_browse import read_csv, verify_export
from tests.cli.test_report_sales import store  # noqa: F401 - the fixture


def test_journal_export(store, tmp_path):  # noqa: F811
    call, ctx = store
    code, data, _ = call("journal", "export", "--from", "2026-11-30", "--to", "2026-11-30",
                         str(tmp_path / "journal.csv"))
    assert code == 0 and data["chain_ok"] is True
    back = read_csv((tmp_path / "journal.csv").read_text("utf-8"))
    uow = SqlUnitOfWork(ctx.session_factory)
    with uow:
        journal = [e for r in uow.registers.ids() for e in uow.journal.entries(r)
                   if e.ts.startswith("2026-11-30")]
    assert back == journal and data["entries"] == len(journal) > 15 and verify_export(back).ok

    code, data, _ = call("journal", "export", "--register", "K2", str(tmp_path / "k2.csv"))
    assert code == 0
    assert {e.register_id for e in read_csv((tmp_path / "k2.csv").read_text("utf-8"))} == {"K2"}
    code, text, _ = call("journal", "export", str(tmp_path / "all.csv"), as_json=False)
    assert code == 0 and "chain checks out" in text

    code, err, _ = call("journal", "export")
    assert code == 2 and "FILE" in err["error"]
    code, err, _ = call("journal", "export", "--register", "K9", str(tmp_path / "k9.csv"))
    assert code == 2 and "no register 'K9'" in err["error"]
    assert not (tmp_path / "k9.csv").exists()  # no empty file that looks like an export
    code, err, _ = call("journal", "export", "--format", "skv", "--register", "BACKOFFICE",
                        str(tmp_path / "bo.xml"))
    assert code == 2 and "no cash register" in err["error"]
    code, err, _ = call("journal", "export", "--from", "30/11", str(tmp_path / "x.csv"))
    assert code == 2 and "not a date" in err["error"]
    code, err, _ = call("journal", "export", str(tmp_path / "no" / "x.csv"))
    assert code == 1 and "could not be written" in err["error"]
    code, data, _ = call("journal", "verify")  # the verify is still there
    assert code == 0 and data["ok"] is True
