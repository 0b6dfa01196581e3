"""What a receipt says of the goods sent home (ship-to-home), and the customer's order
confirmation slip (printed until confirmations go by e-mail). Swedish, as the receipt."""
from __future__ import annotations

from typing import TYPE_CHECKING

from pos.delivery import Delivery, is_shipping
from pos.money import format_kronor as kr
from pos.receipt import Align, Barcode, Columns, Feed, ReceiptBuilder, ReceiptDocument, Rule, Text
from pos.sales import Sale

if TYPE_CHECKING:
    from pos.receipt_layout import StoreInfo

_WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


def expected_text(delivery: Delivery) -> str:
    d = delivery.expected_on
    return f"{_WEEKDAYS[d.weekday()]} {d.isoformat()}"


def delivery_section(sale: Sale, delivery: Delivery) -> list[Text | Columns]:
    """The receipt's delivery section: the order number, what is sent, from where, to whom and
    when it is expected (the lines above list everything paid, taken now or sent)."""
    out: list[Text | Columns] = [Text("HEMLEVERANS", bold=True),
                                 Columns("Ordernummer", delivery.order_ref, bold=True)]
    for i in delivery.line_nos:
        ln = sale.lines[i - 1]
        if is_shipping(ln.sku):
            continue
        out.append(Columns(f"  {ln.quantity} st {ln.name}", kr(ln.total)))
    out.append(Columns("Frakt", kr(delivery.shipping_fee) if delivery.shipping_fee
                       else "Fri frakt"))
    out.append(Text(f"Skickas från {delivery.location_name}"))
    out.append(Text(f"Beräknad leverans {expected_text(delivery)}"))
    out.append(Text("Levereras till:"))
    out.extend(Text(f"  {x}") for x in delivery.address.lines())
    return out


def order_confirmation(sale: Sale, delivery: Delivery, store: "StoreInfo") -> ReceiptDocument:
    """The customer's order confirmation: a slip of its own, not a receipt."""
    from pos.receipt_layout import _header

    b = ReceiptBuilder()
    _header(b, store, sale.register_id)
    b.add(Text("ORDERBEKRÄFTELSE", Align.CENTER, bold=True, size=2),
          Text("Hemleverans", Align.CENTER), Text("Detta är inget kvitto", Align.CENTER), Rule(),
          Columns("Ordernummer", delivery.order_ref, bold=True),
          Columns("Kvitto nr", str(sale.receipt_no)),
          Columns("Datum", sale.completed_at.strftime("%Y-%m-%d %H:%M")))
    if sale.customer_name:
        b.add(Text(f"Kund: {sale.customer_name}"))
    b.add(Rule())
    for i in delivery.line_nos:
        ln = sale.lines[i - 1]
        if not is_shipping(ln.sku):
            b.add(Text(ln.name), Columns(f"  {ln.quantity} st", kr(ln.total)))
    b.add(Columns("Frakt", kr(delivery.shipping_fee) if delivery.shipping_fee else "Fri frakt"),
          Columns("Betalt", kr(sum(sale.lines[i - 1].total for i in delivery.line_nos)),
                  bold=True),
          Rule(), Text("Levereras till:", bold=True),
          *(Text(x) for x in delivery.address.lines()), Feed(),
          Text(f"Skickas från {delivery.location_name}"),
          Text(f"Beräknad leverans {expected_text(delivery)}", bold=True), Feed(),
          Text("Ange ordernumret om du kontaktar oss."),
          Barcode(delivery.order_ref), Feed(),
          # not the receipt's footer: its terms ("öppet köp mot kvitto") are the receipt's
          Text("Spara kvittot: det gäller vid öppet köp och reklamation.", Align.CENTER))
    return b.build(kind="order_confirmation", receipt_no=delivery.order_ref)
