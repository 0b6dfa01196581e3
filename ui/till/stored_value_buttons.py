"""The payment dialog's gift card (F7) and store credit (F8) buttons, when the register offers
those methods: each opens ``GiftCardPayDialog`` over the payment dialog for what is left, and the
tender it takes comes back to the payment dialog as any other."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from pos.payment_methods import MethodKind
from pos.services.till import Till
from ui.till.gift_card_dialog import open_pay_dialog


def stored_value_buttons(dialog: Any, till: Till, parent: QWidget) -> list[QPushButton]:
    """Buttons for the register's gift card and store credit methods; [] for none (their keys,
    F7 and F8, are the payment dialog's: it knows which page is showing).
    ``dialog``: the payment dialog (its lanes, view, state and ``_tendered``/``_completed``)."""
    methods = till.config.payment_methods
    rules = till.config.gift_cards
    ids = {m.id for m in methods.of_kind(MethodKind.GIFT_CARD)}
    out = []
    for method_id, key, store_credit, name in (
            (rules.method_id, "F7", False, "giftCardButton"),
            (rules.store_credit_method_id, "F8", True, "storeCreditButton")):
        if method_id not in ids:
            continue
        label = methods.get(method_id).label
        b = QPushButton(QCoreApplication.translate("PaymentDialog", "%1 (%2)")
                        .replace("%1", label).replace("%2", key), parent)
        b.setObjectName(name)
        b.setMinimumHeight(64)

        def pay(store_credit: bool = store_credit) -> None:
            from ui.till.payment_dialog import TENDER
            if dialog.state != TENDER or dialog._lanes.register.pending:
                return

            # the tender taken (or the sale completed by it) shows as any other
            open_pay_dialog(dialog._lanes, till, dialog.view.remaining, store_credit, dialog,
                            dialog._tendered)
        b.clicked.connect(lambda _=False, f=pay: f())
        out.append(b)
    return out
