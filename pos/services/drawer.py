"""Opening the cash drawer without a sale ("no sale"): a manager approves and a reason is
given. The drawer itself is kicked by ``ReceiptDesk.open_drawer`` on the printer's lane."""
from __future__ import annotations

from pos.cart import ApprovalRequired
from pos.errors import messages
from pos.services import staff
from pos.services.context import RegisterContext
from pos.shifts import ShiftError

MESSAGES = messages({
    "approval.no_sale": "Opening the drawer without a sale needs a manager",
    "drawer.sale_in_progress": "A sale is in progress: finish or park it before opening the "
                               "drawer without a sale",
})


def approve_no_sale(ctx: RegisterContext, reason: str, approver_pin: str | None = None) -> str:
    """The journal's reason for opening the drawer without a sale, once a manager approved.
    ``ApprovalRequired`` until one has (the cashier's own role, or ``approver_pin``);
    ``ShiftError`` while a sale is in progress (the drawer opens for that sale's payment) or
    without a reason."""
    if ctx.state.serving:
        raise ShiftError("drawer.sale_in_progress")
    approved_by = staff.approver(ctx, approver_pin)
    if approved_by is None:
        raise ApprovalRequired("approval.no_sale", "no_sale")
    if not reason.strip():
        raise ShiftError("shift.drawer_reason")
    return f"no sale: {reason.strip()} (approved by {approved_by})"
