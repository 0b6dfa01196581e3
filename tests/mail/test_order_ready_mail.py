"""The customer told by e-mail that their web order can be collected, through a real SMTP server,
when [mail] names one (the recording stand-in otherwise); the wiring picks which."""
from __future__ import annotations

import pytest

from integrations.mail.notifier import EmailNotifier
from integrations.mail.settings import MailSettings
from integrations.mail.smtp import SmtpSender
from integrations.notifications import RecordingNotifier
from pos.config import load_config
from pos.pickups import PickupOrder, PickupStage
from pos.ports import CustomerNotifier, MailRefused, MailUnavailable
from tests.mail.smtp_server import free_port


def an_order(email: str = "anna.svensson@example.com") -> PickupOrder:
    return PickupOrder(id="order_1", display_id=1042, location_key="store-gbg", email=email,
                       customer_name="Åsa Öberg", customer_id=None,
                       created_at="2026-11-30T10:00:00+00:00", lines=(), total=0, paid=True,
                       payment_status="captured", stage=list(PickupStage)[0])


def sender(port: int) -> SmtpSender:
    return SmtpSender(MailSettings(host="127.0.0.1", port=port, security="none", username="",
                                   from_address="order@omnihandeln.se", timeout=5))


def test_order_ready_goes_by_email(smtp):
    notifier = EmailNotifier(sender(smtp.port))
    assert isinstance(notifier, CustomerNotifier)
    notifier.order_ready(an_order(), "Omnihandeln Göteborg")
    assert len(smtp.messages) == 1
    msg = smtp.messages[0]
    assert msg["Subject"] == "Din order #1042 kan hämtas i Omnihandeln Göteborg"
    body = msg.get_body(("plain",)).get_content()
    assert "Hej Åsa Öberg!" in body and "#1042 finns nu att hämta i Omnihandeln Göteborg" in body
    with pytest.raises(MailRefused):  # no address: nothing to send, said so
        notifier.order_ready(an_order(email=""), "Omnihandeln Göteborg")
    with pytest.raises(MailUnavailable):  # the server down: raised, the order stays "not told"
        EmailNotifier(sender(free_port())).order_ready(an_order(), "Omnihandeln Göteborg")


def test_the_wiring_chooses_email_when_mail_is_configured(tmp_path, monkeypatch):
    import wiring

    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    plain = tmp_path / "plain.toml"
    plain.write_text("", encoding="utf-8")
    assert isinstance(wiring.customer_notifier(load_config(plain)), RecordingNotifier)
    assert not wiring.mail_offered(load_config(plain))
    mail = tmp_path / "mail.toml"
    mail.write_text('[mail]\nhost = "smtp.butik.se"\nfrom = "kvitto@butik.se"\nreceipt = "both"\n',
                    encoding="utf-8")
    cfg = load_config(mail)
    assert isinstance(wiring.customer_notifier(cfg), EmailNotifier)
    assert wiring.mail_offered(cfg)
    assert set(wiring.receipt_mail_handlers(wiring.open_database(cfg, demo=False), cfg)) == {
        "receipt_email", "invoice_email"}  # e-mailed receipts and invoices
    # invoices are e-mailed only with a mail server (and [invoice] email not false)
    assert wiring.till_config(cfg).invoice.email
    assert not wiring.till_config(load_config(plain)).invoice.email
