"""A receipt as a document: what is printed, independent of how (ESC/POS, screen, e-mail).

The domain builds a ``ReceiptDocument`` from a completed sale or a report; printers render it.
Renderers must print every block in order and must not invent content.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Align(Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class Text:
    """A line of text. ``size`` 1 is normal, 2 is double width and height (for TOTAL, KOPIA).
    Text longer than a line continues on the next, broken between words (``pos.receipt_lines``)."""

    text: str
    align: Align = Align.LEFT
    bold: bool = False
    size: int = 1


@dataclass(frozen=True)
class Columns:
    """A left and a right part on one line (article and amount), padded to the paper's width; a
    left part too long for the line continues on the next, the right part ends the last line."""

    left: str
    right: str
    bold: bool = False
    size: int = 1


@dataclass(frozen=True)
class Rule:
    """A horizontal separator line."""

    char: str = "-"


@dataclass(frozen=True)
class Barcode:
    """A 1-D barcode: CODE128 (the receipt number used for returns) or, with ``symbology``
    "EAN13", an article's EAN-13 (a shelf label's; 13 digits with their check digit)."""

    data: str
    symbology: str = "CODE128"


@dataclass(frozen=True)
class QrCode:
    data: str
    caption: str = ""


@dataclass(frozen=True)
class Feed:
    lines: int = 1


Block = Text | Columns | Rule | Barcode | QrCode | Feed


@dataclass(frozen=True)
class ReceiptDocument:
    """What to print. ``kind`` is "sale", "copy", "return", "report", "test" ... for logs and tests;
    ``receipt_no`` is empty for documents that are not numbered receipts."""

    blocks: tuple[Block, ...]
    kind: str = "sale"
    receipt_no: str = ""
    open_drawer: bool = False
    cut: bool = True

    def plain_text(self, width: int = 42) -> str:
        """The document as plain text, ``width`` characters a line, broken where the paper breaks
        it (``pos.receipt_lines``): for previews, e-mail bodies and tests."""
        from pos.receipt_lines import Paper, as_text, lay_out

        return as_text(lay_out(self, Paper(width)))


@dataclass
class ReceiptBuilder:
    """Small helper to assemble blocks in order."""

    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> "ReceiptBuilder":
        self.blocks.extend(blocks)
        return self

    def build(self, **kw: object) -> ReceiptDocument:
        return ReceiptDocument(blocks=tuple(self.blocks), **kw)  # type: ignore[arg-type]
