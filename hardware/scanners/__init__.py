"""Scanners adapters and helpers."""
