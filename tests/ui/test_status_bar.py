"""The status bar names each device's real state, in the cashier's language: the printer's from
its own status bytes (a printer out of paper also reports itself offline: the cause is named,
not "not connected"), what to do about it in its tool tip; and a printer error inside another
message reads as one sentence."""
from __future__ import annotations

import re

import pytest

from hardware.simulators.escpos_printer import PrinterSimulator
from pos.ports import PaperOut
from pos.services.receipts import PrintFailed
from tests.ui.conftest import wait_idle

# Words that give away English left on the Swedish screen.
ENGLISH = re.compile(r"\b(printer|paper|cover|offline|ready|not|the|is|of|sale|sent|shift|"
                     r"logged|register|waiting)\b", re.IGNORECASE)


@pytest.fixture
def swedish(qapp):
    from ui.i18n import install_translators
    assert install_translators(qapp, "sv")
    yield
    install_translators(qapp, "en")


@pytest.fixture
def printer_sim():
    sim = PrinterSimulator(port=0).start()
    yield sim
    sim.stop()


def shown(qtbot, window) -> tuple[str, str]:
    window.refresh_printer()
    wait_idle(qtbot, window)
    return window.printer_label.text(), window.printer_label.toolTip()


def test_the_printer_state_comes_from_its_status_in_swedish(qtbot, make_ui_till, printer_sim,
                                                            swedish):
    from ui.till.main_window import MainWindow

    till = make_ui_till(printer=printer_sim.url)
    window = MainWindow(till)
    qtbot.addWidget(window)
    window.show()
    try:
        assert shown(qtbot, window) == ("Skrivare: redo", "")

        printer_sim.paper_near_end = True
        assert shown(qtbot, window) == ("Skrivare: pappret tar snart slut", "")

        printer_sim.paper_out = True  # the printer reports itself offline too: paper is why
        text, tip = shown(qtbot, window)
        assert text == "Skrivare: slut på papper"
        assert "har slut på papper" in tip and "Sätt i en ny rulle" in tip

        printer_sim.paper_out, printer_sim.paper_near_end = False, False
        printer_sim.cover_open = True
        text, tip = shown(qtbot, window)
        assert text == "Skrivare: luckan är öppen"
        assert "Stäng luckan" in tip

        printer_sim.cover_open = False
        printer_sim.error = True  # offline for another reason
        text, tip = shown(qtbot, window)
        assert text == "Skrivare: offline"
        assert "lampor, papper och lucka" in tip

        printer_sim.error = False
        assert shown(qtbot, window) == ("Skrivare: redo", "")

        printer_sim.stop()  # switched off: nothing answers
        text, tip = shown(qtbot, window)
        assert text == "Skrivare: svarar inte"
        assert "svarar inte" in tip
        for label_text in (text, tip.split("[")[0]):
            assert not ENGLISH.search(label_text), label_text
    finally:
        wait_idle(qtbot, window)
        window.close()


def test_every_status_the_status_bar_shows_is_in_swedish(qtbot, till, swedish):
    from PySide6.QtWidgets import QLabel

    from ui.till.main_window import MainWindow

    window = MainWindow(till)  # the dummy printer: it cannot tell its state
    qtbot.addWidget(window)
    window.show()
    try:
        wait_idle(qtbot, window)
        texts = [w.text() for w in window.statusBar().findChildren(QLabel) if w.text()]
        assert "Skrivare: status okänd" in texts  # not "ready": it is not known
        assert "Inte inloggad" in texts and "Inget skift öppet" in texts
        for text in texts:
            assert not ENGLISH.search(text), f"English on the Swedish status bar: {text!r}"
    finally:
        wait_idle(qtbot, window)
        window.close()


def test_an_error_inside_an_error_ends_its_sentence_once(swedish):
    from ui.i18n.messages import message_for

    failed = PrintFailed("receipts.not_printed", receipt=7,
                         reason=PaperOut("printer.paper_out", name="TM-T20"))
    text = message_for(failed)
    assert ".." not in text
    assert "skriv sedan ut igen. Köpet är sparat" in text


def test_the_login_screen_shows_the_shift_left_open_before_a_restart(qtbot, till):
    from ui.till.main_window import MainWindow

    till.login("kim", "1234")
    shift = till.open_shift(150000)
    till.logout()
    w = MainWindow(till)
    qtbot.addWidget(w)
    expected = f"Shift {shift.id} since {shift.opened_at.strftime('%H:%M')}"
    qtbot.waitUntil(lambda: w.shift_label.text() == expected, timeout=5000)
    assert w.pages.currentWidget() is w.login_page
    w.close()
