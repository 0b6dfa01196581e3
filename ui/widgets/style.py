"""One calm stylesheet for every omnipos screen: big touch targets, quiet colours, clear states.

Object names give roles: ``primary`` (the one main action), ``danger`` (void, remove), ``bigTotal``,
``message`` (the status/message line; property ``level`` = info | error | ok).
"""
from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

MIN_BUTTON_HEIGHT = 48

ACCENT = "#1f6f5c"
ACCENT_DARK = "#155244"
DANGER = "#b3261e"
BG = "#f4f5f2"
PANEL = "#ffffff"
TEXT = "#1d2327"
MUTED = "#5f6b70"
BORDER = "#d5d9d4"

STYLESHEET = f"""
QWidget {{
    color: {TEXT};
    font-size: 15px;
}}
QMainWindow, QDialog, QStackedWidget > QWidget {{
    background: {BG};
}}
QPushButton, QToolButton {{
    min-height: {MIN_BUTTON_HEIGHT}px;
    padding: 4px 14px;
    border: 1px solid {BORDER};
    border-radius: 8px;
    background: {PANEL};
    font-size: 15px;
}}
QPushButton:hover, QToolButton:hover {{ border-color: {ACCENT}; }}
QPushButton:focus, QToolButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton:pressed, QToolButton:pressed {{ background: #e3ece8; }}
QPushButton:disabled, QToolButton:disabled {{ color: #a0a8ab; background: #eceeea; }}
QPushButton#primary, QPushButton[role="primary"] {{
    background: {ACCENT}; color: white; border: none; font-weight: bold; font-size: 18px;
}}
QPushButton#primary:hover, QPushButton[role="primary"]:hover {{ background: {ACCENT_DARK}; }}
QPushButton#primary:disabled, QPushButton[role="primary"]:disabled {{ background: #9fb8b0; }}
QPushButton[role="danger"] {{ color: {DANGER}; border-color: #e5b8b5; }}
QPushButton[role="key"] {{ font-size: 22px; min-width: 44px; min-height: 56px; padding: 2px; }}
QPushButton[role="tile"] {{
    min-height: 96px; min-width: 160px; font-size: 18px; font-weight: bold;
}}
QPushButton[role="tile"]:checked {{ background: {ACCENT}; color: white; border: none; }}
QLineEdit, QSpinBox, QComboBox, QPlainTextEdit {{
    min-height: 40px; padding: 2px 8px; font-size: 17px;
    border: 1px solid {BORDER}; border-radius: 6px; background: {PANEL};
}}
QLineEdit:focus {{ border: 2px solid {ACCENT}; }}
QTableView, QListWidget, QListView {{
    background: {PANEL}; border: 1px solid {BORDER}; border-radius: 6px;
    font-size: 16px; selection-background-color: #cfe5dd; selection-color: {TEXT};
    alternate-background-color: #f8f9f7;
}}
QTableView::item, QListWidget::item {{ min-height: 36px; padding: 4px; }}
/* Flat scroll bars, wide enough to grab with a finger: Fusion's drew in about 1.5 ms each time a
   sale grew a line (the till's window repaints its scroll bar on every scan). */
QScrollBar:vertical {{ width: 18px; background: #eef0ec; margin: 0; border: none; }}
QScrollBar:horizontal {{ height: 18px; background: #eef0ec; margin: 0; border: none; }}
QScrollBar::handle:vertical {{ background: #b9c3be; min-height: 48px; border-radius: 7px;
                              margin: 2px; }}
QScrollBar::handle:horizontal {{ background: #b9c3be; min-width: 48px; border-radius: 7px;
                                margin: 2px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QHeaderView::section {{
    background: #e9ece8; border: none; border-bottom: 1px solid {BORDER};
    padding: 6px; font-weight: bold; color: {MUTED};
}}
QLabel#bigTotal, QLabel#totalLabel {{ font-size: 44px; font-weight: bold; }}
QLabel[role="figure"] {{ font-size: 20px; }}
QLabel[role="bigFigure"] {{ font-size: 32px; font-weight: bold; }}
QLabel#paymentRemaining {{ color: {ACCENT_DARK}; }}
QLineEdit#amountInput {{ font-size: 28px; min-height: 56px; }}
QLabel#emptyCart {{ color: #9aa5a8; font-size: 20px; }}
QLabel#bigChange {{ font-size: 56px; font-weight: bold; color: {ACCENT}; }}
QLabel[role="caption"] {{ color: {MUTED}; font-size: 13px; text-transform: uppercase; }}
QLabel[role="heading"] {{ font-size: 22px; font-weight: bold; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel#messageLabel, QLabel[role="message"] {{
    min-height: 36px; padding: 6px 10px; border-radius: 6px; font-size: 16px;
}}
QLabel[level="error"] {{ background: #fbe9e7; color: {DANGER}; font-weight: bold; }}
QLabel[level="ok"] {{ background: #e4f2ec; color: {ACCENT_DARK}; }}
QLabel[level="info"] {{ background: transparent; color: {MUTED}; }}
QFrame[role="panel"] {{
    background: {PANEL}; border: 1px solid {BORDER}; border-radius: 10px;
}}
QStatusBar {{ background: #e9ece8; color: {MUTED}; font-size: 14px; }}
QStatusBar QLabel {{ padding: 0 12px; }}
"""


def apply_style(app: QApplication) -> None:
    """Install the stylesheet and a readable default font on ``app``."""
    font = QFont(app.font())
    font.setPointSize(11)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)


def set_role(widget, role: str) -> None:  # type: ignore[no-untyped-def]
    """Give ``widget`` a style role (``primary``, ``danger``, ``key``, ``tile`` ...)."""
    widget.setProperty("role", role)


def set_level(label, level: str) -> None:  # type: ignore[no-untyped-def]
    """Switch a message label's look (``info``, ``ok``, ``error``) and re-polish it, only when
    the level changes: re-polishing matches the style sheet again and asks the label's size
    again (a layout pass), and the till's message line gets a new text on every scan."""
    if label.property("level") == level:
        return
    label.setProperty("level", level)
    label.style().unpolish(label)
    label.style().polish(label)
