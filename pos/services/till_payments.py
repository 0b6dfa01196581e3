"""The till's payments: cash, card (stored attempts, status after a lost answer, refunds) and
completing the sale: numbered, signed, stored, journaled and queued for the central store in one
transaction."""
from __future__ import annotations

import time
import uuid

from pos.cart import CartTotals
from pos.db import till_repositories as repo
from pos.journal import Kind
from pos.payments import Payment, PaymentError, Tender, TenderKind
from pos.ports import CardOutcome, CardRequest, CardResult, ControlRecord
from pos.sales import Sale, check_balanced, sale_lines
from pos.services.till_core import TillCore
from pos.services.till_types import PaymentView
from pos.sync.sale_events import enqueue_sale


class PaymentsMixin(TillCore):
    # --- payment ---------------------------------------------------------------------------------

    def payment_view(self, sale: Sale | None = None) -> PaymentView:
        """The payment in progress, or, given the ``sale`` it completed, that sale's payment."""
        if sale is not None:
            return PaymentView(sale.total, sale.paid, 0, 0, sale.rounding, sale.tenders,
                               sale.change, sale)
        p = self.payment or Payment(self.cart.totals().total)
        return PaymentView(p.total, p.paid, p.remaining, p.cash_due, p.rounding,
                           tuple(p.tenders), p.change, sale)

    def start_payment(self) -> PaymentView:
        self._require_user()
        with self._tx() as s:
            self._require_shift(s)
        if self.cart.is_empty:
            raise PaymentError("The sale is empty")
        if self.payment is None:
            self._priced_at = self._promotion_time()
            self.payment = Payment(self.cart.totals().total)
            with self._tx() as s:
                self._save_cart(s)
        return self.payment_view()

    def cancel_payment(self) -> CartTotals:
        """Back to the sale. Only before any tender is taken (cash is given back by hand)."""
        if self.payment and self.payment.tenders:
            raise PaymentError("Tenders are already taken: complete the payment")
        self.payment = None
        self._priced_at = None
        with self._tx() as s:
            self._save_cart(s)
        return self.cart.totals()

    def pay_cash(self, received: int) -> PaymentView:
        payment = self._open_payment()
        payment.add_cash(received)
        return self._after_tender()

    def pay_card(self, amount: int | None = None) -> PaymentView:
        """Charge a card for ``amount`` (default: all that is left). Blocks on the terminal.

        The attempt is stored before the terminal is asked; a lost answer is resolved by asking
        the terminal for the transaction's status, so a card is never charged twice.
        """
        payment = self._open_payment()
        amount = payment.remaining if amount is None else amount
        payment.check_card_amount(amount)
        attempt_id = f"{self.register_id}-{uuid.uuid4().hex[:16]}"
        with self._tx() as s:
            repo.add_attempt(s, attempt_id, self.register_id, "purchase", amount, self._now())
        self.card_attempt_in_progress = attempt_id
        try:
            result = self.devices.terminal.purchase(
                CardRequest(attempt_id, amount, sale_ref=f"{self.register_id}"))
            if result.outcome is CardOutcome.UNKNOWN:
                result = self._poll_status(attempt_id)
        finally:
            self.card_attempt_in_progress = None
        return self._apply_card_result(attempt_id, amount, result)

    def refund_card_tender(self, attempt_id: str) -> PaymentView:
        """Give back a card payment taken for the sale in progress (the customer changed their
        mind, or wants to pay otherwise): refunded on the terminal first, then taken off the
        payment, so the sale can be paid another way, changed or voided. Journaled."""
        payment = self.payment
        tender = next((t for t in (payment.tenders if payment else [])
                       if t.kind is TenderKind.CARD and t.attempt_id == attempt_id), None)
        if payment is None or tender is None:
            raise PaymentError("There is no such card payment on this sale")
        refund_id = f"{self.register_id}-r{uuid.uuid4().hex[:15]}"
        with self._tx() as s:
            repo.add_attempt(s, refund_id, self.register_id, "refund", tender.amount, self._now())
        result = self.devices.terminal.refund(
            CardRequest(refund_id, tender.amount, sale_ref=tender.terminal_ref))
        if result.outcome is CardOutcome.UNKNOWN:
            result = self._poll_status(refund_id)
        record = {"outcome": result.outcome.value, "refunds": attempt_id,
                  "terminal_ref": result.terminal_ref, "message": result.message}
        with self._tx() as s:
            repo.update_attempt(s, refund_id, result.outcome.value, record, self._now(),
                                used=result.approved)
            if result.approved:
                payment.tenders.remove(tender)
                self._save_cart(s)
                self._journal(s, Kind.CARD_REFUND, {"attempt": attempt_id, "refund": refund_id,
                                                    "amount": tender.amount})
        if not result.approved:
            raise PaymentError(f"The card payment was not given back ({result.outcome.value}"
                               f"{': ' + result.message if result.message else ''}); it still "
                               "counts for this sale")
        return self.payment_view()

    def cancel_card(self) -> bool:
        """Ask the terminal to stop the card payment now running (safe from any thread).

        The running ``pay_card`` then gets the terminal's answer (cancelled, or approved if the
        customer was faster) and records it as usual. Returns False when none is running."""
        attempt_id = self.card_attempt_in_progress
        if attempt_id is None:
            return False
        self.devices.terminal.abort(attempt_id)
        return True

    def resolve_card_attempts(self) -> list[str]:
        """After a crash or a lost answer: ask the terminal about every unresolved attempt.

        An approved one is applied to the open payment (once); messages say what happened.
        """
        messages: list[str] = []
        with self._tx() as s:
            pending = [(a.id, a.amount) for a in repo.unresolved_attempts(s, self.register_id)]
        for attempt_id, amount in pending:
            result = self.devices.terminal.transaction_status(attempt_id)
            try:
                self._apply_card_result(attempt_id, amount, result)
                messages.append(f"Card payment {attempt_id}: {result.outcome.value}")
            except PaymentError as e:
                messages.append(str(e))
        return messages

    def _poll_status(self, attempt_id: str) -> CardResult:
        result = CardResult(CardOutcome.UNKNOWN, attempt_id)
        for _ in range(self.config.card_status_polls):
            result = self.devices.terminal.transaction_status(attempt_id)
            if result.outcome is not CardOutcome.UNKNOWN:
                break
            time.sleep(self.config.card_status_interval)
        return result

    def _apply_card_result(self, attempt_id: str, amount: int, result: CardResult) -> PaymentView:
        now = self._now()
        record = {"outcome": result.outcome.value, "auth_code": result.auth_code,
                  "terminal_ref": result.terminal_ref, "message": result.message}
        if result.outcome is CardOutcome.APPROVED:
            payment = self.payment
            with self._tx() as s:
                row = repo.attempt(s, attempt_id)
                if row is not None and row.used:
                    return self.payment_view()
                if payment is None or any(t.attempt_id == attempt_id for t in payment.tenders):
                    repo.update_attempt(s, attempt_id, "approved", record, now,
                                        used=payment is not None)
                    if payment is None:
                        raise PaymentError(f"An approved card payment of {amount} öre has no open "
                                           f"sale: refund it (ref {result.terminal_ref})")
                    return self.payment_view()
                payment.add_card(Tender(
                    TenderKind.CARD, amount, attempt_id=attempt_id, auth_code=result.auth_code,
                    masked_pan=result.masked_pan, brand=result.brand,
                    terminal_ref=result.terminal_ref, receipt_lines=result.receipt_lines))
                repo.update_attempt(s, attempt_id, "approved", record, now, used=True)
                self._save_cart(s)
            return self._after_tender()
        status = "unknown" if result.outcome is CardOutcome.UNKNOWN else result.outcome.value
        with self._tx() as s:
            repo.update_attempt(s, attempt_id, status, record, now)
        if result.outcome is CardOutcome.UNKNOWN:
            raise PaymentError("The terminal did not answer. Nothing is lost: ask it again with "
                               "'Check card payment' before taking another payment")
        reason = {CardOutcome.DECLINED: "Card declined", CardOutcome.CANCELLED: "Cancelled",
                  CardOutcome.BUSY: "The terminal is busy",
                  CardOutcome.NOT_FOUND: "The terminal never received the payment"}[result.outcome]
        raise PaymentError(f"{reason}{': ' + result.message if result.message else ''}")

    def _open_payment(self) -> Payment:
        self._require_user()
        if self.payment is None:
            self.start_payment()
        assert self.payment is not None
        return self.payment

    def _after_tender(self) -> PaymentView:
        assert self.payment is not None
        self.payment.close_with_rounding_only()
        if self.payment.complete:
            sale = self._complete()
            return self.payment_view(sale)
        with self._tx() as s:
            self._save_cart(s)
        if self.devices.display is not None:
            try:
                self.devices.display.show_payment(self.payment.total, self.payment.paid, 0)
            except Exception:
                pass
        return self.payment_view()

    def _complete(self) -> Sale:
        """Number, sign, store and journal the sale in one transaction, then clear the cart."""
        user = self._require_user()
        payment = self.payment
        assert payment is not None
        totals = self.cart.totals()
        lines = sale_lines(totals)
        check_balanced(lines, payment)
        now = self._now()
        with self._tx() as s:
            shift = self._require_shift(s)
            reg = repo.lock_register(s, self.register_id)
            receipt_no = reg.next_receipt_no
            code = self.devices.control_unit.sign(ControlRecord(
                self.register_id, receipt_no, now.isoformat(), "normal", totals.total,
                tuple((v.rate.value, v.vat) for v in totals.vat)))
            sale = Sale(id=str(uuid.uuid4()), register_id=self.register_id, receipt_no=receipt_no,
                        shift_id=shift.id, cashier_id=user.id, cashier_name=user.name,
                        completed_at=now, lines=lines, tenders=tuple(payment.tenders),
                        total=totals.total, discount=totals.discount, rounding=payment.rounding,
                        control_code=code, customer_id=self.cart.customer_id,
                        customer_name=self.cart.customer.label if self.cart.customer else "")
            repo.add_sale(s, sale)
            # The central store learns of the sale through the outbox, in this same transaction:
            # stored sale and queued order exist together or not at all.
            enqueue_sale(s, sale, self.config.location_id,
                         customer_email=(self.cart.customer.email or None) if self.cart.customer else None)
            reg.next_receipt_no = receipt_no + 1
            reg.grand_total += sale.total
            self._journal(s, Kind.SALE, _sale_payload(sale))
            self.cart = self._new_cart()
            self.payment = None
            self._save_cart(s)
        if self.devices.display is not None:
            try:
                self.devices.display.show_thanks(self.config.thanks_text,
                                                 self.config.store.receipt_url + sale.id)
            except Exception:
                pass
        try:
            self.reload_promotions()
        except Exception:  # noqa: BLE001 - the sale is stored; the old promotions stay in force
            pass
        return sale


def _sale_payload(sale: Sale) -> dict[str, object]:
    return {"sale_id": sale.id, "receipt_no": sale.receipt_no, "shift": sale.shift_id,
            "total": sale.total, "discount": sale.discount, "rounding": sale.rounding,
            "control_code": sale.control_code,
            "vat": [[v.rate.value, v.gross, v.vat] for v in sale.vat],
            "lines": [line.to_dict() for line in sale.lines],
            "tenders": [[t.kind.value, t.amount] for t in sale.tenders]}


