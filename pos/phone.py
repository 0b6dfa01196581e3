"""One phone normaliser for the whole till: a number as a Swedish customer says or types it
(070-123 45 67, 0701234567, +46 70 123 45 67, 0046701234567, 46701234567) becomes E.164
(+46701234567), the form the central store keeps phones in, so the same person is found and
recognised whichever way the number was written.

Google's libphonenumber (the PyPI ``phonenumbers`` port) does the parsing and the validity check
per country: its numbering plans are kept up to date upstream, which our own rules would not be.
A number without a country code is Swedish; one with a country code (+47..., 0047...) keeps it.
"""
from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult

from pos.errors import UserError, messages

DEFAULT_REGION = "SE"

MESSAGES = messages({
    "phone.empty": "No phone number was given",
    "phone.not_a_number": "'{text}' is not a phone number: only digits, spaces, - ( ) and a "
                          "leading + belong in one",
    "phone.too_short": "{text} is too short for a phone number (a Swedish mobile number has 10 "
                       "digits: 070-123 45 67)",
    "phone.too_long": "{text} is too long for a phone number",
    "phone.bad_country": "{text} starts with a country code no country has",
    "phone.invalid": "{text} is no phone number in use in {country} (check the digits)",
})

_ALLOWED = re.compile(r"^\+?[0-9\s\-().]+$")


class PhoneError(UserError):
    """A phone number that cannot be a real one; the message says why."""


def normalise_phone(text: str, region: str = DEFAULT_REGION) -> str:
    """``text`` as E.164 (``+46701234567``); ``PhoneError`` says why it cannot be a phone."""
    shown = text.strip()
    if not shown:
        raise PhoneError("phone.empty")
    if not _ALLOWED.match(shown) or not any(ch.isdigit() for ch in shown):
        raise PhoneError("phone.not_a_number", text=shown[:40])
    try:
        number = phonenumbers.parse(shown, region)
    except NumberParseException as e:
        if e.error_type == NumberParseException.INVALID_COUNTRY_CODE:
            raise PhoneError("phone.bad_country", text=shown) from e
        if e.error_type in (NumberParseException.TOO_SHORT_NSN,
                            NumberParseException.TOO_SHORT_AFTER_IDD):
            raise PhoneError("phone.too_short", text=shown) from e
        if e.error_type == NumberParseException.TOO_LONG:
            raise PhoneError("phone.too_long", text=shown) from e
        if sum(ch.isdigit() for ch in shown) <= 4:
            raise PhoneError("phone.too_short", text=shown) from e
        raise PhoneError("phone.not_a_number", text=shown[:40]) from e
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason == ValidationResult.TOO_SHORT or len(str(number.national_number)) < 7:
        raise PhoneError("phone.too_short", text=shown)
    if reason == ValidationResult.TOO_LONG:
        raise PhoneError("phone.too_long", text=shown)
    if reason == ValidationResult.INVALID_COUNTRY_CODE:
        raise PhoneError("phone.bad_country", text=shown)
    if not phonenumbers.is_valid_number(number):
        country = phonenumbers.region_code_for_country_code(number.country_code or 0)
        raise PhoneError("phone.invalid", text=shown, country=country)
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def phone_or_none(text: str, region: str = DEFAULT_REGION) -> str | None:
    """E.164 when ``text`` is a valid phone number, else None (for a search box that takes a
    phone, an e-mail or a name)."""
    try:
        return normalise_phone(text, region)
    except PhoneError:
        return None


def looks_like_phone(text: str) -> bool:
    """Typed text that is meant as a phone number (digits and phone punctuation only, at least
    six digits): a search for it is a search by phone."""
    t = text.strip()
    return bool(_ALLOWED.match(t)) and sum(ch.isdigit() for ch in t) >= 6
