"""The back office's login: tap your name (or move with the arrow keys), enter your PIN, OK.
Only managers get in; a cashier is told so. The check runs on the database lane."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QFrame, QGridLayout, QHBoxLayout, QLabel,
                               QPushButton, QVBoxLayout, QWidget)

from pos.staff import StaffMember
from ui.backoffice import operations as op
from ui.backoffice.context import BackofficeContext
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.widgets.pin_pad import PinPad
from ui.widgets.style import metrics, set_level, set_role, unbroken


class BackofficeLogin(QWidget):
    logged_in = Signal(object)  # StaffMember

    def __init__(self, lanes: Lanes, ctx: BackofficeContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backofficeLogin")
        self._lanes, self._ctx = lanes, ctx
        self.staff: list[StaffMember] = []
        m = metrics()
        title = QLabel(self.tr("Back office: who are you?"), self)
        set_role(title, "heading")
        note = QLabel(self.tr("For store managers. Log in with your PIN, as at the till."), self)
        note.setProperty("role", "muted")
        note.setWordWrap(True)
        self.tiles_frame = QFrame(self)
        self.tiles_frame.setProperty("role", "panel")
        self.tiles = QGridLayout(self.tiles_frame)
        self.tiles.setSpacing(m.px(12))
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(lambda _i: self.pad.setFocus())
        self.pad = PinPad(self)
        self.pad.submitted.connect(self.submit)
        self.pad.installEventFilter(self)
        self.pad.setMaximumWidth(m.px(360))
        self.message = QLabel(self.tr("Choose your name, then enter your PIN."), self)
        self.message.setObjectName("loginMessage")
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)
        set_level(self.message, "info")

        left = QVBoxLayout()
        left.addWidget(title)
        left.addWidget(note)
        left.addWidget(self.tiles_frame)
        left.addStretch(1)
        right = QVBoxLayout()
        pin_title = QLabel(self.tr("PIN"), self)
        set_role(pin_title, "heading")
        right.addWidget(pin_title)
        right.addWidget(self.pad)
        right.addWidget(self.message)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(m.px(48), m.px(40), m.px(48), m.px(40))
        layout.setSpacing(m.px(48))
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    def load(self) -> None:
        self.pad.clear()
        op.staff(self._lanes, self._ctx, on_done=self.set_staff, on_error=self._refused)

    def set_staff(self, staff: list[StaffMember]) -> None:
        # managers first: they are who logs in here
        self.staff = sorted(staff, key=lambda s: (not s.is_manager, s.name))
        for b in self.group.buttons():
            self.group.removeButton(b)
            b.deleteLater()
        for i, member in enumerate(self.staff):
            role = self.tr("Manager") if member.is_manager else self.tr("Cashier")
            b = QPushButton(f"{member.name}\n{role}", self.tiles_frame)
            b.setObjectName(f"staff_{member.id}")
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            set_role(b, "tile")
            self.group.addButton(b, i)
            self.tiles.addWidget(b, i // 3, i % 3)
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
        if watched is self.pad and event.type() == QEvent.Type.KeyPress and self.staff:
            step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1, Qt.Key.Key_Right: 1,
                    Qt.Key.Key_Down: 1}.get(event.key())  # type: ignore[attr-defined]
            if step:
                i = (max(0, self.group.checkedId()) + step) % len(self.staff)
                self.group.button(i).setChecked(True)
                return True
        return False

    def submit(self, pin: str) -> None:
        member = self.selected()
        if member is None:
            self.show_message(self.tr("Choose your name first."), "error")
            return
        self.pad.clear()
        self.show_message(self.tr("Checking…"), "info")
        op.login(self._lanes, self._ctx, member.id, pin, on_done=self._ok,
                 on_error=self._refused)

    def _ok(self, member: StaffMember) -> None:
        self.show_message(self.tr("Choose your name, then enter your PIN."), "info")
        self.logged_in.emit(member)

    def _refused(self, exc: BaseException) -> None:
        self.show_message(message_for(exc), "error")
        self.pad.setFocus()

    def show_message(self, text: str, level: str) -> None:
        self.message.setText(unbroken(text))
        set_level(self.message, level)
