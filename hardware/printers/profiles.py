"""What a python-escpos printer profile can print, on what paper: read once, defensively.

python-escpos ships a printer database (``escpos.capabilities.CAPABILITIES["profiles"]``) with
holes a receipt falls into: ``default`` and ``simple`` have no media width and the string
"Unknown" for their dpi; seven profiles have no code page with both å ä ö and €; some have no
CODE128, no native QR code or no cutter; one gives Font A 12 columns on 80 mm paper; three are
two-line customer displays. :func:`printer_model` reads a profile for one paper width and says
what a receipt on it needs:

* ``columns``: characters on a line in Font A. From the profile's Font A columns and the dots its
  head prints, scaled to the paper (``paper_width_mm``: 58 or 80, or another roll); never more
  than a standard 12-dot Font A fits on that paper, so a profile's odd figures can only make lines
  shorter, never run past the paper's edge (a printer breaks a too long line mid-word).
* ``code_page``: the configured one (CP858) if the profile has it, else the first it has of
  CP858, CP1252, ISO-8859-15, CP850, CP865, CP437 (all have å ä ö); ``charset`` is what that
  page can print beyond ASCII (what it lacks is spelled out: € as EUR).
* ``barcodes``: CODE128 drawn by the printer, else the code prints as text; ``qr``: "native",
  or the image command the printer has (the QR code sent as a picture), or "" (its data as text);
  ``cuts``: it has a cutter (else the receipt is torn off).

A profile nothing can be printed with is refused with a ``PrinterError`` whose code the cashier
reads in their language: an unknown name, a customer display, no code page for Swedish, or a
paper width that is no receipt roll. ``printer_model`` is what ``make_printer`` checks at start
and ``devices test`` reports.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from escpos.capabilities import CAPABILITIES
from escpos.magicencode import Encoder

from pos.errors import messages
from pos.ports import PrinterError
from pos.receipt_lines import Paper

MESSAGES = messages({
    "printer.unknown_profile": "The printer profile {profile} is not one python-escpos knows; set "
                               "devices.printer_profile to one of: {known}",
    "printer.profile_not_a_printer": "The printer profile {profile} ({model}) is a customer "
                                     "display, not a receipt printer; set "
                                     "devices.printer_profile to the receipt printer's model",
    "printer.profile_no_code_page": "The printer profile {profile} has no code page with the "
                                    "Swedish letters å, ä and ö; choose another profile",
    "printer.paper_width": "A paper width of {width} mm is not a receipt roll: set "
                           "devices.paper_width_mm to the roll's width, e.g. 58 or 80",
    "printer.profile_cannot_print": "A receipt cannot be printed with the printer profile "
                                    "{profile} on {width} mm paper: {detail}",
})

# Characters per line in font A for common paper widths (Epson TM-T20/T88: 80 mm -> 48, 58 mm -> 32).
COLUMNS_BY_WIDTH_MM = {80: 48, 76: 42, 58: 32}
PRINTABLE_MM_BY_WIDTH_MM = {80: 72, 76: 64, 58: 48}
NARROWEST_ROLL_MM, WIDEST_ROLL_MM = 40, 120
MIN_COLUMNS = 16
DEFAULT_DPI = 203
# Code pages that hold å ä ö Å Ä Ö, best first (the first two also have €).
SWEDISH_PAGES = ("CP858", "CP1252", "ISO_8859-15", "CP850", "CP865", "CP437")
SWEDISH_LETTERS = frozenset("åäöÅÄÖ")
QR_IMAGE_COMMANDS = ("bitImageRaster", "graphics", "bitImageColumn")


def printable_mm(width_mm: int) -> int:
    """Millimetres a head prints across paper ``width_mm`` wide (80 -> 72, 58 -> 48)."""
    return PRINTABLE_MM_BY_WIDTH_MM.get(width_mm, max(1, width_mm - 8))


def columns_for_width(width_mm: int) -> int:
    """Characters per line (a 12-dot Font A at 203 dpi) on paper ``width_mm`` wide; unknown widths
    scale from 80 mm."""
    if width_mm in COLUMNS_BY_WIDTH_MM:
        return COLUMNS_BY_WIDTH_MM[width_mm]
    return max(MIN_COLUMNS, round(width_mm * 48 / 80))


def profiles() -> dict[str, dict[str, Any]]:
    """Every profile python-escpos ships, by name."""
    return dict(CAPABILITIES["profiles"])


def _number(value: Any) -> float | None:
    """A figure from the profile data; None for "Unknown", missing or nonsense."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        return None
    return float(value)


def is_display(data: dict[str, Any]) -> bool:
    """A customer display (python-escpos lists a few with the printers)."""
    return "display" in str(data.get("name", "")).lower()


