"""Telling a customer by e-mail that their web order can be collected (``CustomerNotifier``):
replaces the recording stand-in (``integrations/notifications.py``) when ``[mail]`` names a
server. Swedish, plain text. Raises the mail port's errors: the pickup stays "arrived, not told"
and the till tells again later (``pos/services/pickups.py``)."""
from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from integrations.mail.receipts import sender_header
from integrations.mail.smtp import SmtpSender
from pos.pickups import PickupOrder
from pos.ports import MailRefused


def order_ready_text(order: PickupOrder, location_name: str) -> str:
    hello = f"Hej {order.customer_name}!" if order.customer_name else "Hej!"
    return (f"{hello}\n\nDin order #{order.number} finns nu att hämta i {location_name}.\n"
            "Ta med ordernumret eller visa det här e-postmeddelandet i kassan.\n\n"
            "Välkommen!\n")


class EmailNotifier:
    def __init__(self, sender: SmtpSender) -> None:
        self.sender = sender

    def order_ready(self, order: PickupOrder, location_name: str) -> None:
        if not order.email:
            raise MailRefused("mail.refused", to="-", reason="the order has no e-mail address")
        s = self.sender.settings
        msg = EmailMessage()
        msg["Subject"] = f"Din order #{order.number} kan hämtas i {location_name}"
        msg["From"] = sender_header(s)
        msg["To"] = order.email
        if s.reply_to:
            msg["Reply-To"] = s.reply_to
        msg["Date"] = formatdate(localtime=True)
        msg["Message-ID"] = make_msgid("order-ready", domain=s.domain)
        msg.set_content(order_ready_text(order, location_name))
        self.sender.send(msg)
