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
    """A line of text. ``size`` 1 is normal, 2 is double width and height (for TOTAL, KOPIA)."""

    text: str
    align: Align = Align.LEFT
    bold: bool = False
    size: int = 1


@dataclass(frozen=True)
class Columns:
    """A left and a right part on one line (article and amount); the renderer pads to paper width."""

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
    """A 1-D barcode (CODE128) such as the receipt number used for returns."""

    data: str


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
        """The document as plain text (for previews, e-mail bodies and tests)."""
        out: list[str] = []
        for b in self.blocks:
            if isinstance(b, Text):
                w = max(1, width // b.size)
                if b.align is Align.CENTER:
                    out.append(b.text.center(w).rstrip())
                elif b.align is Align.RIGHT:
                    out.append(b.text.rjust(w))
                else:
                    out.append(b.text)
            elif isinstance(b, Columns):
                w = max(1, width // b.size)
                gap = max(1, w - len(b.left) - len(b.right))
                out.append(f"{b.left}{' ' * gap}{b.right}")
            elif isinstance(b, Rule):
                out.append(b.char * width)
            elif isinstance(b, Barcode):
                out.append(f"||| {b.data} |||".center(width).rstrip())
            elif isinstance(b, QrCode):
                out.append(f"[QR {b.data}]")
                if b.caption:
                    out.append(b.caption)
            elif isinstance(b, Feed):
                out.extend([""] * b.lines)
        return "\n".join(out)


@dataclass
class ReceiptBuilder:
    """Small helper to assemble blocks in order."""

    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> "ReceiptBuilder":
        self.blocks.extend(blocks)
        return self

    def build(self, **kw: object) -> ReceiptDocument:
        return ReceiptDocument(blocks=tuple(self.blocks), **kw)  # type: ignore[arg-type]
