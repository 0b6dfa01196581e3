"""check_devices: honest results for ready, broken and odd configurations; never raises."""
from __future__ import annotations

import socket

from hardware.diagnostics import check_devices
from hardware.simulators.escpos_printer import PrinterSimulator
from hardware.simulators.nexo_terminal import NexoSimulator


def by_name(results: list[dict]) -> dict[str, dict]:
    return {r["name"]: r for r in results}


def closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_defaults_are_all_ok() -> None:
    res = check_devices({})
    assert [r["name"] for r in res] == ["printer", "terminal", "scanner", "display"]
    assert all(r["ok"] for r in res)
    assert set(res[0]) == {"name", "url", "ok", "state", "message", "code", "params"}


def test_real_simulators_and_paper_out() -> None:
    with PrinterSimulator(port=0) as ps, NexoSimulator(port=0) as ns:
        cfg = {"printer": ps.url, "terminal": ns.url, "scanner": "loop://", "display": "loop://"}
        res = by_name(check_devices(cfg))
        assert res["printer"]["ok"] and res["printer"]["state"] == "ready"
        assert res["terminal"]["ok"] and ns.charged_total == 0
        assert res["scanner"]["ok"] and res["display"]["ok"]
        ps.paper_out = True
        res = by_name(check_devices(cfg))
        assert not res["printer"]["ok"] and res["printer"]["state"] == "paper_out"
        assert ps.jobs == []  # diagnostics print nothing


def test_broken_devices_are_reported_not_raised() -> None:
    port = closed_port()
    cfg = {
        "printer": f"network://127.0.0.1:{port}",
        "terminal": f"nexo://127.0.0.1:{port}",
        "scanner": "serial:///dev/no-such-scanner",
        "display": "serial:///dev/no-such-display",
    }
    res = by_name(check_devices(cfg))
    assert not any(r["ok"] for r in res.values())
    assert res["printer"]["state"] == "offline" and res["printer"]["message"]
    assert res["terminal"]["state"] == "unreachable"
    assert "no-such-scanner" in res["scanner"]["message"]


def test_nonsense_config_never_raises() -> None:
    res = check_devices({"printer": "lpt9", "terminal": 42, "paper_width_mm": "wide", "scanner": None})
    assert len(res) == 4 and not res[0]["ok"] and not res[1]["ok"]
    assert check_devices(None)
