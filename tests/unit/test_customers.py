"""One customer: phones in any form, the duplicate rules, and creating/editing a customer over
a fake central store (the real one: tests/integration/medusa/test_one_customer.py)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from pos.commerce import CustomerRef, customer_query
from pos.customers import (CustomerChanges, CustomerDetails, CustomerDraft, EmailOffers,
                           KnownCustomer, MatchReason, PostalAddress, duplicates, fold_name,
                           names_near)
from pos.journal import Kind
from pos.phone import PhoneError, normalise_phone
from pos.scan_router import ScanKind, classify
from pos.services import customer_records as cr
from tests.fakes.customer_records import FakeRecords
from tests.fakes.unit_of_work import FakeUnitOfWork

NOW = datetime(2026, 11, 30, 11, 5, tzinfo=timezone(timedelta(hours=1)))


# --- phones ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", [
    "070-123 45 67", "0701234567", "+46 70 123 45 67", "0046701234567", "46701234567",
    "(070) 123 45 67", "070.123.45.67", " +46701234567 ", "0046 70-123 45 67"])
def test_every_swedish_form_of_a_mobile_number_is_one_e164(typed: str) -> None:
    assert normalise_phone(typed) == "+46701234567"


@pytest.mark.parametrize("typed,e164", [
    ("08-123 456 78", "+46812345678"),  # Stockholm landline
    ("031-12 34 56", "+4631123456"),  # Göteborg landline
    ("+47 912 34 567", "+4791234567"),  # a Norwegian mobile keeps its country
    ("0047 912 34 567", "+4791234567"),
])
def test_landlines_and_foreign_numbers(typed: str, e164: str) -> None:
    assert normalise_phone(typed) == e164


@pytest.mark.parametrize("typed,code,says", [
    ("", "phone.empty", "No phone number was given"),
    ("   ", "phone.empty", "No phone number was given"),
    ("abc", "phone.not_a_number", "'abc' is not a phone number"),
    ("070-12a 45 67", "phone.not_a_number", "'070-12a 45 67' is not a phone number"),
    ("anna@example.se", "phone.not_a_number", "is not a phone number"),
    ("070123", "phone.too_short", "070123 is too short for a phone number"),
    ("+46", "phone.too_short", "+46 is too short"),
    ("0701234567890123", "phone.too_long", "0701234567890123 is too long for a phone number"),
    ("+999 1234567", "phone.bad_country", "+999 1234567 starts with a country code no country has"),
    ("070 12 34 5", "phone.invalid", "070 12 34 5 is no phone number in use in SE (check the digits)"),
    ("+44 20 7946 09", "phone.invalid", "in use in GB"),
])
def test_wrong_numbers_are_refused_with_what_is_wrong(typed: str, code: str, says: str) -> None:
    with pytest.raises(PhoneError) as e:
        normalise_phone(typed)
    assert e.value.code == code
    assert says in str(e.value)


@pytest.mark.parametrize("typed,query", [
    ("070-123 45 67", "+46701234567"), ("+46 70 123 45 67", "+46701234567"),
    ("46701234567", "+46701234567"), ("0046701234567", "+46701234567"),
    ("Anna Svensson", "Anna Svensson"), ("ANNA@Example.se", "ANNA@Example.se")])
def test_a_search_by_phone_asks_for_the_stored_form(typed: str, query: str) -> None:
    assert customer_query(typed) == query


# --- duplicates ------------------------------------------------------------------------------------

def ref(i: str, first: str, last: str, email: str = "", phone: str = "") -> CustomerRef:
    return CustomerRef(i, email, first, last, phone)


def draft(first: str = "Åsa", last: str = "Öberg", email: str = "", phone: str = "",
          postcode: str = "") -> CustomerDraft:
    address = PostalAddress("Storgatan 1", postcode, "Göteborg") if postcode else None
    return CustomerDraft(first, last, email, phone, address)


@pytest.mark.parametrize("a,b", [
    ("Åsa Öberg", "Asa Oberg"), ("ÅSA ÖBERG", "åsa öberg"), ("Anna Svensson", "Anna Svenssno"),
    ("Anna Svensson", "Anna Svenson"), ("Jon Andersson", "John Andersson"),
    ("Svensson Anna", "Anna Svensson"), ("Karl-Johan Öhman", "Karl Johan Ohman"),
    ("Émile Zoëga", "Emile Zoega"), ("Maria Gustafsson-Lindqvist", "Maria Gustafson Lindkvist")])
def test_names_that_are_the_same_person(a: str, b: str) -> None:
    assert names_near(a, b) and names_near(b, a)


@pytest.mark.parametrize("a,b", [
    ("Anna Svensson", "Anna Larsson"), ("Per Berg", "Pia Berg"), ("Eva Ek", "Ebba Ek"),
    ("Anna Svensson", ""), ("Lars Öberg", "Lena Öberg")])
def test_names_that_are_not(a: str, b: str) -> None:
    assert not names_near(a, b)


def test_folding_keeps_only_what_tells_names_apart() -> None:
    assert fold_name("  Åsa-Britt  ÖBERG ") == "asa britt oberg"


def test_same_email_in_any_case_and_same_phone_match_whatever_the_name() -> None:
    known = [KnownCustomer(ref("cus_1", "Anna", "Svensson", email="Anna.S@Example.se")),
             KnownCustomer(ref("cus_2", "Bertil", "Ek", phone="+46701234567"))]
    found = duplicates(draft("Kim", "Lund", email="anna.s@example.se", phone="+46701234567"),
                       known)
    assert [(d.customer.id, d.reasons) for d in found] == [
        ("cus_1", (MatchReason.EMAIL,)), ("cus_2", (MatchReason.PHONE,))]


def test_near_name_matches_only_in_the_same_postcode() -> None:
    known = [KnownCustomer(ref("cus_1", "Asa", "Oberg"), ("412 63",)),
             KnownCustomer(ref("cus_2", "Anna", "Svensson"), ("111 22",)),
             KnownCustomer(ref("cus_3", "Åsa", "Öberg"), ("852 30",))]
    assert [d.customer.id for d in duplicates(draft("Åsa", "Öberg", postcode="41263"), known)] \
        == ["cus_1"]
    assert duplicates(draft("Anna", "Svensson", postcode="412 63"), known) == []
    assert duplicates(draft("Anna", "Svensson"), known) == []  # no address: no name rule


def test_a_customer_matching_twice_is_offered_once_surest_first() -> None:
    known = [KnownCustomer(ref("cus_9", "Åsa", "Öberg", phone="+46701234567"), ("41263",)),
             KnownCustomer(ref("cus_1", "Åsa", "Öberg", email="asa@example.se"))]
    found = duplicates(draft(email="asa@example.se", phone="+46701234567", postcode="412 63"),
                       known + known)
    assert [d.customer.id for d in found] == ["cus_1", "cus_9"]
    assert found[1].reasons == (MatchReason.PHONE, MatchReason.NAME_AND_POSTCODE)


# --- the scanned "my account" code -----------------------------------------------------------------

def test_the_my_account_code_is_its_own_kind_of_scan() -> None:
    token = "ABCDEFGHIJKLMNOPQRSTUVWX23"
    assert classify(f"CUSTOMER:{token}").kind is ScanKind.CUSTOMER_TOKEN
    assert classify(f"customer:{token.lower()}").value == token
    assert classify(f"\x02CUSTOMER:{token}\r\n").value == token
    assert classify("CUSTOMER:ABC").kind is ScanKind.UNKNOWN  # too short
    assert classify(f"CUSTOMER:{token[:-1]}1").kind is ScanKind.UNKNOWN  # 1 is no base32 digit
    assert classify("CUST-0012345").kind is ScanKind.CUSTOMER_CARD  # cards are as they were


# --- creating and editing over a fake central store ------------------------------------------------

def uow() -> FakeUnitOfWork:
    u = FakeUnitOfWork()
    with u:
        u.registers.ensure("K1")
        u.registers.ensure("K2")
        u.commit()
    return u


def create(u: FakeUnitOfWork, records: FakeRecords, d: CustomerDraft,
           reason: str | None = None) -> CustomerRef:
    return cr.create_customer(u, records, d, register_id="K1", now=NOW, user="S1", reason=reason)


def test_a_new_customer_is_created_tidied_with_the_consents_time_and_source_and_journaled() -> None:
    u, records = uow(), FakeRecords()
    made = create(u, records, CustomerDraft(" Åsa ", "Öberg", "Asa.Oberg@Example.SE",
                                            "070-123 45 67",
                                            PostalAddress("Storgatan  1", "41263", "Göteborg"),
                                            email_offers=True))
    d, offers, meta = records.created[0]
    assert (d.first_name, d.email, d.phone, d.address.postcode) == (
        "Åsa", "asa.oberg@example.se", "+46701234567", "412 63")
    assert offers == EmailOffers(True, "2026-11-30T11:05:00+01:00", "till K1", "S1")
    assert meta == {"pos_created_by": "till K1"}
    entries = list(u.journal.entries("K1"))
    assert [e.kind for e in entries] == [Kind.CUSTOMER_CREATED]
    assert '"customer_id":"cus_new1"' in entries[0].payload_json
    assert "070" not in entries[0].payload_json and "@" not in entries[0].payload_json
    assert made.id == "cus_new1"


def test_the_same_email_is_offered_and_never_created_even_with_a_reason() -> None:
    known = KnownCustomer(ref("cus_1", "Åsa", "Öberg", email="asa@example.se"))
    u, records = uow(), FakeRecords([known])
    for reason in (None, "she insists on a second one"):
        with pytest.raises(cr.DuplicateCustomers) as e:
            create(u, records, draft("Asa", "Oberg", email="ASA@example.se"), reason)
        assert e.value.code == "customers.same_email"
        assert [x.customer.id for x in e.value.duplicates] == ["cus_1"]
        assert not e.value.overridable
    assert records.created == [] and list(u.journal.entries("K1")) == []


def test_a_phone_in_another_form_is_offered_and_a_reason_creates_all_the_same() -> None:
    known = KnownCustomer(ref("cus_2", "Bo", "Ek", phone="+46701234567"))
    u, records = uow(), FakeRecords([known])
    with pytest.raises(cr.DuplicateCustomers) as e:
        create(u, records, draft("Lisa", "Ek", phone="0046 70 123 45 67"))
    assert e.value.code == "customers.possible_duplicates" and e.value.overridable
    assert "1 customer(s) already look like this one" in str(e.value)
    with pytest.raises(cr.CustomerRecordError) as short:
        create(u, records, draft("Lisa", "Ek", phone="0701234567"), reason="  dotter ")
    assert short.value.code == "customers.reason_required"
    made = create(u, records, draft("Lisa", "Ek", phone="0701234567"),
                  reason="Bo's daughter, shares his phone")
    assert made.id == "cus_new1"
    assert records.created[0][2]["pos_duplicate_override"] == {
        "reason": "Bo's daughter, shares his phone", "by": "S1", "at": NOW.isoformat(),
        "like": ["cus_2"]}
    [entry] = list(u.journal.entries("K1"))
    assert '"override_reason":"Bo\'s daughter, shares his phone"' in entry.payload_json


@pytest.mark.parametrize("d,code", [
    (CustomerDraft("", "Ek", "a@b.se"), "customers.name_required"),
    (CustomerDraft("Bo", "Ek"), "customers.contact_required"),
    (CustomerDraft("Bo", "Ek", "bo.example.se"), "customers.bad_email"),
    (CustomerDraft("Bo", "Ek", phone="070123"), "phone.too_short"),
    (CustomerDraft("Bo", "Ek", "a@b.se", address=PostalAddress("Gatan 1", "4126", "Göteborg")),
     "customers.bad_postcode"),
    (CustomerDraft("Bo", "Ek", "a@b.se", address=PostalAddress("", "41263", "Göteborg")),
     "customers.address_incomplete"),
])
def test_what_a_customer_needs(d: CustomerDraft, code: str) -> None:
    with pytest.raises(Exception) as e:
        create(uow(), FakeRecords(), d)
    assert getattr(e.value, "code", None) == code


def test_editing_sends_only_what_changed_and_keeps_the_consents_time_and_source() -> None:
    u, records = uow(), FakeRecords()
    made = create(u, records, draft("Åsa", "Öberg", email="asa@example.se", postcode="41263"))
    after = cr.update_customer(u, records, made.id, CustomerChanges(
        first_name="Åsa", last_name="Öberg-Lind", phone="070 765 43 21", email_offers=True),
        register_id="K2", now=NOW, user="S7")
    assert after.customer.id == made.id
    [(cid, changes, offers)] = records.updates
    assert changes.fields() == {"last_name": "Öberg-Lind", "phone": "+46707654321"}
    assert offers == EmailOffers(True, NOW.isoformat(), "till K2", "S7")
    changed = list(u.journal.entries("K2"))
    assert [e.kind for e in changed] == [Kind.CUSTOMER_CHANGED]
    assert '"fields":["last_name","phone","email_offers"]' in changed[0].payload_json
    # nothing changed: nothing sent, nothing journaled
    cr.update_customer(u, records, made.id, CustomerChanges(first_name="Åsa", email_offers=False),
                       register_id="K2", now=NOW, user="S7")
    assert len(records.updates) == 1 and len(list(u.journal.entries("K2"))) == 1


def test_an_email_another_customer_has_is_refused_on_edit() -> None:
    u, records = uow(), FakeRecords()
    made = create(u, records, draft("Bo", "Ek", email="bo@example.se"))
    records.known = [KnownCustomer(ref("cus_other", "Eva", "Ek", email="eva@example.se"))]
    with pytest.raises(cr.CustomerRecordError) as e:
        cr.update_customer(u, records, made.id, CustomerChanges(email="EVA@example.se"),
                           register_id="K1", now=NOW, user="S1")
    assert e.value.code == "customers.email_taken"
    assert records.updates == []


def test_no_central_store_says_so() -> None:
    with pytest.raises(cr.CustomerRecordError) as e:
        create(uow(), None, draft(email="a@b.se"))  # type: ignore[arg-type]
    assert e.value.code == "customers.records_unavailable"
