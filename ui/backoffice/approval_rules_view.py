"""Read-only: the till's actions that need a manager's PIN (``pos.approval_rules``), as the
Staff page shows them so a manager sees the rules in force."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pos.approval_rules import APPROVAL_RULES
from ui.widgets.style import metrics, set_role


class ApprovalRulesView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalRules")
        m = metrics()
        heading = QLabel(self.tr("Needs a manager's PIN at the till"), self)
        set_role(heading, "caption")
        texts = self.texts()
        self.lines = [texts[r.action] for r in APPROVAL_RULES]
        self.body = QLabel("\n".join(f"• {t}" for t in self.lines), self)
        self.body.setObjectName("approvalRulesText")
        self.body.setWordWrap(True)
        note = QLabel(self.tr("A manager logged in at the till approves their own. Only the "
                              "discount limit is set here; the other limits are the registers' "
                              "configuration."), self)
        note.setWordWrap(True)
        set_role(note, "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(m.px(4))
        layout.addWidget(heading)
        layout.addWidget(self.body)
        layout.addWidget(note)

    def texts(self) -> dict[str, str]:
        """Each approval point's action in the manager's words."""
        return {
            "line_discount": self.tr("A discount on a line above the cashier's discount limit"),
            "cart_discount": self.tr("A discount on the whole sale above the cashier's "
                                     "discount limit"),
            "price_override": self.tr("Changing an article's price"),
            "no_sale": self.tr("Opening the drawer without a sale"),
            "return_no_receipt": self.tr("A return without a receipt"),
            "invoice_credit": self.tr("An invoice to a customer over their credit limit or with "
                                      "an overdue invoice"),
            "cash_variance": self.tr("Closing the day with the cash over or short by more than "
                                     "allowed"),
        }
