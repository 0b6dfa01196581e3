"""Payment methods as data: each tender points at a method the store configured.

A method is a record, as Odoo's ``pos.payment.method`` is: its kind (cash, a card terminal, a
mobile/QR payment such as Swish, a gift card, pay later such as an invoice), the label the
receipt and the screen show, whether it counts as cash in the drawer (and is rounded to whole
kronor: öresavrundning applies to cash only), and the payment provider that takes it (a name the
register's devices resolve to a ``pos.ports.PaymentProvider``). Adding a method is configuration
(``[[payment.methods]]`` in pos.toml); adding a kind of provider is a new adapter behind the
same protocol.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pos.errors import UserError, messages

MESSAGES = messages({
    "payment.unknown_method": "There is no payment method {method}",
    "payment.method_twice": "The payment method {method} is configured twice",
    "payment.method_needs_provider": "The payment method {method} needs a provider",
    "payment.no_cash_method": "No payment method counts as cash",
    "payment.method_invalid": "The payment method {method} is not valid: {detail}",
})


class MethodKind(Enum):
    CASH = "cash"  # notes and coins into the drawer
    TERMINAL = "terminal"  # a card terminal (nexo, Concert)
    MOBILE = "mobile"  # a QR code or phone payment (Swish)
    GIFT_CARD = "gift_card"
    PAY_LATER = "pay_later"  # an invoice

    @property
    def needs_provider(self) -> bool:
        """Taken through a provider (stored attempt, status, refund), not by hand."""
        return self in (MethodKind.TERMINAL, MethodKind.MOBILE, MethodKind.GIFT_CARD)


@dataclass(frozen=True)
class PaymentMethod:
    """``id``: stable, stored on every tender ("cash", "card", "swish"); ``label``: what the
    receipt prints; ``provider``: the name of the provider that takes it (kinds that need one)."""

    id: str
    kind: MethodKind
    label: str
    counts_as_cash: bool = False
    provider: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind.value, "label": self.label,
                "counts_as_cash": self.counts_as_cash, "provider": self.provider}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "PaymentMethod":
        return cls(id=str(d["id"]), kind=MethodKind(d["kind"]), label=str(d.get("label") or d["id"]),
                   counts_as_cash=bool(d.get("counts_as_cash", False)),
                   provider=str(d.get("provider") or ""))


CASH = PaymentMethod("cash", MethodKind.CASH, "Kontant", counts_as_cash=True)
CARD = PaymentMethod("card", MethodKind.TERMINAL, "Kort", provider="terminal")
DEFAULT_METHODS = (CASH, CARD)
# Swish, when the register has a Swish provider ([swish] in pos.toml) and no methods of its own
SWISH = PaymentMethod("swish", MethodKind.MOBILE, "Swish", provider="swish")
# A web order's payment, taken by the central store: a return refunds to it there (the outbox
# asks the central store), never at the till
WEB_PAYMENT = PaymentMethod("web", MethodKind.PAY_LATER, "Webbetalning")
# An invoice (faktura) to an identified customer, paid later (``pos.invoices``): offered when
# [invoice] names the store's bankgiro
INVOICE = PaymentMethod("invoice", MethodKind.PAY_LATER, "Faktura")
# Gift cards and store credit (tillgodo), when the register reaches the central store's stored
# value (``pos.gift_cards``): both debit an account there, through the provider of that name
GIFT_CARD = PaymentMethod("gift_card", MethodKind.GIFT_CARD, "Presentkort", provider="gift_card")
STORE_CREDIT = PaymentMethod("store_credit", MethodKind.GIFT_CARD, "Tillgodo",
                             provider="store_credit")


def known_method(method_id: str) -> PaymentMethod:
    """The default method with ``method_id`` (tenders stored before methods were records carry
    only their id: "cash" or "card"); an unknown id becomes a non-cash method of that name."""
    return next((m for m in (*DEFAULT_METHODS, SWISH, WEB_PAYMENT, INVOICE, GIFT_CARD,
                             STORE_CREDIT) if m.id == method_id),
                PaymentMethod(method_id, MethodKind.PAY_LATER, method_id))


@dataclass(frozen=True)
class PaymentMethods:
    """The methods a register offers, in the order the payment screen shows them."""

    methods: tuple[PaymentMethod, ...] = field(default=DEFAULT_METHODS)

    def __post_init__(self) -> None:
        ids = [m.id for m in self.methods]
        for m in self.methods:
            if ids.count(m.id) > 1:
                raise UserError("payment.method_twice", method=m.id)
            if m.kind.needs_provider and not m.provider:
                raise UserError("payment.method_needs_provider", method=m.id)
        if not any(m.counts_as_cash for m in self.methods):
            raise UserError("payment.no_cash_method")

    def get(self, method_id: str) -> PaymentMethod:
        """``PaymentError``-like ``UserError`` for an id the register does not offer."""
        for m in self.methods:
            if m.id == method_id:
                return m
        raise UserError("payment.unknown_method", method=method_id)

    @property
    def cash(self) -> PaymentMethod:
        """The method cash handed over is taken as (the first that counts as cash)."""
        return next(m for m in self.methods if m.counts_as_cash)

    def of_kind(self, kind: MethodKind) -> list[PaymentMethod]:
        return [m for m in self.methods if m.kind is kind]

    @classmethod
    def from_config(cls, rows: Iterable[Mapping[str, Any]] | None,
                    swish: bool = False, stored_value: bool = False) -> "PaymentMethods":
        """From ``[[payment.methods]]`` tables (id, kind, label, counts_as_cash, provider);
        none given: cash and card, Swish when ``swish`` (the register has a provider), gift
        card and store credit when ``stored_value`` (it reaches the central store's)."""
        rows = list(rows or ())
        if not rows:
            return cls((*DEFAULT_METHODS, *((SWISH,) if swish else ()),
                        *((GIFT_CARD, STORE_CREDIT) if stored_value else ())))
        try:
            return cls(tuple(PaymentMethod.from_dict(r) for r in rows))
        except (KeyError, ValueError) as e:
            raise UserError("payment.method_invalid", method=str(dict(rows[0]).get("id", "?")),
                            detail=str(e)) from e
