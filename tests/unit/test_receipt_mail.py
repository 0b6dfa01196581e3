"""The e-mailed receipt's pieces without a server: the HTML (Swedish letters, amounts, nothing
added, nothing unescaped), addresses checked and masked, the subject, [mail] read and refused,
the password's store missing or empty, and the mail command's exit codes."""
from __future__ import annotations

import html as htmllib
from datetime import datetime

import pytest

from integrations.credential_store import CredentialStoreError, FileStore, Secret
from integrations.mail.settings import MailConfigError, MailPassword, MailSettings
from integrations.mail.smtp import SmtpSender
from pos.payment_methods import CARD, CASH
from pos.payments import Tender
from pos.ports import MailUnavailable
from pos.receipt import Barcode, Columns, QrCode, ReceiptDocument, Rule, Text
from pos.receipt_html import pictures, receipt_html
from pos.receipt_layout import StoreInfo, sale_receipt
from pos.receipt_mail import (ReceiptChoice, ReceiptMailError, is_address, masked,
                              normalise_address, subject)
from pos.sales import Sale, SaleLine
from pos.vat import VatRate


def a_sale() -> Sale:
    lines = (SaleLine(variant_id="v1", sku="KAF", ean="", name="Kaffe Mörkrost 450 g",
                      quantity=3, unit_price=5990, original_price=None, discount=0, total=17970,
                      vat_rate=VatRate.FOOD),
             SaleLine(variant_id="v2", sku="BOK", ean="", name="Bok: Röda rummet & <annat>",
                      quantity=1, unit_price=12950, original_price=None, discount=0,
                      total=12950, vat_rate=VatRate.REDUCED))
    return Sale(id="5f0c4d1e-0000-4000-8000-000000000001", register_id="K1", receipt_no=1042,
                shift_id=1, cashier_id="u", cashier_name="Åsa Öberg",
                completed_at=datetime(2026, 11, 30, 11, 5), lines=lines,
                tenders=(Tender(CARD, 10001), Tender(CASH, 20919, received=21000)),
                total=30920, discount=0, rounding=-1, control_code="ABC123")


def test_the_html_has_every_line_of_the_paper_receipt_in_order_escaped():
    doc = sale_receipt(a_sale(), StoreInfo(receipt_url="https://butik.test/receipts/"), "CU-9")
    page = receipt_html(doc, title="Kvitto 1042 från Omnihandeln Göteborg")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    text = htmllib.unescape(page)
    order = []
    for block in doc.blocks:
        if isinstance(block, Text) and block.text:
            order.append(block.text)
        elif isinstance(block, Columns):
            order.extend([block.left, block.right])
    at = 0
    for piece in order:  # every piece, in the paper's order
        at = text.index(piece, at)
    assert "Bok: Röda rummet &amp; &lt;annat&gt;" in page  # escaped, not markup
    assert "<annat>" not in page
    for amount in ("179,70", "129,50", "309,20", "-0,01", "309,19", "100,01", "210,00"):
        assert amount in text, amount
    assert "Kvitto nr 1042" in text and "Åsa Öberg" in text and "Kontrollkod ABC123" in text
    assert page.count("<hr") == sum(isinstance(b, Rule) for b in doc.blocks)
    assert '<img src="barcode0"' in page and '<img src="qr0"' in page
    assert '<a href="https://butik.test/receipts/5f0c4d1e-0000-4000-8000-000000000001">' in page
    assert [(n, k) for n, k, _ in pictures(doc)] == [("barcode0", "barcode"), ("qr0", "qr")]


def test_pictures_are_named_by_the_caller_and_a_copy_has_no_qr():
    doc = ReceiptDocument((Barcode("R-K1-001042"), QrCode("https://x.test/1", "Digitalt kvitto"),
                           Barcode("R-K1-001043")))
    page = receipt_html(doc, image_src=lambda kind, n: f"cid:{kind}-{n}@x", link_qr=False)
    assert 'src="cid:barcode-0@x"' in page and 'src="cid:barcode-1@x"' in page
    assert 'src="cid:qr-0@x"' in page and "<a href" not in page
    copy = sale_receipt(a_sale(), StoreInfo(), "CU-9", copy=True)
    assert [k for _, k, _ in pictures(copy)] == ["barcode"]


@pytest.mark.parametrize("typed, kept", [
    ("Anna.Svensson@Example.COM", "Anna.Svensson@example.com"),
    ("  kund+kvitto@butik.se ", "kund+kvitto@butik.se"),
    ("åsa@exempel.se".replace("å", "a"), "asa@exempel.se")])
def test_addresses_the_cashier_types(typed, kept):
    assert normalise_address(typed) == kept


