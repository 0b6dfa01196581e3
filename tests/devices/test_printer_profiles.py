"""Every printer profile python-escpos ships either prints a receipt, on 58 and 80 mm paper, or
is refused when the printer is made (at start) with a message the cashier can read; and
``devices test`` says what printing would (it renders a test receipt with the configured profile
and width, without sending it)."""
from __future__ import annotations

import pytest
from escpos.capabilities import CAPABILITIES

from hardware.diagnostics import check_devices
from hardware.printers import escpos_render
from hardware.printers.factory import make_printer
from hardware.printers.profiles import is_display, printer_model
from hardware.simulators import escpos_decode as dec
from pos.ports import PrinterError
from tests.devices.demo_receipts import demo_documents
from tests.devices.test_receipt_paper import pages

PROFILES = sorted(CAPABILITIES["profiles"])  # all of them, as this python-escpos ships them
SALE = dict(demo_documents())["card sale"]
TEST = dict(demo_documents())["test receipt"]


def diagnose(profile: str, width: int, printer: str = "dummy") -> dict:
    cfg = {"printer": printer, "printer_profile": profile, "paper_width_mm": width}
    return check_devices(cfg)[0]


def test_the_data_has_the_profiles_the_issue_names() -> None:
    assert {"default", "simple", "TM-T20II", "TM-T88V"} <= set(PROFILES) and len(PROFILES) >= 30


@pytest.mark.parametrize("width", [58, 80])
@pytest.mark.parametrize("profile", PROFILES)
def test_every_profile_prints_or_is_refused_at_start(profile: str, width: int) -> None:
    data = CAPABILITIES["profiles"][profile]
    try:
        printer = make_printer("dummy", profile=profile, width_mm=width)
    except PrinterError as e:
        # Only what is no receipt printer is refused; devices test says the same.
        assert is_display(data) and e.code == "printer.profile_not_a_printer", str(e)
        result = diagnose(profile, width)
        assert not result["ok"] and result["state"] == "cannot_print" and profile in result["message"]
        return
    model = printer.settings.model  # type: ignore[attr-defined]
    for doc in (SALE, TEST):
        printer.print_document(doc)  # no Python error from python-escpos
    job = printer.jobs[-1]  # type: ignore[attr-defined]
    text = "\n".join(ln.text for ln in dec.paper_lines(job, model.columns, pages(profile)))
    assert "Åsa Öberg åt ärtsoppa på" in text  # Swedish letters in the page the profile has
    assert ("€" if "€" in model.charset else "EUR") in text
    assert dec.count_cuts(job) == (1 if model.cuts else 0)
    if model.barcodes:
        assert dec.barcodes(job) == ["R-TEST-000000"]
    else:  # no CODE128 command sent to a printer without it: the code is printed as text
        assert dec.barcodes(job) == [] and "R-TEST-000000" in text
    if model.qr == "native":
        assert dec.qr_codes(job) == ["https://kvitto.omnihandeln.se/r/test"]
    else:
        assert dec.qr_codes(job) == [] and b"\x1d(k" not in job
        assert model.qr and any(t.name in ("GS v", "GS ( L", "ESC *") for t in dec.tokenize(job))
    result = diagnose(profile, width)
    assert result["ok"] and result["state"] == "ready", result
    assert f"{model.columns} columns" in result["message"]


@pytest.mark.parametrize("profile", ["default", "simple"])
def test_the_profiles_without_a_media_width_print_on_both_rolls(profile: str) -> None:
    """Issue 9: every receipt failed with a TypeError while devices test said OK."""
    for width, columns in ((80, 42), (58, 28)):
        model = printer_model(profile, width)
        assert model.columns == columns and model.dots == (576 if width == 80 else 384)
        data = make_printer("dummy", profile=profile, width_mm=width)
        data.print_document(SALE)


@pytest.mark.parametrize("profile,code", [
    ("AF-240", "printer.profile_not_a_printer"),
    ("TM-T20", "printer.unknown_profile"),
])
def test_a_profile_nothing_prints_with_is_refused_with_its_code(profile: str, code: str) -> None:
    with pytest.raises(PrinterError) as e:
        make_printer("preview", profile=profile, width_mm=80)
    assert e.value.code == code
    result = diagnose(profile, 80, printer="preview")
    assert not result["ok"] and result["state"] == "cannot_print"


def test_a_paper_width_that_is_no_roll_is_refused() -> None:
    with pytest.raises(PrinterError) as e:
        make_printer("dummy", width_mm=8)
    assert e.value.code == "printer.paper_width" and e.value.params == {"width": 8}
    assert diagnose("TM-T20II", 800)["state"] == "cannot_print"


def test_devices_test_catches_what_printing_would(monkeypatch) -> None:
    """Whatever makes rendering a receipt fail makes devices test fail, before any paper is used."""
    def broken(*args: object, **kw: object) -> None:
        raise TypeError("can't multiply sequence by non-int of type 'float'")

    assert diagnose("TM-T20II", 80)["ok"]
    monkeypatch.setattr(escpos_render, "render", broken)
    result = diagnose("TM-T20II", 80)
    assert not result["ok"] and result["state"] == "cannot_print"
    assert "TypeError" in result["message"]
    with pytest.raises(PrinterError) as e:  # and the till refuses it at start
        make_printer("preview", profile="TM-T20II")
    assert e.value.code == "printer.profile_cannot_print"
