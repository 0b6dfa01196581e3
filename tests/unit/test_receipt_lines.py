"""Receipt lines: text breaks between words, to the columns of each size and paper, in one place
(the printer and the preview both take their lines from it)."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from pos.receipt import Align, Barcode, Columns, Feed, QrCode, ReceiptDocument, Rule, Text
from pos.receipt_lines import Paper, lay_out, printable, wrap

FOOTER = "Öppet köp 30 dagar mot kvitto. Tack för ditt besök!"  # 51 characters (issue 9)


def words(text: str) -> list[str]:
    return text.split()


def test_the_51_character_footer_breaks_between_words_on_80_and_58_mm() -> None:
    assert wrap(FOOTER, 48) == ["Öppet köp 30 dagar mot kvitto. Tack för ditt", "besök!"]
    assert wrap(FOOTER, 32) == ["Öppet köp 30 dagar mot kvitto.", "Tack för ditt besök!"]
    doc = ReceiptDocument((Text(FOOTER, Align.CENTER),))
    assert [ln.shown for ln in lay_out(doc, Paper(48))] == [
        "  Öppet köp 30 dagar mot kvitto. Tack för ditt", "                     besök!"]


def test_the_stores_footer_is_a_sentence_a_line_on_any_paper() -> None:
    from pos.receipt_layout import footer

    doc = ReceiptDocument(footer(FOOTER))
    for columns in (48, 42, 32):
        assert [ln.text for ln in lay_out(doc, Paper(columns))] == [
            "Öppet köp 30 dagar mot kvitto.", "Tack för ditt besök!"]


def test_double_size_has_half_the_columns() -> None:
    doc = ReceiptDocument((Text("Omnihandeln Göteborg", Align.CENTER, bold=True, size=2),
                           Columns("TOTALT", "1 428,10", bold=True, size=2)))
    narrow = lay_out(doc, Paper(32))
    assert [(ln.text, ln.width, ln.size) for ln in narrow] == [
        ("Omnihandeln", 16, 2), ("Göteborg", 16, 2), ("TOTALT  1 428,10", 16, 2)]
    wide = lay_out(doc, Paper(48))
    assert [ln.text for ln in wide] == ["Omnihandeln Göteborg", "TOTALT          1 428,10"]


def test_a_word_longer_than_the_line_is_split_and_only_then() -> None:
    code = "https://kvitto.omnihandeln.se/r/0b6f3a52-95d1-4c2e-8f7e-3f4cb1d0a9aa"
    assert wrap(f"Se {code} nu", 32) == ["Se", code[:32], code[32:64], code[64:] + " nu"]


def test_indented_text_keeps_its_indent_on_every_line() -> None:
    assert wrap("  Kampanj VINTER20 på dam- och herrkläder", 24) == [
        "  Kampanj VINTER20 på", "  dam- och herrkläder"]


def test_an_amount_ends_the_last_line_of_its_words_and_nothing_is_cut() -> None:
    doc = ReceiptDocument((Columns("Förväntat i kassalådan", "123 456,00"),
                           Columns("Kaffe", "25,00")))
    assert [ln.shown for ln in lay_out(doc, Paper(32))] == [
        "Förväntat i kassalådan", " " * 22 + "123 456,00", "Kaffe" + " " * 22 + "25,00"]
    long_name = ReceiptDocument((Columns("Nils Holgerssons underbara resa genom Sverige", "249,00"),))
    assert [ln.shown for ln in lay_out(long_name, Paper(32))] == [
        "Nils Holgerssons underbara resa", "genom Sverige" + " " * 13 + "249,00"]


def test_what_the_code_page_lacks_is_spelled_out_before_the_line_is_measured() -> None:
    cp437 = frozenset("åäöÅÄÖéü")
    assert printable("8 € – “café” ☃", cp437) == '8 EUR - "café" ?'
    assert printable("Œuvre…\u200b\u00ad", None) == "OEuvre..."
    doc = ReceiptDocument((Text("12345678 € 12345678"),))
    assert [ln.text for ln in lay_out(doc, Paper(20, charset=cp437))] == ["12345678 EUR", "12345678"]


def test_codes_a_printer_cannot_draw_print_as_text() -> None:
    doc = ReceiptDocument((Barcode("R-K1-000042"), QrCode("https://x.se/r/1", caption="Digitalt"),
                           Rule("="), Feed(2)))
    drawn = lay_out(doc, Paper(32))
    assert [(ln.kind, ln.text) for ln in drawn[:3]] == [
        ("barcode", "R-K1-000042"), ("qr", "https://x.se/r/1"), ("text", "Digitalt")]
    plain = lay_out(doc, Paper(32, barcodes=False, qr_codes=False))
    assert [ln.shown for ln in plain] == ["          R-K1-000042", "        https://x.se/r/1",
                                          "            Digitalt", "=" * 32, "", ""]


def test_plain_text_is_the_same_lines() -> None:
    doc = ReceiptDocument((Text(FOOTER, Align.CENTER), Columns("Kaffe", "25,00")))
    assert doc.plain_text(32).splitlines() == [ln.shown for ln in lay_out(doc, Paper(32))]


TEXT = st.lists(st.one_of(st.text(alphabet="abcåäöXYZ0123,.-!", min_size=1, max_size=14),
                          st.sampled_from(["", " ", "  "])), max_size=20).map(" ".join)


@given(TEXT, st.integers(min_value=4, max_value=48), st.integers(min_value=0, max_value=3))
def test_wrapped_lines_fit_keep_every_word_and_split_none_that_fits(text: str, width: int,
                                                                    indent: int) -> None:
    text = " " * indent + text
    lines = wrap(text, width)
    assert all(len(ln) <= width for ln in lines)
    joined = [w for ln in lines for w in words(ln)]
    lead = len(text) - len(text.lstrip(" "))  # the text's indent, kept on every line
    fits = [w for w in words(text) if len(w) <= width - min(lead, width // 2)]
    for w in fits:  # every word short enough for a line is on one line, whole
        assert w in joined
    assert re.sub(r"\s+", "", "".join(lines)) == re.sub(r"\s+", "", text)
