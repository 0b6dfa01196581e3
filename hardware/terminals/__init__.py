"""Terminals adapters and helpers."""
