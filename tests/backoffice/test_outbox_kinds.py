"""Every kind of message the flows queue in the outbox has a name on the Sync page, translated
into Swedish (a raw 'store_order' once showed on the Swedish screen)."""
from pos.services.ship_to_home import DELIVERY_ORDER
from pos.sync.gift_card_events import CREDIT_KIND, ISSUE_KIND
from pos.sync.invoice_events import INVOICE_CAPTURE
from pos.sync.invoice_mail_events import INVOICE_EMAIL
from pos.sync.outbox import STORE_ORDER
from pos.sync.pickup_events import PICKUP_HANDOVER
from pos.sync.receipt_mail_events import RECEIPT_EMAIL
from pos.sync.return_events import RETURN_KIND
from pos.sync.stock_events import STOCK_ADJUSTMENT, TRANSFER_RECEIPT

KINDS = (STORE_ORDER, DELIVERY_ORDER, RETURN_KIND, PICKUP_HANDOVER, INVOICE_CAPTURE,
         INVOICE_EMAIL, RECEIPT_EMAIL, ISSUE_KIND, CREDIT_KIND, STOCK_ADJUSTMENT,
         TRANSFER_RECEIPT)


def test_every_outbox_kind_has_a_swedish_name(qapp):
    from ui.backoffice.outbox_kinds import LABELS, outbox_kind_label
    from ui.i18n import install_translators
    assert set(KINDS) <= set(LABELS)
    assert install_translators(qapp, "sv")
    try:
        names = {k: outbox_kind_label(k) for k in KINDS}
        assert names[STORE_ORDER] != "Sale to the central store"
        assert all(n != LABELS[k] for k, n in names.items()), names
    finally:
        install_translators(qapp, "en")
