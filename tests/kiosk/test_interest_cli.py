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
    config.write_text('[devices]\nprinter = "dummy"\n[medusa]\nstate = "%s"\n'
                      % (tmp_path / "none.json").as_posix(), encoding="utf-8")  # no central
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
    out = json.loads(capsys.readouterr().out)
    # no central store configured: said, and the kiosks' figures are the answer
    assert out["central"] == {"asked": False, "reason": "no_central"}
    assert out["rows"] == [{"day": "2026-11-30", "location_id": "store-gbg", "variant_id": v.id,
                            "sku": v.sku, "name": v.name, "shelf_qr": 0, "qr_scans": 0,
                            "scans": 2, "searches": 1, "views": 1, "sold_units": 0,
                            "sold_total_ore": 0}]
    assert main.main(args) == 0
    text = capsys.readouterr().out
    assert v.sku in text and "central store not asked (no_central)" in text
    assert main.main(["--config", str(config), "interest", "--from", "2026-12-01", "--to",
                      "2026-11-30"]) == 2
    ctx.engine.dispose()


def test_a_central_store_that_does_not_answer_is_said_and_exit_3(tmp_path, monkeypatch, capsys):
    """The kiosks' figures still shown; the shelf-QR scans missing, said, and exit 3 (as
    ``main.py stock`` when not fresh)."""
    import wiring
    from pos.ports import CommerceUnavailable

    class Down:
        def interest_between(self, first, last, store=None):
            raise CommerceUnavailable("GET /admin/pos/product-interest: connection refused")

    class Store:
        interest = Down()

    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    monkeypatch.setattr(wiring, "build_commerce_store", lambda cfg: Store())
    config = tmp_path / "pos.toml"
    config.write_text('[devices]\nprinter = "dummy"\n', encoding="utf-8")
    cfg = main.load_config(config)
    ctx = main.open_database(cfg)
    uow = SqlUnitOfWork(ctx.session_factory)
    use.ensure_products(uow, __import__("datetime").datetime(2026, 11, 30))
    v = use.search(uow, "jeans", location="store-gbg", today=date(2026, 11, 30))[0]
    capsys.readouterr()
    args = ["--config", str(config), "interest", "--from", "2026-11-30", "--to", "2026-11-30"]
    assert main.main(args + ["--json"]) == 3
    out = json.loads(capsys.readouterr().out)
    assert out["central"]["asked"] is False
    assert out["central"]["reason"].startswith("unavailable") and "connection refused" in \
        out["central"]["reason"]
    assert [(r["sku"], r["searches"]) for r in out["rows"]] == [(v.sku, 1)]
    assert main.main(args) == 3
    assert "central store not asked (unavailable" in capsys.readouterr().out
    ctx.engine.dispose()
