"""The Stock page's screens changed by the whole-store count and the receipts sent through the
outbox, photographed in Swedish at 1024x768 and 1920x1080 against the local Medusa
(medusa.sh start; read only: nothing is sent to it) and a demo database: a whole-store count in
progress, the list of articles not counted shown before posting, a transfer received here and
waiting to be sent.

    QT_QPA_PLATFORM=offscreen python -m tests.backoffice.stock2_shots [--out /tmp/shots15-stock2]
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
    from pos.demo.catalog import demo_catalog, demo_stock
    from pos.receipt_layout import StoreInfo
    from pos.services import stock_counts as sc
    from pos.services import stock_receiving as receiving
    from pos.stock_count import CountScope, ScopeKind
    from tests.backoffice.shots import demo_database
    from ui.backoffice.context import BackofficeContext
    from ui.backoffice.stock_page import StockPage
    from ui.backoffice.uncounted_dialog import UncountedDialog
    from ui.backoffice.window import BackofficeWindow
    from ui.i18n import install_translators
    from ui.widgets.style import apply_style

    app = QApplication.instance() or QApplication([])
    install_translators(app, language)
    apply_style(app, QSize(width, height))
    tmp = Path(tempfile.mkdtemp(prefix="stock2-shots-"))
    sf = demo_database(f"sqlite:///{tmp / 'pos.sqlite3'}")
    with SqlUnitOfWork(sf) as u:
        u.catalog.bulk_upsert([v for p in demo_catalog() for v in p.variants])
        u.catalog.set_stock(demo_stock())
        u.commit()
    store = MedusaStore.from_state(location_key="store-gbg")
    uow = SqlUnitOfWork(sf)
    now = datetime(2026, 11, 30, 9, 15)
    count = sc.start_count(uow, now, "maja", "store-gbg", CountScope(ScopeKind.WHOLE_STORE))
    for code, n in (("7350120016416", 14), ("7350120017772", 23), ("7350120017819", 10)):
        sc.count_article(uow, store.stock, count.id, code, now, "store-gbg", set_to=n)
    # a transfer received here, its receipt not sent yet (this database's outbox only)
    found = receiving.incoming_transfers(store.stock_transfers, uow, "store-gbg")
    tr = receiving.find_transfer(found, "TR-1002")
    receiving.receive_transfer(uow, tr, {ln.sku: max(ln.quantity - 1, 0) for ln in tr.lines},
                               now, "maja", "store-gbg")
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

    def grab(name: str, widget=None) -> None:  # type: ignore[no-untyped-def]
        settle()
        path = out / f"{name}_{width}x{height}_{language}.png"
        (widget or w).grab().save(str(path))
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
    page.show_tab(1)
    settle()
    page.counting.table.select_where(lambda ln: ln.sku == "KAF-MEL-450G")
    grab("8b_lager_inventering_hela_butiken")
    dialog = UncountedDialog(sc.uncounted(uow, count.id), w)
    dialog.resize(int(width * 0.7), int(height * 0.75))
    dialog.show()
    grab("8d_lager_ej_raknade", dialog)
    dialog.close()
    page.show_tab(2)
    settle()
    page.receiving.transfer_table.select_where(lambda t: t.number == "TR-1002")
    settle()
    grab("8c_lager_inleverans_vantar")
    w.lanes.shutdown()
    return shots


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/shots15-stock2")
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
        subprocess.run([sys.executable, "-m", "tests.backoffice.stock2_shots", "--out", str(out),
                        "--size", f"{width}x{height}", "--language", args.language],
                       check=True, cwd=ROOT)


if __name__ == "__main__":
    main()
