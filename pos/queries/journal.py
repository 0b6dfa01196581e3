"""The electronic journal checked: every register's hash chain against its head, then the
journal, the sales and the receipt numbers against each other and against the control unit's
own memory (kept outside this database), so rows deleted together with the journal's head rolled
back are still found."""
from __future__ import annotations

from dataclasses import dataclass

from pos.journal import JournalProblem, Kind, Verification, verify_chain
from pos.ports import ControlUnit
from pos.services.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class RegisterJournal:
    register_id: str
    verification: Verification  # the hash chain and its head
    problems: tuple[JournalProblem, ...] = ()  # the cross-checks that failed (str(): English)

    @property
    def ok(self) -> bool:
        return self.verification.ok and not self.problems


def verify_journals(uow: UnitOfWork, control_unit: ControlUnit | None = None) -> list[RegisterJournal]:
    """Each register's journal verified, by register id (see the module's doc)."""
    out = []
    with uow:
        for register_id in uow.registers.ids():
            chain = verify_chain(uow.journal.entries(register_id), uow.journal.head(register_id))
            out.append(RegisterJournal(register_id, chain,
                                       tuple(_cross_check(uow, register_id, control_unit))))
    return out


def _cross_check(uow: UnitOfWork, register_id: str,
                 unit: ControlUnit | None) -> list[JournalProblem]:
    problems = []
    sales = {s.receipt_no: s for s in uow.sales.recent(register_id, 10**9)}
    numbers = sorted(sales)
    last = numbers[-1] if numbers else 0
    if numbers != list(range(1, last + 1)):
        missing = sorted(set(range(1, last + 1)) - set(numbers))
        problems.append(JournalProblem("journal.receipts_missing",
                                       missing=", ".join(map(str, missing[:10]))))
    reg = uow.registers.get(register_id)
    if reg is not None and reg.next_receipt_no != last + 1:
        problems.append(JournalProblem("journal.next_receipt", next=reg.next_receipt_no,
                                       last=last))
    journaled = {}
    for e in uow.journal.entries(register_id):
        if e.kind in (Kind.SALE, Kind.RETURN):  # a return receipt is numbered as a sale
            p = e.payload
            journaled[int(p["receipt_no"])] = (p["sale_id"], p["control_code"])
    for no, sale in sales.items():
        if no not in journaled:
            problems.append(JournalProblem("journal.sale_unjournaled", receipt_no=no,
                                           sale_id=sale.id))
        elif journaled[no] != (sale.id, sale.control_code):
            problems.append(JournalProblem("journal.sale_differs", receipt_no=no))
    for no in sorted(set(journaled) - set(sales)):
        problems.append(JournalProblem("journal.entry_without_sale", receipt_no=no))
    if unit is not None:
        registered = unit.last(register_id)
        if registered is not None and registered.receipt_no != last:
            problems.append(JournalProblem("journal.control_unit_ahead",
                                           registered=registered.receipt_no, last=last))
        elif registered is not None and last and registered.code != sales[last].control_code:
            problems.append(JournalProblem("journal.control_code", receipt_no=last))
    return problems
