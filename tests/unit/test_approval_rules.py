"""The approval rules the back office shows are the code's approval points: every action an
``ApprovalRequired`` is raised with (or a cart's discount check is called with) in ``pos/`` is
listed in ``pos.approval_rules``, and nothing else is."""
import ast
from pathlib import Path

from pos.approval_rules import APPROVAL_RULES

POS = Path(__file__).resolve().parents[2] / "pos"


def _actions_in_code() -> set[str]:
    found: set[str] = set()
    for path in POS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name == "ApprovalRequired" and len(node.args) >= 2:
                arg = node.args[1]
            elif name == "_check_approval" and len(node.args) >= 3:
                arg = node.args[2]
            else:
                continue
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
    return found


def test_the_listed_rules_are_the_codes_approval_points():
    listed = [r.action for r in APPROVAL_RULES]
    assert len(listed) == len(set(listed))
    assert set(listed) == _actions_in_code()


def test_each_rule_names_a_function_that_exists():
    import importlib
    for rule in APPROVAL_RULES:
        module, _, attr = rule.where.rpartition(".")
        try:
            obj = importlib.import_module(module)
        except ModuleNotFoundError:  # a method: module.Class.method
            module, _, cls = module.rpartition(".")
            obj = getattr(importlib.import_module(module), cls)
        assert callable(getattr(obj, attr)), rule
