"""What every flow of the sale page shares: the page, the lanes and the till, dialogs opened
window-modal without blocking, and refusals routed to the dialog the cashier is looking at."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication

from pos.services.till import Till
from ui.i18n.messages import message_for
from ui.lanes import Lanes

if TYPE_CHECKING:
    from ui.till.sale_page import SalePage

translate = QCoreApplication.translate  # the flows' words belong to the sale page ("SalePage")


class Flow:
    def __init__(self, page: "SalePage", lanes: Lanes, till: Till) -> None:
        self.page, self.lanes, self.till = page, lanes, till

    def open(self, dialog: Any, on_accept: Callable[[], Any],
             accepted: Callable[[int], bool] | None = None) -> None:
        self.page.open_dialog(dialog, on_accept, accepted)

    def errors_to(self, dialog: Any) -> Callable[[BaseException], None]:
        """A refusal goes to the dialog the cashier is looking at (or, once it is closed, to the
        sale's message line)."""
        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(dialog) and dialog.isVisible():
                dialog.show_error(message_for(exc))
            else:
                self.page.show_error(exc)
        return failed
