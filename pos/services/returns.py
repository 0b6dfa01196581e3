"""Returns and exchanges at the till (``pos.returns``): find what was bought, put what comes
back on the sale in progress as return lines, and give the money back to the original payments.

A return is a sale with return lines: the same numbering, control unit, journal and receipt (a
return receipt, returkvitto, when it gives back more than it takes); an exchange is one such sale
with new articles on it too, so the difference is paid or refunded on one receipt. Swedish
cash-register rules (SKVFS 2021:17) keep one consecutive series for every receipt of a register,
return receipts included, each registered with the control unit (as kind "return").

Finding a purchase reads the central store (``PurchaseRecords``: the one truth of what was bought
and returned in any channel) on the till's network lane, with this store's own record of its
own sales and of returns not yet reported. When the central store cannot be reached a store sale
of this store is returned against the local record and marked for review; a web order is not
returned at all (nothing here knows what it paid or what came back).

Refunds (``refund``) go back to the purchase's payments up to what each can still refund: a card
on the register's terminal by the original reference (the attempt stored first, a lost answer
resolved by asking the terminal, as for purchases), a web payment through the central store
(the outbox asks it, with the return), the rest in cash rounded to whole kronor.
"""
from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone

from pos.cart import ApprovalRequired, Cart, CartError, CartTotals
from pos.catalog import Variant
from pos.errors import UserError, messages
from pos.journal import Kind
from pos.payment_methods import WEB_PAYMENT, MethodKind, PaymentMethod
from pos.payments import PaymentError, Tender
from pos.ports import (CommerceUnavailable, PaymentRequest, PaymentResult,
                       PurchaseRecords)
from pos.returns import (PaidTender, Purchase, PurchaseKind,
                         PurchasedLine, RefundPart, RefundPlan, ReturnError, ReturnOf, ReturnReason,
                         plan_refund)
from pos.sales import Sale, receipt_code
from pos.scan_router import ScanKind, classify
from pos.services import payments, selling, staff
from pos.services.context import RegisterContext
from pos.services.payments import PaymentView
from pos.services.return_checks import check_still_returnable, returned_here
from pos.services.unit_of_work import UnitOfWork
from pos.sync.return_events import return_key

MESSAGES = messages({
    "return.refund_refused": "The refund of {amount} kr to {method} was not made "
                             "({outcome}{detail}): try again, or give it back in cash",
    "return.no_terminal_refund": "Nothing here can refund {method}: give it back in cash",
    "return.not_a_return": "This sale gives nothing back",
    "return.no_central_store": "No central store is configured here: the web order {code} "
                               "cannot be looked up",
    "return.too_many_with_sale": "{name}: at most {max} more can be returned (bought {bought}, "
                                 "returned before {returned}, {in_sale} already on this sale)",
    "return.other_store_offline": "{code} was not sold here, and the central store that knows "
                                  "it cannot be reached: it cannot be returned now",
    "return.cash_only_by_policy": "The store's policy refunds to the original payment",
})

REFUND_ATTEMPT = "return_refund"  # payment attempts of refunds to a purchase's card


@dataclass(frozen=True)
class ReturnPick:
    """``units`` of the purchase's line ``line_key`` come back for ``reason`` (a
    ``ReturnReason.id``); ``restock``: back to stock (None: as the reason says)."""

    line_key: str
    units: int
    reason: str
    restock: bool | None = None


@dataclass(frozen=True)
class PurchaseView:
    """A purchase as the returns screen shows it: ``verified`` False when only this store's own
    record answered (returned anyway, marked for review); ``in_sale``: units of each line
    already on the sale in progress."""

    purchase: Purchase
    verified: bool
    in_sale: dict[str, int] = field(default_factory=dict)

    def returnable(self, key: str) -> int:
        return max(0, self.purchase.line(key).returnable - self.in_sale.get(key, 0))


# --- the network lane: finding what was bought ----------------------------------------------------


