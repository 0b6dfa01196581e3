"""The till's own words for what a card terminal did, when the terminal gave none of its own.

A driver puts one of these in ``PaymentResult.reason`` (a coded ``UserError``, so the screen shows
it in the cashier's language); ``PaymentResult.message`` keeps only the terminal's own text
(nexo's ``AdditionalResponse``, a simulator's display line), shown as the terminal gave it.
"""
from __future__ import annotations

from pos.errors import UserError, messages

MESSAGES = messages({
    "terminal.unreachable": "the card terminal cannot be reached ({address}); nothing was charged",
    "terminal.not_received": "the terminal did not take the payment; nothing was charged",
    "terminal.no_answer": "no answer from the card terminal: check the payment's status",
    "terminal.no_answer_see_receipt": "no answer from the terminal: see the terminal's last "
                                      "receipt before taking the payment again",
    "terminal.unreadable_answer": "an unreadable answer from the card terminal: check the "
                                  "payment's status",
    "terminal.unexpected_answer": "an unexpected answer from the card terminal",
    "terminal.no_status_answer": "the card terminal does not answer the status question; try again",
    "terminal.status_without_result": "the terminal's status answer has no result",
    "terminal.unknown_transaction": "the terminal does not know this payment",
    "terminal.in_progress": "the payment is still in progress on the terminal",
    "terminal.no_reversal_answer": "no answer to the reversal: check its status",
    "terminal.invalid_amount": "an amount or currency the terminal does not take",
    "terminal.declined_by_issuer": "declined by the card issuer",
    "terminal.failure": "the terminal answered {condition}",
})


class TerminalReason(UserError):
    """Why a terminal's answer is what it is, in the till's words (see the module's doc)."""
