"""Translations through Qt's own system: ``omnipos_<lang>.qm`` next to this file plus Qt's own
``qtbase_<lang>.qm`` (standard buttons such as Cancel). English is the source language; its
own small ``omnipos_en.qm`` holds only plural forms ("1 item", "2 items").

The ``.ts`` files are the source, edited in Qt Linguist; after changing them or the strings in the
code run ``python -m ui.i18n.update`` (``pyside6-lupdate``, then ``pyside6-lrelease``).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

HERE = Path(__file__).resolve().parent
LANGUAGES = ("sv", "en")

_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication, language: str = "sv") -> bool:
    """Install the translators for ``language`` ("sv" or "en"); True if omnipos' own file loaded.

    Calling it again replaces the previous language.
    """
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    lang = (language or "en").split("_")[0].lower()
    ok = False
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Sweden))
        plurals = QTranslator(app)  # English is the source; its file holds only plural forms
        if plurals.load(str(HERE / "omnipos_en.qm")):
            app.installTranslator(plurals)
            _installed.append(plurals)
        return True
    QLocale.setDefault(QLocale(lang))
    own = QTranslator(app)
    if own.load(str(HERE / f"omnipos_{lang}.qm")):
        app.installTranslator(own)
        _installed.append(own)
        ok = True
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return ok
