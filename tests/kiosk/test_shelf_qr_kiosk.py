"""A shelf label's QR code read at the kiosk (its scanner or its camera): the exact article the
label names (its SKU, not the product's first size) opens on the product page, and the read is
recorded in the kiosk's own product interest as ``scan_qr`` (a barcode scan stays ``scan``)."""
from __future__ import annotations

import os
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pos.db.unit_of_work import SqlUnitOfWork  # noqa: E402
from pos.demo.catalog import demo_catalog  # noqa: E402
from pos.scan_router import ScanKind, classify  # noqa: E402
from pos.services import kiosk as use  # noqa: E402
from pos.shelf_qr import shelf_qr_url  # noqa: E402
from tests.kiosk.test_kiosk_ui import SIZES, _shut_lanes, build, idle, store_db  # noqa: E402,F401

BASE = "https://shop.example.se/shelf"


def counts_today(sf, variant_id: str) -> dict[str, int]:
    today = date.today()
    return next((r.counts for r in use.interest(SqlUnitOfWork(sf), today, today)
                 if r.variant_id == variant_id), {})


def test_a_shelf_qr_from_the_scanner_and_the_camera_opens_its_article_and_counts(qtbot, store_db):
    from ui.kiosk.camera import CameraScanner
    from ui.widgets.qr import qr_pixmap

    product = demo_catalog()[1]
    v = product.variants[5]  # not the product's first article: the label names this one
    assert v.id != product.variants[0].id
    url = shelf_qr_url(BASE, product.handle, v.sku, "store-gbg")
    assert classify(url).kind is ScanKind.PRODUCT
    before = counts_today(store_db, v.id)
    camera = CameraScanner()
    w, ctx, _ = build(qtbot, store_db, SIZES["landscape"], camera=camera)
    w.scan(url + "\r")
    idle(ctx, qtbot)
    qtbot.waitUntil(lambda: w.product.page is not None and w.product.page.variant.id == v.id)
    assert w.stack.currentWidget() is w.product
    after = counts_today(store_db, v.id)
    assert after.get("scan_qr", 0) == before.get("scan_qr", 0) + 1
    assert after.get("scan", 0) == before.get("scan", 0)  # a QR is not a barcode scan
    # the camera reads the label's QR the same way
    w.show_find()
    camera.feed(qr_pixmap(url, 300).toImage())
    idle(ctx, qtbot)
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.product
                    and w.product.page.variant.id == v.id)
    assert counts_today(store_db, v.id).get("scan_qr", 0) == before.get("scan_qr", 0) + 2
    # a label whose article is not in this store's catalogue: said plainly, not counted
    w.show_find()
    w.scan(shelf_qr_url(BASE, product.handle, "NO-SUCH-SKU", "store-gbg"))
    idle(ctx, qtbot)
    assert w.stack.currentWidget() is w.find and w.notice.isVisible()
    w._may_close = True
    w.close()
