"""The demo store's receipts and reports, made the way the till makes them (its use cases on the
in-memory unit of work, the demo catalogue and promotions, the card terminal simulator): the
documents the printer and the preview are tested with."""
from __future__ import annotations

import tempfile
from decimal import Decimal
from functools import lru_cache

from hardware.control_unit_simulator import SimulatedControlUnit
from hardware.terminals.simulator import SimulatedTerminal
from pos.cart import Discount
from pos.demo.catalog import demo_variants
from pos.receipt import ReceiptDocument
from pos.receipt_layout import StoreInfo, report_document, sale_receipt, test_receipt
from pos.services import payments, selling, shifts
from pos.services.context import Devices
from pos.services.setup import ensure_demo_promotions
from tests.fakes.register import open_register, stocked_uow
from tests.services.fakes import RecordingPrinter

# The store's own text, as long as a store writes it: the footer of issue 9 (51 characters).
STORE = StoreInfo()
LONG_FOOTER = "Öppet köp 30 dagar mot kvitto. Tack för ditt besök!"


@lru_cache(maxsize=1)
def demo_documents() -> tuple[tuple[str, ReceiptDocument], ...]:
    """(name, document): sale receipts (card with the terminal's lines, cash with change, the
    longest article names, quantities, discounts, a promotion code, a copy), X and Z reports and
    the test receipt."""
    variants = demo_variants()
    uow = stocked_uow(variants)
    ensure_demo_promotions(uow)
    ctx = open_register(uow, 50000)
    terminal = SimulatedTerminal(state_dir=tempfile.mkdtemp(prefix="omnipos-terminal-"))
    ctx.devices = Devices(RecordingPrinter(), terminal, SimulatedControlUnit())
    serial = "CU-SIM-0001"
    docs: list[tuple[str, ReceiptDocument]] = []

    longest = sorted(variants, key=lambda v: (-len(v.name), v.sku))[:5]
    for v in longest:
        selling.scan(ctx, v.ean)
    lines = selling.totals(ctx).lines
    selling.set_quantity(ctx, lines[0].line.line_id, 3)
    selling.discount_line(ctx, lines[1].line.line_id, Discount(percent=Decimal(10)))
    card = payments.pay_card(ctx).sale
    assert card is not None
    docs += [("card sale", sale_receipt(card, STORE, serial)),
             ("card sale copy", sale_receipt(card, STORE, serial, copy=True))]

    cheap = sorted(variants, key=lambda v: (v.price, v.sku))[:3]
    for v in cheap:
        selling.scan(ctx, v.ean)
    try:
        selling.add_promo_code(ctx, "HOST10")
    except Exception:  # the demo's code is not in this store: the sale goes on without it
        pass
    cash = payments.pay_cash(ctx, 100_00).sale
    assert cash is not None
    docs.append(("cash sale with change", sale_receipt(cash, STORE, serial)))

    selling.scan(ctx, longest[-1].ean)
    selling.discount_cart(ctx, Discount(amount=1_00))
    half = payments.pay_card(ctx, 5_000)
    mixed = payments.pay_cash(ctx, 300_00).sale if half.sale is None else half.sale
    assert mixed is not None
    docs.append(("card and cash", sale_receipt(mixed, STORE, serial)))

    x, _ = shifts.x_report(ctx)
    docs.append(("X report", report_document(x, STORE)))
    z, _ = shifts.close(ctx, x.expected_cash + 1_234_50)
    docs.append(("Z report", report_document(z, STORE)))
    docs.append(("test receipt", test_receipt(STORE, "K1", "2026-11-30 12:00")))
    return tuple(docs)
