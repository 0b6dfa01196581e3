"""The kiosk's camera as a scanner: frames from QtMultimedia (QCamera -> QVideoSink), decoded
by zxing-cpp off the GUI thread; what it reads goes to the same scan router as a scanner's
codes. ``decode`` takes a QImage or a numpy array (what the tests give it: there is no camera
here). With no camera (or no QtMultimedia backend) ``CameraScanner.available`` is False and
``unavailable`` says why: the screen says so, and the scanner and search still work."""
from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import zxingcpp
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

FORMATS = (zxingcpp.BarcodeFormat.EAN13, zxingcpp.BarcodeFormat.EAN8,
           zxingcpp.BarcodeFormat.UPCA, zxingcpp.BarcodeFormat.UPCE,
           zxingcpp.BarcodeFormat.QRCode, zxingcpp.BarcodeFormat.Code128)
MIN_INTERVAL = 0.2  # s between decoded frames: a camera gives 30 a second
REPEAT_AFTER = 2.0  # s: the same code held in front of the camera counts once


@dataclass(frozen=True)
class Decoded:
    text: str
    format: str  # "EAN13", "QRCode" ...


def gray(image: QImage | np.ndarray) -> np.ndarray:
    """An 8-bit grayscale array of ``image`` (a QImage of any format, or an array: gray, BGR)."""
    if isinstance(image, np.ndarray):
        if image.ndim == 3 and image.shape[2] >= 3:
            b, g, r = (image[..., i].astype(np.float32) for i in range(3))
            return np.ascontiguousarray((0.114 * b + 0.587 * g + 0.299 * r).astype(np.uint8))
        return np.ascontiguousarray(image.astype(np.uint8))
    img = image.convertToFormat(QImage.Format.Format_Grayscale8)
    w, h, stride = img.width(), img.height(), img.bytesPerLine()
    data = np.frombuffer(img.constBits(), dtype=np.uint8, count=stride * h).reshape(h, stride)
    return data[:, :w].copy()  # a copy: the converted image's memory is freed on return


def decode(image: QImage | np.ndarray) -> list[Decoded]:
    """Every EAN/UPC, QR and Code 128 in the image (none: an empty list)."""
    arr = gray(image)
    if arr.size == 0:
        return []
    return [Decoded(b.text, b.format.name) for b in zxingcpp.read_barcodes(arr, formats=FORMATS)
            if b.valid and b.text]


def camera_inputs() -> list[Any]:
    """The cameras Qt sees (an empty list when QtMultimedia has none or cannot start)."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
        return list(QMediaDevices.videoInputs())
    except Exception:  # noqa: BLE001 - no multimedia backend: no camera
        return []


class CameraScanner(QObject):
    """``scanned(text)`` for each code read (the same code again only after ``REPEAT_AFTER``);
    ``unavailable(reason)`` when there is no camera or it fails."""

    scanned = Signal(str)
    unavailable = Signal(str)
    _decoded = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.camera: Any = None
        self._session: Any = None
        self._sink: Any = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-camera")
        self._busy: Future[Any] | None = None
        self._last_frame = 0.0
        self._last: tuple[str, float] = ("", 0.0)
        self._decoded.connect(self._on_decoded)

    @property
    def available(self) -> bool:
        return bool(camera_inputs())

    def start(self) -> bool:
        inputs = camera_inputs()
        if not inputs:
            self.unavailable.emit("no camera")
            return False
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QVideoSink
        self.camera = QCamera(inputs[0], self)
        self._session = QMediaCaptureSession(self)
        self._sink = QVideoSink(self)
        self._session.setCamera(self.camera)
        self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._frame)
        self.camera.errorOccurred.connect(lambda _e, text: self.unavailable.emit(text or "camera"))
        self.camera.start()
        return True

    def stop(self) -> None:
        if self.camera is not None:
            self.camera.stop()

    def shutdown(self) -> None:
        self.stop()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _frame(self, frame: Any) -> None:  # GUI thread: hand the image to the decoding thread
        now = time.monotonic()
        if now - self._last_frame < MIN_INTERVAL or (self._busy and not self._busy.done()):
            return
        self._last_frame = now
        image = frame.toImage()
        if image.isNull():
            return
        self._busy = self._pool.submit(self._decode_off_gui, image.copy())

    def _decode_off_gui(self, image: QImage) -> None:
        found = decode(image)
        if found:
            self._decoded.emit([d.text for d in found])  # queued to the GUI thread

    def feed(self, image: QImage | np.ndarray) -> list[str]:
        """Decode one image now and report it as a frame would (tests, a still from a file)."""
        texts = [d.text for d in decode(image)]
        self._on_decoded(texts)
        return texts

    def _on_decoded(self, texts: list[str]) -> None:
        now = time.monotonic()
        for text in texts[:1]:
            if text == self._last[0] and now - self._last[1] < REPEAT_AFTER:
                continue
            self._last = (text, now)
            self.scanned.emit(text)
