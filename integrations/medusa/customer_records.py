"""Customers created and edited at the till (``pos.ports.CustomerRecords``) over Medusa v2's
admin API, and the code a customer shows from their phone.

- Candidates for duplicates: the omnipos route ``GET /admin/pos/customer-candidates`` (same
  e-mail, same phone, or an address in the postcode: Medusa's own list cannot search addresses).
- Created as a guest customer (``POST /admin/customers``, phone in E.164) with the postal address
  as their default address (``POST /admin/customers/{id}/addresses``). When they register on the
  web with the same e-mail, the app's middleware makes that guest their account
  (``app/src/lib/guest-account.ts``): one customer, with the till's sales.
- The consent to e-mail offers lives in the customer's metadata (``email_offers``: consent, time,
  source "till K1", cashier); the card number in ``pos_card``; the scanned code's token in
  ``pos_token``. Metadata is always sent whole (read, changed, written back).
"""
from __future__ import annotations

from typing import Any

from integrations.medusa.calls import admin
from integrations.medusa.client import MedusaClient, MedusaError
from integrations.medusa.mapping import expect_list, expect_object, to_customer
from pos.commerce import CustomerRef
from pos.customers import (CustomerChanges, CustomerDetails, CustomerDraft, EmailOffers,
                           KnownCustomer, PostalAddress)

CANDIDATES_PATH = "/admin/pos/customer-candidates"
TOKEN_PATH = "/admin/pos/customer-token"
DETAIL_FIELDS = "id,email,first_name,last_name,phone,has_account,metadata,*addresses,groups.id"


class MedusaCustomerRecords:
    def __init__(self, client: MedusaClient):
        self.client = client

    def candidates(self, draft: CustomerDraft) -> list[KnownCustomer]:
        params = {k: v for k, v in (("email", draft.email), ("phone", draft.phone),
                                    ("postcode", draft.address.postcode if draft.address else ""))
                  if v}
        if not params:
            return []
        try:
            body = admin(self.client, "GET", CANDIDATES_PATH, params=params)
        except MedusaError as e:
            if e.status == 404:
                raise MedusaError("the central store cannot look for duplicate customers (no "
                                  "omnipos route)", e.status, e.body) from e
            raise
        return [KnownCustomer(to_customer(c), tuple(str(p) for p in c.get("postcodes") or ()))
                for c in expect_list(body, "customers")]

    def create_customer(self, draft: CustomerDraft, offers: EmailOffers,
                        metadata: dict[str, Any]) -> CustomerRef:
        body: dict[str, Any] = {"first_name": draft.first_name, "last_name": draft.last_name,
                                "metadata": {**metadata, "email_offers": offers.to_dict()}}
        if draft.email:
            body["email"] = draft.email
        if draft.phone:
            body["phone"] = draft.phone
        created = expect_object(admin(self.client, "POST", "/admin/customers", json=body),
                                "customer")
        if draft.address is not None:
            admin(self.client, "POST", f"/admin/customers/{created['id']}/addresses",
                  json={**_address_body(draft.first_name, draft.last_name, draft.phone,
                                        draft.address),
                        "is_default_shipping": True, "is_default_billing": True})
        return to_customer(created)

    def customer_details(self, customer_id: str) -> CustomerDetails | None:
        raw = self._raw(customer_id)
        return to_details(raw) if raw is not None else None

    def update_customer(self, customer_id: str, changes: CustomerChanges,
                        offers: EmailOffers | None) -> CustomerDetails:
        raw = self._raw(customer_id)
        if raw is None:
            raise MedusaError(f"no customer {customer_id}", 404, None)
        body: dict[str, Any] = dict(changes.fields())
        if "phone" in body and not body["phone"]:
            body["phone"] = None
        if offers is not None:
            body["metadata"] = {**(raw.get("metadata") or {}), "email_offers": offers.to_dict()}
        if body:
            admin(self.client, "POST", f"/admin/customers/{customer_id}", json=body)
        if changes.address is not None:
            first = changes.first_name or raw.get("first_name") or ""
            last = changes.last_name or raw.get("last_name") or ""
            phone = changes.phone if changes.phone is not None else raw.get("phone") or ""
            address = _address_body(first, last, phone, changes.address)
            default = _default_address(raw)
            if default is not None:
                admin(self.client, "POST",
                      f"/admin/customers/{customer_id}/addresses/{default['id']}", json=address)
            else:
                admin(self.client, "POST", f"/admin/customers/{customer_id}/addresses",
                      json={**address, "is_default_shipping": True, "is_default_billing": True})
        details = self.customer_details(customer_id)
        assert details is not None
        return details

    def customer_by_token(self, token: str) -> CustomerRef | None:
        try:
            body = admin(self.client, "GET", TOKEN_PATH, params={"token": token})
        except MedusaError as e:
            if e.status == 404 and "No customer has this token" in str(e):
                return None
            raise
        return to_customer(expect_object(body, "customer"))

    def _raw(self, customer_id: str) -> dict[str, Any] | None:
        try:
            return expect_object(admin(self.client, "GET", f"/admin/customers/{customer_id}",
                                       params={"fields": DETAIL_FIELDS}), "customer")
        except MedusaError as e:
            if e.status == 404:
                return None
            raise


def _address_body(first: str, last: str, phone: str, a: PostalAddress) -> dict[str, Any]:
    return {"first_name": first, "last_name": last, "address_1": a.street,
            "address_2": a.care_of or None, "postal_code": a.postcode, "city": a.city,
            "country_code": a.country or "se", **({"phone": phone} if phone else {})}


def _default_address(raw: dict[str, Any]) -> dict[str, Any] | None:
    addresses = list(raw.get("addresses") or [])
    addresses.sort(key=lambda a: (not a.get("is_default_shipping"), str(a.get("created_at"))))
    return addresses[0] if addresses else None


def to_details(raw: dict[str, Any]) -> CustomerDetails:
    meta = raw.get("metadata") or {}
    a = _default_address(raw)
    address = None if a is None else PostalAddress(
        str(a.get("address_1") or ""), str(a.get("postal_code") or ""), str(a.get("city") or ""),
        str(a.get("country_code") or "se"), str(a.get("address_2") or ""))
    return CustomerDetails(customer=to_customer(raw), address=address,
                           address_id=str(a["id"]) if a else "",
                           email_offers=EmailOffers.from_dict(meta.get("email_offers")),
                           card=str(meta.get("pos_card") or ""),
                           has_account=bool(raw.get("has_account")))
