"""Knows which card payment is in progress, so the cashier can cancel it on the terminal.

``Till.pay_card`` makes the attempt id inside and blocks on ``terminal.purchase``; the screen has no
other way to name the transaction to abort. ``WatchedTerminal`` wraps the configured terminal,
records the running request's ``attempt_id`` and forwards everything else unchanged.
"""
from __future__ import annotations

import threading
from typing import Any

from pos.ports import CardRequest, CardResult


class WatchedTerminal:
    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self._lock = threading.Lock()
        self.current_attempt: str | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def purchase(self, request: CardRequest) -> CardResult:
        with self._lock:
            self.current_attempt = request.attempt_id
        try:
            return self._inner.purchase(request)
        finally:
            with self._lock:
                self.current_attempt = None

    def cancel_current(self) -> bool:
        """Ask the terminal to abort the running purchase (any thread); False if none runs."""
        with self._lock:
            attempt = self.current_attempt
        if attempt is None:
            return False
        try:
            self._inner.abort(attempt)
        except Exception:  # best effort: the terminal's own answer decides the outcome
            return False
        return True
