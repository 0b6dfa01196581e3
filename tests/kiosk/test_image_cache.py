"""Product images: fetched once from the central store's URL (a local HTTP server here), kept
on disk, shown from the cache when the server is gone; a missing image is said, and the product
page then shows its placeholder."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage

from integrations.medusa.kiosk import ImageCache
from pos.ports import CommerceUnavailable


def png(colour: str = "#1f6f5c") -> bytes:
    img = QImage(40, 30, QImage.Format.Format_RGB32)
    img.fill(QColor(colour))
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(buf.data())


@pytest.fixture
def server():
    hits: list[str] = []
    body = png()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            if self.path != "/thumb.png":
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_a):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", hits, httpd
    httpd.shutdown()


def test_an_image_is_fetched_once_and_shown_offline_from_the_cache(server, tmp_path):
    url, hits, httpd = server
    cache = ImageCache(tmp_path / "images", timeout=2)
    first = cache.get(f"{url}/thumb.png")
    assert QImage(str(first)).size().width() == 40
    assert cache.get(f"{url}/thumb.png") == first and hits == ["/thumb.png"]
    httpd.shutdown()  # offline now
    httpd.server_close()
    assert cache.get(f"{url}/thumb.png") == first  # from the disk
    with pytest.raises(CommerceUnavailable):
        cache.get(f"{url}/other.png")
    assert not list((tmp_path / "images").glob("*.part"))


def test_a_missing_image_is_unavailable_and_not_cached(server, tmp_path):
    url, hits, _ = server
    cache = ImageCache(tmp_path / "images", timeout=2)
    with pytest.raises(CommerceUnavailable):
        cache.get(f"{url}/missing.png")
    assert cache.cached(f"{url}/missing.png") is None


def test_the_product_page_shows_the_cached_image(qtbot, server, tmp_path):
    from datetime import datetime

    from pos.db.engine import make_engine
    from pos.db.migrate import upgrade
    from pos.db.session import session_factory
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.demo.catalog import demo_catalog
    from pos.kiosk import ProductInfo
    from pos.services import kiosk as use
    from pos.services.setup import load_demo_data
    from ui.kiosk.context import KioskContext
    from ui.kiosk.product_page import ProductView

    url, _, _ = server
    engine = make_engine(f"sqlite:///{tmp_path}/pos.sqlite3")
    upgrade(engine)
    sf = session_factory(engine)
    load_demo_data(SqlUnitOfWork(sf))
    product = demo_catalog()[0]
    use.store_products(SqlUnitOfWork(sf), [ProductInfo(product.id, product.title, product.handle,
                                                       product.description, f"{url}/thumb.png")],
                       datetime(2026, 11, 30))
    ctx = KioskContext(sf, images=ImageCache(tmp_path / "images", timeout=2))
    view = ProductView(ctx)
    qtbot.addWidget(view)
    view.fit(1920, 1080)
    view.load(product.variants[0].id)
    qtbot.waitUntil(lambda: ctx.db.is_idle() and ctx.net.is_idle() and view.page is not None)
    qtbot.waitUntil(lambda: ctx.net.is_idle())
    pix = view.image.pixmap().toImage()
    centre = QColor(pix.pixel(pix.width() // 2, pix.height() // 2))
    assert centre.name() == "#1f6f5c"  # the image, not the grey placeholder
    ctx.shutdown()
    engine.dispose()
