"""Check the configured devices: ``check_devices(config["devices"])`` for ``pos devices`` and the back office.

Each result is a dict ``{"name", "url", "ok", "state", "message", "code", "params"}``: ``message``
is the English sentence ``main.py devices test`` prints; ``code`` and ``params`` the same sentence
as a registered message (``MESSAGES``) that a screen shows in the cashier's language
(``UserError(code, **params)``; a parameter that is itself a ``UserError`` is translated too, an
operating system's own words stay in ``message`` alone). ``state`` is a short word
("ready", "paper_out", "offline", "unreachable", "not_checked", "cannot_print" (no receipt can be
printed with the configured profile and paper: a test receipt is rendered, not sent, to see),
"bad_config", ...). Nothing here raises, and
each check is bounded by short timeouts (a few seconds per device at most). Nothing is printed
and no money moves: the terminal is asked for the status of a transaction that does not exist.
"""
from __future__ import annotations

import secrets
from typing import Any

from pos.errors import UserError, messages

_LAYOUT = "{profile}, {columns} columns on {width} mm, {code_page}"
MESSAGES = messages({
    "diag.bad_width": "The paper width in the config is not a number: {value}",
    "diag.printer_settings": "The printer's settings do not work: {error}",
    "diag.cannot_print": "No test receipt can be made with these settings ({kind})",
    "diag.printer_silent": "The printer does not answer",
    "diag.paper_out": "Out of paper",
    "diag.cover_open": "Cover open",
    "diag.printer_offline": "The printer is offline",
    "diag.printer_ready": "Ready (" + _LAYOUT + ")",
    "diag.paper_near_end": "Ready (" + _LAYOUT + "); the paper roll is nearly finished",
    "diag.status_unreadable": "Connected (" + _LAYOUT + "); its status cannot be read",
    "diag.terminal_simulated": "Simulated terminal (no real payments)",
    "diag.terminal_fails": "The terminal cannot be reached",
    "diag.terminal_fails_because": "The terminal cannot be reached: {error}",
    "diag.terminal_silent": "The terminal does not answer",
    "diag.terminal_answers": "The terminal answers",
    "diag.port_closed": "Cannot open {url}",
    "diag.port_opens": "The port opens",
    "diag.wedge": "Keyboard wedge: test by scanning in the till",
    "diag.nothing_to_check": "{url}: nothing to check here",
    "diag.display_window": "Customer display window: shown by the till",
    "diag.check_failed": "The check itself failed",
})

DEFAULTS = {
    "printer": "preview",
    "printer_profile": "TM-T20II",
    "paper_width_mm": 80,
    "terminal": "simulator",
    "scanner": "wedge",
    "display": "window",
}


def _result(name: str, url: str, ok: bool, state: str, code: str, detail: str = "",
            /, **params: Any) -> dict:
    """A check's result; ``detail``: words of the operating system or a device that only the
    English ``message`` carries (after the sentence)."""
    sentence = str(UserError(code, **params))
    message = f"{sentence}: {detail}" if detail else sentence
    return {"name": name, "url": url, "ok": ok, "state": state, "message": message,
            "code": code, "params": {k: _plain(v) for k, v in params.items()}}


def _plain(value: Any) -> Any:
    """A parameter as JSON keeps it (``main.py devices test --json``): a ``UserError`` as its
    code and parameters."""
    if isinstance(value, UserError):
        return {"code": value.code, "params": {k: _plain(v) for k, v in value.params.items()}}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def result_error(result: dict) -> UserError:
    """The result's sentence as a ``UserError`` (for a screen's ``message_for``)."""
    return _error(str(result["code"]), dict(result.get("params") or {}))


def _error(code: str, params: dict) -> UserError:
    return UserError(code, **{k: _error(v["code"], v["params"])
                              if isinstance(v, dict) and "code" in v else v
                              for k, v in params.items()})


