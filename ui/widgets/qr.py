"""QR codes as QPixmaps (built with the ``qrcode`` package's matrix; no PIL needed)."""
from __future__ import annotations

import qrcode
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap


def qr_pixmap(data: str, size: int = 240, border: int = 2) -> QPixmap:
    qr = qrcode.QRCode(border=border, error_correction=qrcode.constants.ERROR_CORRECT_M)
    qr.add_data(data)
    qr.make(fit=True)
    matrix = qr.get_matrix()
    n = len(matrix)
    cell = max(1, size // n)
    side = cell * n
    pix = QPixmap(side, side)
    pix.fill(Qt.GlobalColor.white)
    p = QPainter(pix)
    black = QColor("black")
    for y, row in enumerate(matrix):
        for x, on in enumerate(row):
            if on:
                p.fillRect(QRect(x * cell, y * cell, cell, cell), black)
    p.end()
    return pix
