"""The Stock page (Lager) photographed in Swedish at 1024x768 and 1920x1080, against the local
Medusa (medusa.sh start) and a demo database: an article's stock, a count in progress, receiving.

    QT_QPA_PLATFORM=offscreen python -m tests.backoffice.stock_shots [--out /tmp/shots13-stock]
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.backoffice.shot_window import ShotWindow, shot_main


def shoot(width: int, height: int, out: Path, language: str) -> list[str]:
    from datetime import datetime

    from integrations.medusa.store import MedusaStore
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.demo.catalog import demo_catalog, demo_stock
    from pos.receipt_layout import StoreInfo
    from pos.services import stock_counts as sc
    from tests.backoffice.shots import demo_database
    from ui.backoffice.context import BackofficeContext
    from ui.backoffice.stock_page import StockPage

    tmp = Path(tempfile.mkdtemp(prefix="stock-shots-"))
    sf = demo_database(f"sqlite:///{tmp / 'pos.sqlite3'}")
    with SqlUnitOfWork(sf) as u:
        u.catalog.bulk_upsert([v for p in demo_catalog() for v in p.variants])
        u.catalog.set_stock(demo_stock())
        u.commit()
    store = MedusaStore.from_state(location_key="store-gbg")
    uow = SqlUnitOfWork(sf)
    now = datetime(2026, 11, 30, 9, 15)
    count = sc.start_count(uow, now, "maja", "store-gbg")
    for code, n in (("7350120016416", 14), ("7350120017772", 23), ("7350120017819", 10),
                     ("7350120000033", 21)):
        sc.count_article(uow, store.stock, count.id, code, now, "store-gbg", set_to=n)
    shots = ShotWindow(lambda: BackofficeContext(sf, store=StoreInfo(), clock=lambda: now,
                                                 data_dir=tmp, central=lambda: store),
                       width, height, out, language)
    page = shots.open(StockPage)
    page.lookup.code.setText("7350120017772")
    page.lookup.look_up()
    shots.grab("8a_lager_saldo")
    page.show_tab(1)
    shots.settle()
    page.counting.table.select_where(lambda ln: ln.sku == "KAF-MEL-450G")
    shots.grab("8b_lager_inventering")
    page.show_tab(2)
    shots.settle()
    page.receiving.scan("TR-1002")
    shots.grab("8c_lager_inleverans")
    return shots.close()


if __name__ == "__main__":
    sys.exit(shot_main("tests.backoffice.stock_shots", shoot, "/tmp/shots13-stock"))
