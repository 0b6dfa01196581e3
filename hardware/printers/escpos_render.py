"""Render a :class:`pos.receipt.ReceiptDocument` onto any python-escpos ``Escpos`` object.

The renderer only issues python-escpos calls, so the same code drives a ``Dummy`` (bytes kept in
memory: how the adapters build a whole job before sending it in one write), a ``Network``,
``Serial``, ``Usb`` or ``File`` printer.

What it does, block by block:

* job start: ``ESC @`` (reset), then the code page (default CP858: å ä ö Å Ä Ö and €) with
  ``charcode()``; python-escpos sends ``ESC t n`` for it.
* text of every block goes through :func:`printable_text` (NFC; typographic dashes, quotes and
  ellipsis made plain; invisible characters removed); what CP858 still lacks prints as ``?``.
* ``Text``: alignment, bold, size 2 = double width and height; the line is sent as is (the printer
  wraps long lines).
* ``Columns``: left part and right part padded with spaces to the paper width in characters
  (divided by the size); a too long left part is cut so the amount always shows.
* ``Rule``: the character repeated over the width.
* ``Barcode``: CODE128 (code set B) of the data, human readable text below, centred.
* ``QrCode``: ``qr(native=True)`` (the printer draws it), centred, caption below.
* ``Feed``: blank lines.
* end: drawer kick ``cashdraw(2)`` when ``doc.open_drawer``, then the cut (``cut()``: feed and
  full cut) when ``doc.cut``.
"""
from __future__ import annotations

import copy
import unicodedata
from dataclasses import dataclass

from escpos.escpos import Escpos
from escpos.printer import Dummy

from pos.receipt import Barcode, Columns, Feed, QrCode, ReceiptDocument, Rule, Text

# Characters per line in font A for common paper widths (Epson TM-T20/T88: 80 mm -> 48, 58 mm -> 32).
COLUMNS_BY_WIDTH_MM = {80: 48, 76: 42, 58: 32}
PRINTABLE_MM_BY_WIDTH_MM = {80: 72, 76: 64, 58: 48}

DEFAULT_PROFILE = "TM-T20II"
DEFAULT_CODE_PAGE = "CP858"


# Typographic characters that receipt code pages lack, and what prints instead.
_REPLACEMENTS = {
    "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2026": "...", "\u2022": "*", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
    "\u0152": "OE", "\u0153": "oe", "\u2122": "TM", "\t": " ",
}
_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}


def printable_text(text: str) -> str:
    """``text`` ready for a receipt code page: NFC (so a decomposed å is one å), typographic
    dashes, quotes, ellipsis and odd spaces replaced, invisible and control characters removed.
    Characters still missing from the code page print as ``?``."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _DROP:
            continue
        rep = _REPLACEMENTS.get(ch)
        if rep is not None:
            out.append(rep)
        elif ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs"):
            out.append(ch)
    return "".join(out)


def columns_for_width(width_mm: int) -> int:
    """Characters per line (font A) for paper ``width_mm`` wide; unknown widths scale from 80 mm."""
    if width_mm in COLUMNS_BY_WIDTH_MM:
        return COLUMNS_BY_WIDTH_MM[width_mm]
    return max(16, round(width_mm * 48 / 80))


@dataclass(frozen=True)
class RenderSettings:
    """How a document is laid out for one printer (from the device config)."""

    profile: str = DEFAULT_PROFILE
    width_mm: int = 80
    columns: int | None = None  # characters per line in font A; None: from width_mm
    code_page: str = DEFAULT_CODE_PAGE
    drawer_pin: int = 2
    qr_size: int = 6  # QR module size in dots (1-16)
    barcode_height: int = 80  # dots
    barcode_width: int = 2  # module width in dots (2-6)

    @property
    def chars(self) -> int:
        return self.columns or columns_for_width(self.width_mm)


def apply_width(printer: Escpos, settings: RenderSettings) -> None:
    """Give ``printer`` its own copy of the profile data with this paper's width.

    python-escpos shares one profile dict between every printer of a profile, so it is copied
    before it is changed.
    """
    data = copy.deepcopy(printer.profile.profile_data)
    media = data.setdefault("media", {})
    printable_mm = PRINTABLE_MM_BY_WIDTH_MM.get(settings.width_mm, max(1, settings.width_mm - 8))
    dpi = media.get("dpi") or 203
    media["width"] = {"mm": printable_mm, "pixels": int(printable_mm / 25.4 * dpi) // 8 * 8}
    fonts = data.setdefault("fonts", {})
    font_a = dict(fonts.get("0") or {"name": "Font A"})
    font_a["columns"] = settings.chars
    fonts["0"] = font_a
    printer.profile.profile_data = data


def make_dummy(settings: RenderSettings) -> Dummy:
    """A python-escpos Dummy with the settings' profile and paper width."""
    d = Dummy(profile=settings.profile)
    apply_width(d, settings)
    return d


