"""A receipt laid out in the lines the paper shows: the one place that decides where a line breaks.

The ESC/POS renderer (``hardware/printers/escpos_render.py``) sends exactly these lines and the
on-screen preview (``ui/till/receipt_preview.py``) shows exactly these lines, so the screen and
the paper cannot disagree, and the printer never has to break a line itself (a printer breaks
where its line is full: in the middle of a word).

* :class:`Paper` says what a document is laid out for: characters per line in normal size
  (Font A on that roll), the characters beyond ASCII the printer's code page holds, and whether
  the printer draws barcodes and QR codes (else their data is printed as text).
* :func:`printable` makes text printable on that paper: NFC (a decomposed å is one å),
  typographic dashes, quotes, ellipsis and odd spaces made plain, invisible characters removed,
  a letter the code page lacks printed without its accent (é -> e), € as EUR, anything else "?".
* :func:`wrap` breaks text at spaces to a width; only a word longer than the line is split;
  a text's leading spaces indent its following lines too.
* :func:`lay_out` turns every block into :class:`Line` s. Double size (``size`` 2 and up) is
  double width: its lines have half the columns. A ``Columns`` block keeps its right part
  (the amount) at the right end of the last line of its left part, or of a line of its own
  below it when the two do not fit together; nothing is cut off.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from pos.receipt import Align, Barcode, Block, Columns, Feed, QrCode, ReceiptDocument, Rule, Text

# Typographic characters that receipt code pages lack, and what prints instead.
_REPLACEMENTS = {
    "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2026": "...", "\u2022": "*", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
    "\u0152": "OE", "\u0153": "oe", "\u2122": "TM", "\t": " ",
}
_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
# What prints for a character the code page lacks, before falling back to "?".
_SPELLED = {"€": "EUR", "£": "GBP", "½": "1/2", "ß": "ss", "Æ": "AE", "æ": "ae", "Ø": "O",
            "ø": "o"}


@dataclass(frozen=True)
class Paper:
    """What a document is laid out for.

    ``columns``: characters on a line in normal size. ``charset``: the characters beyond ASCII
    the printer can print (its code page); ``None``: every character (a screen). ``barcodes`` /
    ``qr_codes``: the printer draws them; when it cannot, their data prints as text."""

    columns: int = 42
    charset: frozenset[str] | None = None
    barcodes: bool = True
    qr_codes: bool = True

    def width(self, size: int) -> int:
        """Characters on a line of text in ``size`` (2 and up: double width, half as many)."""
        return max(1, self.columns // (2 if size >= 2 else 1))


@dataclass(frozen=True)
class Line:
    """One line on the paper. ``kind`` "text": ``text`` is what prints, placed by ``align`` within
    ``width`` characters of ``size``; "barcode" (CODE128) / "ean13" / "qr": a drawn code whose
    data is ``text``."""

    text: str
    width: int
    align: Align = Align.LEFT
    size: int = 1
    bold: bool = False
    kind: str = "text"

    @property
    def shown(self) -> str:
        """The line as the paper shows it: placed by its alignment, no trailing spaces."""
        if self.kind != "text":
            return self.text
        room = max(0, self.width - len(self.text))
        pad = room // 2 if self.align is Align.CENTER else room if self.align is Align.RIGHT else 0
        return (" " * pad + self.text).rstrip()


def printable(text: str, charset: frozenset[str] | None = None) -> str:
    """``text`` as it can print with ``charset`` (see the module docstring)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _DROP:
            continue
        rep = _REPLACEMENTS.get(ch)
        if rep is not None:
            out.append(rep)
        elif ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs"):
            out.append(ch if charset is None or ch < "\x80" or ch in charset else _spelled(ch, charset))
    return "".join(out)


def _spelled(ch: str, charset: frozenset[str]) -> str:
    """A character the code page lacks: its plain spelling, or the letter without its accent."""
    spelled = _SPELLED.get(ch)
    if spelled is not None:
        return spelled
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if base and all(c < "\x80" or c in charset for c in base):
        return base
    return "?"


_TOKENS = re.compile(r"\S+|\s+")


