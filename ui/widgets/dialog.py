"""``Dialog``: the till's dialogs, where Enter presses no button the cashier did not choose.

Qt makes the first "auto default" push button of a dialog its default when the dialog is shown
(QDialog::setVisible), and Enter in a field then presses it: Enter on a wrong amount pressed
Cancel and closed the dialog instead of saying what is wrong. A ``Dialog`` has no default button
unless it names one (``enter_button``); a button the cashier moved the focus to (Tab) is still
pressed by Enter, as Qt does for an auto-default button that has the focus.
"""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QPushButton


class Dialog(QDialog):
    """A ``QDialog`` whose Enter does what its fields say (see the module's doc)."""

    enter_button: QPushButton | None = None  # the button Enter presses anywhere in the dialog

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt API
        super().setVisible(visible)
        if visible:
            for button in self.findChildren(QPushButton):
                button.setDefault(button is self.enter_button)
