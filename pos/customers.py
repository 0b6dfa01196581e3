"""Is this new customer someone the central store already has? The rules the till uses before
it creates a customer, so one person stays one customer in every channel:

- the same e-mail (case does not matter): the same customer, always;
- the same phone, after both are normalised to E.164 (``pos.phone``);
- a near-same name with the same postcode: names compared after folding case, accents and the
  Swedish letters (Å/Ä -> A, Ö -> O, so "Åsa Öberg" is "asa oberg"), hyphens and spacing, in
  either order (first and last name swapped), and allowed one slip of the keyboard (one letter
  wrong, missing, extra, or two neighbours transposed: Damerau-Levenshtein distance 1; two for
  names longer than twelve letters). The same name elsewhere (another postcode) is someone else.

The distance is RapidFuzz's (a maintained C++ implementation); the folding is ours (it is what
Swedish names need and a library does not know).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum

from rapidfuzz.distance import OSA

from pos.commerce import CustomerRef

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "ß": "ss", "-": " ", ".": " ", "'": "", "’": ""})


class MatchReason(Enum):
    EMAIL = "email"
    PHONE = "phone"
    NAME_AND_POSTCODE = "name_postcode"


@dataclass(frozen=True)
class PostalAddress:
    street: str
    postcode: str
    city: str
    country: str = "se"
    care_of: str = ""

    @property
    def postcode_key(self) -> str:
        return postcode_key(self.postcode)


@dataclass(frozen=True)
class CustomerDraft:
    """A customer as the cashier typed them (phone already E.164 or empty)."""

    first_name: str
    last_name: str
    email: str = ""
    phone: str = ""
    address: PostalAddress | None = None
    email_offers: bool = False

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class KnownCustomer:
    """A customer of the central store with the postcodes of their saved addresses."""

    customer: CustomerRef
    postcodes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Duplicate:
    known: KnownCustomer
    reasons: tuple[MatchReason, ...] = field(default=())

    @property
    def customer(self) -> CustomerRef:
        return self.known.customer

    @property
    def same_email(self) -> bool:
        return MatchReason.EMAIL in self.reasons


def fold_name(name: str) -> str:
    """A name as it is compared: lower case, no accents (å -> a, ö -> o, é -> e), hyphens and
    dots as spaces, spaces collapsed."""
    text = name.casefold().translate(_FOLD)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(ch))
    return " ".join(text.split())


def postcode_key(postcode: str) -> str:
    """A postcode as compared: its digits and letters only, upper case ("123 45" = "12345")."""
    return re.sub(r"[^0-9A-Za-z]", "", postcode or "").upper()


def fold_email(email: str) -> str:
    return (email or "").strip().casefold()


def names_near(a: str, b: str) -> bool:
    """Whether two full names are the same person's name as far as a cashier's typing goes."""
    fa, fb = fold_name(a), fold_name(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    sa, sb = " ".join(sorted(fa.split())), " ".join(sorted(fb.split()))
    if sa == sb:  # first and last name swapped
        return True
    limit = 2 if min(len(fa), len(fb)) > 12 else 1
    return min(OSA.distance(fa, fb), OSA.distance(sa, sb)) <= limit


def match(draft: CustomerDraft, known: KnownCustomer) -> tuple[MatchReason, ...]:
    """Why ``known`` is probably the customer ``draft`` describes (empty: not a duplicate)."""
    reasons = []
    c = known.customer
    if draft.email and fold_email(draft.email) == fold_email(c.email):
        reasons.append(MatchReason.EMAIL)
    if draft.phone and c.phone and draft.phone == c.phone:
        reasons.append(MatchReason.PHONE)
    postcode = draft.address.postcode_key if draft.address else ""
    if postcode and postcode in {postcode_key(p) for p in known.postcodes} \
            and names_near(draft.name, c.name):
        reasons.append(MatchReason.NAME_AND_POSTCODE)
    return tuple(reasons)


def duplicates(draft: CustomerDraft, candidates: list[KnownCustomer]) -> list[Duplicate]:
    """The candidates that are probably ``draft``'s customer, the surest first (same e-mail,
    then same phone, then near name), each once."""
    out: dict[str, Duplicate] = {}
    for k in candidates:
        reasons = match(draft, k)
        if reasons and k.customer.id not in out:
            out[k.customer.id] = Duplicate(k, reasons)
    order = {MatchReason.EMAIL: 0, MatchReason.PHONE: 1, MatchReason.NAME_AND_POSTCODE: 2}
    return sorted(out.values(), key=lambda d: (min(order[r] for r in d.reasons), -len(d.reasons)))


# --- a customer's record as the till shows and edits it ------------------------------------------

@dataclass(frozen=True)
class EmailOffers:
    """The customer's consent to e-mail offers, with when and where it was given or taken back
    (``source``: "till K1", "web")."""

    consent: bool
    at: str = ""  # ISO 8601 with offset
    source: str = ""
    by: str = ""  # the cashier's id at a till

    def to_dict(self) -> dict[str, object]:
        return {"consent": self.consent, "at": self.at, "source": self.source, "by": self.by}

    @classmethod
    def from_dict(cls, d: object) -> "EmailOffers":
        if not isinstance(d, dict):
            return cls(False)
        return cls(bool(d.get("consent")), str(d.get("at") or ""), str(d.get("source") or ""),
                   str(d.get("by") or ""))


@dataclass(frozen=True)
class CustomerDetails:
    """A customer with what the till may edit: contact details, postal address, consent."""

    customer: CustomerRef
    address: PostalAddress | None = None
    address_id: str = ""
    email_offers: EmailOffers = EmailOffers(False)
    card: str = ""  # their loyalty card's number, when they have one
    has_account: bool = False  # registered on the web


@dataclass(frozen=True)
class CustomerChanges:
    """What the cashier changed (None: left as it was)."""

    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    phone: str | None = None  # E.164, or "" to remove it
    address: PostalAddress | None = None
    email_offers: bool | None = None

    def fields(self) -> dict[str, str]:
        """The contact fields that change, by their central-store names."""
        return {k: v for k, v in (("first_name", self.first_name), ("last_name", self.last_name),
                                  ("email", self.email), ("phone", self.phone)) if v is not None}
