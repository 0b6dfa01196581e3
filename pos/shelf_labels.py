"""Shelf labels (hyllkantsetiketter): what a Swedish shelf must say about an article's price.

Prisinformationslagen (2004:347) requires the selling price (försäljningspris) of goods offered to
consumers, and for goods sold by measure or pre-packed in varying amounts also the comparison
price (jämförpris, 7-8 §§): the price per kilogram, per litre or per piece (Konsumentverket's
KOVFS 2014:2 names the units). A campaign price is a selling price too, so it carries its own
comparison price, and the label says which campaign it is and until when it applies.

A ``ShelfLabel`` is that, computed from the till's catalogue and the promotions the till applies:

- **price**: the catalogue's tax-inclusive price in öre (per kg for an article sold by weight).
- **comparison price**: ``price / net_quantity`` per "kg", "l" or "st", in öre, rounded to the
  öre **half up** (``ROUND_HALF_UP``: 1 245 öre for 500 g are 2 490 öre/kg exactly; 2 990 öre
  for 0.45 kg are 6 644.44... öre/kg, printed 66,44 kr/kg; 0.5 öre rounds away from zero).
  An article sold by weight has its price per kg as its comparison price. None when the
  article's net content is unknown (clothes are neither sold by measure nor pre-packed in
  varying amounts).
- **campaign**: what the till charges for ONE unit now (one unit in a ``pos.cart.Cart`` with the
  synced promotions, automatic ones only: a code is the customer's to give), with the campaign's
  name and end date. A multi-buy ("3 för 2": a buy-get promotion whose rules hold for the
  article) does not change the price of one unit: it is shown as the campaign's text.
- **qr**: the shelf QR address (``pos.shelf_qr.shelf_qr_url``) of the article in this store.

Pure domain: no Qt, no database, no printer.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from pos.cart import Cart
from pos.catalog import Variant
from pos.money import format_kronor, round_ore
from pos.receipt import ReceiptDocument
from pos.promotions import (BUYGET, ITEMS, PERCENTAGE, Promotion, PromotionBook, PromoLine, Rule,
                            rules_hold)
from pos.shelf_qr import shelf_qr_url

UNITS = ("kg", "l", "st")
ONE_KG = Decimal(1)


def comparison_price(price: int, net_quantity: Decimal | None) -> int | None:
    """Öre per unit of ``net_quantity`` (kg, l or st): ``price / net_quantity`` rounded to the öre
    half up. None when there is no net quantity (or it is not positive)."""
    if net_quantity is None or net_quantity <= 0:
        return None
    return round_ore(Decimal(price) / net_quantity)  # ROUND_HALF_UP


@dataclass(frozen=True)
class LabelCampaign:
    """The campaign a label shows. ``price`` is one unit's campaign price in öre (per kg for an
    article sold by weight), None for a multi-buy whose ``text`` says the offer ("3 för 2")."""

    name: str
    ends: date | None
    price: int | None = None
    text: str = ""
    comparison: int | None = None  # öre per the label's comparison unit at the campaign price


@dataclass(frozen=True)
class ShelfLabel:
    variant_id: str
    sku: str
    ean: str
    name: str  # the product's name ("Kaffe Mellanrost")
    details: str  # brand, size and colour ("450 g", "blå, M")
    price: int  # öre, tax-inclusive (per kg when ``per_kg``)
    per_kg: bool  # sold by weight: the price is per kg
    comparison: int | None  # öre per ``comparison_unit``
    comparison_unit: str  # "kg", "l", "st" or "" (none)
    campaign: LabelCampaign | None
    qr: str  # the shelf QR's text ("" when no address could be made)
    printed: date
    previous_price: int | None = None  # before the last price change, when known
    copies: int = 1

    @property
    def price_text(self) -> str:
        return format_kronor(self.price) + (" /kg" if self.per_kg else "")

    def with_copies(self, copies: int) -> "ShelfLabel":
        return replace(self, copies=max(1, int(copies)))


@dataclass(frozen=True)
class LabelSettings:
    """Where the QR leads and whose shelf it is: ``qr_base`` (``[labels] qr_base``, e.g.
    ``https://shop.example.se/shelf``; "" prints no QR) and this store's location key."""

    qr_base: str = ""
    store: str = "store-gbg"
    handles: dict[str, str] = field(default_factory=dict)  # product id -> web handle


def _details(v: Variant) -> str:
    parts = [p for p in (v.colour, v.size) if p]
    return ", ".join(parts)


def multibuy_text(p: Promotion) -> str:
    """A buy-get promotion as the shelf says it: "3 för 2" (buy 2, get 1 free), else "Köp 2,
    få 1 till -50 %"."""
    am = p.application_method
    buy, get = am.buy_rules_min_quantity or 0, am.apply_to_quantity or 0
    if am.type == PERCENTAGE and am.value == 100:
        return f"{buy + get} för {buy}"
    off = f"{am.value.normalize():f} %" if am.type == PERCENTAGE else format_kronor(int(am.value * 100), symbol=True)
    return f"Köp {buy}, få {get} till -{off}"


def _matches(rules: tuple[Rule, ...], line: PromoLine) -> bool:
    return rules_hold(rules, line.context(), ITEMS)


def campaign_for(variant: Variant, book: PromotionBook, comparison_qty: Decimal | None
                 ) -> LabelCampaign | None:
    """The campaign on one unit of ``variant`` now, as the till would charge it (see the
    module's doc); None when no promotion applies."""
    automatic = PromotionBook(tuple(p for p in book.promotions if p.is_automatic),
                              book.currency_code, book.context, book.clock)
    cart = Cart(book=automatic)
    if variant.sold_by_weight:
        cart.add_weighed(variant, ONE_KG)
    else:
        cart.add(variant, 1)
    line = cart.totals().lines[0]
    now = book.now()
    if line.promotion_discount > 0:
        promos = [automatic.by_id(s.promotion_id) for s in line.promotions]
        known = [p for p in promos if p is not None]
        end = min((p.ends_at for p in known if p.ends_at is not None), default=None)
        name = ", ".join(dict.fromkeys((p.campaign_name or p.label) for p in known)) or \
            ", ".join(s.code for s in line.promotions)
        price = line.total
        return LabelCampaign(name, end.date() if end else None, price,
                             comparison=comparison_price(price, comparison_qty))
    refs = variant.refs
    probe = PromoLine(1, 1, variant.price, variant.vat_rate, refs.variant_id or variant.id,
                      variant.sku, refs.product_id or variant.product_id, refs.category_ids,
                      refs.collection_id, refs.type_id, refs.tag_ids)
    for p in automatic.promotions:
        am = p.application_method
        if p.type != BUYGET or not p.is_live(now) or not am.buy_rules:
            continue
        if _matches(am.buy_rules, probe) and _matches(am.target_rules, probe):
            ends = p.ends_at.date() if p.ends_at else None
            return LabelCampaign(p.campaign_name or p.label, ends, None, multibuy_text(p))
    return None


def make_label(variant: Variant, book: PromotionBook, settings: LabelSettings, printed: date,
               previous_price: int | None = None, copies: int = 1) -> ShelfLabel:
    """The shelf label of ``variant`` (see the module's doc)."""
    if variant.sold_by_weight:
        qty, unit = ONE_KG, "kg"
    elif variant.net_quantity is not None and variant.net_unit in UNITS:
        qty, unit = variant.net_quantity, variant.net_unit
    else:
        qty, unit = None, ""
    qr = ""
    if settings.qr_base:
        handle = settings.handles.get(variant.product_id, "")
        qr = shelf_qr_url(settings.qr_base, handle, variant.sku, settings.store)
    return ShelfLabel(
        variant_id=variant.id, sku=variant.sku, ean=variant.ean,
        name=variant.product_name or variant.name, details=_details(variant),
        price=variant.price, per_kg=variant.sold_by_weight,
        comparison=comparison_price(variant.price, qty), comparison_unit=unit if qty else "",
        campaign=campaign_for(variant, book, qty), qr=qr, printed=printed,
        previous_price=previous_price, copies=max(1, copies))


def default_qr_base(central_url: str) -> str:
    """``[labels] qr_base`` when none is configured: the central store's address + "/shelf"."""
    base = central_url.strip().rstrip("/")
    return f"{base}/shelf" if base else ""


# --- one label on the receipt printer -------------------------------------------------------------

UNIT_TEXT = {"kg": "kr/kg", "l": "kr/l", "st": "kr/st"}


def comparison_text(ore: int | None, unit: str) -> str:
    """"Jämförpris 66,44 kr/kg" ("" when there is none)."""
    return f"Jämförpris {format_kronor(ore)} {UNIT_TEXT[unit]}" if ore is not None and unit else ""


def campaign_until(c: LabelCampaign) -> str:
    return f"t.o.m. {c.ends.isoformat()}" if c.ends else ""


def label_document(label: ShelfLabel) -> ReceiptDocument:
    """``label`` as one receipt-printer job ending in its own cut: name big, the price (or the
    campaign price over the ordinary one), the comparison price, the EAN-13 and the shelf QR."""
    from pos.receipt import Align, Barcode, Feed, QrCode, Text
    from pos.receipt_lines import ean13_ok

    centre = Align.CENTER
    per = " /kg" if label.per_kg else ""
    blocks: list = [Text(label.name, centre, bold=True, size=2)]
    if label.details:
        blocks.append(Text(label.details, centre))
    c = label.campaign
    if c is not None and c.price is not None:
        blocks += [Text(f"KAMPANJ {c.name}".strip(), centre, bold=True),
                   Text(f"{format_kronor(c.price, symbol=True)}{per}", centre, bold=True, size=2),
                   Text(f"Ord. pris {format_kronor(label.price, symbol=True)}{per}", centre)]
        if c.comparison is not None:
            blocks += [Text(comparison_text(c.comparison, label.comparison_unit), centre),
                       Text("Ord. " + comparison_text(label.comparison, label.comparison_unit)
                            .lower(), centre)]
        if c.ends:
            blocks.append(Text(f"Kampanjen gäller {campaign_until(c)}", centre))
    else:
        blocks.append(Text(f"{format_kronor(label.price, symbol=True)}{per}", centre, bold=True,
                           size=2))
        if c is not None:
            blocks += [Text(c.text, centre, bold=True, size=2),
                       Text(" ".join(p for p in (c.name, campaign_until(c)) if p), centre)]
    if label.comparison is not None and (c is None or c.price is None):
        blocks.append(Text(comparison_text(label.comparison, label.comparison_unit), centre))
    if ean13_ok(label.ean):
        blocks.append(Barcode(label.ean, "EAN13"))
    blocks.append(Text(f"Art.nr {label.sku}", centre))
    if label.qr:
        blocks.append(QrCode(label.qr))
    blocks += [Text(f"Utskriven {label.printed.isoformat()}", centre), Feed()]
    return ReceiptDocument(blocks=tuple(blocks), kind="shelf_label", cut=True)
