"""Operator commands of ``main.py``, one module per flow (``returns`` ...): each adds its
subcommand to main's parser and runs it."""
