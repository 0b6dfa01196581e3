"""Bring the translation files up to date with the ui/ sources and compile them.

The .ts files are the source of the translations; translators edit them in Qt Linguist:

    ui/i18n/omnipos_sv.ts   Swedish: every screen string and the domain's messages
    ui/i18n/omnipos_en.ts   English is the source language; this file holds only its plural forms

A translator's workflow:

    .venv/bin/pyside6-linguist ui/i18n/omnipos_sv.ts   # translate, mark each entry done, save
    .venv/bin/python -m ui.i18n.update                 # merge, compile, list what is left

``python -m ui.i18n.update`` runs ``pyside6-lupdate`` over the ui/ sources: new and changed strings
join the .ts files as unfinished, existing translations stay, strings gone from the code are
dropped, and no source locations are stored (moving code does not change the .ts). Then
``pyside6-lrelease`` compiles the .qm files the app loads. It exits 1 listing every entry that is
unfinished, empty, or a plural without all its forms. A developer who adds or changes a string
runs it too and commits the .ts and .qm with the code.

Where one English word means two things, the code says which with a disambiguation,
``self.tr("Change", "money handed back to the customer")``: Linguist shows it, and each meaning is
its own entry.

    python -m ui.i18n.update --check   # writes nothing; exit 1 if the .ts or .qm files are not
                                       # current with the sources, or an entry is unfinished
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
UI = HERE.parent
BIN = Path(sys.executable).parent
# Each language's lupdate options: English needs only the plural forms of its own strings.
LANGUAGES = {"sv": (), "en": ("-pluralonly",)}
PLURAL_FORMS = {"sv": 2, "en": 2}  # a plural entry needs all of them (one, many)


def ts_file(lang: str) -> Path:
    return HERE / f"omnipos_{lang}.ts"


def qm_file(lang: str) -> Path:
    return HERE / f"omnipos_{lang}.qm"


def sources() -> list[str]:
    return sorted(str(p.relative_to(UI)) for p in UI.rglob("*.py") if p != Path(__file__).resolve())


def _run(tool: str, *args: str, quiet: bool) -> None:
    subprocess.run([str(BIN / tool), *(["-silent"] if quiet else []), *args], check=True, cwd=UI)


def lupdate(lang: str, ts: Path, quiet: bool = False) -> None:
    """Merge the ui/ sources' strings into ``ts`` (a language in ``LANGUAGES``)."""
    _run("pyside6-lupdate", *sources(), *LANGUAGES[lang], "-no-obsolete", "-locations", "none",
         "-source-language", "en", "-target-language", lang, "-ts", str(ts), quiet=quiet)


def lrelease(ts: Path, qm: Path, quiet: bool = False) -> None:
    _run("pyside6-lrelease", str(ts), "-qm", str(qm), quiet=quiet)


def _messages(ts: Path) -> Iterator[tuple[str, ET.Element]]:
    """(name for people, element) of every entry in ``ts``."""
    for context in ET.parse(ts).getroot().iter("context"):
        for msg in context.iter("message"):
            name = f"{context.findtext('name')}: {msg.findtext('source')!r}"
            if msg.findtext("comment"):
                name += f" ({msg.findtext('comment')})"
            yield name, msg


def unfinished(ts: Path) -> list[str]:
    """Entries of ``ts`` marked unfinished, left empty, or plurals without all their forms."""
    forms = PLURAL_FORMS[(ET.parse(ts).getroot().get("language") or "").split("_")[0]]
    left = []
    for name, msg in _messages(ts):
        tr = msg.find("translation")
        if tr is None:
            tr = ET.Element("translation", type="unfinished")
        if tr.get("type") in ("obsolete", "vanished"):
            continue
        if msg.get("numerus") == "yes":
            texts = [f.text for f in tr.iter("numerusform")]
            done = len(texts) == forms and all(t and t.strip() for t in texts)
        else:
            done = bool(tr.text and tr.text.strip())
        if tr.get("type") == "unfinished" or not done:
            left.append(f"{ts.name}: {name}")
    return left


def _content(e: ET.Element) -> tuple:
    text = (e.text or "") if len(e) == 0 else (e.text or "").strip()  # indentation is no content
    return e.tag, tuple(sorted(e.attrib.items())), text, tuple(_content(c) for c in e)


def not_current(lang: str, ts: Path) -> list[str]:
    """What lupdate would change in ``ts`` (run on a temporary copy): new, gone, changed entries."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / ts.name
        shutil.copyfile(ts, copy)
        lupdate(lang, copy, quiet=True)
        before = {name: _content(msg) for name, msg in _messages(ts)}
        after = {name: _content(msg) for name, msg in _messages(copy)}
    return ([f"{ts.name}: new: {n}" for n in after if n not in before]
            + [f"{ts.name}: gone: {n}" for n in before if n not in after]
            + [f"{ts.name}: changed: {n}" for n in before if n in after and before[n] != after[n]])


def check() -> list[str]:
    """How the committed .ts and .qm files differ from what update() would make; writes nothing."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGUAGES:
            problems += not_current(lang, ts_file(lang))
            qm = Path(tmp) / qm_file(lang).name
            lrelease(ts_file(lang), qm, quiet=True)
            if not qm_file(lang).exists() or qm.read_bytes() != qm_file(lang).read_bytes():
                problems.append(f"{qm.name} is not what lrelease makes of {ts_file(lang).name}")
    return problems


def update() -> None:
    for lang in LANGUAGES:
        lupdate(lang, ts_file(lang))
        lrelease(ts_file(lang), qm_file(lang))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.i18n.update",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; fail if the .ts or .qm files are not current")
    checking = parser.parse_args(argv).check
    stale = check() if checking else []
    if not checking:
        update()
    problems = stale + [f"unfinished: {e}" for lang in LANGUAGES for e in unfinished(ts_file(lang))]
    for p in problems:
        print(p, file=sys.stderr)
    if stale:
        print("run: python -m ui.i18n.update", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