def find_purchase(records: PurchaseRecords | None, uow: UnitOfWork, code: str,
                  location_id: str) -> Purchase:
    """The purchase ``code`` names (a receipt code, a digital receipt's QR, a web order's number
    or QR), with the units already returned in any channel: the central store's record, plus
    this store's returns it has not heard of yet. ``ReturnError`` when there is none, or when a
    web order is asked for while the central store cannot be reached."""
    scan = classify(code)
    with uow:
        local = _local_sale(uow, scan)
    local_purchase = purchase_of_sale(local, location_id) if local else None
    wanted = local_purchase.code if local_purchase else _central_code(scan)
    central: Purchase | None = None
    down = records is None
    if records is not None and wanted:
        try:
            central = records.find_purchase(wanted)
        except CommerceUnavailable:
            down = True
    if central is not None:
        with uow:
            unsent = _returned_here(uow, central.code, unsent_only=True)
            refunded = _refunded_here(uow, central.code)
        return _with_refunds(central.with_returned(
            {ln.key: ln.returned + unsent.get(ln.key, 0) for ln in central.lines}), refunded)
    if local_purchase is not None:
        # the central store is down, or has not got the sale yet (the outbox still holds it):
        # this store's record is all there is, and every return of it made here counts
        with uow:
            done = _returned_here(uow, local_purchase.code)
            refunded = _refunded_here(uow, local_purchase.code)
        return _with_refunds(local_purchase.with_returned(done), refunded)
    if down and scan.kind is ScanKind.RECEIPT:
        raise ReturnError("return.other_store_offline", code=wanted)
    if looks_like_web_order(code):
        if records is None:
            raise ReturnError("return.no_central_store", code=code.strip())
        if down:
            raise ReturnError("return.web_order_offline")
    raise ReturnError("return.not_found", code=code.strip())


def looks_like_web_order(code: str) -> bool:
    """A web order's number (``1042``, ``#1042``), id (``order_...``) or QR link."""
    text = code.strip()
    return (classify(text).kind is ScanKind.ORDER
            or re.fullmatch(r"#?[0-9]{1,10}", text) is not None)


def purchases_of_customer(records: PurchaseRecords | None, uow: UnitOfWork, customer_id: str,
                          location_id: str, limit: int = 20) -> list[Purchase]:
    """The customer's web orders and store sales, newest first: the central store's, and this
    store's own sales it has not got yet (all of them when it cannot be reached; those are
    not verified)."""
    central: list[Purchase] = []
    if records is not None:
        try:
            central = records.purchases_of_customer(customer_id, limit)
        except CommerceUnavailable:
            central = []
    with uow:
        local = [purchase_of_sale(s, location_id) for s in uow.sales.of_customer(customer_id, limit)]
    known = {p.code for p in central}
    found = central + [p for p in local if p.code not in known and p.lines]
    return sorted(found, key=lambda p: _aware(p.bought_at), reverse=True)[:limit]


def _aware(t: datetime | None) -> datetime:
    """A time to sort by: a naive one is the till's local time."""
    if t is None:
        return datetime.min.replace(tzinfo=timezone.utc)
    return t if t.tzinfo is not None else t.astimezone()


def purchase_of_sale(sale: Sale, location_id: str) -> Purchase:
    """A store sale of this store as a purchase (line keys are its line numbers, "1" ...; lines
    that were themselves returns or a web order's goods are left out)."""
    lines = tuple(
        PurchasedLine(str(i), ln.variant_id, ln.sku, ln.ean, ln.name, ln.quantity, ln.total,
                      ln.vat_rate, 0, ln.weight)
        for i, ln in enumerate(sale.lines, 1) if not ln.is_return and not ln.order_id)
    # a card named as the customer knows it ("VISA ****1234"): the refund screen says where
    # the money goes back
    tenders = tuple(PaidTender(t.method.id, " ".join(x for x in (t.brand, t.masked_pan) if x)
                               or t.method.label, t.amount, 0, t.terminal_ref)
                    for t in sale.tenders if t.amount > 0)
    return Purchase(PurchaseKind.STORE_SALE, sale.receipt_code, sale.completed_at, lines,
                    tenders, sale_id=sale.id, location=location_id,
                    customer_id=sale.customer_id, customer_name=sale.customer_name,
                    verified=False)


