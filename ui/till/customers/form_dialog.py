"""A new customer, or a customer's details edited: name, e-mail, phone (any form: the till keeps
E.164), postal address and the consent to e-mail offers.

Creating offers the customers the central store already has that look like this one
(``show_duplicates``): "Use this customer" is the default (Enter); a new customer all the same
needs a reason (not when the e-mail is another customer's). The dialog only asks; the customer
flow (``ui/till/sale/customer.py``) runs the calls on the network lane.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout, QWidget)

from pos.customers import (CustomerChanges, CustomerDetails, CustomerDraft, Duplicate,
                           MatchReason, PostalAddress)
from ui.widgets.dialog import Dialog
from ui.widgets.style import metrics, set_level, set_role


class CustomerFormDialog(Dialog):
    create_requested = Signal(object, object)  # CustomerDraft, reason (str | None)
    update_requested = Signal(str, object)  # customer id, CustomerChanges
    use_requested = Signal(object)  # CustomerRef: an existing customer instead of a new one

    def __init__(self, details: CustomerDetails | None = None,
                 parent: QWidget | None = None, search_text: str = "") -> None:
        super().__init__(parent)
        m = metrics()
        self.details = details
        self.duplicates: list[Duplicate] = []
        self.setObjectName("customerFormDialog")
        self.setWindowTitle(self.tr("New customer") if details is None
                            else self.tr("Customer's details"))
        self.setModal(True)
        title = QLabel(self.windowTitle(), self)
        set_role(title, "heading")
        self.first = self._field("customerFirstName")
        self.last = self._field("customerLastName")
        self.email = self._field("customerEmail", self.tr("name@example.se"))
        self.phone = self._field("customerPhone", self.tr("e.g. 070-123 45 67"))
        self.street = self._field("customerStreet")
        self.postcode = self._field("customerPostcode", self.tr("123 45"))
        self.city = self._field("customerCity")
        self.offers = QCheckBox(self.tr("Wants offers by e-mail"), self)
        self.offers.setObjectName("customerOffers")
        self.offers.setMinimumHeight(m.touch(44))
        # two columns: the form fits a 1024x768 till with the look-alikes under it
        form = QGridLayout()
        form.setHorizontalSpacing(m.px(10))
        form.setVerticalSpacing(m.px(6))
        rows = ((self.tr("First name"), self.first, self.tr("Last name"), self.last),
                (self.tr("E-mail"), self.email, self.tr("Phone"), self.phone),
                (self.tr("Street"), self.street, None, None),
                (self.tr("Postcode"), self.postcode, self.tr("City"), self.city))
        for r, (l1, w1, l2, w2) in enumerate(rows):
            form.addWidget(QLabel(l1, self), r, 0)
            if w2 is None:
                form.addWidget(w1, r, 1, 1, 3)
            else:
                form.addWidget(w1, r, 1)
                form.addWidget(QLabel(l2, self), r, 2)
                form.addWidget(w2, r, 3)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        self.consent_note = QLabel("", self)
        self.consent_note.setObjectName("customerConsentNote")
        self.consent_note.setWordWrap(True)
        consent = QHBoxLayout()
        consent.addWidget(self.offers)
        consent.addWidget(self.consent_note, 1)
        form.addLayout(consent, len(rows), 1, 1, 3)

        self.message = QLabel("", self)
        self.message.setObjectName("customerFormMessage")
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)

        # the customers who look like this one (shown when the central store found some)
        self.dup_box = QGroupBox(self.tr("Already a customer?"), self)
        self.dup_box.setObjectName("customerDuplicates")
        self.dup_list = QListWidget(self.dup_box)
        self.dup_list.setObjectName("customerDuplicateList")
        self.dup_list.itemActivated.connect(lambda _i: self.use_existing())
        self.dup_list.setWordWrap(True)
        self.dup_list.setMinimumHeight(m.px(90))
        self.use_button = QPushButton(self.tr("Use this customer"), self.dup_box)
        self.use_button.setObjectName("customerUseButton")
        set_role(self.use_button, "primary")
        self.use_button.clicked.connect(self.use_existing)
        self.reason = QLineEdit(self.dup_box)
        self.reason.setObjectName("customerOverrideReason")
        self.reason.setPlaceholderText(self.tr("Why this is another person (e.g. shares a phone)"))
        self.reason.textChanged.connect(self._reason_changed)
        self.anyway_button = QPushButton(self.tr("Create a new one all the same"), self.dup_box)
        self.anyway_button.setObjectName("customerCreateAnywayButton")
        self.anyway_button.setEnabled(False)
        self.anyway_button.clicked.connect(self.create_anyway)
        for w in (self.use_button, self.anyway_button, self.reason):
            w.setMinimumHeight(m.touch(44))
        dl = QVBoxLayout(self.dup_box)
        dl.addWidget(self.dup_list, 1)
        row = QHBoxLayout()
        row.addWidget(self.reason, 1)
        row.addWidget(self.anyway_button)
        dl.addWidget(self.use_button)
        dl.addLayout(row)
        self.dup_box.hide()

        self.save_button = QPushButton(
            self.tr("Create customer") if details is None else self.tr("Save"), self)
        self.save_button.setObjectName("customerSaveButton")
        set_role(self.save_button, "primary")
        self.save_button.setMinimumHeight(m.touch(44))
        self.save_button.clicked.connect(self.save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.rejected.connect(self.reject)
        for b in buttons.buttons():
            b.setMinimumHeight(m.touch(44))
        actions = QHBoxLayout()
        actions.addWidget(buttons)
        actions.addStretch(1)
        actions.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.dup_box, 1)
        layout.addLayout(actions)
        self.enter_button = self.save_button
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self.save_button.click)
        self.setMinimumWidth(m.px(720))
        if details is not None:
            self._fill(details)
        elif search_text:
            self._prefill(search_text)
        self.first.setFocus()

    def _field(self, name: str, placeholder: str = "") -> QLineEdit:
        f = QLineEdit(self)
        f.setObjectName(name)
        f.setPlaceholderText(placeholder)
        f.setMinimumHeight(metrics().touch(44))
        return f

    def _fill(self, d: CustomerDetails) -> None:
        c = d.customer
        self.first.setText(c.first_name)
        self.last.setText(c.last_name)
        self.email.setText(c.email)
        self.phone.setText(c.phone)
        if d.address is not None:
            self.street.setText(d.address.street)
            self.postcode.setText(d.address.postcode)
            self.city.setText(d.address.city)
        self.offers.setChecked(d.email_offers.consent)
        if d.email_offers.at:
            self.consent_note.setText(
                self.tr("Consent last changed %1 (%2)").replace("%1", d.email_offers.at[:16]
                                                                .replace("T", " "))
                .replace("%2", d.email_offers.source))

    def _prefill(self, text: str) -> None:
        """What the cashier searched for goes where it belongs (an e-mail, a phone, a name)."""
        t = text.strip()
        if "@" in t:
            self.email.setText(t)
        elif any(ch.isdigit() for ch in t) and not any(ch.isalpha() for ch in t):
            self.phone.setText(t)
        else:
            first, _, last = t.partition(" ")
            self.first.setText(first)
            self.last.setText(last)

    # --- what was typed ------------------------------------------------------------------------

    def address(self) -> PostalAddress | None:
        if not (self.street.text().strip() or self.postcode.text().strip()
                or self.city.text().strip()):
            return None
        return PostalAddress(self.street.text(), self.postcode.text(), self.city.text())

    def draft(self) -> CustomerDraft:
        return CustomerDraft(self.first.text(), self.last.text(), self.email.text(),
                             self.phone.text(), self.address(), self.offers.isChecked())

    def changes(self) -> CustomerChanges:
        return CustomerChanges(first_name=self.first.text(), last_name=self.last.text(),
                               email=self.email.text(), phone=self.phone.text(),
                               address=self.address(), email_offers=self.offers.isChecked())

    def save(self) -> None:
        self._busy(self.tr("Saving in the central store…"))
        if self.details is None:
            self.create_requested.emit(self.draft(), None)
        else:
            self.update_requested.emit(self.details.customer.id, self.changes())

    def create_anyway(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            return
        self._busy(self.tr("Saving in the central store…"))
        self.create_requested.emit(self.draft(), reason)

    def use_existing(self) -> None:
        row = self.dup_list.currentRow()
        if 0 <= row < len(self.duplicates):
            self.use_requested.emit(self.duplicates[row].customer)
            self.accept()

    # --- answers -------------------------------------------------------------------------------

    def duplicates_text(self, count: int) -> str:
        """The warning for ``count`` look-alike customers, in the language's plural form."""
        return self.tr("%n customer(s) already look like this one: use one of them, or give a "
                       "reason to create a new customer", "", count)

    def show_duplicates(self, found: list[Duplicate], overridable: bool, text: str) -> None:
        self.save_button.setEnabled(True)
        self.duplicates = list(found)
        self.dup_list.clear()
        for d in self.duplicates:
            c = d.customer
            why = ", ".join(self._reason_text(r) for r in d.reasons)
            item = QListWidgetItem(f"{c.label} ({why})\n{c.email}   {c.phone}".rstrip())
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.dup_list.addItem(item)
        self.dup_list.setCurrentRow(0)
        self.reason.setVisible(overridable)
        self.anyway_button.setVisible(overridable)
        self.dup_box.show()
        self._fit()
        self.message.setText(text)
        set_level(self.message, "warning")
        self.enter_button = self.use_button  # "use this one" is what Enter does now
        self.save_button.setDefault(False)
        self.use_button.setDefault(True)
        self.dup_list.setFocus()

    def _fit(self) -> None:
        """Grown by the look-alikes: as tall as it needs, still in the middle of the till."""
        self.adjustSize()
        parent = self.parentWidget()
        if parent is not None:
            frame = self.frameGeometry()
            frame.moveCenter(parent.window().geometry().center())
            self.move(frame.topLeft())

    def _reason_text(self, reason: MatchReason) -> str:
        return {MatchReason.EMAIL: self.tr("same e-mail"),
                MatchReason.PHONE: self.tr("same phone"),
                MatchReason.NAME_AND_POSTCODE: self.tr("similar name, same postcode")}[reason]

    def _reason_changed(self, text: str) -> None:
        self.anyway_button.setEnabled(bool(text.strip()))

    def show_error(self, text: str) -> None:
        self.save_button.setEnabled(True)
        self.anyway_button.setEnabled(bool(self.reason.text().strip()))
        self.message.setText(text)
        set_level(self.message, "error")

    def _busy(self, text: str) -> None:
        self.save_button.setEnabled(False)
        self.anyway_button.setEnabled(False)
        self.message.setText(text)
        set_level(self.message, "info")
