"""The ESC/POS decoder reads any bytes without raising and loses none of them."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hardware.simulators import escpos_decode as dec

# Bytes biased towards command prefixes so that commands (and truncated ones) are common.
chunks = st.one_of(
    st.binary(max_size=20),
    st.sampled_from([b"\x1b", b"\x1d", b"\x10", b"\x1c", b"\x1dk", b"\x1d(k", b"\x1dv0", b"\x1b*", b"\x1bt\x13"]),
)
streams = st.lists(chunks, max_size=30).map(b"".join)


@settings(max_examples=400, deadline=None)
@given(streams)
def test_never_raises_and_tokens_cover_the_input(data: bytes) -> None:
    toks = dec.tokenize(data)
    assert b"".join(t.raw for t in toks) == data
    dec.decode_text(data)
    dec.count_cuts(data)
    dec.drawer_kicks(data)
    dec.code_pages(data)
    dec.barcodes(data)
    dec.qr_codes(data)
    assert b"".join(dec.split_jobs(data)) == data


def test_known_commands_have_their_lengths() -> None:
    data = b"\x1bt\x13" + "å".encode("cp858") + b"\x1dV\x00" + b"\x1dVA\x10" + b"\x1bp\x00\x19\xfa" + b"\x10\x04\x01"
    names = [t.name for t in dec.tokenize(data)]
    assert names == ["ESC t", "", "GS V", "GS V", "ESC p", "DLE EOT"]
    assert dec.decode_text(data) == "å\n"
    assert dec.count_cuts(data) == 2 and dec.drawer_kicks(data) == [2]
    assert len(dec.split_jobs(data)) == 3


def test_raster_image_payload_is_not_text() -> None:
    img = b"\x1dv0\x00\x02\x00\x02\x00" + b"ABCD"  # 2 bytes wide, 2 rows: 4 bytes of dots
    assert dec.decode_text(img + b"ok\n") == "ok\n"
