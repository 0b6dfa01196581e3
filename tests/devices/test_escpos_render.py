"""The ESC/POS renderer: what reaches the paper, read back with the decoder."""
from __future__ import annotations

import pytest
from escpos.printer import Dummy

from hardware.printers.escpos_render import RenderSettings, apply_width, columns_for_width, render, render_bytes
from hardware.simulators import escpos_decode as dec
from pos.receipt import Align, Barcode, Columns, Feed, QrCode, ReceiptDocument, Rule, Text


def sample(**kw: object) -> ReceiptDocument:
    return ReceiptDocument(
        blocks=(
            Text("Affären i Åby", Align.CENTER, bold=True),
            Text("KOPIA", Align.CENTER, size=2),
            Columns("Smörgåsbord ägg", "49,90"),
            Columns("Kaffe", "25,00"),
            Rule(),
            Columns("TOTALT", "74,90", bold=True, size=2),
            Text("Varav moms 12 %: 8,03 €"),
            Barcode("R-K1-000042"),
            QrCode("https://shop.example/cart/cart_01H", caption="Din kundvagn"),
            Feed(2),
            Text("Välkommen åter!"),
        ),
        **kw,  # type: ignore[arg-type]
    )


def lines(data: bytes) -> list[str]:
    return [ln.rstrip() for ln in dec.decode_text(data).splitlines()]


def test_text_with_swedish_letters_and_euro_is_decoded_in_cp858() -> None:
    data = render_bytes(sample())
    assert dec.code_pages(data) == ["CP858"]
    text = dec.decode_text(data)
    for s in ("Affären i Åby", "Smörgåsbord ägg", "Välkommen åter!", "8,03 €", "KOPIA"):
        assert s in text
    # the bytes themselves are CP858, not UTF-8
    assert "ö".encode("cp858") in data and "ö".encode("utf-8") not in data.split(b"\x1d(k")[0]


def test_columns_are_padded_to_48_chars_on_80mm_and_32_on_58mm() -> None:
    wide = lines(render_bytes(sample()))
    row = next(ln for ln in wide if ln.startswith("Smörgåsbord"))
    assert len(row) == 48 and row.endswith("49,90")
    assert "-" * 48 in wide
    narrow = lines(render_bytes(sample(), RenderSettings(width_mm=58)))
    row = next(ln for ln in narrow if ln.startswith("Kaffe"))
    assert len(row) == 32 and row.endswith("25,00")
    assert "-" * 32 in narrow and "-" * 33 not in "\n".join(narrow)


def test_double_size_columns_use_half_the_width() -> None:
    out = lines(render_bytes(sample()))
    total = next(ln for ln in out if ln.startswith("TOTALT"))
    assert len(total) == 24 and total.endswith("74,90")


def test_long_left_part_wraps_so_the_amount_shows_and_nothing_is_cut_off() -> None:
    # It was cut to one line; a receipt must not lose text, so it continues on the next lines
    # and the amount ends the last one (issue 9, item 13).
    doc = ReceiptDocument(blocks=(Columns("x" * 100, "1 299,00"),), cut=False)
    *above, row = [ln for ln in lines(render_bytes(doc)) if ln]
    assert len(row) == 48 and row.endswith(" 1 299,00")
    assert all(len(ln) == 48 for ln in above) and "".join(above + [row]).count("x") == 100


def test_styles_bold_size_and_alignment_are_sent() -> None:
    data = render_bytes(sample())
    toks = dec.tokenize(data)
    # ESC a 1 (centre) before the first title, ESC E 1 for bold, ESC ! 0x30 for double size
    i_title = next(i for i, t in enumerate(toks) if t.kind == "text" and b"Aff" in t.raw)
    before = [t.raw for t in toks[:i_title]]
    assert b"\x1ba\x01" in before and b"\x1bE\x01" in before
    i_kopia = next(i for i, t in enumerate(toks) if t.kind == "text" and b"KOPIA" in t.raw)
    assert b"\x1b!\x30" in [t.raw for t in toks[i_title:i_kopia]]


def test_cut_and_no_drawer_kick_by_default() -> None:
    data = render_bytes(sample())
    assert dec.count_cuts(data) == 1
    assert dec.drawer_kicks(data) == []
    assert data.endswith(b"\x1dV\x00")  # the cut ends the job


def test_drawer_kick_only_when_asked_and_no_cut_when_not_asked() -> None:
    data = render_bytes(sample(open_drawer=True, cut=False))
    assert dec.drawer_kicks(data) == [2]
    assert dec.count_cuts(data) == 0


def test_barcode_is_code128_of_the_data_and_qr_is_native() -> None:
    data = render_bytes(sample())
    assert dec.barcodes(data) == ["R-K1-000042"]
    assert b"\x1dkI" in data  # GS k 73 = CODE128, function B
    assert dec.qr_codes(data) == ["https://shop.example/cart/cart_01H"]
    assert b"\x1dv0" not in data  # no raster image: the printer draws the QR
    assert "Din kundvagn" in dec.decode_text(data)


def test_barcode_data_outside_code128_is_printed_as_text_not_lost() -> None:
    data = render_bytes(ReceiptDocument(blocks=(Barcode("Åby-1"),)))
    assert dec.barcodes(data) == []
    assert "Åby-1" in dec.decode_text(data)


def test_renders_onto_any_escpos_object_and_copies_the_profile() -> None:
    a, b = Dummy(profile="TM-T20II"), Dummy(profile="TM-T20II")
    shared_before = b.profile.profile_data["fonts"]["0"]["columns"]
    apply_width(a, RenderSettings(width_mm=58))
    assert a.profile.profile_data["fonts"]["0"]["columns"] == 32
    assert b.profile.profile_data["fonts"]["0"]["columns"] == shared_before == 48
    assert Dummy(profile="TM-T20II").profile.profile_data["fonts"]["0"]["columns"] == 48
    render(sample(), a, RenderSettings(width_mm=58))
    assert "Välkommen åter!" in dec.decode_text(a.output)


def test_rendering_twice_on_one_object_reselects_the_code_page() -> None:
    d = Dummy(profile="TM-T20II")
    render(sample(), d)
    render(sample(), d)
    # ESC @ resets the code page, so each job must select it again
    assert dec.code_pages(d.output) == ["CP858", "CP858"]
    assert dec.decode_text(d.output).count("Välkommen åter!") == 2


@pytest.mark.parametrize("mm,cols", [(80, 48), (58, 32)])
def test_columns_for_width(mm: int, cols: int) -> None:
    assert columns_for_width(mm) == cols
    assert RenderSettings(width_mm=mm, columns=42).chars == 42


def test_typographic_and_decomposed_characters_print_plainly() -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Smörgås")  # as some web systems store names
    assert len(nfd) == 9
    doc = ReceiptDocument(
        blocks=(Text("Kaffe – stor … “extra” ’s\u00a0x\u200b"), Columns(nfd, "49,90")), cut=False
    )
    out = lines(render_bytes(doc))
    assert out[0] == "Kaffe - stor ... \"extra\" 's x"
    row = out[1]
    assert row.startswith("Smörgås ") and len(row) == 48  # one character per letter after NFC
    assert "?" not in "\n".join(out)
    # what the code page cannot hold becomes '?', nothing raises
    assert "?" in dec.decode_text(render_bytes(ReceiptDocument(blocks=(Text("snö ☃ 😀"),))))
