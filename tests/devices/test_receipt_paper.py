"""What reaches the paper: every demo receipt and report, rendered to ESC/POS and printed by an
emulated printer of the profile's columns (``escpos_decode.paper_lines``: a line too long for
the paper breaks where it is full, as a printer breaks it, mid-word). Every line must fit, no
word may be split unless it is longer than a line, and the paper must show exactly the lines the
preview shows (``pos.receipt_lines``)."""
from __future__ import annotations

import pytest

from hardware.printers.escpos_render import RenderSettings, render_bytes
from hardware.printers.profiles import profiles
from hardware.simulators.escpos_decode import PaperLine, paper_lines
from pos.receipt import Barcode, Columns, QrCode, ReceiptDocument, Text
from pos.receipt_lines import lay_out, printable
from tests.devices.demo_receipts import LONG_FOOTER, demo_documents

# Common receipt printers at both roll widths, and profiles with few columns or another code page.
SETTINGS = [RenderSettings(profile=p, width_mm=w)
            for p, w in (("TM-T20II", 80), ("TM-T20II", 58), ("TM-T88V", 80), ("TM-T88V", 58),
                         ("simple", 58), ("TM-U220", 80), ("ZJ-5870", 58))]
DOCS = demo_documents()
# Font A columns of the real printers, from their makers' specifications (the emulated printer
# breaks lines where the real one would, whatever columns the till computed).
REAL_COLUMNS = {("TM-T20II", 80): 48, ("TM-T20II", 58): 35, ("TM-T88V", 80): 42,
                ("TM-T88V", 58): 30, ("ZJ-5870", 58): 32}


def pages(profile: str) -> dict[int, str]:
    """The profile's ESC t numbers as Python codecs (printers number their pages differently)."""
    from escpos.capabilities import CAPABILITIES

    enc = CAPABILITIES["encodings"]
    return {int(n): enc[name]["python_encode"] for n, name in profiles()[profile]["codePages"].items()
            if "python_encode" in enc.get(name, {})}


def printed(doc: ReceiptDocument, s: RenderSettings, columns: int | None = None) -> list[PaperLine]:
    lines = paper_lines(render_bytes(doc, s), columns or s.chars, pages(s.profile))
    while lines and lines[-1] == PaperLine(""):  # the feed before the cut
        lines.pop()
    return lines


def source_words(doc: ReceiptDocument, charset: frozenset[str] | None) -> list[tuple[str, int]]:
    """(word, text size) of every word the document's text blocks print."""
    out: list[tuple[str, int]] = []
    for b in doc.blocks:
        parts = ((b.text,) if isinstance(b, Text) else (b.left, b.right) if isinstance(b, Columns)
                 else (b.caption,) if isinstance(b, QrCode) else ())
        for part in parts:
            out += [(w, getattr(b, "size", 1)) for w in printable(part, charset).split()]
    return out


@pytest.mark.parametrize("s", SETTINGS, ids=lambda s: f"{s.profile}-{s.width_mm}mm")
@pytest.mark.parametrize("name,doc", DOCS, ids=[n for n, _ in DOCS])
def test_every_line_fits_and_no_word_is_split(name: str, doc: ReceiptDocument, s: RenderSettings) -> None:
    columns = REAL_COLUMNS.get((s.profile, s.width_mm), s.chars)
    assert s.chars <= columns
    texts = [ln for ln in printed(doc, s, columns) if ln.kind == "text"]
    for ln in texts:
        assert len(ln.text) <= columns // ln.size, f"{ln.text!r} is wider than the paper"
    on_paper = {w for ln in texts for w in ln.text.split()}
    split = [w for w, size in source_words(doc, s.paper.charset)
             if len(w) <= s.chars // (2 if size >= 2 else 1) and w not in on_paper]
    assert not split, f"split over two lines on {columns} columns: {split}"


@pytest.mark.parametrize("s", SETTINGS, ids=lambda s: f"{s.profile}-{s.width_mm}mm")
@pytest.mark.parametrize("name,doc", DOCS, ids=[n for n, _ in DOCS])
def test_the_paper_shows_the_laid_out_lines(name: str, doc: ReceiptDocument, s: RenderSettings) -> None:
    expected = [PaperLine(ln.shown, ln.size, ln.bold, ln.kind) if ln.kind == "text"
                else PaperLine(ln.text, kind=ln.kind) for ln in lay_out(doc, s.paper)]
    got = printed(doc, s)
    if s.paper.qr_codes and s.model.qr != "native":  # the QR code printed as a picture
        expected = [PaperLine("", kind="image") if e.kind == "qr" else e for e in expected]
    assert got == expected


def test_the_long_footer_on_80_and_58_mm() -> None:
    doc = ReceiptDocument((Text(LONG_FOOTER),), cut=False)
    assert [ln.text for ln in printed(doc, RenderSettings(width_mm=80))] == [
        "Öppet köp 30 dagar mot kvitto. Tack för ditt", "besök!"]
    assert [ln.text for ln in printed(doc, RenderSettings(width_mm=58))] == [
        "Öppet köp 30 dagar mot kvitto.", "Tack för ditt besök!"]


def test_the_emulated_printer_breaks_a_too_long_line_mid_word_as_a_printer_does() -> None:
    """The check above can fail: sent unbroken, the footer breaks where the line is full."""
    from escpos.printer import Dummy

    d = Dummy(profile="TM-T20II")
    d.textln(LONG_FOOTER)
    assert [ln.text for ln in paper_lines(d.output, 48)] == [LONG_FOOTER[:48], LONG_FOOTER[48:]]
    assert LONG_FOOTER[:48].endswith("ditt bes")


def test_a_barcode_the_printer_cannot_draw_is_its_text() -> None:
    doc = ReceiptDocument((Barcode("R-K1-000042"),), cut=False)
    assert printed(doc, RenderSettings(profile="simple", width_mm=58)) == [
        PaperLine(" " * 8 + "R-K1-000042")]


def test_the_receipt_code_prints_once_under_its_barcode_or_as_text() -> None:
    """The printer prints the code under the bars (HRI): the receipt does not print it again."""
    doc = dict(DOCS)["cash sale with change"]
    for s in (RenderSettings(width_mm=80), RenderSettings(profile="simple", width_mm=58)):
        lines = printed(doc, s)
        barcode = [ln for ln in lines if ln.kind == "barcode"]
        as_text = [ln for ln in lines if ln.kind == "text" and ln.text.strip() == "R-K1-000002"]
        assert len(barcode) + len(as_text) == 1 and (barcode or not s.model.barcodes)
