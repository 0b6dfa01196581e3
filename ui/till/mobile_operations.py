"""The named operation of a mobile payment (Swish): on the register lane like the card (the sale
cannot change while the customer pays), with the provider's prompt (the QR code to scan) brought
to the GUI thread and told to every screen (``PaymentPrompted``: the payment dialog and the
customer display show it), and told again when the wait ends."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from pos.ports import PaymentResult
from pos.services.till import PaymentView, Till
from ui.lanes import Lanes, PaymentChanged, PaymentPrompted, SaleCompleted
from ui.ops import Operation
from ui.till.operations import Done, Failed


class _PromptBridge(QObject):
    """Made on the GUI thread; ``prompted`` emitted from the worker arrives there (queued)."""

    prompted = Signal(object)


def pay_mobile(lanes: Lanes, till: Till, method_id: str, amount: int | None, *,
               payer_phone: str = "", on_prompt: Callable[[PaymentPrompted], None] | None = None,
               on_done: Done = None, on_error: Failed = None) -> Operation:
    """Pay ``amount`` öre (None: what is left) with the mobile method ``method_id``; the QR code
    (or the phone it went to) reaches ``on_prompt`` and every screen while the customer pays."""
    method = till.config.payment_methods.get(method_id)
    bridge = _PromptBridge(lanes)

    def prompted(change: PaymentPrompted) -> None:
        lanes.tell(change)
        if on_prompt is not None:
            on_prompt(change)
    bridge.prompted.connect(prompted)

    def prompt(result: PaymentResult) -> None:  # on the register lane's worker
        bridge.prompted.emit(PaymentPrompted(method.label, result.amount, result.qr_data,
                                             payer_phone))

    def ended() -> None:
        lanes.tell(PaymentPrompted(method.label, 0, active=False))
        bridge.deleteLater()

    def done(view: PaymentView) -> None:
        ended()
        lanes.tell(SaleCompleted(view.sale) if view.sale is not None else PaymentChanged(view))
        if on_done is not None:
            on_done(view)

    def failed(exc: BaseException) -> None:
        ended()
        if on_error is not None:
            on_error(exc)

    return lanes.register.run(
        lambda: till.pay_with(method_id, amount, payer_phone=payer_phone, prompt=prompt),
        done, failed, label="pay_mobile")
