"""The receipt's VAT table: its columns stay apart even when an amount has thousands."""
from datetime import datetime

from pos.payment_methods import CASH
from pos.payments import Tender
from pos.receipt_layout import StoreInfo, sale_receipt
from pos.sales import Sale, SaleLine
from pos.vat import VatRate


def test_vat_amounts_over_a_thousand_do_not_run_together():
    line = SaleLine(variant_id="v1", sku="S1", ean="", name="Vinterjacka", quantity=1,
                    unit_price=215_399, original_price=None, discount=0, total=215_399,
                    vat_rate=VatRate.STANDARD)
    sale = Sale(id="s1", register_id="K1", receipt_no=7, shift_id=1, cashier_id="kim",
                cashier_name="Kim", completed_at=datetime(2026, 11, 30, 12, 0), lines=(line,),
                tenders=(Tender(CASH, 215_400, received=220_000, change=4_600),),
                total=215_399, discount=0, rounding=1)
    text = sale_receipt(sale, StoreInfo(), "SIM").plain_text()
    row = next(ln for ln in text.splitlines() if ln.startswith("25 %"))
    # 2153,99 kr at 25 %: VAT 430,80, net 1723,19; no thousands' space inside the table
    assert row.split() == ["25", "%", "430,80", "1723,19", "2153,99"]
