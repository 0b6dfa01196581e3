"""``main.py journal export --format skv``: the tax authority's XML (SKVFS 2021:16) written and
read back; the CSV stays the default; a period without events exits 1."""
from xml.etree import ElementTree as ET

from pos.journal_export_skv import INSTANS, KOMPONENT, ROOT
from tests.cli.test_report_sales import store  # noqa: F401 - the fixture


def test_journal_export_skv(store, tmp_path):  # noqa: F811
    call, _ctx = store
    path = tmp_path / "journal.xml"
    code, data, _ = call("journal", "export", "--format", "skv", "--register", "K1",
                         "--from", "2026-11-30", "--to", "2026-11-30", str(path))
    assert code == 0 and data["format"] == "skv" and data["register"] == "K1"
    root = ET.parse(path).getroot()
    assert root.tag == f"{{{INSTANS}}}{ROOT}"
    handelser = root.findall(f"{{{KOMPONENT}}}RegistreringLISTA/{{{KOMPONENT}}}Handelse")
    assert len(handelser) == data["events"] > 5
    assert {h.find(f"{{{KOMPONENT}}}Kassabeteckning").text for h in handelser} == {"K1"}
    assert len(root.findall(f".//{{{KOMPONENT}}}Kassakvitto")) == 5
    assert len(root.findall(f".//{{{KOMPONENT}}}ZDagrapport")) == 1

    code, data, _ = call("journal", "export", str(tmp_path / "j.csv"))
    assert code == 0 and (tmp_path / "j.csv").read_text("utf-8-sig").startswith("register;seq")

    code, data, err = call("journal", "export", "--format", "skv", "--from", "2026-11-01",
                           str(tmp_path / "none.xml"))
    assert code == 1 and "nothing" in data["error"]
