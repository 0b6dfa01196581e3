"""A package's net content as written ("500 g", "1,5 l", "6 st") read into the comparison
price's units, from Medusa's variant metadata and in the demo catalogue."""
from __future__ import annotations

from decimal import Decimal

import pytest

from integrations.medusa.mapping import to_variant
from pos.catalog import net_content_text, parse_net_content
from pos.demo.catalog import demo_variants


@pytest.mark.parametrize("text, expected", [
    ("500 g", (Decimal("0.5"), "kg")), ("1,5 l", (Decimal("1.5"), "l")),
    ("6 st", (Decimal("6"), "st")), ("Burk 600 g", (Decimal("0.6"), "kg")),
    ("50 cl", (Decimal("0.5"), "l")), ("33cl", (Decimal("0.33"), "l")),
    ("2 dl", (Decimal("0.2"), "l")), ("250 ml", (Decimal("0.25"), "l")),
    ("1 hg", (Decimal("0.1"), "kg")), ("10 kg", (Decimal("10"), "kg")),
    ("0.45 kg", (Decimal("0.45"), "kg")),
    ("20 påsar", None), ("", None), ("0 g", None), ("Stor", None),
])
def test_net_content_as_written(text, expected):
    assert parse_net_content(text) == expected


def test_net_content_reads_back_as_written_by_the_seed():
    assert net_content_text(Decimal("0.450"), "kg") == "0.45 kg"
    assert parse_net_content(net_content_text(Decimal("10"), "kg")) == (Decimal("10"), "kg")
    assert net_content_text(None, "") == ""


def _medusa_variant(meta):
    return {"id": "variant_1", "sku": "SAF-1", "title": "Saft, 1,5 l", "metadata": meta,
            "prices": [{"currency_code": "sek", "amount": 34.9}],
            "product": {"id": "prod_1", "title": "Saft", "metadata": {"vat_rate": "12"}}}


def test_medusa_metadata_net_content_becomes_the_variants():
    v = to_variant(_medusa_variant({"net_content": "1,5 l"}))
    assert (v.net_quantity, v.net_unit, v.price) == (Decimal("1.5"), "l", 3490)
    bare = to_variant(_medusa_variant({}))
    assert (bare.net_quantity, bare.net_unit) == (None, "")


def test_the_demo_foods_have_net_content_and_a_pan_does_not():
    by_sku = {v.sku: v for v in demo_variants()}
    assert (by_sku["KAF-MEL-450G"].net_quantity, by_sku["KAF-MEL-450G"].net_unit) == \
        (Decimal("0.45"), "kg")
    assert (by_sku["SAF-FLA-50CL"].net_quantity, by_sku["SAF-FLA-50CL"].net_unit) == \
        (Decimal("0.5"), "l")
    pan = next(v for v in demo_variants() if v.sku.startswith("KAS-STA"))
    assert pan.net_quantity is None
