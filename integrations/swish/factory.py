"""The register's Swish provider from the ``[swish]`` config section.

==========================  ====================================================================
``url``                     Swish
==========================  ====================================================================
``""`` (default)            none: the till offers no Swish
``"simulator"``             a Swish simulator started in this process on a free localhost port
                            (plain HTTP), the provider talking to it over HTTP as to Swish
``"http://127.0.0.1:8444"`` a simulator run apart (``python -m hardware.simulators.swish_simulator``)
``"https://cpc.getswish.net"``  Swish itself, with ``cert``, ``key`` (the store's client
                            certificate, PEM) and ``ca``
==========================  ====================================================================

Other keys: ``payee_alias`` (the store's Swish number), ``callback_url`` (where Swish posts its
callbacks; HTTPS and reachable from Swish), ``listen`` (the till's own callback listener,
``"127.0.0.1:0"``; empty: none, the till asks the status), ``message`` (what the customer's
app shows; default: the store's name).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from integrations.swish.provider import SwishProvider

SIMULATOR = "simulator"


def make_swish(section: Mapping[str, Any], *, message: str = "") -> SwishProvider | None:
    url = str(section.get("url") or "").strip()
    if not url:
        return None
    payee = str(section.get("payee_alias") or "1231181189")
    listen = str(section.get("listen") or "")
    simulator = None
    if url == SIMULATOR:
        from hardware.simulators.swish_simulator import SwishSimulator

        simulator = SwishSimulator(pay_delay=float(section.get("simulator_pay_delay") or 3.0),
                                   merchant=payee).start()
        url = simulator.url
    if not listen and not section.get("callback_url") and url.startswith(
            ("http://127.0.0.1", "http://localhost")):
        listen = "127.0.0.1:0"  # a simulator on this machine calls back here
    provider = SwishProvider(
        url, payee, cert=str(section.get("cert") or ""), key=str(section.get("key") or ""),
        ca=str(section.get("ca") or ""), callback_url=str(section.get("callback_url") or ""),
        listen=listen, message=str(section.get("message") or message))
    provider.simulator = simulator  # type: ignore[attr-defined]  # kept alive with the provider
    return provider
