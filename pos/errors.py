"""Errors meant for a person (a cashier, a manager, an operator): one base with a stable code and
named parameters.

    raise CartError("cart.quantity_too_large", max=9999)

``code`` names the message; ``params`` fill its placeholders. ``str(error)`` is the English
sentence (for logs and the command line); a screen shows its own language's template for the
code (``ui/i18n/messages.py``, translated in Qt Linguist), so rewording a sentence here cannot
silently lose its translation: a test compares both sides. Codes are registered with their
English template by the module that raises them (``messages({...})``), as Anki keys its
messages in ``ftl`` files; an unknown code is a programming error and fails at once.

Errors that are not for a person (a bug, a broken invariant) stay ordinary exceptions.
"""
from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any

_MESSAGES: dict[str, str] = {}


def messages(table: Mapping[str, str]) -> Mapping[str, str]:
    """Register ``code -> English template`` (``str.format`` placeholders: ``{name}``); returns
    the table. A code is registered once, by the module that raises it."""
    for code, template in table.items():
        known = _MESSAGES.get(code)
        if known is not None and known != template:
            raise ValueError(f"error code {code!r} is registered twice with different texts")
        _MESSAGES[code] = template
    return table


def all_messages() -> dict[str, str]:
    """Every code registered so far (import the modules that raise them first)."""
    return dict(_MESSAGES)


def placeholders(template: str) -> set[str]:
    """The names a template fills in: ``"{a} of {b}"`` -> ``{"a", "b"}``."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class UserError(Exception):
    """An error whose message is for a person. ``code``: stable, dotted (``"cart.empty"``);
    ``params``: the named values its message shows (already formatted where a screen must
    not format them again, e.g. an amount as "123,45")."""

    def __init__(self, code: str, /, **params: Any) -> None:
        template = _MESSAGES.get(code)
        if template is None:
            raise ValueError(f"unknown error code {code!r}: register it with pos.errors.messages")
        missing = placeholders(template) - params.keys()
        if missing:
            raise ValueError(f"error {code!r} needs {sorted(missing)}")
        self._code = code
        self.params: dict[str, Any] = params
        super().__init__(template.format(**params))

    @property
    def code(self) -> str:
        """The message's code; read-only, so a subclass cannot overwrite it with a value of its
        own (an unknown article's barcode once did, and its message reached the screen in
        English)."""
        return self._code

    @property
    def message(self) -> str:
        """The English sentence."""
        return str(self)
