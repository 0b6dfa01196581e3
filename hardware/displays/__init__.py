"""Displays adapters and helpers."""
