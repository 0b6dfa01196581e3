"""The kiosk's look: large type for customers standing at arm's length, sized from the screen's
shorter side (1080 px on both the 1080x1920 portrait and the 1920x1080 landscape station), so
a smaller screen gets the same page smaller; nothing a finger taps below 44 px."""
from __future__ import annotations

from dataclasses import dataclass

from ui.widgets.style import ACCENT, ACCENT_DARK, BG, BORDER, DANGER, MIN_TOUCH, MUTED, PANEL, TEXT

DRAWN_FOR = 1080  # px: the shorter side the sizes below are drawn for


@dataclass(frozen=True)
class KioskSizes:
    unit: float  # the screen's shorter side / 1080

    def px(self, n: float) -> int:
        return max(1, round(n * self.unit))

    def touch(self, n: float) -> int:
        return max(MIN_TOUCH, self.px(n))

    def font(self, n: float) -> int:
        return max(12, round(n * self.unit))


def sizes_for(width: int, height: int) -> KioskSizes:
    return KioskSizes(max(min(width, height), 480) / DRAWN_FOR)


def stylesheet(s: KioskSizes) -> str:
    return f"""
#kiosk {{ background: {BG}; }}
#kiosk QWidget {{ color: {TEXT}; font-size: {s.font(28)}px; }}
#kiosk QLabel[role="title"] {{ font-size: {s.font(52)}px; font-weight: 600; }}
#kiosk QLabel[role="heading"] {{ font-size: {s.font(38)}px; font-weight: 600; }}
#kiosk QLabel[role="price"] {{ font-size: {s.font(48)}px; font-weight: 700; }}
#kiosk QLabel[role="campaign"] {{ font-size: {s.font(30)}px; color: {DANGER}; font-weight: 600; }}
#kiosk QLabel[role="muted"] {{ color: {MUTED}; font-size: {s.font(24)}px; }}
#kiosk QLabel[role="message"] {{ font-size: {s.font(28)}px; padding: {s.px(12)}px;
    background: #fff4d6; border: 1px solid #e0c27a; border-radius: {s.px(10)}px; }}
#kiosk QLabel[role="attract"] {{ font-size: {s.font(72)}px; font-weight: 700; color: {ACCENT_DARK}; }}
#kiosk QFrame[role="panel"] {{ background: {PANEL}; border: 1px solid {BORDER};
    border-radius: {s.px(14)}px; }}
#kiosk QFrame#topBar {{ background: {ACCENT}; }}
#kiosk QFrame#topBar QLabel {{ color: white; font-size: {s.font(34)}px; font-weight: 600; }}
#kiosk QPushButton {{ min-height: {s.touch(84)}px; padding: 0 {s.px(22)}px; border-radius: {s.px(12)}px;
    background: {PANEL}; border: 1px solid {BORDER}; font-size: {s.font(28)}px; }}
#kiosk QPushButton:pressed {{ background: #e3ebe7; }}
#kiosk QPushButton[role="primary"] {{ background: {ACCENT}; color: white; border: none; font-weight: 600; }}
#kiosk QPushButton[role="primary"]:disabled {{ background: #9bb8b0; }}
#kiosk QPushButton[role="bar"] {{ background: {ACCENT_DARK}; color: white; border: none; }}
#kiosk QPushButton[role="call"] {{ background: #f2b33d; color: {TEXT}; border: none; font-weight: 600; }}
#kiosk QPushButton[role="key"] {{ min-height: {s.touch(78)}px; min-width: {s.touch(64)}px;
    padding: 0; font-size: {s.font(32)}px; }}
#kiosk QPushButton[role="chip"] {{ min-height: {s.touch(70)}px; min-width: {s.touch(90)}px;
    padding: 0 {s.px(6)}px; }}
#kiosk QPushButton[role="chip"]:checked {{ background: {ACCENT}; color: white; }}
#kiosk QPushButton[role="tile"] {{ text-align: left; padding: {s.px(14)}px {s.px(20)}px;
    min-height: {s.touch(110)}px; }}
#kiosk QLineEdit {{ min-height: {s.touch(88)}px; font-size: {s.font(36)}px; padding: 0 {s.px(16)}px;
    border: 2px solid {ACCENT}; border-radius: {s.px(12)}px; background: white; }}
#kiosk QScrollArea {{ border: none; background: transparent; }}
#kiosk QFrame#countdown {{ background: rgba(20, 40, 35, 240); border-radius: {s.px(24)}px; }}
#kiosk QFrame#countdown QLabel {{ color: white; font-size: {s.font(44)}px; font-weight: 600; }}
"""
