"""Customers created and edited at the till, and their history: one customer in every channel.

- **Create** (``create_customer``): the customer's details are checked (a name; an e-mail or a
  phone, the phone normalised to E.164), then the central store is asked who might already be
  this customer (``CustomerRecords.candidates``) and ``pos.customers.duplicates`` decides. A
  customer with the same e-mail is never created again (``DuplicateCustomers``, no way round it:
  Medusa keys accounts by e-mail). Any other likeness (same phone, near-same name in the same
  postcode) is offered instead too; the cashier may still create a new customer by giving a
  reason (a family sharing a phone, two people of one name in one postcode): no manager is
  called, since nothing is paid or given away, but the reason is kept with the customer and in
  the journal.
- **Edit** (``update_customer``): contact details and the consent to e-mail offers, whose time
  and source ("till K1") and cashier are kept with it; journaled (which fields, never their
  values: the journal is no customer register).
- **History** (``history``): web orders and store sales together, newest first, paged.
- **Scanned code** (``customer_by_token``): the "my account" QR code of the web shop.

Every function is a network call (the network lane); the journal lines are written in the
network lane's own unit of work.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from typing import Any

from pos.commerce import CustomerRef
from pos.customer_history import HistoryPage
from pos.customers import (CustomerChanges, CustomerDetails, CustomerDraft, Duplicate,
                           EmailOffers, PostalAddress, duplicates, fold_email)
from pos.errors import UserError, messages
from pos.journal import Kind
from pos.phone import normalise_phone
from pos.ports import CentralAccessRefused, CommerceUnavailable, CustomerHistory, CustomerRecords
from pos.services.unit_of_work import UnitOfWork

MIN_REASON = 8

MESSAGES = messages({
    "customers.records_unavailable": "No central store is set up: customers cannot be created, "
                                     "changed or looked up here",
    "customers.records_unreachable": "The central store cannot be reached, so customers cannot "
                                     "be created, changed or looked up now",
    "customers.records_failed": "The central store refused: {detail}",
    "customers.name_required": "Type the customer's first and last name",
    "customers.contact_required": "Give the customer's e-mail or phone number, so they can be "
                                  "found again",
    "customers.bad_email": "'{email}' is not an e-mail address",
    "customers.bad_postcode": "'{postcode}' is not a Swedish postcode (five digits, e.g. 123 45)",
    "customers.address_incomplete": "An address needs a street, a postcode and a city",
    "customers.same_email": "{name} already has the e-mail {email}: use that customer",
    "customers.possible_duplicates": "{count} customer(s) already look like this one: use one "
                                     "of them, or give a reason to create a new customer",
    "customers.reason_required": "Say why this is another customer (at least {min} characters)",
    "customers.email_taken": "Another customer ({name}) already has the e-mail {email}",
    "customers.no_such_customer": "The central store has no customer {id}",
    "customers.no_such_token": "This customer code is not valid (any more): ask the customer to "
                               "open it again under My account",
})

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")
_SE_POSTCODE = re.compile(r"^[1-9][0-9]{2} ?[0-9]{2}$")


class CustomerRecordError(UserError):
    """A customer cannot be created or changed like that; the message says why."""


class DuplicateCustomers(CustomerRecordError):
    """The customer to be created probably exists already: ``duplicates``, the surest first.
    ``overridable``: a reason lets the cashier create a new one all the same (not for the same
    e-mail)."""

    def __init__(self, code: str, found: list[Duplicate], /, **params: Any) -> None:
        super().__init__(code, **params)
        self.duplicates = found

    @property
    def overridable(self) -> bool:
        return not any(d.same_email for d in self.duplicates)


def _records(records: CustomerRecords | None) -> CustomerRecords:
    if records is None:
        raise CustomerRecordError("customers.records_unavailable")
    return records


def _call(fn: Any, *args: Any) -> Any:
    """A call to the central store, its failures as the cashier's errors."""
    try:
        return fn(*args)
    except (UserError, CentralAccessRefused):
        raise
    except CommerceUnavailable as e:
        raise CustomerRecordError("customers.records_unreachable") from e
    except Exception as e:  # noqa: BLE001 - a refused or unreadable answer: said as it is
        raise CustomerRecordError("customers.records_failed", detail=str(e)[:200]) from e


# --- the details as typed --------------------------------------------------------------------------

def clean_draft(draft: CustomerDraft) -> CustomerDraft:
    """``draft`` checked and tidied: names trimmed, e-mail lower case, phone in E.164, postcode
    as "123 45". ``CustomerRecordError`` / ``pos.phone.PhoneError`` say what is wrong."""
    first, last = " ".join(draft.first_name.split()), " ".join(draft.last_name.split())
    if not first or not last:
        raise CustomerRecordError("customers.name_required")
    email = clean_email(draft.email)
    phone = normalise_phone(draft.phone) if draft.phone.strip() else ""
    if not email and not phone:
        raise CustomerRecordError("customers.contact_required")
    return replace(draft, first_name=first, last_name=last, email=email, phone=phone,
                   address=clean_address(draft.address))


def clean_email(email: str) -> str:
    e = email.strip().lower()
    if e and not _EMAIL.match(e):
        raise CustomerRecordError("customers.bad_email", email=email.strip()[:80])
    return e


def clean_address(address: PostalAddress | None) -> PostalAddress | None:
    if address is None:
        return None
    street, city = " ".join(address.street.split()), " ".join(address.city.split())
    postcode = address.postcode.strip()
    if not (street or postcode or city):
        return None
    if not (street and postcode and city):
        raise CustomerRecordError("customers.address_incomplete")
    country = (address.country or "se").lower()
    if country == "se":
        if not _SE_POSTCODE.match(postcode):
            raise CustomerRecordError("customers.bad_postcode", postcode=postcode[:20])
        digits = postcode.replace(" ", "")
        postcode = f"{digits[:3]} {digits[3:]}"
    return PostalAddress(street, postcode, city, country, " ".join(address.care_of.split()))


