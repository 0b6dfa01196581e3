"""The kiosk's camera decoding (zxing-cpp) on generated images: EAN-13 bars drawn from
python-barcode's module pattern, QR codes from the ``qrcode`` package (as the kiosk's own QR
widget draws them), as QImages and as numpy arrays (gray and BGR); what it reads goes through
the scan router as a scanner's code. No camera exists here: the scanner says so."""
from __future__ import annotations

import numpy as np
import pytest
from barcode import EAN13
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from pos.gtin import with_check_digit
from pos.scan_router import ScanKind, classify
from ui.kiosk.camera import CameraScanner, decode, gray
from ui.widgets.qr import qr_pixmap


def ean13_image(code: str, module: int = 3, height: int = 120) -> QImage:
    """An EAN-13 symbol as a camera might see it: bars of ``module`` px, a quiet zone, grey
    paper, the whole thing a little off the centre of a bigger frame."""
    bars = EAN13(code).build()[0]  # "101...": 95 modules
    quiet = 12 * module
    img = QImage(len(bars) * module + 2 * quiet + 80, height + 100, QImage.Format.Format_RGB32)
    img.fill(QColor("#c8c8c0"))
    p = QPainter(img)
    p.fillRect(QRect(40, 40, len(bars) * module + 2 * quiet, height + 20), QColor("white"))
    for i, bit in enumerate(bars):
        if bit == "1":
            p.fillRect(QRect(40 + quiet + i * module, 50, module, height), QColor("black"))
    p.end()
    return img


def test_an_ean13_is_read_from_a_qimage_and_routed_as_an_article():
    code = with_check_digit("735012000014")
    found = decode(ean13_image(code))
    assert [(d.text, d.format) for d in found] == [(code, "EAN13")]
    scan = classify(found[0].text)
    assert (scan.kind, scan.value) == (ScanKind.GTIN, code)


def test_an_ean13_upside_down_and_as_a_bgr_array():
    code = with_check_digit("735012000203")
    img = ean13_image(code, module=2).transformed(QTransform().rotate(180))
    assert [d.text for d in decode(img)] == [code]
    rgb = img.convertToFormat(QImage.Format.Format_RGB888)
    arr = np.frombuffer(rgb.constBits(), np.uint8, rgb.bytesPerLine() * rgb.height())
    arr = arr.reshape(rgb.height(), rgb.bytesPerLine())[:, :rgb.width() * 3]
    bgr = arr.reshape(rgb.height(), rgb.width(), 3)[..., ::-1]
    assert [d.text for d in decode(bgr)] == [code]


def test_a_web_cart_qr_and_a_shelf_label_qr_are_read(qapp):
    url = "https://shop.example.se/cart/cart_01M8P1RF2GFZBTPTZ776TVNJHJ"
    img = qr_pixmap(url, 300).toImage()
    found = decode(img)
    assert [(d.text, d.format) for d in found] == [(url, "QRCode")]
    assert classify(found[0].text).kind is ScanKind.WEB_CART
    label = "https://shop.example.se/products/t-shirt-bas?store=store-gbg"
    (read,) = decode(qr_pixmap(label, 200).toImage().transformed(QTransform().rotate(90)))
    assert read.text == label


def test_noise_and_an_empty_frame_read_nothing():
    rng = np.random.default_rng(7)
    assert decode(rng.integers(0, 255, (240, 320), dtype=np.uint8)) == []
    blank = QImage(64, 48, QImage.Format.Format_RGB32)
    blank.fill(Qt.GlobalColor.white)
    assert decode(blank) == []
    assert gray(blank).shape == (48, 64)


def test_the_scanner_counts_a_code_held_in_front_of_it_once(qtbot):
    scanner = CameraScanner()
    seen: list[str] = []
    scanner.scanned.connect(seen.append)
    code = with_check_digit("735012000014")
    img = ean13_image(code)
    assert scanner.feed(img) == [code]
    assert scanner.feed(img) == [code]  # the next frame: the same code, not counted again
    assert seen == [code]
    scanner.shutdown()


def test_no_camera_here_is_said_not_crashed(qtbot):
    scanner = CameraScanner()
    reasons: list[str] = []
    scanner.unavailable.connect(reasons.append)
    assert scanner.available is False
    assert scanner.start() is False
    assert reasons == ["no camera"]
    scanner.shutdown()
