"""Personal: the store's staff (active or not) with their role and lockout; a manager adds a
member, resets a PIN, lifts a lockout, changes a role and (de)activates someone. Each change is
a use case of ``pos.services.backoffice`` on the database lane, journaled with who made it.

It also sets the cashiers' discount limits (each one's own, and the store's default) and shows,
read-only, which of the till's actions need a manager's PIN."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from pos.staff import Role, StaffRecord
from ui.widgets.flow_layout import FlowLayout
from ui.backoffice import operations as op
from ui.backoffice.approval_rules_view import ApprovalRulesView
from ui.backoffice.context import BackofficeContext
from ui.backoffice.discount_limit_dialog import DiscountLimitDialog, percent_text
from ui.backoffice.page import Page
from ui.backoffice.table import Column, FilterTable
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.widgets.dialog import Dialog
from ui.widgets.style import metrics, set_level, set_role


def _pin_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(8)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), field))
    return field


class PinDialog(Dialog):
    """A new PIN, typed twice. ``pin`` when accepted."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowTitle(self.tr("New PIN"))
        m = metrics()
        self.pin = ""
        intro = QLabel(self.tr("A new PIN for %1 (4 to 8 digits). It also lifts a lockout.")
                       .replace("%1", name), self)
        intro.setWordWrap(True)
        self.first = _pin_field(self, "newPin")
        self.second = _pin_field(self, "newPinAgain")
        self.error = QLabel(self)
        self.error.setProperty("role", "message")
        set_level(self.error, "info")
        form = QFormLayout()
        form.addRow(self.tr("New PIN"), self.first)
        form.addRow(self.tr("Again"), self.second)
        ok = QPushButton(self.tr("Set PIN"), self)
        ok.setObjectName("pinOk")
        set_role(ok, "primary")
        ok.clicked.connect(self.try_accept)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.clicked.connect(self.reject)
        self.enter_button = ok
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(ok)
        layout = QVBoxLayout(self)
        layout.setSpacing(m.px(10))
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(m.px(460))
        self.first.setFocus()

    def try_accept(self) -> None:
        a, b = self.first.text(), self.second.text()
        if not 4 <= len(a) <= 8:
            self._say(self.tr("A PIN is 4 to 8 digits."))
        elif a != b:
            self._say(self.tr("The two PINs differ."))
        else:
            self.pin = a
            self.accept()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        set_level(self.error, "error")


