"""Render a :class:`pos.receipt.ReceiptDocument` onto any python-escpos ``Escpos`` object.

The renderer only issues python-escpos calls, so the same code drives a ``Dummy`` (bytes kept in
memory: how the adapters build a whole job before sending it in one write), a ``Network``,
``Serial``, ``Usb`` or ``File`` printer.

The document is laid out in lines by :func:`pos.receipt_lines.lay_out` for the printer's paper
(``RenderSettings.paper``: its columns, code page and codes, from
:func:`hardware.printers.profiles.printer_model`), the same lines the on-screen preview shows; the
renderer sends each line as it is, so the printer never breaks a line itself. What it sends:

* job start: ``ESC @`` (reset), then the code page (CP858: å ä ö Å Ä Ö and €, or the best the
  profile has) with ``charcode()``; python-escpos sends ``ESC t n`` for it.
* a text line: alignment (``ESC a``), bold, size 2 = double width and height, then the line.
* a barcode: CODE128 (code set B) of the data, human readable text below, centred (when the
  profile has no CODE128 the layout has made it a text line).
* a QR code: ``qr(native=True)`` (the printer draws it) where the profile has QR codes, else the
  code as a picture with the image command the profile has (else the layout made it text).
* end: drawer kick ``cashdraw(2)`` when ``doc.open_drawer``, then the cut (``cut()``: feed and
  full cut, a feed alone on a printer without a cutter) when ``doc.cut``.
"""
from __future__ import annotations

from dataclasses import dataclass

import qrcode
from escpos.escpos import Escpos
from escpos.magicencode import Encoder
from escpos.printer import Dummy

from hardware.printers.profiles import PrinterModel, columns_for_width, printer_model
from pos.ports import PrinterError
from pos.receipt import ReceiptDocument
from pos.receipt_lines import Line, Paper, lay_out, printable

DEFAULT_PROFILE = "TM-T20II"
DEFAULT_CODE_PAGE = "CP858"


def printable_text(text: str) -> str:
    """``text`` ready for a receipt code page: NFC (so a decomposed å is one å), typographic
    dashes, quotes, ellipsis and odd spaces replaced, invisible and control characters removed
    (:func:`pos.receipt_lines.printable`). Characters still missing from the code page print as
    ``?``."""
    return printable(text)


@dataclass(frozen=True)
class RenderSettings:
    """How a document is laid out for one printer (from the device config)."""

    profile: str = DEFAULT_PROFILE
    width_mm: int = 80
    columns: int | None = None  # characters per line in font A; None: from the profile and width
    code_page: str = DEFAULT_CODE_PAGE
    drawer_pin: int = 2
    qr_size: int = 6  # QR module size in dots (1-16)
    barcode_height: int = 80  # dots
    barcode_width: int = 2  # module width in dots (2-6)

    @property
    def model(self) -> PrinterModel:
        """What the profile prints on this paper; ``PrinterError`` when it cannot print receipts."""
        return printer_model(self.profile, self.width_mm, self.code_page, self.columns)

    @property
    def paper(self) -> Paper:
        """What documents are laid out for on this printer (the preview uses it too)."""
        try:
            return self.model.paper
        except PrinterError:  # refused at start (make_printer); laid out for the roll alone
            return Paper(self.chars)

    @property
    def chars(self) -> int:
        """Characters on a line in normal size."""
        if self.columns:
            return self.columns
        try:
            return self.model.columns
        except PrinterError:
            return columns_for_width(self.width_mm)


def apply_width(printer: Escpos, settings: RenderSettings) -> None:
    """Give ``printer`` its own copy of the profile data for this paper (width in dots, dpi,
    Font A columns) and a code-page encoder for it.

    python-escpos shares one profile dict between every printer of a profile, so it is copied
    before it is changed.
    """
    printer.profile.profile_data = settings.model.profile_data()
    printer.magic.encoder = Encoder(printer.profile.get_code_pages())


