"""The rules of the house that code can check: the domain in ``pos/`` knows nothing of Qt, serial
ports, HTTP or the project's device and store adapters, and its types hold (mypy)."""
import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("PySide6", "shiboken6", "serial", "usb", "escpos", "requests", "urllib3", "http",
             "socket", "ui", "hardware", "integrations")


def imported_modules(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from ((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module, node.lineno


def test_the_domain_imports_no_qt_serial_http_or_adapters():
    offences = [f"{path.relative_to(ROOT)}:{line} imports {module}"
                for path in sorted((ROOT / "pos").rglob("*.py"))
                for module, line in imported_modules(path)
                if module.split(".")[0] in FORBIDDEN]
    assert not offences, "\n".join(offences)


def test_the_check_sees_an_offending_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nfrom PySide6.QtCore import QObject\nfrom .x import y\n")
    assert [m for m, _ in imported_modules(bad) if m.split(".")[0] in FORBIDDEN] == ["PySide6.QtCore"]


@pytest.mark.slow
def test_the_domain_type_checks():
    if shutil.which("mypy", path=str(Path(sys.executable).parent)) is None:
        pytest.fail("mypy is missing: install the test extras (scripts/setup.sh does)")
    done = subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary"], cwd=ROOT,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr


def private_reaches(path: Path) -> list[str]:
    """Names with a leading underscore that ``path`` takes from another module of pos/services
    (imported from it, or read off it as an attribute)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    modules = set()
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pos.services"):
            for alias in node.names:
                if node.module == "pos.services":
                    modules.add(alias.asname or alias.name)
                elif alias.name.startswith("_"):
                    out.append(f"{path.name}:{node.lineno} imports {node.module}.{alias.name}")
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id in modules and node.attr.startswith("_")):
            out.append(f"{path.name}:{node.lineno} reads {node.value.id}.{node.attr}")
    return out


def test_no_flow_reaches_into_another_flows_private_parts():
    offences = [o for path in sorted((ROOT / "pos" / "services").glob("*.py"))
                for o in private_reaches(path)]
    assert not offences, "\n".join(offences)


def test_the_private_check_sees_both_ways_in(tmp_path):
    bad = tmp_path / "flow.py"
    bad.write_text("from pos.services import selling\nfrom pos.services.payments import _poll\n"
                   "selling._discount(1)\nselling.change(2)\n")
    assert private_reaches(bad) == ["flow.py:2 imports pos.services.payments._poll",
                                    "flow.py:3 reads selling._discount"]
