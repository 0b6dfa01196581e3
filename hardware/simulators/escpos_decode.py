"""Read ESC/POS bytes back: the text a receipt printer would print, its cuts, drawer kicks and codes.

Used by the printer simulator and by tests of anything that prints. The parser knows the length
of the commands python-escpos (and most POS software) sends, so command parameters and binary
payloads (images, barcode and QR data) never leak into the text.

* :func:`tokenize` splits bytes into :class:`Token` (``kind`` "text" or "cmd").
* :func:`next_token` parses one token and raises :class:`Incomplete` when more bytes are needed
  (the simulator uses this on a live stream).
* :func:`decode_text` is the printed text with the selected code pages applied (``ESC t n``;
  ``ESC @`` returns to page 0, CP437).
* :func:`paper_lines` is what the paper shows, line by line, for a printer of a given number of
  columns: each line placed by its alignment in its width (double width: half the columns), a
  line too long for the paper broken where it is full (as a printer does it: mid-word), drawn
  barcodes, QR codes and pictures as lines of their own.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

ESC, GS, DLE, FS = 0x1B, 0x1D, 0x10, 0x1C

# ESC t n -> Python codec, Epson numbering (TM-T20/T88 and most compatibles).
CODE_PAGES: dict[int, str] = {
    0: "cp437",
    2: "cp850",
    3: "cp860",
    4: "cp863",
    5: "cp865",
    13: "cp857",
    14: "cp737",
    15: "iso8859_7",
    16: "cp1252",
    17: "cp866",
    18: "cp852",
    19: "cp858",
    32: "cp720",
    33: "cp775",
    34: "cp855",
    35: "cp861",
    36: "cp862",
    37: "cp864",
    38: "cp869",
    39: "iso8859_2",
    40: "iso8859_15",
    45: "cp1250",
    46: "cp1251",
    47: "cp1253",
    48: "cp1254",
    49: "cp1255",
    50: "cp1256",
    51: "cp1257",
    52: "cp1258",
}
CODE_PAGE_NAMES = {n: c.upper().replace("_", "-") for n, c in CODE_PAGES.items()}

# Commands of fixed total length (prefix byte, function byte) -> length in bytes.
_ESC_FIXED = {
    b"@": 2, b"=": 3, b"E": 3, b"G": 3, b"-": 3, b"a": 3, b"M": 3, b"!": 3, b"{": 3, b"d": 3,
    b"J": 3, b"e": 3, b"2": 2, b"3": 3, b"p": 5, b"R": 3, b"V": 3, b"t": 3, b"i": 2, b"m": 2,
    b"r": 3, b"B": 4, b" ": 3, b"$": 4, b"\\": 4, b"L": 2, b"S": 2, b"T": 3, b"W": 10, b"U": 3,
    b"%": 3, b"?": 3, b"<": 2, b"u": 3, b"v": 2, b"K": 3,
}
_GS_FIXED = {
    b"!": 3, b"B": 3, b"b": 3, b"h": 3, b"w": 3, b"H": 3, b"f": 3, b"a": 3, b"I": 3, b"r": 3,
    b"L": 4, b"W": 4, b"P": 4, b"/": 3, b"^": 5, b":": 2, b"\\": 4, b"$": 4, b"T": 3,
}
_FS_FIXED = {b".": 2, b"&": 2, b"p": 4, b"C": 3, b"!": 3, b"-": 3, b"W": 3, b"S": 4}


class Incomplete(Exception):
    """More bytes are needed to finish the command that starts here."""


@dataclass(frozen=True)
class Token:
    kind: str  # "text" | "cmd"
    raw: bytes
    name: str = ""  # for commands: e.g. "ESC t", "GS V", "DLE EOT"

    @property
    def args(self) -> bytes:
        return self.raw[2:] if self.kind == "cmd" else b""


def _need(data: bytes, n: int) -> None:
    if len(data) < n:
        raise Incomplete()


def _cmd_len(data: bytes, i: int) -> tuple[int, str]:
    """Length and name of the command at ``data[i]`` (an ESC/GS/DLE/FS byte)."""
    d = data[i:]
    _need(d, 2)
    p, f = d[0], d[1:2]
    if p == ESC:
        name = f"ESC {f.decode('latin-1')}"
        if f in _ESC_FIXED:
            return _ESC_FIXED[f], name
        if f == b"c":  # ESC c 3/4/5 n
            return 4, name
        if f == b"*":  # ESC * m nL nH d1..dk
            _need(d, 5)
            m, n = d[2], d[3] + 256 * d[4]
            return 5 + (n if m in (0, 1) else 3 * n), name
        if f == b"D":  # ESC D n1 .. nk NUL
            end = d.find(b"\x00", 2)
            if end < 0:
                raise Incomplete()
            return end + 1, name
        if f == b"&":  # ESC & y c1 c2 [x d1..d(y*x)] ... (user chars)
            _need(d, 6)
            y, c1, c2 = d[2], d[3], d[4]
            pos = 5
            for _ in range(max(0, c2 - c1 + 1)):
                _need(d, pos + 1)
                x = d[pos]
                pos += 1 + y * x
            _need(d, pos)
            return pos, name
        return 2, name
    if p == GS:
        name = f"GS {f.decode('latin-1')}"
        if f in _GS_FIXED:
            return _GS_FIXED[f], name
        if f == b"V":  # GS V m [n]
            _need(d, 3)
            return (3 if d[2] in (0, 1, 48, 49) else 4), name
        if f == b"k":  # GS k m: A-form NUL-terminated, B-form with length
            _need(d, 3)
            m = d[2]
            if m <= 6:
                end = d.find(b"\x00", 3)
                if end < 0:
                    raise Incomplete()
                return end + 1, name
            _need(d, 4)
            return 4 + d[3], name
        if f == b"(":  # GS ( fn pL pH data
            _need(d, 5)
            return 5 + d[3] + 256 * d[4], f"GS ( {d[2:3].decode('latin-1')}"
        if f == b"v":  # GS v 0 m xL xH yL yH data
            _need(d, 8)
            x = d[4] + 256 * d[5]
            y = d[6] + 256 * d[7]
            return 8 + x * y, name
        if f == b"8":  # GS 8 L p1 p2 p3 p4 data
            _need(d, 7)
            n = d[3] | d[4] << 8 | d[5] << 16 | d[6] << 24
            return 7 + n, name
        if f == b"*":  # GS * x y data
            _need(d, 4)
            return 4 + d[2] * d[3] * 8, name
        return 2, name
    if p == DLE:
        if f == b"\x04":
            return 3, "DLE EOT"
        if f == b"\x05":
            return 3, "DLE ENQ"
        if f == b"\x14":  # DLE DC4 fn m t
            return 5, "DLE DC4"
        return 2, f"DLE {f.hex()}"
    if p == FS:
        name = f"FS {f.decode('latin-1')}"
        if f in _FS_FIXED:
            return _FS_FIXED[f], name
        if f == b"q":  # FS q n [xL xH yL yH d1...dk]1...
            _need(d, 3)
            pos = 3
            for _ in range(d[2]):
                _need(d, pos + 4)
                x = d[pos] + 256 * d[pos + 1]
                y = d[pos + 2] + 256 * d[pos + 3]
                pos += 4 + x * y * 8
            _need(d, pos)
            return pos, name
        return 2, name
    raise ValueError("not a command byte")


def next_token(data: bytes, i: int = 0) -> tuple[Token, int]:
    """The token starting at ``data[i]`` and the index after it; Incomplete if cut short."""
    if i >= len(data):
        raise Incomplete()
    b = data[i]
    if b in (ESC, GS, DLE, FS):
        n, name = _cmd_len(data, i)
        if i + n > len(data):
            raise Incomplete()
        return Token("cmd", bytes(data[i : i + n]), name), i + n
    j = i
    while j < len(data) and data[j] not in (ESC, GS, DLE, FS):
        j += 1
    return Token("text", bytes(data[i:j])), j


def tokenize(data: bytes) -> list[Token]:
    """All tokens; a truncated command at the end is returned as a command token as far as it goes."""
    out: list[Token] = []
    i = 0
    while i < len(data):
        try:
            tok, i = next_token(data, i)
        except Incomplete:
            out.append(Token("cmd", bytes(data[i:]), "incomplete"))
            break
        out.append(tok)
    return out


def is_cut(tok: Token) -> bool:
    return tok.kind == "cmd" and tok.name in ("GS V", "ESC i", "ESC m")


def is_drawer_kick(tok: Token) -> bool:
    return tok.kind == "cmd" and (
        tok.name == "ESC p" or (tok.name == "DLE DC4" and tok.raw[2:3] == b"\x01")
    )


def _decode_chunk(raw: bytes, codec: str) -> str:
    out = []
    for ch in raw.decode(codec, errors="replace"):
        if ch == "\n" or ch >= " " or ch == "\t":
            out.append(" " if ch == "\t" else ch)
        elif ch == "\x0c":
            out.append("\n")
        # other control characters (CR, BEL, ...) print nothing
    return "".join(out)


def decode_text(data: bytes) -> str:
    """The text a printer would print from ``data``: commands removed, code pages applied."""
    codec = CODE_PAGES[0]
    parts: list[str] = []
    for tok in tokenize(data):
        if tok.kind == "text":
            parts.append(_decode_chunk(tok.raw, codec))
        elif tok.name == "ESC t" and len(tok.raw) == 3:
            codec = CODE_PAGES.get(tok.raw[2], codec)
        elif tok.name == "ESC @":
            codec = CODE_PAGES[0]
        elif tok.name == "ESC d" and len(tok.raw) == 3:
            parts.append("\n" * tok.raw[2])
        elif is_cut(tok) and parts and not parts[-1].endswith("\n"):
            parts.append("\n")
    return "".join(parts)


def count_cuts(data: bytes) -> int:
    return sum(1 for t in tokenize(data) if is_cut(t))


def drawer_kicks(data: bytes) -> list[int]:
    """The drawer pins kicked, in order (2 or 5; ``ESC p m`` with m 0/48 is pin 2, 1/49 is pin 5)."""
    pins = []
    for t in tokenize(data):
        if is_drawer_kick(t) and len(t.raw) >= 3:
            m = t.raw[2] if t.name == "ESC p" else t.raw[3] if len(t.raw) > 3 else 0
            pins.append(5 if m in (1, 49) else 2)
    return pins


def code_pages(data: bytes) -> list[str]:
    """Names of the code pages selected with ``ESC t n``, in order (e.g. ``["CP858"]``)."""
    return [
        CODE_PAGE_NAMES.get(t.raw[2], f"page {t.raw[2]}")
        for t in tokenize(data)
        if t.name == "ESC t" and len(t.raw) == 3
    ]


def barcodes(data: bytes) -> list[str]:
    """Data of the 1-D barcodes (``GS k``); the CODE128 code-set prefix ``{A``/``{B``/``{C`` removed."""
    out = []
    for t in tokenize(data):
        if t.name != "GS k" or len(t.raw) < 4:
            continue
        m = t.raw[2]
        payload = t.raw[3:-1] if m <= 6 else t.raw[4:]
        text = payload.decode("latin-1")
        if m == 73 and len(text) >= 2 and text[0] == "{" and text[1] in "ABC":
            text = text[2:]
        out.append(text)
    return out


def qr_codes(data: bytes) -> list[str]:
    """Contents stored for QR codes (``GS ( k`` cn=49 fn=80)."""
    out = []
    for t in tokenize(data):
        if t.name == "GS ( k" and len(t.raw) >= 8 and t.raw[5] == 49 and t.raw[6] == 80:
            out.append(t.raw[8:].decode("utf-8", errors="replace"))
    return out


def split_jobs(data: bytes) -> list[bytes]:
    """Split a stream into jobs after each cut; a trailing uncut part is the last job."""
    jobs: list[bytes] = []
    start = 0
    i = 0
    while i < len(data):
        try:
            tok, j = next_token(data, i)
        except Incomplete:
            break
        i = j
        if is_cut(tok):
            jobs.append(bytes(data[start:i]))
            start = i
    if start < len(data):
        jobs.append(bytes(data[start:]))
    return jobs


@dataclass(frozen=True)
class PaperLine:
    """One line on the paper: ``text`` as it shows (placed by its alignment, no trailing spaces),
    its ``size`` (2: double width) and boldness; ``kind`` "text", or "barcode" / "qr" (``text``
    is the code's data) or "image"."""

    text: str
    size: int = 1
    bold: bool = False
    kind: str = "text"


class _Paper:
    """The state of an emulated printer while it prints (see :func:`paper_lines`)."""

    def __init__(self, columns: int, pages: Mapping[int, str]) -> None:
        self.columns = columns
        self.pages = pages
        self.lines: list[PaperLine] = []
        self.qr_data = ""
        self.reset()

    def reset(self) -> None:
        self.codec = self.pages.get(0, CODE_PAGES[0])
        self.align = 0
        self.factor = 1
        self.bold = False
        self.buf: list[str] = []
        self.line_style = (0, 1, False)  # alignment, width factor, bold at the line's start
        self.in_column_image = False

    def width(self) -> int:
        return max(1, self.columns // self.line_style[1])

    def put(self, ch: str) -> None:
        self.in_column_image = False
        if not self.buf:
            self.line_style = (self.align, self.factor, self.bold)
        elif len(self.buf) >= self.width():
            self.feed()  # the line is full: the printer prints it and goes on on the next
            self.line_style = (self.align, self.factor, self.bold)
        self.buf.append(ch)

    def feed(self) -> None:
        if not self.buf:
            if self.in_column_image:  # the line feed that ends a stripe of a column picture
                return
            self.line_style = (self.align, self.factor, self.bold)
        align, factor, bold = self.line_style
        text = "".join(self.buf)
        room = max(0, self.width() - len(text))
        pad = room // 2 if align == 1 else room if align == 2 else 0
        self.lines.append(PaperLine((" " * pad + text).rstrip(), factor, bold))
        self.buf = []

    def flush(self) -> None:
        if self.buf:
            self.feed()

    def drawn(self, kind: str, data: str = "") -> None:
        self.flush()
        self.lines.append(PaperLine(data, kind=kind))

    def text(self, raw: bytes) -> None:
        for ch in raw.decode(self.codec, errors="replace"):
            if ch == "\n":
                self.feed()
            elif ch >= " ":
                self.put(ch)
            elif ch == "\t":
                self.put(" ")

    def command(self, tok: Token) -> None:
        raw, name = tok.raw, tok.name
        arg = raw[2] if len(raw) > 2 else 0
        if name == "ESC @":
            self.reset()
        elif name == "ESC t" and len(raw) == 3:
            self.codec = self.pages.get(arg, CODE_PAGES.get(arg, self.codec))
        elif name == "ESC a":
            self.align = arg % 48 if arg >= 48 else arg
        elif name == "ESC !":
            self.factor = 2 if arg & 0x20 else 1
            self.bold = bool(arg & 0x08)
        elif name == "GS !":
            self.factor = (arg >> 4) + 1
        elif name == "ESC E":
            self.bold = bool(arg & 1)
        elif name == "ESC d":
            for _ in range(arg):
                self.feed()
        elif name == "GS k":
            self.drawn("barcode", barcodes(raw)[0] if barcodes(raw) else "")
        elif name == "GS ( k" and len(raw) >= 7 and raw[5] == 49 and raw[6] == 80:
            self.qr_data = raw[8:].decode("utf-8", errors="replace")
        elif name == "GS ( k" and len(raw) >= 7 and raw[5] == 49 and raw[6] == 81:
            self.drawn("qr", self.qr_data)
        elif name == "GS v" or (name == "GS ( L" and len(raw) >= 7 and raw[6] in (0x32, 0x02)):
            self.drawn("image")
        elif name == "ESC *":
            if not self.in_column_image:
                self.drawn("image")
            self.in_column_image = True
        elif is_cut(tok):
            self.flush()


def paper_lines(data: bytes, columns: int, pages: Mapping[int, str] | None = None) -> list[PaperLine]:
    """What a printer of ``columns`` characters a line (Font A) prints from ``data``, line by line
    (see the module docstring). ``pages`` maps ``ESC t n`` to a Python codec for printers that
    number their code pages otherwise than Epson."""
    paper = _Paper(columns, {**CODE_PAGES, **(pages or {})})
    for tok in tokenize(data):
        if tok.kind == "text":
            paper.text(tok.raw)
        else:
            paper.command(tok)
    paper.flush()
    return paper.lines