def make_dummy(settings: RenderSettings) -> Dummy:
    """A python-escpos Dummy with the settings' profile and paper width."""
    d = Dummy(profile=settings.profile)
    apply_width(d, settings)
    return d


def _set_style(p: Escpos, *, align: str = "left", bold: bool = False, size: int = 1) -> None:
    big = size >= 2
    p.set(
        align=align,
        bold=bold,
        normal_textsize=not big,
        double_width=big,
        double_height=big,
    )


def _qr_picture(p: Escpos, data: str, m: PrinterModel, size: int) -> None:
    """The QR code as a picture, for a printer that cannot draw one itself."""
    code = qrcode.QRCode(box_size=1, border=1, error_correction=qrcode.constants.ERROR_CORRECT_L)
    code.add_data(data)
    code.make(fit=True)
    code.box_size = max(1, min(size, m.dots // (code.modules_count + 2)))
    p.image(code.make_image().get_image().convert("RGB"), impl=m.qr, center=True)


def _line(p: Escpos, line: Line, s: RenderSettings, m: PrinterModel) -> None:
    if line.kind == "barcode":
        # The hardware CODE128 renderer directly: the public barcode() also prints to stdout.
        p._hw_barcode("{B" + line.text, "CODE128", height=s.barcode_height, width=s.barcode_width,
                      pos="BELOW", font="A", align_ct=True, function_type="B", check=True)
    elif line.kind == "ean13":
        # GS k 67 (format B) with all 13 digits (Epson takes 12 or 13; the 13th is checked)
        p._hw_barcode(line.text, "EAN13", height=s.barcode_height, width=s.barcode_width,
                      pos="BELOW", font="A", align_ct=True, function_type="B", check=True)
    elif line.kind == "qr":
        if m.qr == "native":
            _set_style(p, align="center")
            p.qr(line.text, size=s.qr_size, native=True)
        else:
            _set_style(p)  # the picture is centred in itself
            _qr_picture(p, line.text, m, s.qr_size)
    else:
        _set_style(p, align=line.align.value, bold=line.bold, size=line.size)
        p.textln(line.text)


def render(doc: ReceiptDocument, p: Escpos, settings: RenderSettings | None = None) -> None:
    """Send ``doc`` to ``p`` as ESC/POS commands (see the module docstring)."""
    s = settings or RenderSettings()
    m = s.model
    apply_width(p, s)
    p.hw("INIT")
    # ESC @ resets the printer's code page: make python-escpos send ESC t again.
    p.magic.encoding = None
    p.charcode(m.code_page)
    _set_style(p)
    for line in lay_out(doc, m.paper):
        _line(p, line, s, m)
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


def probe(settings: RenderSettings) -> bytes:
    """A test receipt (every kind of block, sizes, å ä ö and €) rendered with ``settings`` and
    not sent: a ``PrinterError`` when a receipt cannot be printed with this profile and paper,
    which is what ``make_printer`` checks at start and ``devices test`` reports."""
    from pos.receipt_layout import StoreInfo, test_receipt

    model = settings.model  # the profile's own refusals, with their codes
    try:
        return render_bytes(test_receipt(StoreInfo(), "K1", "2026-01-01 12:00"), settings)
    except Exception as e:  # whatever python-escpos would fail with on a real receipt
        raise PrinterError("printer.profile_cannot_print", profile=model.profile,
                           width=model.width_mm, detail=f"{type(e).__name__}: {e}") from e


def drawer_kick_bytes(pin: int = 2) -> bytes:
    d = Dummy(profile=DEFAULT_PROFILE)
    d.cashdraw(pin)
    return d.output


__all__ = [
    "RenderSettings",
    "Paper",
    "apply_width",
    "columns_for_width",
    "drawer_kick_bytes",
    "make_dummy",
    "printable_text",
    "probe",
    "render",
    "render_bytes",
]
