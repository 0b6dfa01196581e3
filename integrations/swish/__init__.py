"""Swish, the Swedish mobile payment, as a payment provider (``pos.ports.PaymentProvider``) over
the Swish commerce API (v2 payment requests and refunds). Swish is a payment service reached
over HTTPS with a client certificate, not a device at the till: it lives beside the central
store's adapter, not in ``hardware/``. Its simulator (a process that speaks the same requests)
is ``hardware.simulators.swish_simulator``, beside the card terminals' simulators."""
