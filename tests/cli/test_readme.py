"""The README's set-up and operator commands are the ones that work: run with the project's
Python, on articles the demo store has, pointing only at files in the repository."""
import re
import shlex
from pathlib import Path

import pytest

import main
from pos.gtin import parse_gtin

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def operator_lines() -> list[str]:
    block = section("Operator commands").split("```sh\n", 1)[1].split("```", 1)[0]
    return [line.split("  #", 1)[0].strip() for line in block.splitlines() if line.strip()]


def expand(command: str) -> list[list[str]]:
    """Every concrete command line a README line stands for: ``[--opt N]`` taken and left out,
    ``a | b`` each, ``N`` a number."""
    words = shlex.split(command.replace("[--limit N]", "--limit 5"))
    words = [w for w in words if not (w.startswith("[") and w.endswith("]"))]
    out: list[list[str]] = [[]]
    i = 0
    while i < len(words):
        alts = [words[i]]
        while i + 2 < len(words) and words[i + 1] == "|":
            alts.append(words[i + 2])
            i += 2
        out = [prefix + [a] for prefix in out for a in alts]
        i += 1
    return out


def test_the_readme_starts_with_the_two_commands():
    assert README.splitlines()[:4] == [
        "```sh",
        "bash scripts/setup.sh && .venv/bin/python main.py   # set up, open the till (SQLite, demo "
        "store, simulated devices)",
        "bash scripts/test.sh                                # set up, run the whole test suite "
        "(SQLite, PostgreSQL, Medusa)",
        "```"]


def test_every_operator_command_names_the_projects_python_and_parses():
    lines = operator_lines()
    assert len(lines) >= 14
    p = main.parser()
    for line in lines:
        assert line.startswith(".venv/bin/python main.py"), line
        for argv in expand(line):
            assert argv[:2] == [".venv/bin/python", "main.py"]
            p.parse_args(argv[2:])  # exits (and fails the test) on anything argparse refuses
    # nowhere else a bare `python` that a fresh machine does not have
    for m in re.finditer(r"(?<![/\w.-])python(?: -m| main\.py)", README):
        before = README[max(0, m.start() - 300):m.start()]
        assert "source .venv/bin/activate" in before, README[m.start() - 60:m.end() + 20]


def test_every_ean_in_the_readme_is_valid_and_in_the_demo_store(tmp_path, monkeypatch):
    from pos.db.catalog_repository import CatalogRepository
    from pos.gtin import upce_to_upca
    from pos.scan_router import classify

    eans = set(re.findall(r"(?<![\d-])(\d{13}|\d{8})(?!\d)", README))  # not CUST-10000001
    # a UPC-E the README expands to show the rule ("`04252614` is 042100005264") names no
    # article; its expansion must be right instead
    for upce, upca in re.findall(r"`(\d{8})` is (\d{12})", README):
        assert upce_to_upca(upce) == upca, upce
        eans.discard(upce)
    assert eans, "the README shows no example EAN"
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    ctx = main.open_database(main.load_config(None))
    with ctx.session_factory() as s:
        repo = CatalogRepository(s)
        for ean in eans:
            parse_gtin(ean)  # a published check digit, not one the README made up
            scanned = classify(ean)
            assert scanned.ok, f"{ean}: {scanned.message}"
            label = scanned.measure  # an in-store price or weight label names its PLU
            found = repo.by_code(ean) or (repo.by_plu(label.item) if label else None)
            assert found is not None, f"{ean} is not in the demo store"
    found = {ean: sku for ean, sku in re.findall(r"(\d{13}) \(([A-Z0-9-]+)\)", README)}
    with ctx.session_factory() as s:
        for ean, sku in found.items():
            assert CatalogRepository(s).by_code(ean).sku == sku


def test_the_readme_points_only_at_files_in_the_repository():
    assert "../" not in README
    for path in re.findall(r"`((?:[\w.-]+/)+[\w.-]+\.(?:py|sh|md|ts|toml|json))`", README):
        if path.startswith(("integrations/medusa/.state/", "~")):
            continue  # made when Medusa first starts
        assert (ROOT / path).exists(), path
    for link in re.findall(r"\]\(([^)#][^)]*)\)", README):
        assert link.startswith("http") or (ROOT / link).exists(), link


def test_the_readme_says_what_the_tests_install_and_that_they_need_node():
    tests = section("Tests")
    assert "Node.js 20" in tests and "npm" in tests
    assert "postgresql" in tests and "apt-get" in tests and "minutes" in tests


def test_the_kiosk_and_the_back_office_are_described():
    intro = README.split("## Demo users", 1)[0]
    assert re.search(r"\*\*kiosk\*\*.*staff PIN closes it", intro, re.S)
    assert re.search(r"\*\*back office\*\*.*logs in\s+with their PIN", intro, re.S)
    assert "the three faces" not in README


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    config = tmp_path / "pos.toml"
    config.write_text('[devices]\nprinter = "dummy"\n[medusa]\nstate = "%s"\n'
                      % (tmp_path / "none.json").as_posix(), encoding="utf-8")
    monkeypatch.setenv("POS_CONFIG", str(config))

    def call(argv):
        code = main.main(argv)
        capsys.readouterr()
        return code
    return call


def test_the_operator_commands_of_the_readme_run_on_the_demo_store(run, tmp_path):
    till, _ = main.build_till(main.load_config(tmp_path / "pos.toml"))
    till.login("kim", "1234")
    till.open_shift(50000)
    till.scan("7350120017796")
    till.pay_cash(10000)
    for line in operator_lines():
        for argv in expand(line):
            args = argv[2:]
            if not args or args[0] in ("till", "backoffice", "kiosk"):
                continue  # windows (tests/ui opens them)
            code = run(args)
            if args[0] == "sync" and args[1:2] != ["status"]:
                assert code == 3, args  # no central store in this test
            elif args[:2] in (["orders", "placed"], ["orders", "returns"]):
                assert code == 1, args  # nothing sent home or returned in November
            elif args[0] in ("central", "cart", "orders"):
                assert code == 3, args  # the same: they need a central store
            elif args[0] == "stock":
                assert code == 3, args  # the synced figures, marked not fresh
            elif args[:2] == ["returns", "find"]:
                assert code == 3, args  # this store's own record, not verified centrally
            elif args[0] == "interest" or args[:2] == ["invoice", "list"]:
                assert code == 1, args  # nothing found: no kiosk visits, no invoices here
            else:
                assert code == 0, args
