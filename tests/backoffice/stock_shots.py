"""The Stock page (Lager) photographed in Swedish at 1024x768 and 1920x1080, against the local
Medusa (medusa.sh start) and a demo database: an article's stock, a count in progress, receiving.

    QT_QPA_PLATFORM=offscreen python -m tests.backoffice.stock_shots [--out /tmp/shots13-stock]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZES = ((1024, 768), (1920, 1080))


def shoot(width: int, height: int, out: Path, language: str) -> list[str]:
    from datetime import datetime

    from PySide6.QtCore import QSize
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from integrations.medusa.store import MedusaStore
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.receipt_layout import StoreInfo
    from pos.services import stock_counts as sc
    from tests.backoffice.shots import demo_database
    from ui.backoffice.context import BackofficeContext
    from ui.backoffice.stock_page import StockPage
    from ui.backoffice.window import BackofficeWindow
    from ui.i18n import install_translators
    from ui.widgets.style import apply_style

    app = QApplication.instance() or QApplication([])
    install_translators(app, language)
    apply_style(app, QSize(width, height))
    tmp = Path(tempfile.mkdtemp(prefix="stock-shots-"))
    sf = demo_database(f"sqlite:///{tmp / 'pos.sqlite3'}")
    from pos.demo.catalog import demo_catalog, demo_stock
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
    ctx = BackofficeContext(sf, store=StoreInfo(), clock=lambda: now, data_dir=tmp,
                            central=lambda: store)
    w = BackofficeWindow(ctx)
    w.resize(width, height)
    w.show()
    shots: list[str] = []

    def settle() -> None:
        for _ in range(300):
            app.processEvents()
            if w.lanes.idle():
                break
            QTest.qWait(10)
        QTest.qWait(80)
        app.processEvents()

    def grab(name: str) -> None:
        settle()
        path = out / f"{name}_{width}x{height}_{language}.png"
        w.grab().save(str(path))
        shots.append(str(path))

    settle()
    w.login_page.select("maja")
    for d in "9999":
        w.login_page.pad._press(d)
    w.login_page.pad.submit()
    settle()
    page = w.page(StockPage)
    w.show_page(w.page_list.index(page))
    settle()
    page.lookup.code.setText("7350120017772")
    page.lookup.look_up()
    grab("8a_lager_saldo")
    page.show_tab(1)
    settle()
    page.counting.table.select_where(lambda ln: ln.sku == "KAF-MEL-450G")
    grab("8b_lager_inventering")
    page.show_tab(2)
    settle()
    page.receiving.scan("TR-1002")
    settle()
    grab("8c_lager_inleverans")
    w.lanes.shutdown()
    return shots


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/shots13-stock")
    ap.add_argument("--size", default="")
    ap.add_argument("--language", default="sv")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.size:
        width, height = (int(x) for x in args.size.split("x"))
        print("\n".join(shoot(width, height, out, args.language)))
        return
    for width, height in SIZES:
        subprocess.run([sys.executable, "-m", "tests.backoffice.stock_shots", "--out", str(out),
                        "--size", f"{width}x{height}", "--language", args.language],
                       check=True, cwd=ROOT)


if __name__ == "__main__":
    main()
