"""Payment methods are data: a tender points at a method; what counts as cash is rounded and
counted in the drawer; any method a provider takes is taken the same way (stored attempt,
status after a lost answer, refund through its provider)."""

import pytest

from hardware.control_unit_simulator import SimulatedControlUnit
from pos.catalog import Variant
from pos.errors import UserError
from pos.gtin import with_check_digit
from pos.payment_methods import CARD, CASH, MethodKind, PaymentMethod, PaymentMethods
from pos.payments import Payment, Tender
from pos.receipt_layout import report_document, sale_receipt
from pos.receipt_layout import StoreInfo
from pos.services import payments, selling, shifts
from pos.services.context import Devices, TillConfig
from pos.vat import VatRate
from tests.fakes.register import open_register, stocked_uow
from tests.services.fakes import RecordingPrinter, ScriptedTerminal

SWISH = PaymentMethod("swish", MethodKind.MOBILE, "Swish", provider="swish")
ARTICLE = Variant("v-mug", "MUG-1", with_check_digit("735000000009"), "Mugg", 12345,
                  VatRate.STANDARD)


def test_without_configuration_a_till_takes_cash_and_card():
    methods = PaymentMethods.from_config([])
    assert methods.methods == (CASH, CARD) and methods.cash is CASH


def test_methods_come_from_the_configuration_in_its_order():
    methods = PaymentMethods.from_config([
        {"id": "card", "kind": "terminal", "label": "Kort", "provider": "terminal"},
        {"id": "kontant", "kind": "cash", "label": "Kontanter", "counts_as_cash": True},
        {"id": "swish", "kind": "mobile", "label": "Swish", "provider": "swish"}])
    assert [m.id for m in methods.methods] == ["card", "kontant", "swish"]
    assert methods.cash.label == "Kontanter" and methods.get("swish").kind is MethodKind.MOBILE


@pytest.mark.parametrize("rows,code", [
    ([{"id": "cash", "kind": "cash", "counts_as_cash": True},
      {"id": "cash", "kind": "cash", "counts_as_cash": True}], "payment.method_twice"),
    ([{"id": "cash", "kind": "cash", "counts_as_cash": True},
      {"id": "swish", "kind": "mobile"}], "payment.method_needs_provider"),
    ([{"id": "card", "kind": "terminal", "provider": "terminal"}], "payment.no_cash_method"),
    ([{"id": "x", "kind": "bitcoin"}], "payment.method_invalid"),
])
def test_a_wrong_configuration_says_what_is_wrong(rows, code):
    with pytest.raises(UserError) as e:
        PaymentMethods.from_config(rows)
    assert e.value.code == code


def test_a_tender_keeps_its_method_and_a_tender_saved_before_still_reads():
    t = Tender(SWISH, 12345, attempt_id="K1-a", terminal_ref="SW-1")
    assert Tender.from_dict(t.to_dict()) == t
    old = Tender.from_dict({"kind": "card", "amount": 500, "attempt_id": "K1-b"})
    assert old.method == CARD and old.amount == 500
    assert Tender.from_dict({"kind": "cash", "amount": 500}).method.counts_as_cash


def test_only_what_counts_as_cash_is_rounded():
    p = Payment(12345)
    p.add_provider_tender(Tender(SWISH, 2345))
    assert p.remaining == 10000 and p.cash_due == 10000
    p2 = Payment(12345)
    assert p2.cash_due == 12300  # 123,45 kr in cash: 123 kr (öresavrundning)
    with pytest.raises(UserError, match="does not count as cash"):
        p2.add_cash(20000, SWISH)


class ScriptedProvider(ScriptedTerminal):
    """A second provider (a mobile payment) speaking the same protocol."""


@pytest.fixture
def ctx():
    methods = PaymentMethods((CASH, CARD, SWISH))
    c = open_register(stocked_uow([ARTICLE]), 10000,
                      config=TillConfig(card_status_interval=0, payment_methods=methods),
                      providers={"swish": ScriptedProvider(name="swish")})
    selling.scan(c, ARTICLE.ean)
    return c


def test_a_second_provider_is_taken_like_the_card_and_named_on_the_receipt(ctx):
    view = payments.pay_with(ctx, "swish", 4000)
    assert view.remaining == 8345 and view.tenders[0].method == SWISH
    assert ctx.devices.providers["swish"].charged and not ctx.devices.terminal.charged
    sale = payments.pay_cash(ctx, 10000).sale
    assert [(t.method.id, t.amount) for t in sale.tenders] == [("swish", 4000), ("cash", 8300)]
    assert sale.rounding == -45  # only the cash part is rounded
    text = sale_receipt(sale, StoreInfo(), "SIM").plain_text()
    assert "Swish" in text and "Kontant" in text


def test_a_lost_answer_from_any_provider_is_resolved_by_asking_that_provider(ctx):
    provider = ctx.devices.providers["swish"]
    provider.next_outcomes = ["lost"]
    ctx.config = TillConfig(card_status_interval=0, card_status_polls=0,
                            payment_methods=ctx.config.payment_methods)
    with pytest.raises(UserError, match="did not answer"):
        payments.pay_with(ctx, "swish")
    with ctx.uow:
        [attempt] = ctx.uow.attempts.unresolved("K1")
    assert attempt.method == "swish"
    payments.resolve_card_attempts(ctx)
    assert ctx.state.payment is None  # the sale completed with the approved payment
    with ctx.uow:
        [sale] = ctx.uow.sales.recent("K1")
    assert sale.tenders[0].method == SWISH and sale.tenders[0].amount == 12345
    assert len(provider.charged) == 1


def test_a_provider_payment_is_given_back_through_its_own_provider(ctx):
    view = payments.pay_with(ctx, "swish", 2000)
    payments.refund_card_tender(ctx, view.tenders[0].attempt_id)
    assert ctx.state.payment.tenders == []
    assert not ctx.devices.terminal.charged


def test_a_method_nothing_takes_is_refused(ctx):
    ctx.devices = Devices(RecordingPrinter(), ScriptedTerminal(), SimulatedControlUnit())
    with pytest.raises(UserError, match="Nothing here takes Swish"):
        payments.pay_with(ctx, "swish")


def test_the_x_report_shows_each_method_by_its_label(ctx):
    payments.pay_with(ctx, "swish", 2345)
    payments.pay_cash(ctx, 10000)
    report, doc = shifts.x_report(ctx)
    assert report.tender_total(SWISH) == 2345 and report.tender_total("cash") == 10000
    assert report.expected_cash == 10000 + 10000  # the float and the cash part only
    assert "Swish" in report_document(report, StoreInfo()).plain_text()


def test_the_till_takes_its_methods_from_pos_toml(tmp_path):
    import main
    from pos.config import load_config

    toml = tmp_path / "pos.toml"
    toml.write_text('[[payment.methods]]\nid = "cash"\nkind = "cash"\nlabel = "Kontant"\n'
                    'counts_as_cash = true\n\n[[payment.methods]]\nid = "swish"\nkind = "mobile"\n'
                    'label = "Swish"\nprovider = "swish"\n', encoding="utf-8")
    methods = main.till_config(load_config(toml, env={})).payment_methods
    assert [m.id for m in methods.methods] == ["cash", "swish"]
    assert methods.get("swish").provider == "swish"
