"""The shelf-label page photographed in Swedish at 1024x768 and 1920x1080, with labels of the
demo store chosen (a scan, a category, a changed price) and one label's copies raised.

    QT_QPA_PLATFORM=offscreen python -m tests.labels.shots [--out /tmp/shots13-labels]

Each size runs in its own process (the style is sized once)."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZES = ((1024, 768), (1920, 1080))


def shoot(width: int, height: int, out: Path, language: str) -> list[str]:
    from PySide6.QtCore import QSize
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

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
    from ui.backoffice.window import BackofficeWindow
    from ui.i18n import install_translators
    from ui.widgets.style import apply_style

    app = QApplication.instance() or QApplication([])
    install_translators(app, language)
    apply_style(app, QSize(width, height))
    tmp = Path(tempfile.mkdtemp(prefix="labels-shots-"))
    sf = demo_database(f"sqlite:///{tmp / 'pos.sqlite3'}")
    with sf() as s, s.begin():
        CatalogRepository(s).bulk_upsert(demo_variants())
    uow = SqlUnitOfWork(sf)
    with uow:
        store_promotions(uow.sync_state, demo_promotions())
        uow.commit()
    store_products(uow, demo_products(), datetime.now())
    ctx = BackofficeContext(sf, store=StoreInfo(), clock=CLOCK, data_dir=tmp,
                            labels=LabelSettings("https://shop.example.se/shelf", "store-gbg"))
    w = BackofficeWindow(ctx)
    w.resize(width, height)
    w.show()

    def settle() -> None:
        for _ in range(300):
            app.processEvents()
            if w.lanes.idle():
                break
            QTest.qWait(10)
        QTest.qWait(50)
        app.processEvents()

    settle()
    w.login_page.select("maja")
    for d in "9999":
        w.login_page.pad._press(d)
    w.login_page.pad.submit()
    settle()
    index = next(i for i in range(w.pages.count()) if isinstance(w.pages.widget(i), LabelsPage))
    w.show_page(index)
    settle()
    page = w.current_page()
    for code in ("KAF-MEL-450G", "TSH-BAS-BLA-M", "LOS-GOD", "SAF-FLA-50CL"):
        page._choose(LabelSelection(codes=(code,)))
        settle()
    choc = next(i for i in range(page.category.count())
                if page.category.itemText(i).startswith("Mat › Godis"))
    page.category.setCurrentIndex(choc)
    page.add_category()
    settle()
    page.table.select_where(lambda lb: lb.sku == "KAF-MEL-450G")
    page.change_copies(2)
    settle()
    path = out / f"hyllkanter_{width}x{height}_{language}.png"
    w.grab().save(str(path))
    w.close()
    return [str(path)]


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--out", default="/tmp/shots13-labels")
    p.add_argument("--language", default="sv")
    p.add_argument("--size", default="")
    args = p.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.size:
        w, h = (int(x) for x in args.size.split("x"))
        print("\n".join(shoot(w, h, out, args.language)))
        return 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for w, h in SIZES:
        subprocess.run([sys.executable, "-m", "tests.labels.shots", "--out", str(out),
                        "--language", args.language, "--size", f"{w}x{h}"], check=True,
                       cwd=ROOT, env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
