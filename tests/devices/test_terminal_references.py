"""A simulated terminal's references are unique per terminal across restarts and processes, as a
real terminal's are: a return refunds by them (issue 9, item 16). Before, every process counted
from 1, so the second run of the till met SIM00001-000001 and its authorisation code again."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hardware.simulators.sequence import TransactionCounter
from hardware.terminals.simulator import SimulatedTerminal
from pos.ports import PaymentRequest

ROOT = Path(__file__).resolve().parents[2]


def run(kind: str, n: int, state: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "POS_SIMULATOR_STATE": str(state)}
    return subprocess.Popen([sys.executable, "-m", "tests.devices.terminal_refs", kind, str(n)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def answers(proc: subprocess.Popen[str]) -> list[dict[str, str]]:
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    return [json.loads(line) for line in out.splitlines()]


@pytest.mark.parametrize("kind", ["simulator", "nexo", "concert"])
def test_references_go_on_after_a_restart(kind: str, tmp_path: Path) -> None:
    first = answers(run(kind, 3, tmp_path))
    second = answers(run(kind, 3, tmp_path))  # the same terminal, the till restarted
    refs = [a["ref"] for a in first + second]
    assert len(set(refs)) == 6, refs
    if kind != "concert":  # protocol E carries no authorisation code
        assert [a["auth"] for a in first] != [a["auth"] for a in second]


def test_two_processes_simulating_one_terminal_at_once_never_share_a_reference(tmp_path: Path) -> None:
    procs = [run("simulator", 25, tmp_path) for _ in range(2)]
    refs = [a["ref"] for p in procs for a in answers(p)]
    assert len(refs) == 50 and len(set(refs)) == 50


def test_two_terminal_objects_in_one_process_share_the_terminals_numbering(tmp_path: Path) -> None:
    a, b = SimulatedTerminal(state_dir=tmp_path), SimulatedTerminal(state_dir=tmp_path)
    refs = [t.start(PaymentRequest(f"p{i}", 1_000)).terminal_ref for i, t in enumerate([a, b, a, b])]
    assert refs == [f"SIM00001-{n:08d}" for n in (1, 2, 3, 4)]
    other = SimulatedTerminal(terminal_id="SIM00002", state_dir=tmp_path)
    assert other.start(PaymentRequest("q", 1_000)).terminal_ref == "SIM00002-00000001"


def test_a_counter_that_cannot_be_kept_on_disk_counts_from_the_clock(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    one, two = TransactionCounter("T1", blocked), TransactionCounter("T1", blocked)
    first = [one.next(), one.next()]
    assert first[1] == first[0] + 1 and first[0] > 10**6  # not 1, 2 again
    assert two.next() >= first[0]


def test_the_counter_wraps_within_its_digits(tmp_path: Path) -> None:
    c = TransactionCounter("T9", tmp_path, modulo=100)
    (tmp_path / "T9.seq").write_text("98\n")
    assert [c.next(), c.next()] == [99, 1]