def _has(p: Purchase, key: str) -> bool:
    return any(ln.key == key for ln in p.lines)


def _local_sale(uow: UnitOfWork, scan) -> Sale | None:  # noqa: ANN001 - a pos.scan_router.Scan
    if scan.kind is ScanKind.RECEIPT:
        return uow.sales.by_receipt(scan.register, scan.number)
    if scan.kind is ScanKind.DIGITAL_RECEIPT:
        return uow.sales.get(scan.value)
    return None


def _central_code(scan) -> str:  # noqa: ANN001
    if scan.kind is ScanKind.RECEIPT:
        return receipt_code(scan.register, scan.number)
    return scan.value.strip()


def _returned_here(uow: UnitOfWork, code: str, unsent_only: bool = False) -> dict[str, int]:
    """Units of each line of ``code`` returned by sales made here (any register); with
    ``unsent_only`` those the central store has not recorded yet (their outbox message is not
    sent)."""
    if not unsent_only:
        return returned_here(uow, code)
    out: dict[str, int] = {}
    for sale in uow.sales.returns_of(code):
        row = uow.outbox.by_key(return_key(sale.id, code))
        if row is not None and row.status == "sent":
            continue
        for ln in sale.return_lines:
            of = ln.returned_from
            if of is not None and of.code == code:
                out[of.line_key] = out.get(of.line_key, 0) + of.units
    return out


def _refunded_here(uow: UnitOfWork, code: str) -> dict[tuple[str, str], int]:
    """Öre given back here to each of ``code``'s payments: (method id, its reference) -> öre
    (cash: ("cash", ""))."""
    out: dict[tuple[str, str], int] = {}
    for sale in uow.sales.returns_of(code):
        for t in sale.tenders:
            if t.amount < 0 and t.refund_for == code:
                k = (t.method.id, t.refund_of)
                out[k] = out.get(k, 0) - t.amount
    return out


def _with_refunds(purchase: Purchase, refunded_here: dict[tuple[str, str], int]) -> Purchase:
    """The purchase's payments with what was refunded here counted (where the record's own
    figure is lower: it has not heard of every refund made here yet). Refunds made here are
    spread over the payments of one kind in order (two cash tenders share one "cash"); what
    exceeds them (cash instead of a card) comes off the others."""
    left = dict(refunded_here)
    tenders = []
    for t in purchase.tenders:
        key = (t.method_id, t.reference)
        here = min(left.get(key, 0), t.amount)
        left[key] = left.get(key, 0) - here
        tenders.append(replace(t, refunded=max(t.refunded, here)))
    # cash given instead of a card's refund used up that much of what the purchase can give
    # back: it comes off the other payments, in order
    spill = sum(v for v in left.values() if v > 0)
    for i, t in enumerate(tenders):
        take = min(spill, t.refundable)
        if take:
            tenders[i] = replace(t, refunded=t.refunded + take)
            spill -= take
    return replace(purchase, tenders=tuple(tenders))


# --- the register lane: the sale in progress -------------------------------------------------------


def reasons(ctx: RegisterContext) -> tuple[ReturnReason, ...]:
    return ctx.config.returns.reasons


def purchase_view(ctx: RegisterContext, purchase: Purchase) -> PurchaseView:
    return PurchaseView(purchase, purchase.verified, ctx.state.cart.returned_units(purchase.code))


