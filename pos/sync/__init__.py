"""Synchronisation with the central store: the outbox worker, catalogue sync, sync commands."""
