"""The Journal page's export for the tax authority (SKVFS 2021:16): by its button's shortcut,
written on a worker (never the UI thread), progress shown, the file whole XML; a period without
events says so in a message."""
from __future__ import annotations

import threading
from xml.etree import ElementTree as ET

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest

from pos.journal_export_skv import KOMPONENT
from tests.backoffice.conftest import idle, log_in


def test_the_journal_exported_for_skatteverket(qtbot, bo_window, day_db, tmp_path):
    w = bo_window
    log_in(qtbot, w)
    QTest.keyClick(w, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, w)
    page = w.current_page()
    assert page.title() == "Journal"
    assert page.skv.button.isVisible() and page.skv.button.height() >= 44
    page.ask_path = lambda *a: str(tmp_path / "skv")
    threads, read = [], []
    import pos.queries.journal_skv as js
    real = js.write_skv

    def write(*a, **kw):
        threads.append(threading.current_thread())
        kw["progress"](1000)  # as the writer does every thousand entries
        return real(*a, **kw)
    js.write_skv = write
    page.skv.progress.read.connect(read.append)
    try:
        QTest.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
        idle(qtbot, w)
    finally:
        js.write_skv = real
    assert threads and threads[0] is not threading.main_thread()
    qtbot.waitUntil(lambda: read == [1000], timeout=3000)  # delivered on the GUI thread
    assert page.skv.exported == [tmp_path / "skv.xml"]
    assert page.message.property("level") == "ok" and "skv.xml" in page.message.text()
    assert not page.skv.bar.isVisible() and page.skv.button.isEnabled()
    root = ET.parse(tmp_path / "skv.xml").getroot()
    assert len(root.findall(f".//{{{KOMPONENT}}}Kassakvitto")) == 9

    page.first.setDate(QDate(2026, 11, 1))
    page.last.setDate(QDate(2026, 11, 2))
    idle(qtbot, w)
    page.skv.button.click()
    idle(qtbot, w)
    assert page.message.property("level") == "error" and "nothing" in page.message.text()