def return_lines(ctx: RegisterContext, purchase: Purchase,
                 picks: list[ReturnPick]) -> CartTotals:
    """Put ``picks`` of ``purchase`` on the sale in progress as return lines, each giving back
    what was paid for its units (``PurchasedLine.refund_for``, counting what earlier returns and
    this sale already take back). All or nothing: ``ReturnError`` leaves the sale as it was."""
    rules = ctx.config.returns
    with ctx.uow:  # the articles as the catalogue has them (read before the change opens)
        variants = {ln.key: _variant(ctx, ln) for ln in purchase.lines
                    if any(pk.line_key == ln.key for pk in picks)}

    def add(cart: Cart) -> None:
        known = cart.purchases.get(purchase.code)
        p = purchase if known is None else purchase.with_returned(
            {ln.key: ln.returned for ln in known.lines})
        in_sale = dict(cart.returned_units(p.code))
        if not [pk for pk in picks if pk.units]:
            raise ReturnError("return.quantity_positive")
        for pick in picks:
            if not pick.units:
                continue
            reason = rules.reason(pick.reason)
            line = p.line(pick.line_key)
            taken = in_sale.get(pick.line_key, 0)
            counted = replace(line, returned=line.returned + taken)
            if taken and pick.units > counted.returnable:
                raise ReturnError("return.too_many_with_sale", name=line.name,
                                  max=counted.returnable, bought=line.quantity,
                                  returned=line.returned, in_sale=taken)
            refund = counted.refund_for(pick.units)
            in_sale[pick.line_key] = taken + pick.units
            of = ReturnOf(p.kind, p.code, line.key, pick.units, reason.id,
                          reason.restock if pick.restock is None else pick.restock,
                          sale_id=p.sale_id, order_id=p.order_id, review=not p.verified,
                          reason_label=reason.label)
            cart.add_return_line(variants[line.key], pick.units, refund, of, p)

    return selling.change(ctx, add)


def return_without_receipt(ctx: RegisterContext, variant: Variant, units: int, reason: str,
                           restock: bool | None = None,
                           approver_pin: str | None = None) -> CartTotals:
    """An article brought back without proof of purchase: a manager approves (the cashier, if a
    manager; else the manager whose ``approver_pin`` is given: wrong PINs are journaled and
    lock approvals, as for discounts); it gives back at most its current price (the
    catalogue's now), in cash. ``ApprovalRequired`` without an approval."""
    if ctx.state.payment is not None:  # said before a manager is called over for nothing
        raise CartError("sale.payment_started")
    approved_by = staff.approver(ctx, approver_pin)
    if not approved_by:
        raise ApprovalRequired("return.needs_receipt_approval", "return_no_receipt")
    r = ctx.config.returns.reason(reason)
    code = f"NR-{uuid.uuid4().hex[:10].upper()}"
    line = PurchasedLine("1", variant.id, variant.sku, variant.ean, variant.name, units,
                         variant.price * units, variant.vat_rate)
    purchase = Purchase(PurchaseKind.NO_RECEIPT, code, None, (line,), verified=False)
    of = ReturnOf(PurchaseKind.NO_RECEIPT, code, "1", units, r.id,
                  r.restock if restock is None else restock, approved_by=approved_by,
                  reason_label=r.label)
    return selling.change(
        ctx, lambda cart: cart.add_return_line(variant, units, line.refund_for(units), of,
                                               purchase),
        journal=(Kind.DISCOUNT_APPROVED, {"action": "return_no_receipt", "by": approved_by,
                                          "sku": variant.sku, "units": units}))


