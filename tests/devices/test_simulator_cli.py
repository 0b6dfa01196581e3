"""The simulators run as programs (``python -m ...``) on an ephemeral port of 127.0.0.1."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import requests

from hardware.printers.factory import make_printer
from hardware.simulators.escpos_printer import PrinterSimulator, command
from pos.receipt import ReceiptDocument, Text

ROOT = Path(__file__).resolve().parents[2]


def start(*args: str) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", *args], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    return proc, first


def test_printer_simulator_program_prints_receipts_and_takes_commands(tmp_path: Path) -> None:
    proc, first = start("hardware.simulators.escpos_printer", "--port", "0", "--out", str(tmp_path))
    try:
        url = re.search(r"network://127\.0\.0\.1:\d+", first)
        assert url, first
        make_printer(url.group(0)).print_document(ReceiptDocument(blocks=(Text("Hej från kassan"),)))
        assert proc.stdout is not None and proc.stdin is not None
        proc.stdout.readline()  # the commands line
        lines = [proc.stdout.readline() for _ in range(2)]
        assert "job 1" in lines[0] and "Hej från kassan" in lines[1]
        assert "Hej från kassan" in (tmp_path / "job-0001.txt").read_text(encoding="utf-8")
        proc.stdin.write("paper-out\n")
        proc.stdin.flush()
        line = proc.stdout.readline()
        while not line.strip():  # the blank line after a job
            line = proc.stdout.readline()
        assert "paper_out=True" in line
    finally:
        proc.kill()
        proc.wait(5)


def test_nexo_simulator_program_answers() -> None:
    proc, first = start("hardware.simulators.nexo_terminal", "--port", "0")
    try:
        m = re.search(r"http://127\.0\.0\.1:(\d+)/nexo", first)
        assert m, first
        r = requests.post(f"http://127.0.0.1:{m.group(1)}/control", json={"next": "busy"}, timeout=5)
        assert r.json()["next"] == "busy"
    finally:
        proc.kill()
        proc.wait(5)


def test_command_function() -> None:
    sim = PrinterSimulator()
    assert "cover_open=True" in command(sim, "cover-open\n") and sim.cover_open
    assert "unknown command" in command(sim, "explode")
