"""What the operator commands print: a sentence or, with ``--json``, one JSON document (amounts
in öre, times ISO 8601 with their UTC offset), and their exit codes.

# Exit codes (README, "Operator commands"): 0 done; 1 the command ran and found a fault or could
# not do it (nothing found, no open shift, a device or the journal fails, sales not delivered);
# 2 wrong arguments or input (usage, a wrong check digit, an amount that is not one, the
# configuration); 3 the central store cannot be reached or none is configured; 4 the database
# cannot be opened. Whatever fails is told on stderr in a sentence; with --json stdout also gets
# {"error": sentence, ...} so a script reads one JSON document whatever happened."""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NO_STORE, EXIT_NO_DATABASE = 0, 1, 2, 3, 4


def _time(t: datetime) -> str:
    """An instant with its UTC offset: the domain's naive times are the till's local wall-clock
    time (sales, shifts, reports)."""
    return (t if t.tzinfo is not None else t.astimezone()).isoformat()


def _plain(obj: Any) -> Any:
    if is_dataclass(obj) and not isinstance(obj, type):
        return {k: _plain(v) for k, v in asdict(obj).items()}
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, datetime):
        return _time(obj)
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, Decimal):
        return str(obj)
    return obj


def emit(args: argparse.Namespace, data: Any, text: str) -> None:
    if args.json:
        print(json.dumps(_plain(data), ensure_ascii=False, indent=2))
    else:
        print(text)


def fail(args: argparse.Namespace, error: str, code: int = EXIT_FAILED, /, **data: Any) -> int:
    """Tell a failure: the sentence on stderr always, and with --json a JSON object on stdout
    (``{"error": error, **data}``). Returns ``code`` for the caller to exit with."""
    if getattr(args, "json", False):
        print(json.dumps(_plain({"error": error, **data}), ensure_ascii=False, indent=2))
    print(f"pos: {error}", file=sys.stderr)
    return code
