"""The till's own words for what Swish did (a coded ``UserError`` in ``PaymentResult.reason``,
shown in the cashier's language after the till's sentence)."""
from __future__ import annotations

from pos.errors import UserError, messages

MESSAGES = messages({
    "swish.unreachable": "Swish cannot be reached ({address}); nothing was charged",
    "swish.no_answer": "no answer from Swish: the request's status is asked",
    "swish.no_status_answer": "Swish does not answer the status question; try again",
    "swish.unreadable_answer": "an answer from Swish the till cannot read",
    "swish.unknown_request": "Swish does not know this payment request",
    "swish.declined": "the customer's bank declined the payment",
    "swish.timed_out": "the customer did not answer in time",
    "swish.cancelled_by_payer": "the customer cancelled in the Swish app",
    "swish.cancelled_unseen": "the request's QR code was never shown, so it was cancelled; "
                              "nothing was charged: try again",
    "swish.payer_not_enrolled": "the number {phone} does not have Swish",
    "swish.phone_invalid": "{phone} is not a mobile number Swish takes",
    "swish.request_open": "the customer already has an open Swish request: let them finish or "
                          "cancel it first",
    "swish.refund_too_large": "more than the Swish payment has left to refund",
    "swish.refused": "Swish refused it ({code})",
    "swish.no_original": "the Swish payment to refund has no reference",
})


class SwishReason(UserError):
    """Why a Swish answer is what it is, in the till's words."""