def _fit_columns(left: str, right: str, width: int) -> str:
    if len(right) >= width:
        return right[:width]
    room = width - len(right) - 1  # at least one space between
    if len(left) > room:
        left = left[: max(0, room)]
    gap = width - len(left) - len(right)
    return f"{left}{' ' * gap}{right}"


def _set_style(p: Escpos, *, align: str = "left", bold: bool = False, size: int = 1) -> None:
    big = size >= 2
    p.set(
        align=align,
        bold=bold,
        normal_textsize=not big,
        double_width=big,
        double_height=big,
    )


def _code128_ok(data: str) -> bool:
    return 0 < len(data) <= 250 and all(0x20 <= ord(c) <= 0x7E for c in data)


def render(doc: ReceiptDocument, p: Escpos, settings: RenderSettings | None = None) -> None:
    """Send ``doc`` to ``p`` as ESC/POS commands (see the module docstring)."""
    s = settings or RenderSettings()
    width = s.chars
    p.hw("INIT")
    # ESC @ resets the printer's code page: make python-escpos send ESC t again.
    p.magic.encoding = None
    p.charcode(s.code_page)
    _set_style(p)
    for block in doc.blocks:
        if isinstance(block, Text):
            _set_style(p, align=block.align.value, bold=block.bold, size=block.size)
            p.textln(printable_text(block.text))
        elif isinstance(block, Columns):
            _set_style(p, bold=block.bold, size=block.size)
            w = max(1, width // (2 if block.size >= 2 else 1))  # size 2 and up print double width
            left = printable_text(block.left).replace("\n", " ")
            right = printable_text(block.right).replace("\n", " ")
            p.textln(_fit_columns(left, right, w))
        elif isinstance(block, Rule):
            _set_style(p)
            p.textln((printable_text(block.char) or "-")[0] * width)
        elif isinstance(block, Barcode):
            _set_style(p, align="center")
            if _code128_ok(block.data):
                # The hardware CODE128 renderer directly: the public barcode() also prints to stdout.
                p._hw_barcode(
                    "{B" + block.data,
                    "CODE128",
                    height=s.barcode_height,
                    width=s.barcode_width,
                    pos="BELOW",
                    font="A",
                    align_ct=True,
                    function_type="B",
                    check=True,
                )
                p.ln()
            else:
                # Not encodable as CODE128 B: print the data as text rather than lose it.
                p.textln(printable_text(block.data))
        elif isinstance(block, QrCode):
            _set_style(p, align="center")
            if block.data:
                p.qr(block.data, size=s.qr_size, native=True)
            if block.caption:
                p.textln(printable_text(block.caption))
        elif isinstance(block, Feed):
            p.ln(max(0, block.lines))
    _set_style(p)
    # Kick before the cut so that the cut ends the job (printers and the simulator split on it).
    if doc.open_drawer:
        p.cashdraw(s.drawer_pin)
    if doc.cut:
        p.cut()


def render_bytes(doc: ReceiptDocument, settings: RenderSettings | None = None) -> bytes:
    """The whole job as bytes (rendered on a Dummy), ready to send in one write."""
    s = settings or RenderSettings()
    d = make_dummy(s)
    render(doc, d, s)
    return d.output


def drawer_kick_bytes(pin: int = 2) -> bytes:
    d = Dummy(profile=DEFAULT_PROFILE)
    d.cashdraw(pin)
    return d.output


__all__ = [
    "RenderSettings",
    "apply_width",
    "columns_for_width",
    "drawer_kick_bytes",
    "make_dummy",
    "printable_text",
    "render",
    "render_bytes",
]
