"""The committed translation files are complete and current: every Swedish entry is translated, the
.qm files are what lrelease makes of the .ts files, and every string in ui/ has its .ts entry.

A failure here is fixed by a translator in Qt Linguist (ui/i18n/omnipos_sv.ts) and
``python -m ui.i18n.update``. Each check is also shown failing on a broken copy."""
from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui.i18n.update import LANGUAGES, lrelease, not_current, qm_file, ts_file, unfinished


def break_copy(tmp_path: Path, lang: str, edit) -> Path:
    """A copy of the committed .ts with ``edit(root)`` applied to its XML."""
    tree = ET.parse(ts_file(lang))
    edit(tree.getroot())
    copy = tmp_path / ts_file(lang).name
    tree.write(copy, encoding="utf-8", xml_declaration=True)
    return copy


def message(root: ET.Element, context: str, source: str) -> ET.Element:
    for ctx in root.iter("context"):
        if ctx.findtext("name") == context:
            for msg in ctx.iter("message"):
                if msg.findtext("source") == source:
                    return msg
    raise LookupError(f"{context}: {source}")


# --- no entry is unfinished ------------------------------------------------------------------

@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_no_entry_is_unfinished_or_empty(lang):
    assert unfinished(ts_file(lang)) == []


def test_every_swedish_plural_has_both_forms():
    plurals = [m for m in ET.parse(ts_file("sv")).getroot().iter("message")
               if m.get("numerus") == "yes"]
    assert {m.findtext("source") for m in plurals} >= {"%n item(s)", "%n customer(s) found"}
    for m in plurals:
        forms = [f.text for f in m.find("translation").iter("numerusform")]
        assert len(forms) == 2 and all(forms), m.findtext("source")


def test_an_unfinished_empty_or_half_plural_entry_is_listed(tmp_path):
    def edit(root):
        message(root, "SalePage", "Pay (F9)").find("translation").set("type", "unfinished")
        message(root, "SalePage", "Total").find("translation").text = ""
        forms = list(message(root, "SalePage", "%n item(s)").find("translation"))
        forms[1].text = ""
        translation = message(root, "CustomerDialog", "%n customer(s) found").find("translation")
        translation.remove(list(translation)[1])

    assert sorted(unfinished(break_copy(tmp_path, "sv", edit))) == [
        "omnipos_sv.ts: CustomerDialog: '%n customer(s) found'",
        "omnipos_sv.ts: SalePage: '%n item(s)'",
        "omnipos_sv.ts: SalePage: 'Pay (F9)'",
        "omnipos_sv.ts: SalePage: 'Total'",
    ]


# --- the .qm files are compiled from the .ts files --------------------------------------------

@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_committed_qm_is_what_lrelease_makes_of_the_committed_ts(tmp_path, lang):
    lrelease(ts_file(lang), tmp_path / "out.qm", quiet=True)
    assert (tmp_path / "out.qm").read_bytes() == qm_file(lang).read_bytes()


def test_a_translation_changed_in_the_ts_changes_the_qm(tmp_path):
    def edit(root):
        message(root, "SalePage", "Pay (F9)").find("translation").text = "Betala nu (F9)"

    lrelease(break_copy(tmp_path, "sv", edit), tmp_path / "out.qm", quiet=True)
    assert (tmp_path / "out.qm").read_bytes() != qm_file("sv").read_bytes()


# --- every string in ui/ is in the .ts files --------------------------------------------------

@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_translatable_string_in_ui_is_in_the_ts(lang):
    assert not_current(lang, ts_file(lang)) == []


def test_a_string_missing_from_the_ts_is_found(tmp_path):
    def edit(root):
        for ctx in root.iter("context"):
            if ctx.findtext("name") == "PaymentDialog":
                ctx.remove(message(root, "PaymentDialog", "Change"))

    assert not_current("sv", break_copy(tmp_path, "sv", edit)) == [
        "omnipos_sv.ts: new: PaymentDialog: 'Change' (money handed back to the customer)"]


def test_the_disambiguated_meanings_are_their_own_entries():
    root = ET.parse(ts_file("sv")).getroot()
    change = message(root, "PaymentDialog", "Change")
    assert change.findtext("comment") == "money handed back to the customer"
    assert change.findtext("translation") == "Växel"
    assert message(root, "ComingSoonWindow", "Close").findtext("comment")


def test_the_disambiguated_strings_as_the_code_asks_for_them_are_swedish():
    from PySide6.QtCore import QTranslator

    sv = QTranslator()
    assert sv.load(str(qm_file("sv")))
    money_back = "money handed back to the customer"
    assert sv.translate("PaymentDialog", "Change", money_back) == "Växel"
    assert sv.translate("CustomerDisplayWindow", "Change %1", money_back) == "Växel %1"
    assert sv.translate("ComingSoonWindow", "Close", "button: closes this window") == "Stäng"



# --- what lupdate's parser misses -------------------------------------------------------------

UI = Path(__file__).resolve().parents[2] / "ui"


def literal_strings(tree: ast.AST) -> list[tuple[int, str, bool]]:
    """(line, source text, plural?) of every ``tr("…")`` / ``translate("Context", "…")`` call
    in ``tree`` whose text is a literal: what a translator must see in the .ts."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        pos = {"tr": 0, "translate": 1}.get(name)
        if pos is None or len(node.args) <= pos:
            continue
        text = node.args[pos]
        if isinstance(text, ast.Constant) and isinstance(text.value, str):
            plural = len(node.args) > pos + 2 or any(k.arg == "n" for k in node.keywords)
            found.append((node.lineno, text.value, plural))
    return found


def sources_in(lang: str) -> set[str]:
    return {m.findtext("source") or "" for m in ET.parse(ts_file(lang)).getroot().iter("message")}


def missing_from_ts(path: Path, sv: set[str], en: set[str], root: Path = UI) -> list[str]:
    missing = []
    for line, text, plural in literal_strings(ast.parse(path.read_text(encoding="utf-8"))):
        if text not in sv or (plural and text not in en):
            missing.append(f"{path.relative_to(root.parent)}:{line}: {text!r}")
    return missing


def test_every_literal_string_the_code_translates_is_in_the_ts():
    """lupdate's Python parser silently skips some calls (``translate(c, s, "", len(x))`` was
    one): read the code itself, so a string the cashier would see in English is found."""
    sv, en = sources_in("sv"), sources_in("en")
    missing = [m for p in sorted(UI.rglob("*.py")) for m in missing_from_ts(p, sv, en)]
    assert missing == []


def test_a_translated_string_lupdate_cannot_see_is_found(tmp_path):
    code = tmp_path / "ui" / "x.py"
    code.parent.mkdir()
    code.write_text('def f(xs):\n    return translate("RecoveryBar", "Never in a ts %n", "", len(xs))\n',
                    encoding="utf-8")
    assert missing_from_ts(code, sources_in("sv"), sources_in("en"), tmp_path / "ui") == [
        "ui/x.py:2: 'Never in a ts %n'"]
