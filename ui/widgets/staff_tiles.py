"""The staff tiles of a login page (the till's and the back office's): one checkable tile per
member, the PIN pad's arrow keys moving between them. A page that uses it has ``group`` (a
``QButtonGroup``), ``tiles`` (a grid layout in ``tiles_frame``), ``pad`` (the PIN pad, with the
page as its event filter) and ``staff``."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QButtonGroup, QFrame, QGridLayout, QPushButton

from pos.staff import StaffMember
from ui.widgets.style import set_role

COLUMNS = 3


class StaffTiles:
    group: QButtonGroup
    tiles: QGridLayout
    tiles_frame: QFrame
    pad: Any
    staff: list[StaffMember]

    def show_staff(self, staff: list[StaffMember]) -> None:
        """One tile per member, in the order given; the first chosen, the pad focused."""
        self.staff = list(staff)
        for b in self.group.buttons():
            self.group.removeButton(b)
            b.deleteLater()
        for i, member in enumerate(self.staff):
            role = (QCoreApplication.translate("StaffTiles", "Manager") if member.is_manager
                    else QCoreApplication.translate("StaffTiles", "Cashier"))
            b = QPushButton(f"{member.name}\n{role}", self.tiles_frame)
            b.setObjectName(f"staff_{member.id}")
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            set_role(b, "tile")
            self.group.addButton(b, i)
            self.tiles.addWidget(b, i // COLUMNS, i % COLUMNS)
        if self.staff:
            self.group.button(0).setChecked(True)
        self.pad.setFocus()

    def select(self, staff_id: str) -> None:
        for i, m in enumerate(self.staff):
            if m.id == staff_id:
                self.group.button(i).setChecked(True)

    def selected(self) -> StaffMember | None:
        i = self.group.checkedId()
        return self.staff[i] if 0 <= i < len(self.staff) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """The pad's arrow keys choose the previous or next member."""
        if watched is self.pad and event.type() == QEvent.Type.KeyPress and self.staff:
            step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1, Qt.Key.Key_Right: 1,
                    Qt.Key.Key_Down: 1}.get(event.key())  # type: ignore[attr-defined]
            if step:
                i = (max(0, self.group.checkedId()) + step) % len(self.staff)
                self.group.button(i).setChecked(True)
                return True
        return False
