"""The till as the app wires it (``main.build_till`` and ``wiring.start_outbox``) with ``[mail]``
naming a real SMTP server and no central store: the e-mail asked for at the till is delivered by
the outbox worker's own thread (the PDF drawn there, off the GUI thread), the sale's store order
left waiting for a central store."""
from __future__ import annotations

import time

from pos.config import load_config
from pos.db.repositories import OutboxRepository
from pos.sync.sale_events import sale_key


def test_the_apps_outbox_thread_sends_the_receipt_without_a_central_store(smtp, tmp_path,
                                                                          monkeypatch, qapp):
    import wiring
    from main import build_till

    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    cfg_path = tmp_path / "pos.toml"
    cfg_path.write_text(
        '[devices]\nprinter = "dummy"\nterminal = "simulator"\n'
        f'[medusa]\nstate = "{tmp_path / "no-central.json"}"\n'
        f'[mail]\nhost = "127.0.0.1"\nport = {smtp.port}\nsecurity = "none"\n'
        'from = "kvitto@omnihandeln.se"\nreceipt = "both"\n', encoding="utf-8")
    cfg = load_config(cfg_path)
    till, ctx = build_till(cfg)
    assert till.receipt_mail and till.receipt_choice.mails
    assert till.config.store.receipt_url == "https://kvitto.omnihandeln.se/r/"  # no central store
    till.login("kim", "1234")
    till.open_shift(100000)
    coffee = next(v for v in till.search("kaffe", 20) if v.ean)
    till.scan(coffee.ean)
    sale = till.pay_cash(100000).sale
    till.email_receipt(sale.id, "anna.svensson@example.com")
    assert wiring.build_commerce_store(cfg) is None
    stop = wiring.start_outbox(ctx, None, cfg)
    try:
        deadline = time.monotonic() + 30
        while not smtp.messages and time.monotonic() < deadline:
            qapp.processEvents()
            time.sleep(0.1)
    finally:
        stop.set()
    assert len(smtp.messages) == 1
    assert smtp.messages[0]["Subject"] == f"Kvitto {sale.receipt_no} från Omnihandeln Göteborg"
    with ctx.session_factory() as s:
        assert OutboxRepository(s).by_key(sale_key(sale.id)).status == "pending"
    ctx.engine.dispose()
