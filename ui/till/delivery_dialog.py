"""Ship-to-home: where the lines marked "deliver" go and which location sends them.

The address is picked from the customer's profile (the central store's saved addresses) or
typed; a Swedish postcode is checked (five digits, written "123 45"). The sending location is
proposed (the nearest with every article in stock, by the store's own order of locations) and
the cashier may choose another. The dialog shows the shipping (free per the store's rules, or
its price) and the expected delivery date. It only asks: the sale page's delivery flow fills in
the addresses and stock (``show_addresses``, ``show_stock``) and saves the choice.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from pos.delivery import (DeliveryAddress, DeliveryChoice, DeliveryError, DeliveryRules,
                          parse_postcode)
from pos.money import format_kronor
from pos.stock import StockReport
from ui.i18n.messages import message_for
from ui.widgets.dialog import Dialog
from ui.widgets.style import metrics, set_level, set_role


class DeliveryDialog(Dialog):
    chosen = Signal(object, str, bool)  # DeliveryAddress, location id, overridden

    def __init__(self, rules: DeliveryRules, here: str, goods: list[tuple[str, int]],
                 goods_total: int, choice: DeliveryChoice | None, today: date,
                 parent: QWidget | None = None) -> None:
        """``goods``: (name, quantity) of the lines marked "deliver"; ``goods_total``: what
        they cost (öre), for the free-shipping rule; ``choice``: what the sale has already."""
        super().__init__(parent)
        m = metrics()
        self.setObjectName("deliveryDialog")
        self.setWindowTitle(self.tr("Home delivery"))
        self.setModal(True)
        self.rules, self.here, self.today = rules, here, today
        self.addresses: list[DeliveryAddress] = []
        self.proposed: str | None = None
        self.reports: dict[str, StockReport] = {}
        self.needs: dict[str, int] = {}
        heading = QLabel(self.tr("Sent to the customer's home"), self)
        set_role(heading, "heading")
        self.goods = QLabel("\n".join(f"{q} × {name}" for name, q in goods), self)
        self.goods.setObjectName("deliveryGoods")
        self.goods.setWordWrap(True)

        self.profile = QComboBox(self)
        self.profile.setObjectName("deliveryProfileAddresses")
        self.profile.addItem(self.tr("Looking up the customer's addresses…"))
        self.profile.setEnabled(False)
        self.profile.activated.connect(self._use_profile_address)
        self.name = QLineEdit(self)
        self.name.setObjectName("deliveryName")
        self.street = QLineEdit(self)
        self.street.setObjectName("deliveryStreet")
        self.postcode = QLineEdit(self)
        self.postcode.setObjectName("deliveryPostcode")
        self.postcode.setPlaceholderText(self.tr("123 45"))
        self.postcode.setMaxLength(9)
        self.city = QLineEdit(self)
        self.city.setObjectName("deliveryCity")
        self.phone = QLineEdit(self)
        self.phone.setObjectName("deliveryPhone")
        for field in (self.name, self.street, self.postcode, self.city, self.phone):
            field.setMinimumHeight(m.touch(44))
        self.profile.setMinimumHeight(m.touch(44))

        self.location = QComboBox(self)
        self.location.setObjectName("deliveryLocation")
        self.location.setMinimumHeight(m.touch(44))
        for loc in rules.order_for(here):
            if loc != here:
                self.location.addItem(rules.name(loc), loc)
        self.location.currentIndexChanged.connect(self._location_changed)
        self.location_note = QLabel(self.tr("Looking up stock…"), self)
        self.location_note.setObjectName("deliveryLocationNote")
        self.location_note.setWordWrap(True)
        fee = rules.shipping_fee(goods_total)
        if fee:
            shipping = self.tr("Shipping %1 kr").replace("%1", format_kronor(fee))
            if rules.free_above is not None:
                shipping += " " + self.tr("(free from %1 kr)").replace(
                    "%1", format_kronor(rules.free_above))
        else:
            shipping = self.tr("Free home delivery")
        self.shipping = QLabel(shipping, self)
        self.shipping.setObjectName("deliveryShipping")
        self.expected = QLabel("", self)
        self.expected.setObjectName("deliveryExpected")

        self.message = QLabel("", self)
        self.message.setObjectName("deliveryMessage")
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)
        set_level(self.message, "info")
        self.ok_button = QPushButton(self.tr("Save delivery"), self)
        self.ok_button.setObjectName("deliveryOkButton")
        set_role(self.ok_button, "primary")
        self.ok_button.clicked.connect(self.save)
        self.enter_button = self.ok_button
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        for b in buttons.buttons():
            b.setMinimumHeight(m.touch(48))

        form = QFormLayout()
        form.addRow(self.tr("From the profile"), self.profile)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Street address"), self.street)
        form.addRow(self.tr("Postcode"), self.postcode)
        form.addRow(self.tr("City"), self.city)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Sent from"), self.location)
        form.addRow("", self.location_note)
        form.addRow(self.tr("Shipping"), self.shipping)
        form.addRow(self.tr("Expected"), self.expected)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.goods)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(m.px(600))

        if choice is not None and choice.address is not None:
            self._fill(choice.address)
        if choice is not None and choice.location_id:
            self._select_location(choice.location_id)
        self._chosen_before = choice.location_id if choice is not None else ""
        self._location_changed()
        self.name.setFocus()

    # --- what the flow hands over -------------------------------------------------------------

    def show_addresses(self, addresses: list[DeliveryAddress], has_customer: bool,
                       unknown: bool = False) -> None:
        """The customer's saved addresses; ``unknown``: they could not be read (the central
        store did not answer), which is not the same as none."""
        self.addresses = list(addresses)
        self.profile.clear()
        if not has_customer:
            self.profile.addItem(self.tr("No customer on the sale: type the address"))
        elif unknown:
            self.profile.addItem(self.tr("The saved addresses cannot be read now: type it"))
        elif not addresses:
            self.profile.addItem(self.tr("The customer has no saved address: type it"))
        else:
            self.profile.addItem(self.tr("Choose a saved address…"))
            for a in addresses:
                self.profile.addItem(", ".join(a.lines()[1:3]) or a.name)
        self.profile.setEnabled(bool(addresses))
        if addresses and not self.street.text().strip():
            self.profile.setCurrentIndex(1)
            self._use_profile_address(1)

    def show_stock(self, reports: dict[str, StockReport], needs: dict[str, int],
                   proposed: str | None) -> None:
        """Stock of the articles sent (by SKU) and the proposed location (None: no one has it
        all)."""
        self.reports, self.needs, self.proposed = reports, needs, proposed
        for i in range(self.location.count()):
            loc = self.location.itemData(i)
            have = min((r.at(loc).available if r.at(loc) else 0) for r in reports.values()) \
                if reports else 0
            self.location.setItemText(i, self.tr("%1 (%2 available)")
                                      .replace("%1", self.rules.name(loc)).replace("%2", str(have)))
        if proposed and not self._chosen_before:
            self._select_location(proposed)
        self._location_changed()

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        set_level(self.message, "error")

    # --- the cashier's choice -----------------------------------------------------------------

    def address(self) -> DeliveryAddress:
        return DeliveryAddress(self.name.text(), self.street.text(), self.postcode.text(),
                               self.city.text(), self.phone.text())

    def location_id(self) -> str:
        return str(self.location.currentData() or "")

    def save(self) -> None:
        try:
            address = self.address().checked()
        except DeliveryError as e:
            self.show_error(message_for(e))
            if e.code == "delivery.postcode_invalid":
                self.postcode.setFocus()
                self.postcode.selectAll()
            return
        loc = self.location_id()
        if self._short(loc) and self._fresh():
            # the central store would refuse the order to deliver after the customer has paid
            # (it reserves at the sending location): not saved while the figures say so
            self.show_error(self.tr("%1 cannot send this: not enough in stock there. Choose "
                                    "another location, or sell the article another day.")
                            .replace("%1", self.rules.name(loc)))
            self.location.setFocus()
            return
        overridden = self.proposed is not None and loc != self.proposed
        self.chosen.emit(address, loc, overridden)
        self.accept()

    def _short(self, loc: str) -> list[str]:
        """The SKUs the location ``loc`` has fewer of available than the delivery needs."""
        if not self.reports:
            return []
        return [sku for sku, qty in self.needs.items()
                if (self.reports[sku].at(loc).available if sku in self.reports
                    and self.reports[sku].at(loc) else 0) < qty]

    def _fresh(self) -> bool:
        return bool(self.reports) and all(r.fresh for r in self.reports.values())

    def _fill(self, a: DeliveryAddress) -> None:
        self.name.setText(a.name)
        self.street.setText(a.street)
        try:
            self.postcode.setText(parse_postcode(a.postcode))
        except DeliveryError:
            self.postcode.setText(a.postcode)
        self.city.setText(a.city)
        self.phone.setText(a.phone)

    def _use_profile_address(self, index: int) -> None:
        if 1 <= index <= len(self.addresses):
            self._fill(self.addresses[index - 1])

    def _select_location(self, loc: str) -> None:
        i = self.location.findData(loc)
        if i >= 0:
            self.location.setCurrentIndex(i)

    def _location_changed(self, *_: object) -> None:
        loc = self.location_id()
        if not loc:
            return
        self.expected.setText(self.rules.expected_date(self.today, loc).strftime("%Y-%m-%d"))
        if not self.reports:
            return
        short = self._short(loc)
        fresh = self._fresh()
        if short:
            text = self.tr("Not enough in stock at %1 for this delivery").replace(
                "%1", self.rules.name(loc))
            set_level(self.location_note, "error")
        elif loc == self.proposed:
            text = self.tr("The nearest location with everything in stock")
            set_level(self.location_note, "ok")
        else:
            text = self.tr("Chosen by the cashier (the nearest is %1)").replace(
                "%1", self.rules.name(self.proposed) if self.proposed else "-")
            set_level(self.location_note, "info")
        if not fresh:
            text += " " + self.tr("(stock figures not fresh)")
        self.location_note.setText(text)
        self.location_note.setAlignment(Qt.AlignmentFlag.AlignLeft)