def wrap(text: str, width: int) -> list[str]:
    """``text`` (one paragraph) in lines of at most ``width`` characters, broken at spaces; a word
    longer than a line is split. The text's leading spaces indent every line of it (up to half
    the width); spaces inside a line are kept as they are; an empty text is one empty line."""
    width = max(1, width)
    stripped = text.lstrip(" ")
    indent = " " * min(len(text) - len(stripped), width // 2)
    lines: list[str] = []
    line = ""  # the words of the line being filled, without the indent
    gap = ""  # the spaces before the next word (dropped at a break)
    room = width - len(indent)
    for token in _TOKENS.findall(stripped.rstrip()):
        if token.isspace():
            gap = token
            continue
        if line and len(line) + len(gap) + len(token) <= room:
            line += gap + token
        else:
            if line:
                lines.append(indent + line)
            while len(token) > room:  # only a word longer than the line is split
                lines.append(indent + token[:room])
                token = token[room:]
            line = token
        gap = ""
    lines.append(indent + line)
    return [ln.rstrip() for ln in lines]


def _columns(block: Columns, paper: Paper) -> list[Line]:
    w = paper.width(block.size)
    left = printable(block.left, paper.charset).replace("\n", " ").rstrip()
    right = printable(block.right, paper.charset).replace("\n", " ").strip()

    def row(text: str) -> Line:
        return Line(text, w, Align.LEFT, block.size, block.bold)

    if len(left) + 1 + len(right) <= w:
        return [row(left + " " * (w - len(left) - len(right)) + right)]
    if len(right) > w:  # an amount wider than the line: both parts wrapped, the right one right
        return ([row(t) for t in wrap(left, w) if t.strip()]
                + [Line(t, w, Align.RIGHT, block.size, block.bold) for t in wrap(right, w)])
    rows = wrap(left, w)
    if len(rows[-1]) + 1 + len(right) > w:
        rows.append("")  # the amount on a line of its own, under the words it belongs to
    last = rows.pop()
    return [row(t) for t in rows] + [row(last + " " * (w - len(last) - len(right)) + right)]


def _text(text: str, paper: Paper, align: Align, size: int = 1, bold: bool = False) -> list[Line]:
    w = paper.width(size)
    return [Line(t, w, align, size, bold)
            for para in printable(text, paper.charset).split("\n") for t in wrap(para, w)]


def _block(block: Block, paper: Paper) -> list[Line]:
    if isinstance(block, Text):
        return _text(block.text, paper, block.align, block.size, block.bold)
    if isinstance(block, Columns):
        return _columns(block, paper)
    if isinstance(block, Rule):
        return [Line((printable(block.char, paper.charset).strip() or "-")[0] * paper.columns,
                     paper.columns)]
    if isinstance(block, Barcode):
        if paper.barcodes and block.symbology == "EAN13" and ean13_ok(block.data):
            return [Line(block.data, paper.columns, Align.CENTER, kind="ean13")]
        if paper.barcodes and block.symbology == "CODE128" and code128_ok(block.data):
            return [Line(block.data, paper.columns, Align.CENTER, kind="barcode")]
        return _text(block.data, paper, Align.CENTER)  # the code as text rather than lost
    if isinstance(block, QrCode):
        out: list[Line] = []
        if block.data:
            out = ([Line(block.data, paper.columns, Align.CENTER, kind="qr")] if paper.qr_codes
                   else _text(block.data, paper, Align.CENTER))
        if block.caption:
            out += _text(block.caption, paper, Align.CENTER)
        return out
    if isinstance(block, Feed):
        return [Line("", paper.columns) for _ in range(max(0, block.lines))]
    raise TypeError(f"not a receipt block: {block!r}")


def code128_ok(data: str) -> bool:
    """``data`` can be drawn as CODE128 code set B (printable ASCII, at most 250 characters)."""
    return 0 < len(data) <= 250 and all(0x20 <= ord(c) <= 0x7E for c in data)


def ean13_ok(data: str) -> bool:
    """``data`` is an EAN-13 a printer can draw: 13 digits, the last the right check digit."""
    from pos.gtin import with_check_digit

    return len(data) == 13 and data.isascii() and data.isdigit() and \
        with_check_digit(data[:12]) == data


def lay_out(doc: ReceiptDocument | Iterable[Block], paper: Paper) -> list[Line]:
    """Every line of ``doc`` on ``paper``, in order (see the module docstring)."""
    blocks = doc.blocks if isinstance(doc, ReceiptDocument) else doc
    return [line for block in blocks for line in _block(block, paper)]


def as_text(lines: Iterable[Line]) -> str:
    """The lines as plain text: text lines as shown, a barcode as ``||| data |||``, a QR code as
    ``[QR data]``."""
    out = []
    for ln in lines:
        if ln.kind in ("barcode", "ean13"):
            out.append(f"||| {ln.text} |||".center(ln.width).rstrip())
        elif ln.kind == "qr":
            out.append(f"[QR {ln.text}]")
        else:
            out.append(ln.shown)
    return "\n".join(out)
