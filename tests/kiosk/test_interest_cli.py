"""``main.py interest``: the kiosk's scans, searches and product pages per day and article."""
from __future__ import annotations

import json
from datetime import date

import main
from pos.db.unit_of_work import SqlUnitOfWork
from pos.services import kiosk as use


def test_interest_per_day_and_article(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    config = tmp_path / "pos.toml"
    config.write_text('[devices]\nprinter = "dummy"\n', encoding="utf-8")
    cfg = main.load_config(config)
    ctx = main.open_database(cfg)
    uow = SqlUnitOfWork(ctx.session_factory)
    use.ensure_products(uow, __import__("datetime").datetime(2026, 11, 30))
    day = date(2026, 11, 30)
    v = use.search(uow, "jeans", location="store-gbg", today=day)[0]
    use.find_scanned(uow, v.ean, location="store-gbg", today=day)
    use.find_scanned(uow, v.ean, location="store-gbg", today=day)
    use.product_page(uow, v.id, use.promotion_book(uow), location="store-gbg", today=day)
    use.find_scanned(uow, v.ean, location="store-gbg", today=date(2026, 12, 2))  # outside
    capsys.readouterr()
    args = ["--config", str(config), "interest", "--from", "2026-11-30", "--to", "2026-12-01"]
    assert main.main(args + ["--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == [{"day": "2026-11-30", "location_id": "store-gbg", "variant_id": v.id,
                     "sku": v.sku, "name": v.name, "scans": 2, "searches": 1, "views": 1}]
    assert main.main(args) == 0
    assert v.sku in capsys.readouterr().out
    assert main.main(["--config", str(config), "interest", "--from", "2026-12-01", "--to",
                      "2026-11-30"]) == 2
    ctx.engine.dispose()
