"""Simulators adapters and helpers."""