def _because(name: str, url: str, state: str, code: str, e: BaseException) -> dict:
    """A failure with the exception ``e``: inside the sentence when it is a person's message
    (``UserError``, translated with it), else in the English message only."""
    if isinstance(e, UserError):
        return _result(name, url, False, state, code + "_because", error=e)
    return _result(name, url, False, state, code, f"{type(e).__name__}: {e}")


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
        return _result("printer", url, False, "bad_config", "diag.bad_width", str(e),
                       value=str(config.get("paper_width_mm")))
    try:
        p = make_printer(url, profile=profile, width_mm=width)  # renders a test receipt too
        settings = p.settings  # type: ignore[attr-defined]
        probe(settings)  # what printing a receipt would do, without sending it
    except PrinterError as e:
        state = "cannot_print" if e.code.startswith(("printer.profile", "printer.unknown_profile",
                                                     "printer.paper_width")) else "bad_config"
        return _result("printer", url, False, state, "diag.printer_settings", error=e)
    except Exception as e:  # anything odd
        return _result("printer", url, False, "cannot_print", "diag.cannot_print", str(e),
                       kind=type(e).__name__)
    model = settings.model
    layout = {"profile": model.profile, "columns": model.columns, "width": model.width_mm,
              "code_page": model.code_page}
    try:
        if hasattr(p, "timeout"):
            p.timeout = min(float(p.timeout), 3.0)  # type: ignore[attr-defined]
        st = p.status()
    except Exception as e:  # PrinterOffline, anything odd
        # the driver's own words (a socket's errno ...) in the English message only
        return _result("printer", url, False, "offline", "diag.printer_silent",
                       f"{type(e).__name__}: {e}")
    if st.paper == "out":
        return _result("printer", url, False, "paper_out", "diag.paper_out")
    if st.cover_open:
        return _result("printer", url, False, "cover_open", "diag.cover_open")
    if not st.online:
        return _result("printer", url, False, "offline", "diag.printer_offline", st.detail or "")
    if st.paper == "near_end":
        return _result("printer", url, True, "paper_near_end", "diag.paper_near_end", **layout)
    if st.paper == "unknown":
        return _result("printer", url, True, "ready", "diag.status_unreadable",
                       st.detail or "unknown", **layout)
    return _result("printer", url, True, "ready", "diag.printer_ready", **layout)


def check_terminal(config: dict) -> dict:
    url = str(config.get("terminal") or DEFAULTS["terminal"])
    try:
        from hardware.terminals.factory import make_terminal
        from pos.ports import PaymentOutcome

        t = make_terminal(url)
        if url.split("?")[0] == "simulator":
            return _result("terminal", url, True, "ready", "diag.terminal_simulated")
        for attr, limit in (("timeout", 5.0), ("connect_timeout", 2.0)):
            if hasattr(t, attr):
                setattr(t, attr, min(float(getattr(t, attr)), limit))
        probe = f"diag-{secrets.token_hex(4)}"
        r = t.status(probe)
    except Exception as e:
        return _because("terminal", url, "error", "diag.terminal_fails", e)
    if r.outcome is PaymentOutcome.UNKNOWN:
        return _result("terminal", url, False, "unreachable", "diag.terminal_silent",
                       r.message or "")
    return _result("terminal", url, True, "ready", "diag.terminal_answers")


def _check_serial_port(name: str, url: str) -> dict:
    try:
        import serial

        from hardware.scanners.serial_scanner import parse_url

        port, kw = parse_url(url)
        s = serial.serial_for_url(port, timeout=0.5, **kw)
        s.close()
    except Exception as e:
        return _result(name, url, False, "unreachable", "diag.port_closed", str(e), url=url)
    return _result(name, url, True, "ready", "diag.port_opens")


def check_scanner(config: dict) -> dict:
    url = str(config.get("scanner") or DEFAULTS["scanner"])
    if url in ("wedge", "keyboard"):
        return _result("scanner", url, True, "not_checked", "diag.wedge")
    if url in ("camera", "none", ""):
        return _result("scanner", url, True, "not_checked", "diag.nothing_to_check", url=url)
    return _check_serial_port("scanner", url)


def check_display(config: dict) -> dict:
    url = str(config.get("display") or DEFAULTS["display"])
    if url in ("window", "none", ""):
        return _result("display", url, True, "not_checked", "diag.display_window")
    return _check_serial_port("display", url)


def check_devices(config: dict[str, Any] | None) -> list[dict]:
    """Results for printer, terminal, scanner and display; never raises."""
    cfg = dict(config or {})
    out = []
    for check in (check_printer, check_terminal, check_scanner, check_display):
        try:
            out.append(check(cfg))
        except Exception as e:  # a bug in a check must not stop the others
            out.append(_result(check.__name__.removeprefix("check_"), "", False, "error",
                               "diag.check_failed", f"{type(e).__name__}: {e}"))
    return out
