"""Every error code the code base can raise: the modules of pos/, hardware/ and integrations/
register theirs when imported (``pos.errors.messages``)."""
from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("pos", "hardware", "integrations")


def import_everything() -> None:
    for name in PACKAGES:
        package = importlib.import_module(name)
        for info in pkgutil.walk_packages(package.__path__, name + "."):
            if ".migrations" not in info.name:
                importlib.import_module(info.name)


def registered() -> dict[str, str]:
    from pos.errors import all_messages
    import_everything()
    return all_messages()


def user_error_classes() -> set[str]:
    """Names of every UserError subclass in the code base."""
    from pos.errors import UserError
    import_everything()
    seen, todo = set(), [UserError]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub.__name__ not in seen:
                seen.add(sub.__name__)
                todo.append(sub)
    return seen | {"UserError"}


def raised_codes(path: Path, classes: set[str]) -> list[tuple[str, int]]:
    """(code, line) of each ``SomeUserError("literal", ...)`` call in ``path``."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else (
            node.func.attr if isinstance(node.func, ast.Attribute) else "")
        first = node.args[0]
        if name in classes and isinstance(first, ast.Constant) and isinstance(first.value, str):
            out.append((first.value, node.lineno))
    return out
