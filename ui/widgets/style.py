"""One calm stylesheet for every omnipos screen: big touch targets, quiet colours, clear states,
sized for the screen the till runs on.

Object names give roles: ``primary`` (the one main action), ``danger`` (void, remove), ``bigTotal``,
``message`` (the status/message line; property ``level`` = info | error | ok).

Sizes are drawn for a 1280x800 screen and scale with the till's screen (``scale_for``): from
1024x768 (0.8) to 1920x1080 (1.35), fonts a little less at the small end so they stay readable.
Nothing a finger taps is ever below ``MIN_TOUCH`` px high. ``apply_style(app, screen)`` sets
the scale; widgets built afterwards read their sizes from ``metrics()``.
"""
from __future__ import annotations

import re

from dataclasses import dataclass

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QScreen
from PySide6.QtWidgets import QApplication

BASE_SIZE = QSize(1280, 800)  # the screen the sizes below are drawn for
MIN_SCALE, MAX_SCALE = 0.8, 1.6
MIN_FONT_SCALE = 0.87  # 15 px text stays 13 px on a 1024x768 screen
MIN_TOUCH = 44  # px: the smallest thing a finger taps (buttons, keys, fields, list rows)
MIN_BUTTON_HEIGHT = 58  # px at 1280x800, padding and border included

ACCENT = "#1f6f5c"
ACCENT_DARK = "#155244"
DANGER = "#b3261e"
BG = "#f4f5f2"
PANEL = "#ffffff"
TEXT = "#1d2327"
MUTED = "#5f6b70"
BORDER = "#d5d9d4"


@dataclass(frozen=True)
class Metrics:
    """Sizes for one screen: ``px`` a length drawn for 1280x800, ``touch`` a height a finger
    taps (never below ``MIN_TOUCH``), ``font`` a font size in px."""

    scale: float = 1.0

    def px(self, n: float) -> int:
        return max(1, round(n * self.scale))

    def touch(self, n: float) -> int:
        return max(MIN_TOUCH, self.px(n))

    def font(self, n: float) -> int:
        return max(1, round(n * max(self.scale, MIN_FONT_SCALE)))


def scale_for(size: QSize) -> float:
    """The scale for a screen (or window) of ``size``: what fits both its width and height."""
    scale = min(size.width() / BASE_SIZE.width(), size.height() / BASE_SIZE.height())
    return round(min(max(scale, MIN_SCALE), MAX_SCALE), 3)


_current = Metrics()


def metrics() -> Metrics:
    """The sizes of the screen the style was last applied for."""
    return _current


