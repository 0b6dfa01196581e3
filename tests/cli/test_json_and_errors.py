"""The operator commands' contract for scripts: ``--json`` anywhere on the line, JSON all the way
down on stdout, a person's message on stderr whenever a command fails, and the exit codes the
README documents."""
import json
import re
from pathlib import Path

import pytest

import main

ROOT = Path(__file__).resolve().parents[2]

# One working invocation per subcommand (and action), as an operator types it.
COMMANDS = [
    ("catalog", "find", "kaffe"),
    ("catalog", "lookup", "7350120017796"),
    ("sales", "list"),
    ("report", "x"),
    ("journal", "verify"),
    ("db", "upgrade"),
    ("demo-data",),
    ("devices", "test"),
    ("sync", "status"),
]


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    """Run main.main in-process on a fresh SQLite data directory, without any central store;
    returns (exit code, stdout, stderr)."""
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    monkeypatch.delenv("POS_CONFIG", raising=False)
    config = tmp_path / "pos.toml"
    config.write_text('[devices]\nprinter = "dummy"\n[medusa]\nstate = "%s"\n'
                      % (tmp_path / "no-medusa.json").as_posix(), encoding="utf-8")

    def call(*args: str, config_first: bool = True):
        argv = ["--config", str(config), *args] if config_first else [*args, "--config",
                                                                        str(config)]
        code = main.main(argv)
        out, err = capsys.readouterr()
        return code, out, err
    return call


def every_subparser():
    p = main.parser()
    (sub,) = [a for a in p._actions if a.dest == "command"]
    return sub.choices


def test_every_subcommand_takes_json_and_config_after_its_name():
    for name, sub in every_subparser().items():
        assert "--json" in sub._option_string_actions, f"{name} does not take --json"
        assert "--config" in sub._option_string_actions, f"{name} does not take --config"


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda v: " ".join(v))
def test_json_after_the_subcommand_gives_what_json_before_it_gives(cli, argv):
    code_before, before, _ = cli("--json", *argv)
    code_after, after, _ = cli(*argv, "--json")
    assert code_after == code_before
    a, b = json.loads(after), json.loads(before)  # both JSON, nothing else on stdout
    if argv[0] not in ("report", "devices", "db", "demo-data"):  # their times/counts move on
        assert a == b


def test_options_of_main_and_of_the_subcommand_mix_in_any_order(cli):
    code, out, _ = cli("catalog", "find", "--json", "kaffe", "--limit", "2", config_first=False)
    assert code == 0 and len(json.loads(out)) == 2
    code, out, _ = cli("catalog", "find", "kaffe", "--limit", "2")  # and text without --json
    assert code == 0 and not out.lstrip().startswith(("[", "{"))


def test_sync_status_shows_promotions_as_json_objects_not_a_string_of_json(cli):
    code, out, err = cli("sync", "status", "--json")
    assert code == 0, err
    state = json.loads(out)["state"]
    promotions = state["promotions"]["value"]
    assert isinstance(promotions, list) and promotions
    assert {p["code"] for p in promotions} >= {"HOST10", "VINTER20"}
    assert isinstance(promotions[0]["application_method"], dict)
    # the time a value was written is an instant (the database keeps UTC)
    assert state["promotions"]["updated_at"].endswith("+00:00")

    def no_string_of_json(node):
        if isinstance(node, dict):
            return all(no_string_of_json(v) for v in node.values())
        if isinstance(node, list):
            return all(no_string_of_json(v) for v in node)
        return not (isinstance(node, str) and node.lstrip()[:1] in ("{", "["))
    assert no_string_of_json(json.loads(out))


def test_sync_status_in_text_names_the_promotions_instead_of_dumping_them(cli):
    code, out, _ = cli("sync", "status")
    assert code == 0
    line = next(x for x in out.splitlines() if x.startswith("promotions"))
    assert "HOST10" in line and "VINTER20" in line
    assert "{" not in out and "application_method" not in out


def test_a_wrong_check_digit_is_told_on_stderr_and_in_json_on_stdout(cli):
    code, out, err = cli("catalog", "lookup", "7350120017797")
    assert code == 2 and out == "" and "check digit" in err
    code, out, err = cli("catalog", "lookup", "7350120017797", "--json")
    assert code == 2 and "check digit" in err
    assert "check digit" in json.loads(out)["error"]


@pytest.mark.parametrize("argv, code", [
    (("catalog", "lookup", "NO-SUCH-SKU"), 1),         # nothing found
    (("report", "x"), 1),                             # no open shift
    (("report", "z"), 2),                             # --counted is missing
    (("report", "z", "--counted", "tvåhundra"), 2),   # not an amount
    (("sync",), 3),                                   # no central store
    (("sync", "outbox"), 3),
    (("catalog", "fetch", "x"), 2),                   # not a command
], ids=lambda v: " ".join(v) if isinstance(v, tuple) else str(v))
def test_every_failure_exits_non_zero_with_a_message_on_stderr(cli, argv, code):
    got, out, err = cli(*argv)
    assert got == code
    assert err.strip() and "Traceback" not in err
    assert out == ""  # nothing half-done on stdout in text mode
    if argv != ("catalog", "fetch", "x"):  # argparse's own refusal has no JSON
        got, out, err = cli(*argv, "--json")
        assert got == code and err.strip() and "Traceback" not in err
        assert json.loads(out)["error"]


def test_a_database_that_cannot_be_opened_exits_4_with_a_message(cli, monkeypatch):
    monkeypatch.setenv("POS_DATABASE_URL", "postgresql+psycopg://pos@127.0.0.1:1/pos")
    code, out, err = cli("sales", "list")
    assert code == 4 and out == "" and "database" in err and "Traceback" not in err


def test_a_failing_device_check_says_so_on_stderr_too(cli, tmp_path):
    (tmp_path / "pos.toml").write_text('[devices]\nprinter = "network://127.0.0.1:1"\n',
                                       encoding="utf-8")
    code, out, err = cli("devices", "test")
    assert code == 1 and "printer" in out and "printer" in err


def test_the_readme_documents_every_exit_code():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Operator commands", 1)[1].split("\n## ", 1)[0]
    codes = {int(m) for m in re.findall(r"^\| `?(\d)`? \|", section, re.M)}
    assert codes == {0, 1, 2, 3, 4}
    assert "stderr" in section and "--json" in section


def test_output_cut_short_by_its_reader_is_no_traceback(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "POS_DATA_DIR": str(tmp_path), "POS_CONFIG": str(tmp_path / "none.toml")}
    env.pop("POS_DATABASE_URL", None)
    (tmp_path / "none.toml").write_text("", encoding="utf-8")
    main_py = str(ROOT / "main.py")
    # `main.py catalog find a --limit 5000 | head -1`
    proc = subprocess.Popen([sys.executable, main_py, "catalog", "find", "a", "--limit", "5000"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(60)
    assert "Traceback" not in err
