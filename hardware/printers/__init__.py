"""Printers adapters and helpers."""