# --- create ----------------------------------------------------------------------------------------

def find_duplicates(records: CustomerRecords | None, draft: CustomerDraft) -> list[Duplicate]:
    """Who ``draft`` (already cleaned) probably is, the surest first."""
    return duplicates(draft, _call(_records(records).candidates, draft))


def create_customer(uow: UnitOfWork, records: CustomerRecords | None, draft: CustomerDraft, *,
                    register_id: str, now: datetime, user: str | None,
                    reason: str | None = None) -> CustomerRef:
    """A new customer in the central store, unless they are probably there already
    (``DuplicateCustomers``, the offers in it); ``reason`` creates a new one all the same
    (not for an e-mail another customer has). Journaled."""
    records = _records(records)
    draft = clean_draft(draft)
    found = find_duplicates(records, draft)
    same_email = [d for d in found if d.same_email]
    if same_email:
        c = same_email[0].customer
        raise DuplicateCustomers("customers.same_email", found, name=c.label, email=c.email)
    why = " ".join((reason or "").split())
    if found and not why:
        raise DuplicateCustomers("customers.possible_duplicates", found, count=len(found))
    if found and len(why) < MIN_REASON:
        raise CustomerRecordError("customers.reason_required", min=MIN_REASON)
    source = f"till {register_id}"
    offers = EmailOffers(draft.email_offers, now.isoformat(), source, user or "")
    metadata: dict[str, Any] = {"pos_created_by": source}
    if found:
        metadata["pos_duplicate_override"] = {"reason": why, "by": user or "", "at": now.isoformat(),
                                              "like": [d.customer.id for d in found]}
    created = _call(records.create_customer, draft, offers, metadata)
    with uow:
        uow.journal.record(register_id, now, Kind.CUSTOMER_CREATED, {
            "customer_id": created.id, "email_offers": draft.email_offers,
            **({"override_reason": why, "like": [d.customer.id for d in found]} if found else {})},
            user)
        uow.commit()
    return created


# --- edit ------------------------------------------------------------------------------------------

def customer_details(records: CustomerRecords | None, customer_id: str) -> CustomerDetails:
    found = _call(_records(records).customer_details, customer_id)
    if found is None:
        raise CustomerRecordError("customers.no_such_customer", id=customer_id)
    return found


def update_customer(uow: UnitOfWork, records: CustomerRecords | None, customer_id: str,
                    changes: CustomerChanges, *, register_id: str, now: datetime,
                    user: str | None) -> CustomerDetails:
    """The customer's contact details, address and consent changed as ``changes`` says (only
    what differs is sent); the consent's time and source ("till K1") kept. Journaled."""
    records = _records(records)
    before = customer_details(records, customer_id)
    c = before.customer
    cleaned = CustomerChanges(
        first_name=_changed(changes.first_name, c.first_name, required=True),
        last_name=_changed(changes.last_name, c.last_name, required=True),
        email=_changed(clean_email(changes.email) if changes.email is not None else None, c.email),
        phone=_changed(_phone(changes.phone), c.phone),
        address=clean_address(changes.address) if changes.address != before.address else None,
        email_offers=changes.email_offers
        if changes.email_offers is not None and changes.email_offers != before.email_offers.consent
        else None)
    if cleaned.email is not None and cleaned.phone is None and not cleaned.email \
            and not c.phone:
        raise CustomerRecordError("customers.contact_required")
    if cleaned.email:
        for d in find_duplicates(records, CustomerDraft("", "", email=cleaned.email)):
            if d.customer.id != customer_id and d.same_email:
                raise CustomerRecordError("customers.email_taken", name=d.customer.label,
                                          email=cleaned.email)
    offers = None
    if cleaned.email_offers is not None:
        offers = EmailOffers(cleaned.email_offers, now.isoformat(), f"till {register_id}",
                             user or "")
    changed = sorted(cleaned.fields()) + (["address"] if cleaned.address is not None else []) \
        + (["email_offers"] if offers is not None else [])
    if not changed:
        return before
    after = _call(records.update_customer, customer_id, cleaned, offers)
    with uow:
        uow.journal.record(register_id, now, Kind.CUSTOMER_CHANGED, {
            "customer_id": customer_id, "fields": changed,
            **({"email_offers": offers.consent} if offers is not None else {})}, user)
        uow.commit()
    return after


def _phone(typed: str | None) -> str | None:
    """None: not changed; "": removed; else E.164."""
    if typed is None:
        return None
    return normalise_phone(typed) if typed.strip() else ""


def _changed(new: str | None, old: str, required: bool = False) -> str | None:
    if new is None:
        return None
    new = " ".join(new.split())
    if required and not new:
        raise CustomerRecordError("customers.name_required")
    return None if new == (old or "") else new


# --- history and the scanned code ------------------------------------------------------------------

def history(source: CustomerHistory | None, customer_id: str, offset: int = 0,
            limit: int = 10) -> HistoryPage:
    if source is None:
        raise CustomerRecordError("customers.records_unavailable")
    return _call(source.history, customer_id, max(0, offset), max(1, min(limit, 50)))


def customer_by_token(records: CustomerRecords | None, token: str) -> CustomerRef:
    found = _call(_records(records).customer_by_token, token)
    if found is None:
        raise CustomerRecordError("customers.no_such_token")
    return found


def same_email(a: str, b: str) -> bool:
    return fold_email(a) == fold_email(b)