@pytest.mark.parametrize("typed", ["anna.svensson", "anna@exempel", "anna@@exempel.se",
                                   "anna svensson@exempel.se", "anna@exempel,se", "",
                                   "anna..s@exempel.se", "a@-exempel.se", "x" * 65 + "@a.se"])
def test_what_is_no_address_is_refused_with_its_code(typed):
    assert not is_address(typed)
    with pytest.raises(ReceiptMailError) as e:
        normalise_address(typed)
    assert e.value.code == "receipt_mail.bad_address"


def test_masked_address_subject_and_choice():
    assert masked("anna.svensson@example.com") == "a***@example.com"
    assert masked("") == "***"
    assert subject(1042, "Omnihandeln Göteborg") == "Kvitto 1042 från Omnihandeln Göteborg"
    assert ReceiptChoice.parse("BOTH").prints and ReceiptChoice.parse("both").mails
    assert ReceiptChoice.parse("email") is ReceiptChoice.EMAIL
    assert ReceiptChoice.parse("fax") is ReceiptChoice.PAPER  # anything else: paper


def test_mail_settings_from_the_config():
    s = MailSettings.from_config({"host": "smtp.butik.se", "security": "TLS",
                                  "username": "kassa", "from": "kvitto@butik.se"})
    assert (s.port, s.security, s.domain, s.configured) == (465, "tls", "butik.se", True)
    assert s.password_name == "mail/smtp.butik.se/kassa"
    assert MailSettings.from_config({"security": "starttls"}).port == 587
    assert not MailSettings.from_config({"host": "smtp.butik.se"}).configured  # no sender
    with pytest.raises(MailConfigError, match="security"):
        MailSettings.from_config({"security": "ssl"})
    with pytest.raises(MailConfigError, match="numbers"):
        MailSettings.from_config({"port": "fem"})


class BrokenKeyring:
    def get(self, name):
        raise CredentialStoreError("the keyring (system keyring fail) cannot be read: KeyError")

    def put(self, name, secret):
        raise CredentialStoreError("the keyring (system keyring fail) cannot be written")

    def describe(self):
        return "system keyring (broken)"


def test_the_password_missing_or_its_store_broken_is_said_plainly(tmp_path):
    s = MailSettings.from_config({"host": "127.0.0.1", "port": 1, "security": "none",
                                  "username": "kassa", "from": "kvitto@butik.se"})
    with pytest.raises(MailUnavailable) as none_set:
        SmtpSender(s, MailPassword(s, FileStore(tmp_path / "c.json"))).send(None)  # type: ignore[arg-type]
    assert none_set.value.code == "mail.no_password"
    assert "mail/127.0.0.1/kassa" in str(none_set.value)
    with pytest.raises(MailUnavailable) as broken:
        MailPassword(s, BrokenKeyring()).get()
    assert broken.value.code == "mail.no_credential_store"
    assert "cannot be read" in broken.value.params["detail"]
    with pytest.raises(MailUnavailable) as broken_put:
        MailPassword(s, BrokenKeyring()).set("x")
    assert broken_put.value.code == "mail.no_credential_store"
    assert "cannot be written" in broken_put.value.params["detail"]
    no_login = MailSettings.from_config({"host": "h", "from": "a@b.se"})
    assert MailPassword(no_login, BrokenKeyring()).get() is None  # no username: no login
    store = FileStore(tmp_path / "c.json")
    assert "0600" in MailPassword(s, store).set("hemligt")
    assert store.get(s.password_name) == Secret("hemligt")
    with pytest.raises(MailUnavailable) as unconfigured:
        SmtpSender(MailSettings.from_config({"host": "h"})).send(None)  # type: ignore[arg-type]
    assert unconfigured.value.code == "mail.not_configured"


def test_the_mail_command_without_a_server_and_with_a_wrong_address(tmp_path, monkeypatch, capsys):
    import main

    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    none = tmp_path / "none.toml"
    none.write_text("", encoding="utf-8")
    assert main.main(["mail", "test", "a@b.se", "--config", str(none)]) == 2
    assert "no mail server configured" in capsys.readouterr().err
    cfg = tmp_path / "pos.toml"
    cfg.write_text('[mail]\nhost = "127.0.0.1"\nport = 1\nsecurity = "none"\n'
                   'from = "kvitto@butik.se"\n', encoding="utf-8")
    assert main.main(["mail", "test", "inte-en-adress", "--config", str(cfg)]) == 2
    assert "not an e-mail address" in capsys.readouterr().err
    assert main.main(["mail", "set-password", "--config", str(cfg)]) == 2  # no username
    bad = tmp_path / "bad.toml"
    bad.write_text('[mail]\nhost = "h"\nsecurity = "ssl"\n', encoding="utf-8")
    assert main.main(["mail", "test", "a@b.se", "--config", str(bad)]) == 2
    assert "security must be one of" in capsys.readouterr().err
