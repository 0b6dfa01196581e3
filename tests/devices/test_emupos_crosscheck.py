"""Cross-check against emupos, an independent Epson TM-T20III emulator (PyPI ``emupos``).

emupos needs Python 3.13, so it lives in its own virtual environment and is optional: set
``EMUPOS=/path/to/venv/bin/emupos`` (or have ``emupos`` on PATH) to run this test, e.g.::

    ~/.pyenv/versions/3.13.0/bin/python -m venv /tmp/emuvenv && /tmp/emuvenv/bin/pip install emupos
    EMUPOS=/tmp/emuvenv/bin/emupos pytest tests/devices/test_emupos_crosscheck.py
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from hardware.printers.factory import make_printer
from pos.ports import PaperOut
from pos.receipt import Align, Barcode, Columns, QrCode, ReceiptDocument, Rule, Text

EMUPOS = os.environ.get("EMUPOS") or shutil.which("emupos")
pytestmark = pytest.mark.skipif(not EMUPOS, reason="emupos not installed (set EMUPOS=path)")


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


@pytest.fixture
def emupos(tmp_path: Path) -> Iterator[tuple[str, str]]:
    tcp, api = free_port(), free_port()
    cfg = tmp_path / "emupos.yaml"
    cfg.write_text(
        "schema: 1\n"
        f"api: {{ host: 127.0.0.1, port: {api} }}\n"
        "devices:\n"
        "  - id: front\n"
        "    type: printer\n"
        "    profile: epson-tm-t20iii\n"
        "    connections:\n"
        f"      - tcp: {{ port: {tcp} }}\n"
        f"    receipts_dir: {tmp_path / 'receipts'}\n"
    )
    assert EMUPOS
    proc = subprocess.Popen([EMUPOS, "run", "--config", str(cfg)], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{api}/api/v1"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(f"{base}/health", timeout=1).ok:
                    break
            except requests.RequestException:
                pass
            assert time.monotonic() < deadline and proc.poll() is None, "emupos did not start"
            time.sleep(0.1)
        yield f"network://127.0.0.1:{tcp}", base
    finally:
        proc.terminate()
        proc.wait(10)


def test_receipt_status_and_drawer_as_emupos_sees_them(emupos: tuple[str, str]) -> None:
    url, api = emupos
    p = make_printer(url)
    st = p.status()
    assert st.online and st.paper == "ok" and st.drawer_open is False
    doc = ReceiptDocument(
        blocks=(
            Text("Omnihandeln Göteborg", Align.CENTER, bold=True, size=2),
            Columns("Räksmörgås", "89,00"),
            Columns("Kaffe – stor", "€ 3,50"),
            Rule(),
            Columns("TOTALT", "92,50", bold=True, size=2),
            Barcode("R-K1-000042"),
            QrCode("https://kvitto.example/r/abc", caption="Digitalt kvitto"),
            Text("Välkommen åter!"),
        ),
        open_drawer=True,
    )
    p.print_document(doc)
    deadline = time.monotonic() + 10
    receipts: list = []
    while not receipts and time.monotonic() < deadline:
        receipts = requests.get(f"{api}/devices/front/receipts", timeout=5).json()
        time.sleep(0.1)
    assert len(receipts) == 1 and receipts[0]["boundary"] == "cut"
    text = requests.get(f"{api}/devices/front/receipts/{receipts[0]['id']}/text", timeout=5).text
    assert "Räksmörgås" in text and "€ 3,50" in text and "Välkommen åter!" in text
    assert "R-K1-000042" in text and "https://kvitto.example/r/abc" in text
    assert p.status().drawer_open is True  # kicked open by the receipt
    requests.post(f"{api}/devices/front/drawer/close", timeout=5)
    assert p.status().drawer_open is False

    requests.put(f"{api}/devices/front/faults/paper-out", timeout=5)
    assert p.status().paper == "out"
    with pytest.raises(PaperOut):
        p.print_document(doc)
    requests.delete(f"{api}/devices/front/faults/paper-out", timeout=5)
    requests.put(f"{api}/devices/front/faults/cover-open", timeout=5)
    assert p.status().cover_open
    requests.delete(f"{api}/devices/front/faults/cover-open", timeout=5)
    requests.put(f"{api}/devices/front/faults/paper-near-end", timeout=5)
    assert p.status().paper == "near_end"
