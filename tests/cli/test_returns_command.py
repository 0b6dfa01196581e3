"""``main.py returns find|list`` (issue 11): what a receipt can still give back, and this
store's returns, on a fresh SQLite data directory (no central store configured)."""
import json

import pytest

import main
from pos.services.returns import ReturnPick


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    monkeypatch.setenv("MEDUSA_STATE", str(tmp_path / "no-medusa"))
    config = tmp_path / "pos.toml"
    config.write_text('[devices]\nprinter = "dummy"\n[medusa]\nstate = "none.json"\n',
                      encoding="utf-8")

    def call(*args):
        code = main.main(["--config", str(config), "--json", *args])
        out = capsys.readouterr().out
        return code, (json.loads(out) if out.strip() else None)
    return call, config


def test_find_shows_what_is_left_and_list_shows_the_returns(run):
    call, config = run
    till, _ = main.build_till(main.load_config(config))
    till.login("kim", "1234")
    till.open_shift(50000)
    coffee = till.search("kaffe")[0]
    till.scan(coffee.ean, 3)
    sale = till.pay_cash(100000).sale
    view = till.find_purchase(sale.receipt_code)
    till.return_lines(view.purchase, [ReturnPick("1", 1, "changed_mind")])
    back = till.refund().sale

    code, found = call("returns", "find", sale.receipt_code)
    assert code == 3  # no central store: this store's own record, not verified
    assert found["code"] == sale.receipt_code and found["verified"] is False
    line = found["lines"][0]
    assert (line["bought"], line["returned"], line["returnable"]) == (3, 1, 2)
    assert line["refund_ore"] == sale.total - sale.total // 3 == found["refundable_ore"]
    assert found["payments"][0]["refunded_ore"] == -back.paid
    code, rows = call("returns", "list")
    assert code == 0 and [(r["receipt_no"], r["units"], r["review"]) for r in rows] == [
        (back.receipt_no, 1, True)]
    assert rows[0]["refunds"] == [{"method": "cash", "ore": -back.paid}]
    code, err = call("returns", "find", "R-K1-000077")
    assert code == 3 and "R-K1-000077 was not sold here" in err["error"]
    code, err = call("returns", "find", "garbage")
    assert code == 1 and "No purchase found for garbage" in err["error"]
    # times as the other commands print them: ISO 8601 with the UTC offset
    import re
    assert re.search(r"[+-]\d\d:\d\d$", found["bought_at"])
    assert re.search(r"[+-]\d\d:\d\d$", rows[0]["completed_at"])