def _variant(ctx: RegisterContext, line: PurchasedLine) -> Variant:
    """The returned article as the catalogue has it (inside an open unit of work); one made
    from the purchase's line when the catalogue no longer has it."""
    found = ctx.uow.catalog.by_id(line.variant_id) if line.variant_id else None
    if found is None and line.sku:
        found = ctx.uow.catalog.by_code(line.sku)
    if found is not None:
        return found
    return Variant(line.variant_id or line.sku, line.sku, line.ean, line.name,
                   line.total // max(1, line.quantity), line.vat_rate)


# --- refunds ----------------------------------------------------------------------------------------


def refund_plan(ctx: RegisterContext, to_original: bool = True) -> RefundPlan:
    """How what the sale in progress owes back would go back now (nothing is done)."""
    payment = ctx.state.payment
    owed = -(payment.remaining if payment is not None else ctx.state.cart.totals().total)
    if owed <= 0:
        raise ReturnError("return.not_a_return")
    open_tenders = _open_tenders(ctx)
    return plan_refund(owed, [t for _, t in open_tenders], to_original,
                       tuple(code for code, _ in open_tenders))


def _open_tenders(ctx: RegisterContext) -> list[tuple[str, PaidTender]]:
    """The payments of the sale's purchases (with the purchase's code), less what this sale
    has already given back to them."""
    given: dict[tuple[str, str], int] = {}
    for t in (ctx.state.payment.tenders if ctx.state.payment else []):
        if t.amount < 0 and (t.refund_of or t.refund_for):
            given[(t.method.id, t.refund_of)] = given.get((t.method.id, t.refund_of), 0) - t.amount
    out: list[tuple[str, PaidTender]] = []
    for p in ctx.state.cart.purchases.values():
        for paid in p.tenders:
            key = (paid.method_id, paid.reference)
            now = min(given.get(key, 0), paid.refundable)
            given[key] = given.get(key, 0) - now
            out.append((p.code, replace(paid, refunded=paid.refunded + now)))
    return out


def refund(ctx: RegisterContext, to_original: bool = True) -> PaymentView:
    """Give back what the sale in progress owes, part by part (``refund_plan``): a card on the
    terminal by its original reference, a web payment through the central store (recorded
    now, asked by the outbox with the return), the rest in cash. Each part is saved before the
    next; a refused card refund raises with the parts before it kept (then try again, or
    ``to_original=False`` for cash). The sale completes when all is given back.

    Blocks while the terminal works: call it from the payment lane."""
    if not to_original and not ctx.config.returns.cash_instead:
        raise ReturnError("return.cash_only_by_policy")
    payments.start_payment(ctx)
    payment = ctx.state.payment
    assert payment is not None
    if not payment.tenders:  # before any money moves: the units are still there to return
        with ctx.uow:
            check_still_returnable(ctx.uow, ctx.state.cart)
    for part in refund_plan(ctx, to_original).parts:
        if payment.complete:
            break
        before = ctx.state.saved()
        if part.method_id == "cash":
            payment.pay_out_cash(ctx.config.payment_methods.cash, _single_purchase(ctx),
                                 part.amount)
        elif part.method_id == WEB_PAYMENT.id:
            payment.add_refund_tender(Tender(WEB_PAYMENT, -part.amount, refund_of=part.reference,
                                             refund_for=part.purchase))
        else:
            _refund_on_provider(ctx, part)
            continue
        payments.save_payment(ctx, before)
    return payments.after_tender(ctx)


def _single_purchase(ctx: RegisterContext) -> str:
    """The code of the one purchase the sale returns from ("" for none or several: cash given
    back is then not told apart per purchase)."""
    codes = list(ctx.state.cart.purchases)
    return codes[0] if len(codes) == 1 else ""


def _refund_on_provider(ctx: RegisterContext, part: RefundPart) -> None:
    amount, reference = part.amount, part.reference
    methods = ctx.config.payment_methods
    method = next((m for m in methods.methods if m.id == part.method_id), None)
    if method is None:  # a card taken by another store's method: this register's terminal
        terminals = methods.of_kind(MethodKind.TERMINAL)
        method = terminals[0] if terminals else None
    provider = (ctx.devices.provider(method.provider)
                if method is not None and method.kind.needs_provider else None)
    if method is None or provider is None:
        raise PaymentError("return.no_terminal_refund", method=part.label)
    refund_id = f"{ctx.register_id}-r{uuid.uuid4().hex[:15]}" + (
        f"~{reference}" if method.kind is MethodKind.GIFT_CARD else "")  # names its card
    with ctx.uow:  # stored before the terminal is asked, with what a restart needs to apply it
        ctx.uow.attempts.add(refund_id, ctx.register_id, REFUND_ATTEMPT, amount, ctx.now(),
                             method=method.id)
        ctx.uow.attempts.update(refund_id, "sent", {"refund_of": reference,
                                                    "refund_for": part.purchase}, ctx.now())
        ctx.uow.commit()
    result = provider.refund(PaymentRequest(refund_id, amount, sale_ref=reference))
    if result.outcome in payments.STILL_OPEN:
        result = payments.poll_status(ctx, provider, refund_id)
    apply_refund_result(ctx, method, refund_id, amount, reference, result, part.purchase)


def apply_refund_result(ctx: RegisterContext, method: PaymentMethod, refund_id: str,
                        amount: int, reference: str, result: PaymentResult,
                        purchase: str = "") -> None:
    """Record what the provider said of the refund ``refund_id``: approved, the refund is a
    tender of the sale (once); otherwise ``PaymentError`` says so."""
    record = {"outcome": result.outcome.value, "terminal_ref": result.terminal_ref,
              "refund_of": reference, "refund_for": purchase, "message": str(result.detail)}
    payment = ctx.state.payment
    with ctx.uow:
        row = ctx.uow.attempts.get(refund_id)
        if result.approved and payment is not None and not (row is not None and row.used):
            before = ctx.state.saved()
            payment.add_refund_tender(Tender(
                method, -amount, attempt_id=refund_id, auth_code=result.auth_code,
                masked_pan=result.masked_pan, brand=result.brand,
                terminal_ref=result.terminal_ref, receipt_lines=result.receipt_lines,
                refund_of=reference, refund_for=purchase))
            try:
                ctx.uow.attempts.update(refund_id, "approved", record, ctx.now(), used=True)
                ctx.save_sale()
                ctx.journal(Kind.CARD_REFUND, {"refund": refund_id, "amount": amount,
                                               "refund_of": reference})
                ctx.uow.commit()
            except BaseException:
                ctx.state.restore(before)
                raise
            return
        still_open = result.outcome in payments.STILL_OPEN
        status = "unknown" if still_open else result.outcome.value
        ctx.uow.attempts.update(refund_id, status, record, ctx.now())
        ctx.uow.commit()
    if result.approved and payment is None:
        raise PaymentError("payment.card_without_sale", amount=amount, ref=result.terminal_ref)
    if result.outcome in payments.STILL_OPEN:  # asked again later (resolve_refund_attempts)
        if method.kind is MethodKind.MOBILE:
            raise PaymentError("payment.mobile_no_answer", method=method.label)
        raise PaymentError("payment.terminal_no_answer")
    if not result.approved:
        raise PaymentError("return.refund_refused", amount=_kr(amount), method=method.label,
                           outcome=result.outcome.value, detail=payments.provider_detail(result))


def resolve_refund_attempts(ctx: RegisterContext) -> list[str]:
    """After a crash or a lost answer: ask the terminal what became of each return refund whose
    outcome is not known; an approved one is applied to the open return (once)."""
    import json

    with ctx.uow:
        pending = [(a.id, a.amount, a.method, json.loads(a.result_json or "{}"))
                   for a in ctx.uow.attempts.unresolved(ctx.register_id)
                   if a.kind == REFUND_ATTEMPT]
    said: list[str] = []
    for refund_id, amount, method_id, sent in pending:
        try:
            method = ctx.config.payment_methods.get(method_id)
            provider = ctx.devices.provider(method.provider)
            if provider is None:
                raise PaymentError("payment.no_provider", method=method.label)
            result = provider.status(refund_id)
            apply_refund_result(ctx, method, refund_id, amount, str(sent.get("refund_of") or ""),
                                result, str(sent.get("refund_for") or ""))
            said.append(f"Card refund {refund_id}: {result.outcome.value}")
        except UserError as e:
            said.append(str(e))
    return said


def _kr(amount: int) -> str:
    from pos.money import format_kronor
    return format_kronor(amount)
