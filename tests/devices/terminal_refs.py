"""Pay ``N`` times on a simulated terminal in this process and print what the terminal answered,
one JSON object a line: ``python -m tests.devices.terminal_refs simulator|nexo|concert N``.
The terminal keeps its counter where ``POS_SIMULATOR_STATE`` says (a test's directory)."""
from __future__ import annotations

import json
import sys
import uuid

from pos.ports import PaymentRequest


def pay(kind: str, n: int) -> list[dict[str, str]]:
    requests = [PaymentRequest(f"att-{uuid.uuid4().hex[:12]}", 12_550) for _ in range(n)]
    if kind == "simulator":
        from hardware.terminals.simulator import SimulatedTerminal

        results = [SimulatedTerminal().start(r) for r in requests]
    elif kind == "nexo":
        from hardware.simulators.nexo_terminal import NexoSimulator
        from hardware.terminals.factory import make_terminal

        with NexoSimulator(port=0) as sim:
            t = make_terminal(sim.url)
            results = [t.start(r) for r in requests]
    elif kind == "concert":
        from hardware.simulators.concert_terminal import ConcertSimulator
        from hardware.terminals.factory import make_terminal

        with ConcertSimulator(ack_timeout=0.3) as sim:
            t = make_terminal(sim.url)
            results = [t.start(r) for r in requests]
    else:
        raise SystemExit(f"unknown terminal kind {kind!r}")
    assert all(r.approved for r in results), results
    return [{"ref": r.terminal_ref, "auth": r.auth_code} for r in results]


if __name__ == "__main__":
    for row in pay(sys.argv[1], int(sys.argv[2])):
        print(json.dumps(row), flush=True)
