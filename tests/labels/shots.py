"""The shelf-label page photographed in Swedish at 1024x768 and 1920x1080, with labels of the
demo store chosen (a scan, a category, a changed price) and one label's copies raised.

    QT_QPA_PLATFORM=offscreen python -m tests.labels.shots [--out /tmp/shots13-labels]

Each size runs in its own process (the style is sized once)."""
from __future__ import annotations

import sys
import tempfile
from datetime import datetime
from pathlib import Path

from tests.backoffice.shot_window import ShotWindow, shot_main


def shoot(width: int, height: int, out: Path, language: str) -> list[str]:
    from pos.db.catalog_repository import CatalogRepository
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.demo.catalog import demo_variants
    from pos.demo.promotions import demo_promotions
    from pos.receipt_layout import StoreInfo
    from pos.services.kiosk import demo_products, store_products
    from pos.services.shelf_labels import LabelSelection
    from pos.shelf_labels import LabelSettings
    from pos.sync.promotion_sync import store_promotions
    from tests.backoffice.day import CLOCK
    from tests.backoffice.shots import demo_database
    from ui.backoffice.context import BackofficeContext
    from ui.backoffice.labels_page import LabelsPage

    tmp = Path(tempfile.mkdtemp(prefix="labels-shots-"))
    sf = demo_database(f"sqlite:///{tmp / 'pos.sqlite3'}")
    with sf() as s, s.begin():
        CatalogRepository(s).bulk_upsert(demo_variants())
    uow = SqlUnitOfWork(sf)
    with uow:
        store_promotions(uow.sync_state, demo_promotions())
        uow.commit()
    store_products(uow, demo_products(), datetime.now())
    shots = ShotWindow(lambda: BackofficeContext(
        sf, store=StoreInfo(), clock=CLOCK, data_dir=tmp,
        labels=LabelSettings("https://shop.example.se/shelf", "store-gbg")),
        width, height, out, language, settle_ms=50)
    page = shots.open(LabelsPage)
    for code in ("KAF-MEL-450G", "TSH-BAS-BLA-M", "LOS-GOD", "SAF-FLA-50CL"):
        page._choose(LabelSelection(codes=(code,)))
        shots.settle()
    choc = next(i for i in range(page.category.count())
                if page.category.itemText(i).startswith("Mat › Godis"))
    page.category.setCurrentIndex(choc)
    page.add_category()
    shots.settle()
    page.table.select_where(lambda lb: lb.sku == "KAF-MEL-450G")
    page.change_copies(2)
    shots.grab("hyllkanter")
    return shots.close()


if __name__ == "__main__":
    sys.exit(shot_main("tests.labels.shots", shoot, "/tmp/shots13-labels"))
