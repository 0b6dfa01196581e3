"""Check the configured devices: ``check_devices(config["devices"])`` for ``pos devices`` and the back office.

Each result is a dict ``{"name", "url", "ok", "state", "message"}``; ``state`` is a short word
("ready", "paper_out", "offline", "unreachable", "not_checked", "cannot_print" (no receipt can be
printed with the configured profile and paper: a test receipt is rendered, not sent, to see),
"bad_config", ...). Nothing here raises, and
each check is bounded by short timeouts (a few seconds per device at most). Nothing is printed
and no money moves: the terminal is asked for the status of a transaction that does not exist.
"""
from __future__ import annotations

import secrets
from typing import Any

DEFAULTS = {
    "printer": "preview",
    "printer_profile": "TM-T20II",
    "paper_width_mm": 80,
    "terminal": "simulator",
    "scanner": "wedge",
    "display": "window",
}


def _result(name: str, url: str, ok: bool, state: str, message: str) -> dict:
    return {"name": name, "url": url, "ok": ok, "state": state, "message": message}


def check_printer(config: dict) -> dict:
    """The printer as printing would find it: the profile and paper width are checked and a test
    receipt is rendered with them (not sent), then the printer's status is read."""
    url = str(config.get("printer") or DEFAULTS["printer"])
    try:
        from hardware.printers.escpos_render import probe
        from hardware.printers.factory import make_printer
        from pos.ports import PrinterError

        profile = str(config.get("printer_profile") or DEFAULTS["printer_profile"])
        width = int(config.get("paper_width_mm") or DEFAULTS["paper_width_mm"])
    except (TypeError, ValueError) as e:
        return _result("printer", url, False, "bad_config", f"paper_width_mm: {e}")
    try:
        p = make_printer(url, profile=profile, width_mm=width)  # renders a test receipt too
        settings = p.settings  # type: ignore[attr-defined]
        probe(settings)  # what printing a receipt would do, without sending it
    except PrinterError as e:
        state = "cannot_print" if e.code.startswith(("printer.profile", "printer.unknown_profile",
                                                     "printer.paper_width")) else "bad_config"
        return _result("printer", url, False, state, str(e))
    except Exception as e:  # anything odd
        return _result("printer", url, False, "cannot_print", f"{type(e).__name__}: {e}")
    model = settings.model
    layout = f"{model.profile}, {model.columns} columns on {model.width_mm} mm, {model.code_page}"
    try:
        if hasattr(p, "timeout"):
            p.timeout = min(float(p.timeout), 3.0)  # type: ignore[attr-defined]
        st = p.status()
    except Exception as e:  # PrinterOffline, anything odd
        return _result("printer", url, False, "offline", str(e))
    if st.paper == "out":
        return _result("printer", url, False, "paper_out", "Out of paper")
    if st.cover_open:
        return _result("printer", url, False, "cover_open", "Cover open")
    if not st.online:
        return _result("printer", url, False, "offline", st.detail or "Offline")
    if st.paper == "near_end":
        return _result("printer", url, True, "paper_near_end",
                       f"Ready ({layout}); the paper roll is nearly finished")
    if st.paper == "unknown":
        return _result("printer", url, True, "ready",
                       f"Connected ({layout}); status not readable ({st.detail or 'unknown'})")
    return _result("printer", url, True, "ready", f"Ready ({layout})")


def check_terminal(config: dict) -> dict:
    url = str(config.get("terminal") or DEFAULTS["terminal"])
    try:
        from hardware.terminals.factory import make_terminal
        from pos.ports import PaymentOutcome

        t = make_terminal(url)
        if url.split("?")[0] == "simulator":
            return _result("terminal", url, True, "ready", "Simulated terminal (no real payments)")
        for attr, limit in (("timeout", 5.0), ("connect_timeout", 2.0)):
            if hasattr(t, attr):
                setattr(t, attr, min(float(getattr(t, attr)), limit))
        probe = f"diag-{secrets.token_hex(4)}"
        r = t.status(probe)
    except Exception as e:
        return _result("terminal", url, False, "error", str(e))
    if r.outcome is PaymentOutcome.UNKNOWN:
        return _result("terminal", url, False, "unreachable", r.message or "No answer")
    return _result("terminal", url, True, "ready", "Answers")


def _check_serial_port(name: str, url: str) -> dict:
    try:
        import serial

        from hardware.scanners.serial_scanner import parse_url

        port, kw = parse_url(url)
        s = serial.serial_for_url(port, timeout=0.5, **kw)
        s.close()
    except Exception as e:
        return _result(name, url, False, "unreachable", f"Cannot open {url}: {e}")
    return _result(name, url, True, "ready", "Port opens")


def check_scanner(config: dict) -> dict:
    url = str(config.get("scanner") or DEFAULTS["scanner"])
    if url in ("wedge", "keyboard"):
        return _result("scanner", url, True, "not_checked", "Keyboard wedge: test by scanning in the till")
    if url in ("camera", "none", ""):
        return _result("scanner", url, True, "not_checked", f"{url}: nothing to check here")
    return _check_serial_port("scanner", url)


def check_display(config: dict) -> dict:
    url = str(config.get("display") or DEFAULTS["display"])
    if url in ("window", "none", ""):
        return _result("display", url, True, "not_checked", "Customer display window: shown by the till")
    return _check_serial_port("display", url)


def check_devices(config: dict[str, Any] | None) -> list[dict]:
    """Results for printer, terminal, scanner and display; never raises."""
    cfg = dict(config or {})
    out = []
    for check in (check_printer, check_terminal, check_scanner, check_display):
        try:
            out.append(check(cfg))
        except Exception as e:  # a bug in a check must not stop the others
            out.append(_result(check.__name__.removeprefix("check_"), "", False, "error", str(e)))
    return out
