"""Promotions as the central store (Medusa v2) computes them, so the till gives the same discount
the web shop does, also when it cannot reach the central store.

The semantics follow Medusa v2's promotion module as of 2.21 (standard and buy-get promotions;
buy-get is described at ``_apply_buyget``):

- Which promotions: the codes the customer gave plus every automatic promotion; only active ones
  within their campaign's dates, in the cart's currency; limit/used respected; a campaign's
  budget as ``CampaignBudget.exceeded_by`` says, line by line (a per-customer budget needs the
  sale's customer; how often that customer used it is not known here); the promotion's
  ``rules`` must all hold for the cart (order scope), the application method's ``target_rules``
  for each line (item scope). A rule holds when its ``operator`` (eq, ne, in, gt, gte, lt, lte)
  matches the values found at its ``attribute`` path, e.g. ``items.product.categories.id``,
  ``items.product.collection_id``, ``items.product_id``, ``items.variant_sku``, ``currency_code``.
- Order of application: buy-get promotions first, then by ``application_method.value``, highest
  first (the raw number, whatever the type), ties in the order given. Medusa itself leaves ties
  to the database (``ORDER BY value`` alone), so two promotions of equal value give the same
  total in both only where their order cannot matter (percentages without a budget or limit). Each promotion sees what
  earlier ones took (per line, kept net of VAT, as Medusa does).
- ``target_type`` ``order`` means allocation ``across`` over all lines; ``items`` uses the method's
  allocation:
  - ``each``: per line, on at most ``max_quantity`` units (Medusa's default when unset: 1);
    percentage: value % of that amount; fixed: value per unit, times min(quantity, max_quantity).
  - ``across``: percentage: value % of each line's remaining amount; fixed: the value split over
    lines in proportion to their remaining amounts.
  - ``once``: as ``each`` over lines sorted cheapest first, until ``max_quantity`` units are used.
  No adjustment exceeds what is left of its line.
- Tax-inclusive prices (Swedish shelf prices): a line's base is its net ``subtotal`` =
  gross / (1 + VAT) for a promotion with ``is_tax_inclusive`` false (Medusa's default): a 50 kr
  fixed promotion is 50 kr net, 62.50 kr off a 25 % article. With ``is_tax_inclusive`` true the
  base is the gross ``original_total`` and the value is what the customer saves.
- Rounding: Medusa does not round adjustments (it keeps 20 significant digits) and shows each
  total rounded on its own, so its ``total`` and ``discount_total`` need not add up to the gross
  when the exact discount ends in half an öre. Here every adjustment is computed exactly
  (``Decimal``, 40 digits) and then turned into öre so that the cart's *total* (what the customer
  pays) is the exact total rounded half up — the central store's cart ``total`` to the öre — and
  the discount is what is left of the gross (the exact discount rounded half down). The öre go
  by largest remainder first to the lines (each line's discount is its exact discount rounded up
  or down, within an öre of the central store's line total), then within a line to its
  promotions, so the parts always add up.

Pure domain: no I/O. Amounts of lines are öre; promotion values are major units (kronor) or a
percentage, as the central store gives them.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, localcontext
from typing import Any

from pos.errors import UserError, messages
from pos.vat import VatRate

PERCENTAGE, FIXED = "percentage", "fixed"
ITEMS, ORDER, SHIPPING = "items", "order", "shipping_methods"
EACH, ACROSS, ONCE = "each", "across", "once"
STANDARD, BUYGET = "standard", "buyget"
EPSILON = Decimal("0.0001")  # Medusa's MEDUSA_EPSILON: amounts at or below it count as zero
_CTX = Context(prec=40, rounding=ROUND_HALF_UP)
SUM_QUANTUM = Decimal("1E-9")  # öre
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Rule:
    attribute: str  # e.g. "items.product.categories.id"
    operator: str  # eq | ne | in | gt | gte | lt | lte
    values: tuple[str, ...]

    @classmethod
    def from_medusa(cls, r: dict[str, Any]) -> "Rule":
        vals = tuple(str(v["value"] if isinstance(v, dict) else v) for v in r.get("values") or ())
        return cls(str(r["attribute"]), str(r["operator"]), vals)


@dataclass(frozen=True)
class ApplicationMethod:
    type: str  # percentage | fixed
    target_type: str  # items | order | shipping_methods
    value: Decimal  # percent, or major units (kronor) for fixed
    allocation: str | None = None  # each | across | once (order: always across)
    max_quantity: int | None = None
    currency_code: str | None = None
    target_rules: tuple[Rule, ...] = ()
    buy_rules: tuple[Rule, ...] = ()
    buy_rules_min_quantity: int | None = None  # buy-get: units to buy for one application
    apply_to_quantity: int | None = None  # buy-get: units that get the value per application


SPEND, USAGE, USE_BY_ATTRIBUTE = "spend", "usage", "use_by_attribute"


@dataclass(frozen=True)
class CampaignBudget:
    """A campaign's budget as the central store last reported it: ``spend`` (``limit`` and
    ``used`` in major units of discount), ``usage`` (number of orders), or ``use_by_attribute``
    (uses per customer, by ``attribute``: ``customer_id`` or ``customer_email``)."""

    type: str
    limit: Decimal | None = None
    used: Decimal = Decimal(0)
    attribute: str | None = None

    def exceeded_by(self, amount: Decimal) -> bool:
        """Medusa's ``computeActionForBudgetExceeded`` for one line's adjustment of ``amount``
        (major units, the promotion's base): a spend budget counts the amount, a usage budget
        one use; each adjustment is judged alone against what was used before this cart. Uses
        per customer are not known at the till and never stop an adjustment here."""
        if self.type == USE_BY_ATTRIBUTE or not self.limit:
            return False
        return self.used + (amount if self.type == SPEND else 1) > self.limit

    @property
    def used_up(self) -> bool:
        """Nothing more can be given: every use of a usage budget, or all of a spend budget's
        money, is taken."""
        if self.type == USE_BY_ATTRIBUTE or not self.limit:
            return False
        return self.used + 1 > self.limit if self.type == USAGE else self.used >= self.limit

    @classmethod
    def from_medusa(cls, b: dict[str, Any] | None) -> "CampaignBudget | None":
        if not b or not b.get("type"):
            return None
        return cls(type=str(b["type"]), limit=_big(b, "limit"),
                   used=_big(b, "used") or Decimal(0), attribute=b.get("attribute"))

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "attribute": self.attribute,
                "limit": None if self.limit is None else str(self.limit),
                "used": str(self.used)}


def _big(d: dict[str, Any], key: str) -> Decimal | None:
    """A Medusa BigNumber field: its ``raw_<key>.value`` (exact) if present, else the number."""
    raw = (d.get(f"raw_{key}") or {}).get("value")
    value = raw if raw is not None else d.get(key)
    return None if value is None else Decimal(str(value))


@dataclass(frozen=True)
class Promotion:
    id: str
    code: str
    application_method: ApplicationMethod
    type: str = STANDARD
    is_automatic: bool = False
    is_tax_inclusive: bool = False
    status: str = "active"
    rules: tuple[Rule, ...] = ()
    starts_at: datetime | None = None  # the campaign's dates (naive UTC)
    ends_at: datetime | None = None
    limit: int | None = None
    used: int = 0
    campaign_name: str = ""
    budget: CampaignBudget | None = None  # the campaign's

    @property
    def label(self) -> str:
        """What the receipt and the screen call it: the code, or the campaign of an automatic one
        without a code."""
        return self.code or self.campaign_name or "Kampanj"

    def is_live(self, now: datetime | None) -> bool:
        if self.status != "active":
            return False
        if self.limit is not None and self.used >= self.limit:
            return False
        if now is not None and self.starts_at is not None and now < self.starts_at:
            return False
        if now is not None and self.ends_at is not None and now > self.ends_at:
            return False
        return True

    @classmethod
    def from_medusa(cls, p: dict[str, Any]) -> "Promotion":
        """From ``GET /admin/promotions`` with application_method, rules and campaign expanded."""
        am = p.get("application_method") or {}
        raw = (am.get("raw_value") or {}).get("value")
        value = Decimal(str(raw if raw is not None else am.get("value") or 0))
        campaign = p.get("campaign") or {}
        return cls(
            id=str(p["id"]), code=str(p.get("code") or ""), type=str(p.get("type") or STANDARD),
            is_automatic=bool(p.get("is_automatic")),
            is_tax_inclusive=bool(p.get("is_tax_inclusive")), status=str(p.get("status") or ""),
            rules=tuple(Rule.from_medusa(r) for r in p.get("rules") or ()),
            starts_at=_date(campaign.get("starts_at")), ends_at=_date(campaign.get("ends_at")),
            limit=p.get("limit"), used=int(p.get("used") or 0),
            campaign_name=str(campaign.get("name") or ""),
            budget=CampaignBudget.from_medusa(campaign.get("budget")),
            application_method=ApplicationMethod(
                type=str(am.get("type")), target_type=str(am.get("target_type")), value=value,
                allocation=am.get("allocation"), max_quantity=am.get("max_quantity"),
                currency_code=am.get("currency_code"),
                target_rules=tuple(Rule.from_medusa(r) for r in am.get("target_rules") or ()),
                buy_rules=tuple(Rule.from_medusa(r) for r in am.get("buy_rules") or ()),
                buy_rules_min_quantity=_int(am.get("buy_rules_min_quantity")),
                apply_to_quantity=_int(am.get("apply_to_quantity"))))


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _date(text: Any) -> datetime | None:
    """An ISO date from the central store as naive UTC."""
    if not text:
        return None
    d = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    if d.tzinfo is not None:
        d = d.astimezone(timezone.utc).replace(tzinfo=None)
    return d


@dataclass(frozen=True)
class PromoLine:
    """A cart line as promotions see it: price is tax-inclusive öre per unit."""

    line_id: str | int
    quantity: int
    unit_price: int
    vat_rate: VatRate
    variant_id: str = ""
    sku: str = ""
    product_id: str = ""
    category_ids: tuple[str, ...] = ()
    collection_id: str | None = None
    type_id: str | None = None
    tag_ids: tuple[str, ...] = ()
    is_discountable: bool = True

    @property
    def gross(self) -> int:
        return self.unit_price * self.quantity

    def context(self) -> dict[str, Any]:
        """The line as Medusa's rule paths address it (``items.`` removed)."""
        return {"id": self.line_id, "variant_id": self.variant_id, "variant_sku": self.sku,
                "product_id": self.product_id, "quantity": self.quantity,
                "variant": {"id": self.variant_id, "sku": self.sku},
                "product": {"id": self.product_id, "collection_id": self.collection_id,
                            "type_id": self.type_id,
                            "categories": [{"id": c} for c in self.category_ids],
                            "tags": [{"id": t} for t in self.tag_ids]}}


@dataclass(frozen=True)
class LineAdjustment:
    line_id: str | int
    code: str
    promotion_id: str
    amount: int  # öre, tax-inclusive: what the customer saves on this line by this promotion
    exact: Decimal  # the exact tax-inclusive amount in öre (before rounding)
    net: Decimal  # Medusa's stored adjustment amount in major units (net unless tax-inclusive)
    is_tax_inclusive: bool


@dataclass(frozen=True)
class PromotionTotals:
    subtotal: int  # gross before promotions
    discount: int
    total: int
    by_line: dict[Any, int] = field(default_factory=dict)  # line_id -> öre off


# --- rules ---------------------------------------------------------------------------------------


def pick_value(path: str, obj: Any) -> Any:
    """The value(s) at a dotted path; through a list, the values of every element (flattened)."""
    segments = path.split(".")
    result = obj
    for i, seg in enumerate(segments):
        if not isinstance(result, dict):
            return None
        result = result.get(seg)
        if result is None:
            return None
        if i == len(segments) - 1:
            return result
        if isinstance(result, list):
            sub = ".".join(segments[i + 1:])
            out: list[Any] = []
            for item in result:
                v = pick_value(sub, item)
                if isinstance(v, list):
                    out.extend(v)
                elif v is not None:
                    out.append(v)
            return out
    return result


def _as_text(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _num(v: Any) -> Decimal | None:
    try:
        return Decimal(str(v))
    except Exception:  # noqa: BLE001
        return None


def rule_holds(values: Sequence[str], operator: str, found: Any) -> bool:
    checks = found if isinstance(found, list) else ([] if found is None else [found])
    if not checks:
        return operator == "ne"
    allowed = set(values)
    if operator == "eq":
        return all(_as_text(v) in allowed for v in checks)
    if operator == "in":
        return any(_as_text(v) in allowed for v in checks)
    if operator == "ne":
        return all(_as_text(v) not in allowed for v in checks)
    compare = {"gt": lambda a, b: a > b, "gte": lambda a, b: a >= b,
               "lt": lambda a, b: a < b, "lte": lambda a, b: a <= b}.get(operator)
    if compare is None:
        return False
    for v in checks:
        a = _num(v)
        if a is None or not any((b := _num(r)) is not None and compare(a, b) for r in values):
            return False
    return True


def rules_hold(rules: Iterable[Rule], context: dict[str, Any], scope: str) -> bool:
    for rule in rules:
        if not rule.attribute or not rule.values:
            return False
        attribute = rule.attribute
        if scope == ITEMS and attribute.startswith("items."):
            attribute = attribute[len("items."):]
        if not rule_holds(rule.values, rule.operator, pick_value(attribute, context)):
            return False
    return True


# --- the computation -----------------------------------------------------------------------------


@dataclass
class _Item:
    line: PromoLine
    original_total: Decimal  # gross, major units
    subtotal: Decimal  # net, major units
    rate: Decimal  # VAT as a fraction
    applied_net: Decimal = Decimal(0)  # net amount taken by earlier promotions


def _min(a: Decimal, b: Decimal) -> Decimal:
    return a if a <= b else b


def _item_amount(item: _Item, promo: Promotion, allocation: str, max_qty: int | None,
                 items_amount: Decimal) -> Decimal:
    """Medusa's calculateAdjustmentAmountFromPromotion for one line (major units, in the
    promotion's base: gross if it is tax-inclusive, else net)."""
    am = promo.application_method
    incl = promo.is_tax_inclusive
    base = item.original_total if incl else item.subtotal
    applied = item.applied_net * (item.original_total / item.subtotal) if incl else item.applied_net
    qty = Decimal(item.line.quantity)
    if allocation == ACROSS:
        use_qty = _min(qty, Decimal(max_qty)) if max_qty else qty
        applicable = base / qty * use_qty - applied
        if applicable <= EPSILON:
            return Decimal(0)
        if am.type == PERCENTAGE:
            value = am.value / _HUNDRED * applicable
        else:
            value = applicable / items_amount * am.value
            # Medusa rescales an over-large share to the line's amount; min() below does the same
    else:
        remaining = base - applied
        per_unit = base / qty
        applicable = _min(remaining, per_unit * Decimal(max_qty if max_qty is not None else 1))
        if applicable <= EPSILON:
            return Decimal(0)
        if am.type == PERCENTAGE:
            value = am.value / _HUNDRED * applicable
        else:
            units = _min(qty, Decimal(max_qty if max_qty is not None else 1))
            value = _min(am.value * units, applicable)
    result = _min(value, applicable)
    return Decimal(0) if result <= EPSILON else result


def _apply_one(promo: Promotion, items: list[_Item]) -> list[tuple[_Item, Decimal]]:
    am = promo.application_method
    allocation = ACROSS if am.target_type == ORDER else (am.allocation or ACROSS)
    candidates = [it for it in items
                  if it.line.is_discountable and it.subtotal > 0
                  and (not am.target_rules or rules_hold(am.target_rules, it.line.context(), ITEMS))]
    if not candidates:
        return []
    if allocation == ONCE:
        candidates = sorted(candidates, key=lambda it: it.subtotal / it.line.quantity)
    incl = promo.is_tax_inclusive
    items_amount = Decimal(0)
    if allocation == ACROSS:
        for it in candidates:
            base = it.original_total if incl else it.subtotal
            applied = it.applied_net * (it.original_total / it.subtotal) if incl else it.applied_net
            items_amount += base - applied
        if items_amount <= 0:
            return []
    out = []
    quota = am.max_quantity or 0
    for it in candidates:
        if allocation == ONCE and quota <= 0:
            break
        max_qty = min(quota, it.line.quantity) if allocation == ONCE else am.max_quantity
        amount = _item_amount(it, promo, EACH if allocation == ONCE else allocation, max_qty,
                              items_amount)
        if amount <= 0:
            continue
        if promo.budget is not None and promo.budget.exceeded_by(amount):
            continue  # Medusa: this line gets nothing, later lines are judged on their own
        net = amount * (it.subtotal / it.original_total) if incl else amount
        it.applied_net += net
        if allocation == ONCE:
            quota -= min(max_qty or 0, it.line.quantity)
        out.append((it, amount))
    return out


def _apply_buyget(promo: Promotion, items: list[_Item], buy_used: dict[str, dict[Any, int]],
                  target_used: dict[str, dict[Any, int]]) -> list[tuple[_Item, Decimal]]:
    """Medusa's buy-get (``getComputedActionsForBuyGet``): while the cart still has
    ``buy_rules_min_quantity`` units matching the buy rules and ``apply_to_quantity`` other units
    matching the target rules, those target units get the value (percentage of, or fixed per
    unit up to, their net price), at most ``max_quantity`` units in all (default 1). Lines are
    taken most expensive first (by line subtotal); for the buy side, lines that cannot be
    targets go first. Units another buy-get promotion used are not used again. The amount is
    on the line's net subtotal whatever earlier promotions took (buy-gets go first)."""
    am = promo.application_method
    min_buy = am.buy_rules_min_quantity or 0
    if min_buy <= 0 or not am.buy_rules:
        return []
    apply_qty = am.apply_to_quantity or 0
    max_apply = am.max_quantity if am.max_quantity is not None else 1
    usable = [it for it in items if it.line.is_discountable]

    def eligible(rules: tuple[Rule, ...]) -> list[_Item]:
        found = [it for it in usable if rules_hold(rules, it.line.context(), ITEMS)]
        return sorted(found, key=lambda it: -it.subtotal)  # stable: equal ones keep cart order

    def remaining(found: list[_Item], used: dict[str, dict[Any, int]]) -> dict[Any, int]:
        out = {}
        for it in found:
            taken = sum(m.get(it.line.line_id, 0) for code, m in used.items() if code != promo.code)
            out[it.line.line_id] = max(it.line.quantity - taken, 0)
        return out

    buy, target = eligible(am.buy_rules), eligible(am.target_rules)
    rem_buy, rem_target = remaining(buy, buy_used), remaining(target, target_used)
    target_ids = {it.line.line_id for it in target}
    buy_order = [it for it in buy if it.line.line_id not in target_ids] + \
        [it for it in buy if it.line.line_id in target_ids]
    by_id = {it.line.line_id: it for it in usable}
    amounts: dict[Any, Decimal] = {}
    total_buy: dict[Any, int] = {}
    total_target: dict[Any, int] = {}
    applied_qty = 0
    for _ in range(1000):  # Medusa's safety limit
        if sum(rem_buy.values()) < min_buy:
            break
        reserved: list[tuple[Any, int]] = []
        got = 0
        for it in buy_order:
            if got >= min_buy:
                break
            take = min(rem_buy.get(it.line.line_id, 0), min_buy - got)
            if take > 0:
                reserved.append((it.line.line_id, take))
                got += take
        if got < min_buy:
            break
        in_buy: dict[Any, int] = {}
        for lid, q in reserved:
            in_buy[lid] = in_buy.get(lid, 0) + q
        chosen: list[tuple[Any, int]] = []
        found = 0
        for it in target:
            lid = it.line.line_id
            free = rem_target.get(lid, 0) - in_buy.get(lid, 0)
            take = min(apply_qty - found, free, max_apply - applied_qty)
            if free <= 0 or take <= 0:
                continue
            chosen.append((lid, take))
            found += take
            if found >= apply_qty:
                break
        if found < apply_qty:
            break
        left = apply_qty
        for lid, q in chosen:
            if left <= 0:
                break
            it = by_id[lid]
            units = min(q, left)
            applicable = it.subtotal / Decimal(it.line.quantity) * Decimal(units)
            if am.type == FIXED:
                amount = _min(am.value * Decimal(units), applicable)
            else:
                amount = applicable * am.value / _HUNDRED
            if amount <= 0:
                continue
            left -= units
            if promo.budget is not None and promo.budget.exceeded_by(amount):
                continue  # Medusa: the units count as given, the line gets nothing
            it.applied_net += amount
            amounts[lid] = amounts.get(lid, Decimal(0)) + amount
            applied_qty += units
        consumed: dict[Any, int] = {}
        for lid, q in reserved + chosen:
            consumed[lid] = consumed.get(lid, 0) + q
        for lid, q in consumed.items():
            if lid in rem_buy:
                rem_buy[lid] -= q
            if lid in rem_target:
                rem_target[lid] -= q
        for lid, q in reserved:
            total_buy[lid] = total_buy.get(lid, 0) + q
        for lid, q in chosen:
            total_target[lid] = total_target.get(lid, 0) + q
    buy_used[promo.code] = total_buy
    target_used[promo.code] = total_target
    return [(by_id[lid], amount) for lid, amount in amounts.items() if amount > 0]


def select_promotions(promotions: Iterable[Promotion], codes: Iterable[str],
                      cart_context: dict[str, Any], *, currency_code: str = "sek",
                      now: datetime | None = None) -> list[Promotion]:
    """The promotions that apply to a cart, in the order they are applied."""
    wanted = {c.strip().upper() for c in codes if c and c.strip()}
    chosen = []
    for p in promotions:
        if not (p.is_automatic or p.code.upper() in wanted):
            continue
        if p.type not in (STANDARD, BUYGET) or not p.is_live(now):
            continue
        if p.application_method.currency_code and \
                p.application_method.currency_code.lower() != currency_code.lower():
            continue
        if not rules_hold(p.rules, cart_context, ORDER):
            continue
        if p.budget is not None and p.budget.type == USE_BY_ATTRIBUTE and \
                not budget_attribute(cart_context, p.budget.attribute):
            continue  # counted per customer: the sale needs its customer (Medusa refuses too)
        chosen.append(p)
    # Medusa: buy-get promotions first, then the highest application_method.value; buy-get ties
    # by more units to buy, then more units to get; otherwise in the order given (stable sort)
    return sorted(chosen, key=_application_order)


def budget_attribute(cart_context: Mapping[str, Any], attribute: str | None) -> str | None:
    """The value a per-customer budget counts uses by (Medusa's budget usage context):
    ``customer_id`` (the context's ``customer_id`` or ``customer.id``) or ``customer_email``
    (its ``email``)."""
    customer = cart_context.get("customer") or {}
    values = {"customer_id": cart_context.get("customer_id") or customer.get("id"),
              "customer_email": cart_context.get("email")}
    return values.get(attribute or "") or None


def _application_order(p: Promotion) -> tuple[int, Decimal, int, int]:
    am = p.application_method
    if p.type == BUYGET:
        return (0, -am.value, -(am.buy_rules_min_quantity or 0), -(am.apply_to_quantity or 0))
    return (1, -am.value, 0, 0)


def cart_context(lines: Sequence[PromoLine], currency_code: str = "sek",
                 **extra: Any) -> dict[str, Any]:
    """What order-scope rules see: ``items`` plus e.g. ``email``, ``sales_channel_id``,
    ``region_id``, ``customer`` (``{"id":..., "groups": [{"id":...}]}``)."""
    return {"currency_code": currency_code, "items": [ln.context() for ln in lines], **extra}


def apply_promotions(lines: Sequence[PromoLine], promotions: Iterable[Promotion],
                     codes: Iterable[str] = (), *, currency_code: str = "sek",
                     now: datetime | None = None, **context: Any) -> list[LineAdjustment]:
    """Adjustments per line (öre, tax-inclusive) for the given codes and every automatic
    promotion; ``context`` adds order-scope attributes (``email=...``, ``sales_channel_id=...``)."""
    with localcontext(_CTX):
        ctx = cart_context(lines, currency_code, **context)
        items = []
        for ln in lines:
            if ln.quantity <= 0:
                continue
            original = Decimal(ln.gross) / _HUNDRED
            rate = ln.vat_rate.percent / _HUNDRED
            items.append(_Item(ln, original, original / (1 + rate), rate))
        raw: list[tuple[_Item, Promotion, Decimal, Decimal]] = []  # item, promo, net, exact öre
        buy_used: dict[str, dict[Any, int]] = {}  # buy-get code -> units it used, per line
        target_used: dict[str, dict[Any, int]] = {}
        for promo in select_promotions(promotions, codes, ctx, currency_code=currency_code,
                                       now=now):
            if promo.type == BUYGET:
                applied = _apply_buyget(promo, items, buy_used, target_used)
            elif promo.application_method.target_type in (ITEMS, ORDER):
                applied = _apply_one(promo, items)
            else:
                continue  # shipping promotions: the till sells no shipping
            for it, amount in applied:
                gross = amount if promo.is_tax_inclusive else amount * (1 + it.rate)
                raw.append((it, promo, amount, gross * _HUNDRED))
        ore = _round_per_line([r[3] for r in raw], [it.line.line_id for it, *_ in raw])
        return [LineAdjustment(line_id=it.line.line_id, code=p.code, promotion_id=p.id,
                               amount=o, exact=ex, net=net, is_tax_inclusive=p.is_tax_inclusive)
                for (it, p, net, ex), o in zip(raw, ore)]


def _largest_remainder(exact: Sequence[Decimal], total: int) -> list[int]:
    """Each part's floor, plus one öre for the largest remainders (earlier parts first on ties)
    until the parts add up to ``total``."""
    floors = [int(e.to_integral_value(rounding=ROUND_FLOOR)) for e in exact]
    rest = total - sum(floors)
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:max(rest, 0)]:
        floors[i] += 1
    return floors


def _round_per_line(exact: list[Decimal], line_ids: list[Any]) -> list[int]:
    """Öre for each exact discount (one per promotion and line). Their sum is the exact sum
    rounded half *down*, so that what the customer pays (whole öre of gross minus it) is the
    exact total rounded half up, as the central store's cart ``total`` shows it. The öre go to
    the lines first, so each line's discount is its exact discount rounded up or down, as the
    central store's line totals are; then within a line to its promotions."""
    if not exact:
        return []
    # A fixed value split in proportion leaves repeating decimals: 150 kr over three lines sums
    # to 149.999...9 or 150.000...1 at 40 digits. Medusa's 20 significant digits and its number
    # output lose that noise; so does this quantum, far below an öre and far above the noise.
    # The sum is quantized, not the parts: rounding each part would add up their errors.
    exact_sum = sum(exact, Decimal(0)).quantize(SUM_QUANTUM, rounding=ROUND_HALF_EVEN)
    total = int(exact_sum.quantize(Decimal(1), rounding=ROUND_HALF_DOWN))
    parts_of: dict[Any, list[int]] = {}  # line -> its adjustments' indexes, in cart order
    for i, lid in enumerate(line_ids):
        parts_of.setdefault(lid, []).append(i)
    per_line = [sum((exact[i] for i in parts), Decimal(0)) for parts in parts_of.values()]
    out = [0] * len(exact)
    for parts, line_total in zip(parts_of.values(), _largest_remainder(per_line, total)):
        for i, o in zip(parts, _largest_remainder([exact[i] for i in parts], line_total)):
            out[i] = o
    return out


def promotion_totals(lines: Sequence[PromoLine],
                     adjustments: Iterable[LineAdjustment]) -> PromotionTotals:
    by_line: dict[Any, int] = {ln.line_id: 0 for ln in lines}
    for adj in adjustments:
        by_line[adj.line_id] = by_line.get(adj.line_id, 0) + adj.amount
    subtotal = sum(ln.gross for ln in lines)
    discount = sum(by_line.values())
    return PromotionTotals(subtotal, discount, subtotal - discount, by_line)


# --- the till's view ------------------------------------------------------------------------------


PROMOTION_MESSAGES = messages({
    "promotion.type_a_code": "Type a promotion code",
    "promotion.no_such_code": "There is no promotion code {code}",
    "promotion.not_at_till": "The code {code} cannot be used at the till",
    "promotion.shipping_only": "The code {code} is for shipping only",
    "promotion.not_valid_now": "The code {code} is not valid now",
    "promotion.budget_used_up": "The code {code} has used up its campaign's budget",
    "promotion.automatic": "{code} applies by itself: the customer needs no code for it",
})


class PromotionCodeError(UserError, ValueError):
    """A code the till cannot take."""


@dataclass(frozen=True)
class PromotionBook:
    """The promotions a till applies and what their rules may ask about the sale beyond its lines
    (``sales_channel_id``, ``region_id``, ...). ``clock`` gives naive UTC for campaign dates."""

    promotions: tuple[Promotion, ...] = ()
    currency_code: str = "sek"
    context: Mapping[str, Any] = field(default_factory=dict)
    clock: Callable[[], datetime] | None = None

    def now(self) -> datetime | None:
        return self.clock() if self.clock is not None else None

    def adjustments(self, lines: Sequence[PromoLine], codes: Iterable[str] = (),
                    extra: Mapping[str, Any] | None = None) -> list[LineAdjustment]:
        """``extra``: more of the sale's context, e.g. its customer (``customer.groups.id``)."""
        if not self.promotions or not lines:
            return []
        return apply_promotions(lines, self.promotions, codes, currency_code=self.currency_code,
                                now=self.now(), **{**dict(self.context), **dict(extra or {})})

    def by_id(self, promotion_id: str) -> Promotion | None:
        return next((p for p in self.promotions if p.id == promotion_id), None)

    def is_code(self, text: str) -> bool:
        """Whether ``text`` is one of the promotions' codes (valid now or not)."""
        wanted = text.strip().upper()
        return bool(wanted) and any(p.code.upper() == wanted for p in self.promotions)

    def check_code(self, code: str) -> str:
        """The code as the central store spells it, if the till can take it now; else
        ``PromotionCodeError`` saying why (unknown, not active, ended, used up)."""
        wanted = code.strip().upper()
        if not wanted:
            raise PromotionCodeError("promotion.type_a_code")
        found = next((p for p in self.promotions if p.code.upper() == wanted), None)
        if found is None:
            raise PromotionCodeError("promotion.no_such_code", code=wanted)
        if found.is_automatic:
            raise PromotionCodeError("promotion.automatic", code=found.code)
        if found.type not in (STANDARD, BUYGET):
            raise PromotionCodeError("promotion.not_at_till", code=found.code)
        if found.type == STANDARD and found.application_method.target_type not in (ITEMS, ORDER):
            raise PromotionCodeError("promotion.shipping_only", code=found.code)
        if not found.is_live(self.now()):
            raise PromotionCodeError("promotion.not_valid_now", code=found.code)
        if found.budget is not None and found.budget.used_up:
            raise PromotionCodeError("promotion.budget_used_up", code=found.code)
        return found.code


# --- storage -------------------------------------------------------------------------------------


def _rule_dict(r: Rule) -> dict[str, Any]:
    return {"attribute": r.attribute, "operator": r.operator,
            "values": [{"value": v} for v in r.values]}


def promotion_to_dict(p: Promotion) -> dict[str, Any]:
    """The promotion in the central store's own shape (``Promotion.from_medusa`` reads it back)."""
    am = p.application_method
    return {"id": p.id, "code": p.code, "type": p.type, "is_automatic": p.is_automatic,
            "is_tax_inclusive": p.is_tax_inclusive, "status": p.status,
            "limit": p.limit, "used": p.used, "rules": [_rule_dict(r) for r in p.rules],
            "campaign": {"name": p.campaign_name,
                         "starts_at": p.starts_at.isoformat() if p.starts_at else None,
                         "ends_at": p.ends_at.isoformat() if p.ends_at else None,
                         "budget": p.budget.to_dict() if p.budget else None},
            "application_method": {
                "type": am.type, "target_type": am.target_type,
                "raw_value": {"value": str(am.value)}, "allocation": am.allocation,
                "max_quantity": am.max_quantity, "currency_code": am.currency_code,
                "target_rules": [_rule_dict(r) for r in am.target_rules],
                "buy_rules": [_rule_dict(r) for r in am.buy_rules],
                "buy_rules_min_quantity": am.buy_rules_min_quantity,
                "apply_to_quantity": am.apply_to_quantity}}
