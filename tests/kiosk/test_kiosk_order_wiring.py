"""``[kiosk] terminal`` and ``printer`` in pos.toml give the kiosk its own register KIOSK1 on the
till's drivers (here the card simulator and a file printer): an order paid there is printed."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pos.config import load_config  # noqa: E402
from pos.services import kiosk_orders as orders  # noqa: E402
from pos.kiosk import KioskSettings  # noqa: E402


def test_the_kiosk_register_comes_from_the_config(tmp_path, monkeypatch):
    from ui.kiosk.app import kiosk_context
    from wiring import open_database

    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    receipt = tmp_path / "kiosk-receipts.bin"
    cfg = tmp_path / "pos.toml"
    cfg.write_text(f'[devices]\nprinter = "dummy"\n[kiosk]\nid = "KIOSK1"\nplace = "Entrén"\n'
                   f'terminal = "simulator"\nprinter = "file://{receipt}"\n', encoding="utf-8")
    config = load_config(cfg)
    app_ctx = open_database(config, demo=True)
    ctx = kiosk_context(app_ctx, config)
    assert ctx.order_register is not None and ctx.print_receipt is not None
    reg = ctx.order_register()
    assert reg is ctx.order_register() and reg.register_id == "KIOSK1"
    assert reg.config.origin == "kiosk"
    with reg.uow:
        variant = next(v for v in reg.uow.catalog.search("t-shirt", 5))
    settings = KioskSettings.from_config({}, here="store-gbg")
    choice, email = orders.checked_choice(orders.HOME, orders.Contact(
        "Anna Svensson", "Storgatan 1", "41301", "Göteborg", "anna@example.se"),
        "store-sthlm", settings, ctx.delivery_rules)
    orders.place_order(reg, [(variant, 1)], choice, email)
    sale = orders.pay(reg).sale
    assert sale is not None and sale.register_id == "KIOSK1"
    assert ctx.print_receipt(sale.id).ok
    assert receipt.stat().st_size > 0
    ctx.shutdown()