def stylesheet(m: Metrics) -> str:
    """The style sheet for the sizes ``m`` (QSS heights are of the content box: a button's
    padding and border come on top)."""
    f, t = m.font, m.touch
    return f"""
QWidget {{
    color: {TEXT};
    font-size: {f(15)}px;
}}
QMainWindow, QDialog, QStackedWidget > QWidget {{
    background: {BG};
}}
QPushButton, QToolButton {{
    min-height: {t(MIN_BUTTON_HEIGHT) - 10}px;  /* + padding and border */
    padding: 4px {m.px(14)}px;
    border: 1px solid {BORDER};
    border-radius: 8px;
    background: {PANEL};
    font-size: {f(15)}px;
}}
QPushButton:hover, QToolButton:hover {{ border-color: {ACCENT}; }}
QPushButton:focus, QToolButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton:pressed, QToolButton:pressed {{ background: #e3ece8; }}
QPushButton:disabled, QToolButton:disabled {{ color: #a0a8ab; background: #eceeea; }}
QPushButton#primary, QPushButton[role="primary"] {{
    background: {ACCENT}; color: white; border: none; font-weight: bold; font-size: {f(18)}px;
}}
QPushButton#primary:hover, QPushButton[role="primary"]:hover {{ background: {ACCENT_DARK}; }}
QPushButton#primary:disabled, QPushButton[role="primary"]:disabled {{ background: #9fb8b0; }}
QPushButton[role="danger"] {{ color: {DANGER}; border-color: #e5b8b5; }}
QPushButton[compact="true"] {{ padding: 4px {m.px(6)}px; }}  /* a row of many function keys */
QPushButton[role="key"] {{ font-size: {f(22)}px; min-width: {t(44) - 6}px;
                          min-height: {t(48) - 6}px; max-height: {t(62) - 6}px; padding: 2px; }}
QPushButton[role="tile"] {{
    min-height: {t(106) - 10}px; min-width: {m.px(160)}px; font-size: {f(18)}px; font-weight: bold;
}}
QPushButton[role="tile"]:checked {{ background: {ACCENT}; color: white; border: none; }}
QRadioButton, QCheckBox {{ min-height: {t(44)}px; spacing: {m.px(10)}px; }}
QRadioButton::indicator, QCheckBox::indicator {{ width: {m.px(22)}px; height: {m.px(22)}px; }}
QLineEdit, QSpinBox, QComboBox, QPlainTextEdit {{
    min-height: {t(46) - 6}px; padding: 2px 8px; font-size: {f(17)}px;
    border: 1px solid {BORDER}; border-radius: 6px; background: {PANEL};
}}
QLineEdit:focus {{ border: 2px solid {ACCENT}; }}
QTableView, QListWidget, QListView {{
    background: {PANEL}; border: 1px solid {BORDER}; border-radius: 6px;
    font-size: {f(16)}px; selection-background-color: #cfe5dd; selection-color: {TEXT};
    alternate-background-color: #f8f9f7;
}}
QTableView::item, QListWidget::item {{ min-height: {t(44) - 8}px; padding: 4px; }}
/* Flat scroll bars, wide enough to grab with a finger: Fusion's drew in about 1.5 ms each time a
   sale grew a line (the till's window repaints its scroll bar on every scan). */
QScrollBar:vertical {{ width: {m.px(18)}px; background: #eef0ec; margin: 0; border: none; }}
QScrollBar:horizontal {{ height: {m.px(18)}px; background: #eef0ec; margin: 0; border: none; }}
QScrollBar::handle:vertical {{ background: #b9c3be; min-height: {t(48)}px; border-radius: 7px;
                              margin: 2px; }}
QScrollBar::handle:horizontal {{ background: #b9c3be; min-width: {t(48)}px; border-radius: 7px;
                                margin: 2px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QHeaderView::section {{
    background: #e9ece8; border: none; border-bottom: 1px solid {BORDER};
    padding: {m.px(6)}px; font-weight: bold; color: {MUTED};
}}
QLabel#bigTotal, QLabel#totalLabel {{ font-size: {f(44)}px; font-weight: bold; }}
QLabel[role="figure"] {{ font-size: {f(20)}px; }}
QLabel[role="bigFigure"] {{ font-size: {f(32)}px; font-weight: bold; }}
QLabel#paymentRemaining {{ color: {ACCENT_DARK}; }}
QLineEdit#amountInput {{ font-size: {f(28)}px; min-height: {t(62) - 6}px; }}
QLabel#emptyCart {{ color: #9aa5a8; font-size: {f(20)}px; }}
QLabel#bigChange {{ font-size: {f(56)}px; font-weight: bold; color: {ACCENT}; }}
QLabel[role="caption"] {{ color: {MUTED}; font-size: {f(13)}px; text-transform: uppercase; }}
QLabel[role="heading"] {{ font-size: {f(22)}px; font-weight: bold; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel#messageLabel, QLabel[role="message"] {{
    min-height: {m.px(48) - 2 * m.px(6)}px; padding: {m.px(6)}px 10px; border-radius: 6px;
    font-size: {f(16)}px;
}}
QLabel[level="error"] {{ background: #fbe9e7; color: {DANGER}; font-weight: bold; }}
QLabel[level="ok"] {{ background: #e4f2ec; color: {ACCENT_DARK}; }}
QLabel[level="info"] {{ background: transparent; color: {MUTED}; }}
QFrame[role="panel"] {{
    background: {PANEL}; border: 1px solid {BORDER}; border-radius: 10px;
}}
QStatusBar {{ background: #e9ece8; color: {MUTED}; font-size: {f(14)}px; }}
QStatusBar QLabel {{ padding: 0 {m.px(12)}px; }}
"""


STYLESHEET = stylesheet(Metrics())  # at 1280x800


def apply_style(app: QApplication, screen: QScreen | QSize | None = None) -> Metrics:
    """Install the stylesheet and a readable default font on ``app``, sized for ``screen`` (a
    screen, or the size of the area the till gets; default: the 1280x800 the sizes are drawn
    for). Returns the sizes, also ``metrics()`` from now on."""
    global _current
    size = BASE_SIZE if screen is None else (
        screen if isinstance(screen, QSize) else screen.availableGeometry().size())
    _current = Metrics(scale_for(size))
    font = QFont(app.font())
    font.setPixelSize(_current.font(15))
    app.setFont(font)
    app.setStyleSheet(stylesheet(_current))
    return _current


def set_role(widget, role: str) -> None:  # type: ignore[no-untyped-def]
    """Give ``widget`` a style role (``primary``, ``danger``, ``key``, ``tile`` ...)."""
    widget.setProperty("role", role)


_AMOUNT_SPACE = re.compile(r"(?<=\d) (?=\d{3}(?!\d)|kr\b)")


def unbroken(text: str) -> str:
    """``text`` with its amounts kept on one line when a label wraps: the space between a
    thousands group ("2 076,00") and before "kr" made non-breaking (U+00A0)."""
    return _AMOUNT_SPACE.sub("\u00a0", text)


def set_level(label, level: str) -> None:  # type: ignore[no-untyped-def]
    """Switch a message label's look (``info``, ``ok``, ``error``) and re-polish it, only when
    the level changes: re-polishing matches the style sheet again and asks the label's size
    again (a layout pass), and the till's message line gets a new text on every scan."""
    if label.property("level") == level:
        return
    label.setProperty("level", level)
    label.style().unpolish(label)
    label.style().polish(label)
