"""The on-screen receipt shows the lines the paper shows: every demo receipt and report, printed
to ESC/POS and read back by an emulated printer, line for line against what the preview widget
displays (its text document), at 58 and 80 mm and on a printer without codes or €."""
from __future__ import annotations

import pytest

from hardware.printers.escpos_printers import PreviewPrinter
from hardware.printers.escpos_render import RenderSettings, render_bytes
from hardware.simulators.escpos_decode import PaperLine, paper_lines
from pos.receipt import ReceiptDocument
from tests.devices.demo_receipts import LONG_FOOTER, demo_documents
from tests.devices.test_receipt_paper import pages
from ui.till.receipt_preview import PreviewPrinterWindow, ReceiptView

SETTINGS = [RenderSettings(width_mm=80), RenderSettings(width_mm=58),
            RenderSettings(profile="simple", width_mm=58)]
DOCS = demo_documents()
QR_IMAGE = "\ufffc"  # the QR code's picture in the widget's text


def paper(doc: ReceiptDocument, s: RenderSettings) -> list[PaperLine]:
    lines = paper_lines(render_bytes(doc, s), s.chars, pages(s.profile))
    while lines and lines[-1] == PaperLine(""):  # the feed before the cut
        lines.pop()
    return lines


def matches(shown: str, printed: PaperLine) -> bool:
    if printed.kind == "text":
        return shown == printed.text
    if printed.kind == "barcode":
        return shown.strip() == f"||| {printed.text} |||"
    return shown == QR_IMAGE  # a QR code, drawn by the printer or sent as a picture


@pytest.mark.parametrize("s", SETTINGS, ids=lambda s: f"{s.profile}-{s.width_mm}mm")
@pytest.mark.parametrize("name,doc", DOCS, ids=[n for n, _ in DOCS])
def test_the_preview_shows_the_printed_lines(qapp, name: str, doc: ReceiptDocument,
                                             s: RenderSettings) -> None:
    view = ReceiptView(None, s.paper)
    view.show_document(doc)
    shown, printed = view.shown_lines(), paper(doc, s)
    assert len(shown) == len(printed), (shown, printed)
    wrong = [(a, b) for a, b in zip(shown, printed) if not matches(a, b)]
    assert not wrong, wrong


def test_the_preview_printer_window_lays_out_for_the_configured_printer(qapp) -> None:
    printer = PreviewPrinter(settings=RenderSettings(profile="simple", width_mm=58))
    window = PreviewPrinterWindow(None, columns=printer.paper)
    name, doc = DOCS[0]
    printer.add_listener(window.printed)
    printer.print_document(doc)
    assert window.view.columns == 28  # the "simple" profile's Font A on a 58 mm roll
    assert window.view.shown_lines()[-3:] == ["   Öppet köp 30 dagar mot", "          kvitto.",
                                              "    Tack för ditt besök!"]
    assert window.view.shown_lines() == [QR_IMAGE if ln.startswith("[QR ") else ln
                                         for ln in printer.text(doc).splitlines()]
    window.close()


def test_screenshots_of_the_long_footer_at_58_and_80_mm(qapp, tmp_path) -> None:
    """The picture the cashier sees (also saved for a person to look at: OMNIPOS_SHOTS=dir)."""
    import os

    out = os.environ.get("OMNIPOS_SHOTS") or str(tmp_path)
    name, doc = DOCS[2]  # the cash sale
    for s in SETTINGS[:2]:
        view = ReceiptView(None, s.paper)
        view.show_document(doc)
        view.resize(view.text.minimumWidth(), 1400)
        image = view.grab()
        assert image.save(os.path.join(out, f"receipt-{s.width_mm}mm.png"))
        assert LONG_FOOTER.split()[-1] in view.shown_lines()[-1]
