"""The Devices page in Swedish (pytest-qt, offscreen): the checks of ``main.py devices test``
(printer status, terminal status, serial ports), a test print and the drawer, with working and
failing devices and the Swedish translator installed: every text the page shows is Swedish,
none of the checks' English sentences reaches it. And every sentence the checks can say has a
finished Swedish translation."""
from __future__ import annotations

import re
import socket

import pytest
from PySide6.QtCore import Qt

from hardware.diagnostics import MESSAGES, check_devices, result_error
from pos.errors import UserError
from tests.backoffice.conftest import idle, log_in
from ui.i18n import install_translators
from ui.i18n.messages import message_for

# words of the checks' English sentences that no Swedish one has
ENGLISH = re.compile(r"\b(the|does|not|cannot|answers?|ready|connected|nothing|here|columns|"
                     r"paper|settings|shown|by|opens?|offline|out|of|nearly|printer|window|"
                     r"keyboard|check|itself|failed|no|is|error|fault|unreachable)\b", re.I)


URL = re.compile(r"\S+://\S+")  # a device's URL is no sentence


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def shown_texts(page) -> list[str]:
    m = page.checks.view.model()
    return [m.index(r, c).data(Qt.ItemDataRole.DisplayRole) or ""
            for r in range(m.rowCount()) for c in (0, 2, 3, 4)]


@pytest.fixture
def swedish(qapp):
    install_translators(qapp, "sv")
    yield
    install_translators(qapp, "en")


def test_the_checks_reach_the_page_in_swedish(qtbot, bo_window, swedish):
    w = bo_window
    dead = f"tcp://127.0.0.1:{_closed_port()}"
    w.ctx.own_register = "K1"
    w.ctx.own_devices = {"printer": "dummy", "printer_profile": "TM-T20II",
                         "paper_width_mm": 80, "terminal": "simulator", "scanner": "wedge",
                         "display": "window"}
    w.ctx.other_devices = {"K2": {"printer": dead, "terminal": "simulator",
                                  "scanner": "serial:///dev/no-such-scanner",
                                  "display": "none"},
                           "K3": {"printer": "dummy", "paper_width_mm": "åttio",
                                  "terminal": "simulator"}}
    log_in(qtbot, w)
    w.show_page(5)
    idle(qtbot, w)
    page = w.current_page()
    seen: list[str] = []
    for register in ("K1", "K2", "K3"):
        page.table.select_where(lambda r, reg=register: r.register_id == reg)
        page.check()
        idle(qtbot, w)
        assert page.results, register
        texts = shown_texts(page)
        for r in page.results:  # the English sentence is not what the page shows
            assert r["message"] not in texts
        seen += texts + [page.message.text()]
        page.test_print()
        idle(qtbot, w)
        seen.append(page.message.text())
        page.open_drawer()
        idle(qtbot, w)
        seen.append(page.message.text())
    english = [t for t in seen if ENGLISH.search(URL.sub("", t))]
    assert not english, english
    assert "Skrivaren svarar inte" in " ".join(seen)  # K2's dead printer, said in Swedish
    assert "Kan inte öppna serial:///dev/no-such-scanner" in seen
    assert "Pappersbredden i konfigurationen är inte ett tal: åttio" in seen
    assert ("Ansluten (TM-T20II, 48 tecken per rad på 80 mm, CP858); dess status går inte att "
            "läsa") in seen  # the dummy printer cannot tell its status
    assert "Skrivaren i K2 svarar inte: inget skrevs ut. Kontrollera att den är påslagen och " \
           "ansluten." in seen


def test_every_sentence_of_the_checks_has_a_swedish_translation(qapp, swedish):
    params = {"value": "x", "error": UserError("diag.printer_offline"), "kind": "TypeError",
              "profile": "TM-T20II", "columns": 48, "width": 80, "code_page": "cp858",
              "url": "serial:///dev/ttyUSB0"}
    for code, english in MESSAGES.items():
        needed = {k: v for k, v in params.items() if "{" + k + "}" in english}
        text = message_for(UserError(code, **needed))
        assert text != english.format(**needed), code
        assert not ENGLISH.search(text), (code, text)


def test_a_result_keeps_its_sentence_as_json_would(qapp):
    res = check_devices({"printer": "dummy", "paper_width_mm": "åttio"})[0]
    assert res["code"] == "diag.bad_width" and res["params"] == {"value": "åttio"}
    assert str(result_error(res)) == "The paper width in the config is not a number: åttio"
    assert res["message"].startswith("The paper width in the config is not a number: åttio: ")
