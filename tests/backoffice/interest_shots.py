"""The Intresse page photographed in Swedish at 1024x768 and 1920x1080 (the central store
answering, and down), on the back office's demo day with kiosk and shelf-QR interest.

    QT_QPA_PLATFORM=offscreen python -m tests.backoffice.interest_shots [--out /tmp/shots13-interest]
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.backoffice.shot_window import ShotWindow, shot_main


def shoot(width: int, height: int, out: Path, language: str) -> list[str]:
    from pos.receipt_layout import StoreInfo
    from tests.backoffice.day import CLOCK
    from tests.backoffice.shots import demo_database
    from tests.backoffice.test_interest import DAY, Store, kiosk_interest
    from ui.backoffice.context import BackofficeContext
    from ui.backoffice.interest_page import InterestPage

    tmp = Path(tempfile.mkdtemp(prefix="interest-shots-"))
    sf = demo_database(f"sqlite:///{tmp / 'pos.sqlite3'}")
    kiosk_interest(sf)
    down = {"now": False}
    shots = ShotWindow(lambda: BackofficeContext(sf, store=StoreInfo(), clock=CLOCK, data_dir=tmp,
                                                 central=lambda: Store(down=down["now"])),
                       width, height, out, language)
    page = shots.open(InterestPage)
    for name, offline, per_article in (("online", False, False), ("per_artikel", False, True),
                                       ("offline", True, False)):
        down["now"] = offline
        page.per_article.setChecked(per_article)
        page.set_range(DAY, DAY)
        shots.settle()
        shots.grab(f"interest_{name}")
    return shots.close()


if __name__ == "__main__":
    sys.exit(shot_main("tests.backoffice.interest_shots", shoot, "/tmp/shots13-interest"))