@dataclass(frozen=True)
class PrinterModel:
    """What one profile prints on one paper width (see the module docstring)."""

    profile: str
    model: str
    width_mm: int
    columns: int
    code_page: str
    charset: frozenset[str]
    barcodes: bool
    qr: str  # "native" | "bitImageRaster" | "graphics" | "bitImageColumn" | ""
    cuts: bool
    dpi: int
    dots: int  # dots the head prints across this paper

    @property
    def paper(self) -> Paper:
        """The paper a document is laid out for (``pos.receipt_lines``)."""
        return Paper(self.columns, self.charset, self.barcodes, bool(self.qr))

    def profile_data(self) -> dict[str, Any]:
        """A copy of the profile's data with this paper's width, dpi and columns, for a
        python-escpos printer object (whose profile dict is shared by every printer of the
        profile, so it is never changed in place)."""
        data = copy.deepcopy(CAPABILITIES["profiles"][self.profile])
        media = data.setdefault("media", {})
        media["dpi"] = self.dpi
        media["width"] = {"mm": printable_mm(self.width_mm), "pixels": self.dots}
        fonts = data.setdefault("fonts", {})
        font_a = dict(fonts.get("0") or {"name": "Font A"})
        font_a["columns"] = self.columns
        fonts["0"] = font_a
        return data


def code_page_chars(name: str) -> frozenset[str]:
    """The characters beyond ASCII python-escpos prints with code page ``name``."""
    try:
        chars = Encoder._get_codepage_char_list(name)
    except (KeyError, LookupError):
        return frozenset()
    return frozenset(c for c in chars if c.strip() and len(c) == 1)


def _code_page(data: dict[str, Any], wanted: str) -> tuple[str, frozenset[str]] | None:
    pages = {str(v).upper() for v in (data.get("codePages") or {}).values()}
    for name in (wanted.upper(), *SWEDISH_PAGES):
        if name in pages:
            chars = code_page_chars(name)
            if SWEDISH_LETTERS <= chars:
                return name, chars
    return None


def _columns(data: dict[str, Any], width_mm: int, dpi: float) -> int:
    standard = columns_for_width(width_mm)
    font_a = _number(((data.get("fonts") or {}).get("0") or {}).get("columns"))
    if font_a is None or not MIN_COLUMNS <= font_a <= 64:
        return standard
    media_width = (data.get("media") or {}).get("width") or {}
    head = _number(media_width.get("pixels"))
    head_mm = _number(media_width.get("mm"))
    if head_mm is not None and min(abs(head_mm - width_mm), abs(head_mm - printable_mm(width_mm))) <= 2:
        cols = font_a  # the profile describes this very roll (its paper or its printed width)
    elif head is not None and 8 <= head / font_a <= 16:  # a Font A of 8 to 16 dots: figures agree
        paper_dots = round(printable_mm(width_mm) / 25.4 * dpi)
        cols = font_a if paper_dots >= head - 8 else paper_dots / (head / font_a)
    elif head is None:  # no media width: its columns are taken to fill 80 mm paper
        cols = font_a * min(1.0, printable_mm(width_mm) / printable_mm(80))
    else:
        return standard
    return max(MIN_COLUMNS, min(standard, int(cols + 0.01)))


@lru_cache(maxsize=256)
def printer_model(profile: str, width_mm: int, code_page: str = "CP858",
                  columns: int | None = None) -> PrinterModel:
    """``profile`` read for paper ``width_mm`` wide; ``columns`` overrides the computed ones.
    Raises ``PrinterError`` when no receipt can be printed with it (see the module docstring)."""
    data = CAPABILITIES["profiles"].get(profile)
    if data is None:
        raise PrinterError("printer.unknown_profile", profile=repr(profile),
                           known=", ".join(sorted(n for n, d in CAPABILITIES["profiles"].items()
                                                  if not is_display(d))))
    if is_display(data):
        raise PrinterError("printer.profile_not_a_printer", profile=profile,
                           model=str(data.get("name", profile)))
    if not NARROWEST_ROLL_MM <= width_mm <= WIDEST_ROLL_MM:
        raise PrinterError("printer.paper_width", width=width_mm)
    page = _code_page(data, code_page)
    if page is None:
        raise PrinterError("printer.profile_no_code_page", profile=profile)
    features = data.get("features") or {}
    media = data.get("media") or {}
    dpi = _number(media.get("dpi")) or DEFAULT_DPI
    head = _number((media.get("width") or {}).get("pixels"))
    dots = round(printable_mm(width_mm) / 25.4 * dpi / 8) * 8
    if head is not None:
        dots = min(dots, int(head) // 8 * 8)
    qr = "native" if features.get("qrCode") else next(
        (impl for impl in QR_IMAGE_COMMANDS if features.get(impl)), "")
    return PrinterModel(
        profile=profile,
        model=str(data.get("name", profile)),
        width_mm=width_mm,
        columns=columns if columns else _columns(data, width_mm, dpi),
        code_page=page[0],
        charset=page[1],
        barcodes=bool(features.get("barcodeB")),
        qr=qr,
        cuts=bool(features.get("paperFullCut") or features.get("paperPartCut")),
        dpi=int(dpi),
        dots=dots,
    )


__all__ = ["PrinterModel", "columns_for_width", "printer_model", "profiles", "printable_mm"]
