"""An order's detail on the Orders page (Enter or a double-click on a row): its lines,
payments and fulfilments as the till recorded them and as the central store has them, and the
journal entries that concern it. What is local loads on the register lane; what the central
store said came with the page's rows (no second request)."""
from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from pos.journal import JournalEntry
from pos.money import format_kronor
from pos.queries.orders import SaleDetail
from ui.backoffice import order_operations as oop
from ui.backoffice.context import BackofficeContext
from ui.backoffice.journal_kinds import kind_label
from ui.backoffice.order_rows import PickupRow, ReturnRow, ShipRow
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.widgets.dialog import Dialog
from ui.widgets.style import metrics, set_role


def _e(x: Any) -> str:
    return html.escape(str(x))


def _table(head: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    if not rows:
        return ""
    cells = "".join(f"<th align='{'right' if i in numeric else 'left'}'>{_e(h)}</th>"
                    for i, h in enumerate(head))
    body = "".join("<tr>" + "".join(
        f"<td align='{'right' if i in numeric else 'left'}'>{_e(c)}</td>"
        for i, c in enumerate(r)) + "</tr>" for r in rows)
    return (f"<table cellspacing='0' cellpadding='4' width='100%'><tr>{cells}</tr>{body}"
            f"</table>")


class OrderDetailDialog(Dialog):
    def __init__(self, page: Any, row: Any, lanes: Lanes, ctx: BackofficeContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent or page)
        self.setObjectName("orderDetail")
        self.page, self.row, self.lanes, self.ctx = page, row, lanes, ctx
        self.local: SaleDetail | None = None
        self.journal: list[JournalEntry] | None = None
        self.loaded = False
        m = metrics()
        self.heading = QLabel(self)
        set_role(self.heading, "heading")
        self.body = QTextBrowser(self)
        self.body.setObjectName("orderDetailBody")
        self.body.setOpenLinks(False)
        self.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        close = QPushButton(self.tr("Close (Esc)"), self)
        close.setObjectName("closeDetail")
        close.setMinimumHeight(m.touch(46))
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.body, 1)
        layout.addWidget(close)
        screen = page.window().size()
        self.resize(min(m.px(900), int(screen.width() * 0.9)),
                    min(m.px(700), int(screen.height() * 0.9)))
        self.heading.setText(self._title())
        self.setWindowTitle(self._title())
        loading = self.tr("Loading…")
        self.body.setHtml(f"<p>{_e(loading)}</p>")
        if isinstance(row, PickupRow):
            oop.journal_about(lanes, ctx, row.order.id, on_done=self._journal_loaded,
                              on_error=self._failed)
        else:
            oop.sale_detail(lanes, ctx, row.local.sale_id, on_done=self._sale_loaded,
                            on_error=self._failed)

    def _title(self) -> str:
        r = self.row
        if isinstance(r, PickupRow):
            return self.tr("Web order #%1").replace("%1", r.order.number)
        if isinstance(r, ShipRow):
            return self.tr("Ship-to-home order %1").replace("%1", r.local.order_ref)
        return self.tr("Return %1 %2").replace("%1", r.local.register_id) \
            .replace("%2", str(r.local.receipt_no))

    def _journal_loaded(self, entries: list[JournalEntry]) -> None:
        self.journal = entries
        self._render()

    def _sale_loaded(self, detail: SaleDetail | None) -> None:
        self.local = detail
        self.journal = list(detail.journal) if detail else []
        self._render()

    def _failed(self, exc: BaseException) -> None:
        self.body.setHtml(f"<p>{_e(message_for(exc))}</p>")
        self.loaded = True

    # --- the text ----------------------------------------------------------------------------------

    def _render(self) -> None:
        r, p = self.row, self.page
        parts: list[str] = []
        none_yet = self.tr("None yet.")
        no_entries = self.tr("No journal entries name this order.")
        if isinstance(r, PickupRow):
            o = r.order
            parts.append(self._facts([
                (self.tr("Customer"), f"{o.customer_name} {o.email}".strip()),
                (self.tr("Status"), p._pickup_status(r)),
                (self.tr("Payment"), f"{p._paid_text(o)} ({p.payment_text(o.payment_status)})"),
                (self.tr("Total"), format_kronor(o.total)),
                (self.tr("Sent from"), o.source_location or "–"),
                (self.tr("Arrived"), o.arrived_at or "–"),
                (self.tr("Customer told"), o.notified_at or "–"),
                (self.tr("Collected"), o.collected_at or "–")]))
            parts.append(self._section(self.tr("Lines"), _table(
                [self.tr("Article"), self.tr("SKU"), self.tr("Qty"), self.tr("Amount")],
                [[ln.name, ln.sku, str(ln.quantity), format_kronor(ln.total)]
                 for ln in o.lines], {2, 3})))
        else:
            central = r.central
            local = self.local
            facts = [(self.tr("Receipt"), f"{r.local.register_id} {r.local.receipt_no}"),
                     (self.tr("Cashier"), r.local.cashier)]
            if isinstance(r, ShipRow):
                facts += [(self.tr("Customer"), f"{r.local.customer} {r.local.customer_email}"),
                          (self.tr("Sent from"), r.local.location_name or r.local.location_id),
                          (self.tr("Expected"), r.local.expected_on.isoformat()),
                          (self.tr("Amount"), format_kronor(r.local.amount)),
                          (self.tr("Payment"), p._ship_payment(r)),
                          (self.tr("Delivery"), p._ship_delivery(r) or "–")]
                if local is not None and local.delivery is not None:
                    facts.append((self.tr("Address"), ", ".join(local.delivery.address.lines())))
            else:
                facts += [(self.tr("Purchase"), p._purchase_text(r)),
                          (self.tr("Amount"), format_kronor(r.local.amount)),
                          (self.tr("Refunded"), format_kronor(r.local.refunded)),
                          (self.tr("Central status"), p._return_status(r))]
            if r.local.outbox.error and r.local.outbox.status != "sent":
                facts.append((self.tr("Last error"), r.local.outbox.error[:500]))
            parts.append(self._facts(facts))
            if local is not None:
                parts.append(self._section(self.tr("Lines (this store's receipt)"), _table(
                    [self.tr("Article"), self.tr("SKU"), self.tr("Qty"), self.tr("Amount")],
                    [[ln.name, ln.sku, str(ln.quantity), format_kronor(ln.total)]
                     for ln in local.sale.lines], {2, 3})))
                parts.append(self._section(self.tr("Payments at the till"), _table(
                    [self.tr("Method"), self.tr("Amount")],
                    [[t.method.label or t.method.id, format_kronor(t.amount)]
                     for t in local.sale.tenders], {1})))
            if isinstance(r, ShipRow) and central is not None:
                parts.append(self._section(self.tr("Lines (central order)"), _table(
                    [self.tr("Article"), self.tr("SKU"), self.tr("Qty"), self.tr("Amount")],
                    [[ln.name, ln.sku, str(ln.quantity), format_kronor(ln.total)]
                     for ln in central.lines], {2, 3})))
                parts.append(self._section(self.tr("Payments (central order)"), _table(
                    [self.tr("Provider"), self.tr("Amount"), self.tr("Captured"),
                     self.tr("Refunded")],
                    [[pm.provider, format_kronor(pm.amount),
                      self.tr("yes") if pm.captured else self.tr("no"),
                      format_kronor(pm.refunded)] for pm in central.payments], {1, 3})))
                parts.append(self._section(self.tr("Fulfilments"), _table(
                    [self.tr("From"), self.tr("Shipped"), self.tr("Delivered"),
                     self.tr("Tracking")],
                    [[f.location_key, f.shipped_at or "–", f.delivered_at or "–",
                      ", ".join(f.tracking) or "–"] for f in central.fulfilments
                     if not f.canceled_at]) or f"<p>{_e(none_yet)}</p>"))
        entries = self.journal or []
        parts.append(self._section(self.tr("Journal"), _table(
            [self.tr("Time"), self.tr("Register"), self.tr("What"), self.tr("By")],
            [[e.ts[:19].replace("T", " "), e.register_id, self.kind_text(e.kind),
              str(e.payload.get("user") or e.payload.get("by") or "")] for e in entries])
            or f"<p>{_e(no_entries)}</p>"))
        self.body.setHtml("".join(parts))
        self.loaded = True

    def kind_text(self, kind: str) -> str:
        """A journal entry's kind: the pickup flow's in this dialog's words, the others as the
        Journal page names them."""
        return {"pickup_received": self.tr("Parcel received"),
                "pickup_notice_sent_again": self.tr("Customer told again"),
                "pickup_in_sale": self.tr("Taken into a sale"),
                "pickup_handed_over": self.tr("Handed over")}.get(kind) or kind_label(kind)

    def _facts(self, facts: list[tuple[str, str]]) -> str:
        return "<table cellpadding='3'>" + "".join(
            f"<tr><td><b>{_e(k)}</b></td><td>{_e(v)}</td></tr>" for k, v in facts) + "</table>"

    def _section(self, title: str, content: str) -> str:
        return f"<h3>{_e(title)}</h3>{content}" if content else ""
