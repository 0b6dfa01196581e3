"""A ``ReceiptDocument`` as an HTML page: the e-mailed receipt's body and (through Qt's
``QTextDocument``, ``ui/documents/receipt_pdf.py``) its PDF. The same blocks as the paper, in the
same order, nothing added: a text line is a paragraph, two columns a two-cell row, a rule a line,
a barcode and a QR code pictures named by the caller (``image_src``: ``cid:`` parts in an e-mail,
named resources in the PDF) with their text under them, since a picture may not be shown.

Only what both a mail reader and ``QTextDocument`` lay out: tables, inline styles, no CSS
classes, no scripts.
"""
from __future__ import annotations

import html
from collections.abc import Callable

from pos.receipt import (Align, Barcode, Columns, Feed, QrCode, ReceiptDocument, Rule, Text)

# kind ("barcode" | "qr") and its number among the document's pictures of that kind -> src
ImageSource = Callable[[str, int], str]

FONT = "'DejaVu Sans', Arial, Helvetica, sans-serif"
WIDTH_PX = 420


def image_name(kind: str, n: int) -> str:
    """The name a document's ``n``-th barcode or QR code goes by ("barcode0", "qr0")."""
    return f"{kind}{n}"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _style(bold: bool, size: int) -> str:
    # points, not pixels or per cent: the PDF's layout counts pixels at 300 dpi and ignores %
    return ("font-weight:bold;" if bold else "") + (f"font-size:{5 + 5 * size}pt;" if size > 1
                                                    else "")


def receipt_html(doc: ReceiptDocument, *, title: str = "",
                 image_src: ImageSource | None = None, link_qr: bool = True) -> str:
    """The whole page (``<html>`` with a UTF-8 ``<meta>``). ``image_src`` gives each picture's
    ``src`` (default: its name, ``image_name``); ``link_qr``: a QR code's text is also a link
    (a mail reader can follow it; the PDF shows the address)."""
    src = image_src or image_name
    counts = {"barcode": 0, "qr": 0}
    rows: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Text):
            align = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right"}[block.align]
            rows.append(f'<tr><td colspan="2" align="{align}" style="{_style(block.bold, block.size)}'
                        f'padding:1px 0;">{_esc(block.text) or "&nbsp;"}</td></tr>')
        elif isinstance(block, Columns):
            style = _style(block.bold, block.size)
            if "  " in block.right:  # a table laid out in columns (VAT): kept as the paper has it
                style += "white-space:pre;font-family:'DejaVu Sans Mono',monospace;"
            rows.append(f'<tr><td style="{style}padding:1px 8px 1px 0;">{_esc(block.left)}</td>'
                        f'<td align="right" style="{style}padding:1px 0;white-space:nowrap;">'
                        f'{_esc(block.right)}</td></tr>')
        elif isinstance(block, Rule):
            rows.append('<tr><td colspan="2" style="padding:4px 0;"><hr style="border:0;'
                        'border-top:1px solid #999;"></td></tr>')
        elif isinstance(block, Feed):
            rows.extend('<tr><td colspan="2">&nbsp;</td></tr>' for _ in range(block.lines))
        elif isinstance(block, Barcode):
            n = counts["barcode"]
            counts["barcode"] += 1
            rows.append(f'<tr><td colspan="2" align="center" style="padding:4px 0;">'
                        f'<img src="{_esc(src("barcode", n))}" alt="{_esc(block.data)}" '
                        f'width="260" height="60"><br>{_esc(block.data)}</td></tr>')
        elif isinstance(block, QrCode):
            n = counts["qr"]
            counts["qr"] += 1
            text = _esc(block.data)
            link = f'<a href="{text}">{text}</a>' if link_qr else text
            caption = f"{_esc(block.caption)}<br>" if block.caption else ""
            rows.append(f'<tr><td colspan="2" align="center" style="padding:4px 0;">'
                        f'<img src="{_esc(src("qr", n))}" alt="{caption and _esc(block.caption)}" '
                        f'width="140" height="140"><br>{caption}'
                        f'<span style="font-size:80%;">{link}</span></td></tr>')
    return ('<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{_esc(title)}</title></head>'
            f'<body style="margin:0;padding:12px;background:#ffffff;color:#000000;'
            f'font-family:{FONT};font-size:10pt;">'
            f'<table align="center" width="{WIDTH_PX}" cellspacing="0" cellpadding="0" '
            f'style="max-width:100%;border-collapse:collapse;">' + "".join(rows)
            + "</table></body></html>")


def pictures(doc: ReceiptDocument) -> list[tuple[str, str, str]]:
    """The document's pictures in order: (name, kind, data), e.g. ("barcode0", "barcode",
    "R-K1-000042"), for whoever draws them."""
    out, counts = [], {"barcode": 0, "qr": 0}
    for block in doc.blocks:
        kind = "barcode" if isinstance(block, Barcode) else "qr" if isinstance(block, QrCode) else ""
        if kind:
            out.append((image_name(kind, counts[kind]), kind, block.data))  # type: ignore[union-attr]
            counts[kind] += 1
    return out
