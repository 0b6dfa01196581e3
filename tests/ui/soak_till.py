"""A day at the till, run as its own process by tests/ui/test_soak.py (no test harness holding on
to log records): the real window offscreen on a temporary SQLite database with the demo store,
the scanner's scans through the sale page, a cash payment every SCANS_PER_SALE scans. Prints one
JSON line with what the test checks."""
from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

SCANS_PER_SALE = 30


def main(sales: int) -> dict:
    data = Path(tempfile.mkdtemp(prefix="omnipos-soak-"))
    os.environ["POS_DATA_DIR"] = str(data)
    (data / "pos.toml").write_text('[devices]\nprinter = "dummy"\n[medusa]\nstate = "/nothing.json"\n',
                                   encoding="utf-8")
    from main import build_till
    from pos.config import load_config
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.queries.journal import verify_journals
    from pos.queries.sales import recent_sales
    from tests.ui.conftest import demo_articles
    from ui.lanes import SaleCompleted
    from ui.till import operations as op
    from ui.till.app import build_window, make_app

    app = make_app([], "sv")
    till, _ctx = build_till(load_config(data / "pos.toml"))
    window = build_window(till)
    window.show()
    window.customer_display.show()

    def idle() -> None:
        while not window.lanes.idle():
            app.processEvents()
            time.sleep(0.001)
        app.processEvents()

    op.login(window.lanes, till, "kim", "1234", on_done=lambda _m: None)
    idle()
    op.open_shift(window.lanes, till, 100_000)
    idle()
    window.on_logged_in(till.user)
    idle()
    articles = demo_articles(till)
    completed: list[int] = []
    window.lanes.changed.connect(
        lambda c: completed.append(c.sale.total) if isinstance(c, SaleCompleted) else None)
    objects = {}
    started = time.perf_counter()
    for sale in range(sales):
        if sale in (10, sales):
            gc.collect()
            objects[sale] = len(gc.get_objects())
        for i in range(SCANS_PER_SALE):
            window.sale_page.scanned(articles[(sale + i) % len(articles)].ean)
        idle()
        op.pay_cash(window.lanes, till, 10_000_000)
        idle()
    gc.collect()
    objects[sales] = len(gc.get_objects())
    uow = SqlUnitOfWork(till.session_factory)
    stored = recent_sales(uow, "K1", sales + 10)
    result = {"sales": len(stored), "completed": len(completed),
              "stored_total": sum(s.total for s in stored), "shown_total": sum(completed),
              "receipts": sorted(s.receipt_no for s in stored),
              "journal_ok": all(j.ok for j in verify_journals(uow, till.devices.control_unit)),
              "objects_grown": objects[sales] - objects[10], "seconds": time.perf_counter() - started}
    window.close()
    window.customer_display.close()
    return result


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)))
