"""Every error the code base can raise reaches the screen in the cashier's language: a template
for its code in ui/i18n/messages.py (the same English as the domain's) and a finished Swedish
translation with the same placeholders in omnipos_sv.ts."""
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication

from pos.cart import CartError
from pos.errors import placeholders
from pos.ports import PaperOut
from pos.services.receipts import PrintFailed
from tests.error_codes import registered
from ui.i18n import HERE, install_translators
from ui.i18n.messages import CONTEXT, TEMPLATES, message_for


def swedish_entries():
    """code -> (English source, Swedish translation, finished?) of the "Errors" context."""
    out = {}
    for context in ET.parse(HERE / "omnipos_sv.ts").getroot().iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for msg in context.iter("message"):
            tr = msg.find("translation")
            out[msg.findtext("comment")] = (msg.findtext("source"), tr.text or "",
                                            tr.get("type") is None and bool(tr.text))
    return out


@pytest.fixture
def swedish(qapp):
    assert install_translators(qapp, "sv")
    yield
    install_translators(qapp, "en")


def test_every_code_has_a_screen_template_with_the_domains_english(qapp):
    codes = registered()
    missing = sorted(set(codes) - set(TEMPLATES))
    assert not missing, f"no screen template for {missing}"
    stale = sorted(set(TEMPLATES) - set(codes))
    assert not stale, f"templates for codes nothing raises: {stale}"
    install_translators(qapp, "en")
    differs = [f"{c}: {TEMPLATES[c]()!r} != {codes[c]!r}" for c in codes if TEMPLATES[c]() != codes[c]]
    assert not differs, "reworded in the domain, not on the screen:\n" + "\n".join(differs)


def test_every_code_has_a_finished_swedish_translation_with_the_same_placeholders():
    codes, sv = registered(), swedish_entries()
    problems = []
    for code, english in codes.items():
        if code not in sv:
            problems.append(f"{code}: not in omnipos_sv.ts (run python -m ui.i18n.update)")
            continue
        source, text, finished = sv[code]
        if source != english:
            problems.append(f"{code}: the .ts has another English text")
        elif not finished:
            problems.append(f"{code}: unfinished")
        elif placeholders(text) != placeholders(english):
            problems.append(f"{code}: {sorted(placeholders(text))} != {sorted(placeholders(english))}")
    assert not problems, "\n".join(problems)


def test_a_refusal_is_shown_in_swedish_with_its_values(swedish):
    assert message_for(CartError("cart.quantity_too_large", max=9999)) == "Antalet kan vara högst 9999"


def test_an_error_inside_an_error_is_shown_in_swedish_too(swedish):
    """A receipt that did not print says why, both in the cashier's language."""
    failed = PrintFailed("receipts.not_printed", receipt=42,
                         reason=PaperOut("printer.paper_out", name="TM-T20"))
    text = message_for(failed)
    assert text.startswith("Kvitto 42 skrevs inte ut: Kvittoskrivaren (TM-T20) har slut på papper.")
    assert "out of paper" in str(failed)  # the log keeps the English


def test_a_translation_that_does_not_fit_its_parameters_falls_back_to_english(swedish, monkeypatch):
    import ui.i18n.messages as m
    monkeypatch.setitem(m.TEMPLATES, "cart.quantity_too_large", lambda: "Högst {maximum}")
    assert message_for(CartError("cart.quantity_too_large", max=5)) == "The quantity can be at most 5"


def test_text_that_is_not_an_error_code_is_shown_as_it_is():
    assert message_for(ValueError(QCoreApplication.translate("X", "Already in the screen's words"))) \
        == "Already in the screen's words"


def test_an_unknown_article_is_told_in_swedish(swedish):
    from pos.catalog import UnknownCode
    assert message_for(UnknownCode("1234567890128")) == \
        "Ingen vara med koden 1234567890128 i sortimentet"


def test_a_terminals_refusal_says_its_outcome_once_and_its_reason_in_swedish(swedish):
    """The drivers give their own words only when the terminal said something; the till's reason
    is coded, so a Swedish screen never shows "Avbrutet: Avbrutet på terminalen" nor an English
    (or a Swedish-on-English) driver sentence."""
    from hardware.terminals.nexo import result_from_payment_response
    from pos.payments import PaymentError
    from pos.services.payments import REFUSALS, provider_detail

    def shown(body: dict) -> str:
        result = result_from_payment_response(body, "a1", 12_345)
        return message_for(PaymentError(REFUSALS[result.outcome], detail=provider_detail(result)))

    assert shown({"Response": {"Result": "Failure", "ErrorCondition": "Cancel"}}) == "Avbrutet"
    assert shown({"Response": {"Result": "Failure", "ErrorCondition": "Refusal"}}) == (
        "Kortet nekades: nekad av kortutgivaren")
    assert shown({"Response": {"Result": "Failure", "ErrorCondition": "UnavailableService"}}) == (
        "Kortet nekades: terminalen svarade UnavailableService")
    # the terminal's own words replace the till's reason
    assert shown({"Response": {"Result": "Failure", "ErrorCondition": "Refusal",
                               "AdditionalResponse": "refusalReason=Insufficient%20funds"}}) == (
        "Kortet nekades: Insufficient funds")


def test_the_central_store_unreachable_says_no_request_or_address_on_screen(swedish):
    from pos.ports import CommerceUnavailable

    e = CommerceUnavailable("GET /admin/orders: cannot reach the central store at "
                            "http://127.0.0.1:44989")
    assert message_for(e) == "Centralsystemet nås inte just nu"
    assert str(e).endswith("at http://127.0.0.1:44989")  # the log and the CLI keep it