class NewStaffDialog(PinDialog):
    """A new staff member: id, name, role and first PIN."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName("newStaffDialog")
        self.setWindowTitle(self.tr("New staff member"))
        self.findChild(QLabel).setText(self.tr("Who logs in at the tills and, as a manager, "
                                               "here. The PIN is stored only as a hash."))
        self.staff_id = QLineEdit(self)
        self.staff_id.setObjectName("newStaffId")
        self.staff_id.setMaxLength(40)
        self.staff_id.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"[A-Za-z0-9_-]{0,40}"), self.staff_id))
        self.name = QLineEdit(self)
        self.name.setObjectName("newStaffName")
        self.role = QComboBox(self)
        self.role.setObjectName("newStaffRole")
        self.role.addItem(self.tr("Cashier"), Role.CASHIER)
        self.role.addItem(self.tr("Manager"), Role.MANAGER)
        form = self.findChild(QFormLayout)
        form.insertRow(0, self.tr("Login id"), self.staff_id)
        form.insertRow(1, self.tr("Name"), self.name)
        form.insertRow(2, self.tr("Role"), self.role)
        self.enter_button.setText(self.tr("Add"))
        self.staff_id.setFocus()

    def try_accept(self) -> None:
        if not self.staff_id.text().strip():
            self._say(self.tr("Give a login id."))
        elif not self.name.text().strip():
            self._say(self.tr("Give the name."))
        else:
            super().try_accept()


class StaffPage(Page):
    def __init__(self, lanes: Lanes, ctx: BackofficeContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(lanes, ctx, parent)
        self.setObjectName("staffPage")
        m = metrics()
        self.records: list[StaffRecord] = []
        self.default_limit: Decimal | None = None  # the store's, in the database
        # shows a dialog and says whether it was accepted (tests fill it in instead)
        self.run_dialog = lambda dialog: dialog.exec() == Dialog.DialogCode.Accepted
        heading = QLabel(self.title(), self)
        set_role(heading, "heading")
        self.table = FilterTable([
            Column(self.tr("Name"), lambda r: r.member.name, stretch=True),
            Column(self.tr("Login id"), lambda r: r.member.id),
            Column(self.tr("Role"), self._role_text),
            Column(self.tr("Status"), self._status_text),
            Column(self.tr("Discount limit"), self._limit_text,
                   sort=lambda r: self._limit(r), numeric=True),
            Column(self.tr("Wrong PINs"), lambda r: str(r.failed_attempts),
                   sort=lambda r: r.failed_attempts, numeric=True)], self,
            filter_placeholder=self.tr("Filter: name, id, role…"))
        self.table.setObjectName("staffTable")
        self.table.selected.connect(lambda _r: self._enable())
        self.add_button = QPushButton(self.tr("New… (Ctrl+N)"), self)
        self.add_button.setObjectName("addStaff")
        self.add_button.clicked.connect(self.add)
        self.pin_button = QPushButton(self.tr("Reset PIN… (Ctrl+R)"), self)
        self.pin_button.setObjectName("resetPin")
        self.pin_button.clicked.connect(self.reset_pin)
        self.unlock_button = QPushButton(self.tr("Lift lockout (Ctrl+U)"), self)
        self.unlock_button.setObjectName("liftLockout")
        self.unlock_button.clicked.connect(self.lift_lockout)
        self.role_button = QPushButton(self.tr("Change role (Ctrl+M)"), self)
        self.role_button.setObjectName("changeRole")
        self.role_button.clicked.connect(self.toggle_role)
        self.active_button = QPushButton(self.tr("Deactivate (Ctrl+D)"), self)
        self.active_button.setObjectName("toggleActive")
        set_role(self.active_button, "danger")
        self.active_button.clicked.connect(self.toggle_active)
        self.limit_button = QPushButton(self.tr("Discount limit… (Ctrl+G)"), self)
        self.limit_button.setObjectName("discountLimitButton")
        self.limit_button.clicked.connect(self.edit_limit)
        self.default_button = QPushButton(self.tr("Store's limit… (Ctrl+Shift+G)"), self)
        self.default_button.setObjectName("defaultLimitButton")
        self.default_button.clicked.connect(self.edit_default_limit)
        for keys, slot in (("Ctrl+N", self.add), ("Ctrl+R", self.reset_pin),
                           ("Ctrl+U", self.lift_lockout), ("Ctrl+M", self.toggle_role),
                           ("Ctrl+D", self.toggle_active), ("Ctrl+G", self.edit_limit),
                           ("Ctrl+Shift+G", self.edit_default_limit)):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        self.default_label = QLabel(self)
        self.default_label.setObjectName("defaultLimit")
        self.default_label.setWordWrap(True)
        self.rules = ApprovalRulesView(self)
        buttons = FlowLayout()
        buttons.setSpacing(m.px(8))
        for b in (self.add_button, self.pin_button, self.unlock_button, self.role_button,
                  self.active_button, self.limit_button, self.default_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(m.px(10))
        layout.addWidget(heading)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.default_label)
        layout.addWidget(self.rules)
        layout.addWidget(self.message)
        self._enable()

    def title(self) -> str:
        return self.tr("Staff")

    def _role_text(self, r: StaffRecord) -> str:
        return self.tr("Manager") if r.member.is_manager else self.tr("Cashier")

    def _status_text(self, r: StaffRecord) -> str:
        if not r.active:
            return self.tr("Inactive")
        if r.locked(self.ctx.now()):
            assert r.locked_until is not None
            return self.tr("Locked until %1").replace("%1", r.locked_until.strftime("%H:%M"))
        return self.tr("Active")

    def _limit(self, r: StaffRecord) -> Decimal:
        """The limit in force for ``r`` at the till (a manager approves their own: 100)."""
        if r.member.is_manager:
            return Decimal(100)
        if r.member.discount_limit is not None:
            return r.member.discount_limit
        return self.store_limit()

    def store_limit(self) -> Decimal:
        return (self.default_limit if self.default_limit is not None
                else self.ctx.config_discount_limit)

    def _limit_text(self, r: StaffRecord) -> str:
        if r.member.is_manager:
            return self.tr("No limit (manager)")
        if r.member.discount_limit is not None:
            return f"{percent_text(r.member.discount_limit)} %"
        return self.tr("%1 % (store's)").replace("%1", percent_text(self.store_limit()))

    def activate(self) -> None:
        op.discount_limits(self.lanes, self.ctx, on_done=self.set_limits, on_error=self._failed)

    def set_limits(self, found: tuple[list[StaffRecord], Decimal | None]) -> None:
        records, self.default_limit = found
        if self.default_limit is None:
            text = self.tr("The store's discount limit for cashiers: %1 % (the registers' "
                           "configuration)")
        else:
            text = self.tr("The store's discount limit for cashiers: %1 %")
        self.default_label.setText(text.replace("%1", percent_text(self.store_limit())))
        self.set_records(records)

    def set_records(self, records: list[StaffRecord]) -> None:
        chosen = self.selected()
        self.records = list(records)
        self.table.set_rows(self.records)
        if chosen is not None:
            self.table.select_where(lambda r: r.member.id == chosen.member.id)
        elif self.records:
            self.table.view.selectRow(0)
        self._enable()

    def selected(self) -> StaffRecord | None:
        return self.table.current()

    def _enable(self) -> None:
        r = self.selected()
        for b in (self.pin_button, self.unlock_button, self.role_button, self.active_button):
            b.setEnabled(r is not None)
        self.limit_button.setEnabled(r is not None and not r.member.is_manager)
        if r is not None:
            self.unlock_button.setEnabled(r.failed_attempts > 0 or r.locked(self.ctx.now()))
            self.active_button.setText(self.tr("Deactivate (Ctrl+D)") if r.active
                                       else self.tr("Activate (Ctrl+D)"))
            self.role_button.setText(self.tr("Make cashier (Ctrl+M)") if r.member.is_manager
                                     else self.tr("Make manager (Ctrl+M)"))

    def _changed(self, verb: str) -> object:
        def done(rec: StaffRecord) -> None:
            self.show_message(verb.replace("%1", rec.member.name), "ok")
            self.activate()
        return done

    def _failed(self, exc: BaseException) -> None:
        self.show_message(message_for(exc), "error")

    # --- the changes -----------------------------------------------------------------------------

    def add(self) -> None:
        dialog = NewStaffDialog(self)
        if not self.run_dialog(dialog):
            return
        op.add_staff(self.lanes, self.ctx, dialog.staff_id.text().strip(),
                     dialog.name.text().strip(), dialog.role.currentData(), dialog.pin,
                     on_done=self._changed(self.tr("%1 was added.")), on_error=self._failed)

    def reset_pin(self) -> None:
        r = self.selected()
        if r is None:
            return
        dialog = PinDialog(r.member.name, self)
        if not self.run_dialog(dialog):
            return
        op.reset_pin(self.lanes, self.ctx, r.member.id, dialog.pin,
                     on_done=self._changed(self.tr("%1 has a new PIN.")), on_error=self._failed)

    def lift_lockout(self) -> None:
        r = self.selected()
        if r is None:
            return
        op.lift_lockout(self.lanes, self.ctx, r.member.id,
                        on_done=self._changed(self.tr("%1 may try their PIN again.")),
                        on_error=self._failed)

    def toggle_role(self) -> None:
        r = self.selected()
        if r is None:
            return
        role = Role.CASHIER if r.member.is_manager else Role.MANAGER
        op.change_staff(self.lanes, self.ctx, r.member.id, role=role,
                        on_done=self._changed(self.tr("%1's role was changed.")),
                        on_error=self._failed)

    def toggle_active(self) -> None:
        r = self.selected()
        if r is None:
            return
        op.change_staff(self.lanes, self.ctx, r.member.id, active=not r.active,
                        on_done=self._changed(self.tr("%1 was activated.") if not r.active
                                              else self.tr("%1 was deactivated.")),
                        on_error=self._failed)

    def edit_limit(self) -> None:
        r = self.selected()
        if r is None or r.member.is_manager:
            return
        dialog = DiscountLimitDialog(
            self.tr("The most %1 may take off a line or a sale without a manager's PIN.")
            .replace("%1", r.member.name), r.member.discount_limit,
            self.tr("the store's limit (%1 %)").replace("%1", percent_text(self.store_limit())),
            self)
        if not self.run_dialog(dialog):
            return
        op.set_discount_limit(self.lanes, self.ctx, r.member.id, dialog.limit,
                              on_done=self._changed(self.tr("%1's discount limit was changed.")),
                              on_error=self._failed)

    def edit_default_limit(self) -> None:
        dialog = DiscountLimitDialog(
            self.tr("The most a cashier without a limit of their own may take off a line or a "
                    "sale without a manager's PIN."), self.default_limit,
            self.tr("the registers' configured limit (%1 %)")
            .replace("%1", percent_text(self.ctx.config_discount_limit)), self)
        if not self.run_dialog(dialog):
            return

        def done(_limit: object) -> None:
            self.show_message(self.tr("The store's discount limit was changed."), "ok")
            self.activate()
        op.set_default_discount_limit(self.lanes, self.ctx, dialog.limit, on_done=done,
                                      on_error=self._failed)
