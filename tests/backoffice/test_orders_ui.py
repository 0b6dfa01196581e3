"""The back office's Orders page (pytest-qt, offscreen, on a day at the store): pickups,
ship-to-home orders placed here and returns, each joined with what the central store says;
filtered by status, dates and text, sorted, opened by keyboard; a parcel marked arrived and a
notice sent again (journaled with who); offline, the local rows stay with "central status
unknown (offline)"."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from pos.db.unit_of_work import SqlUnitOfWork
from pos.pickups import PickupStage
from tests.backoffice.conftest import idle, log_in
from tests.backoffice.orders_day import FakeCentral, ship_to_home_sales


class Notices:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def order_ready(self, order, location_name):  # type: ignore[no-untyped-def]
        self.sent.append((order.number, location_name))


@pytest.fixture
def central():
    return FakeCentral()


@pytest.fixture
def notices():
    return Notices()


@pytest.fixture
def orders_window(qtbot, day_db, bo_english, tmp_path, central, notices):
    from pos.receipt_layout import StoreInfo
    from tests.backoffice.day import CLOCK
    from ui.backoffice.context import BackofficeContext
    from ui.backoffice.window import BackofficeWindow

    sf, _day = day_db
    ship_to_home_sales(sf)
    ctx = BackofficeContext(sf, store=StoreInfo(), clock=CLOCK, data_dir=tmp_path,
                            central=lambda: central, notifier=lambda: notices,
                            location_name="Omnihandeln Göteborg", pickup_overdue_days=7)
    w = BackofficeWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    idle(qtbot, w)
    log_in(qtbot, w)
    yield w
    idle(qtbot, w)
    w.close()


def show_orders(qtbot, w):  # type: ignore[no-untyped-def]
    from ui.backoffice.orders_page import OrdersPage
    page = w.page(OrdersPage)
    qtbot.keyClick(w.main, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)  # its place
    idle(qtbot, w)
    assert w.current_page() is page
    return page


def texts(table, col):  # type: ignore[no-untyped-def]
    return [table.proxy.index(r, col).data() for r in range(table.proxy.rowCount())]


def test_the_three_lists_join_the_stores_record_with_the_central_status(qtbot, orders_window):
    page = show_orders(qtbot, orders_window)
    assert "status as of" in page.central_label.text()
    # pickups: the collected one too, the overdue one marked (arrived 20 Nov, 10 days ago)
    assert texts(page.pickups, 0) == ["#1051", "#1052", "#1053", "#1054"]
    assert [r.order.number for r in page.pickups.marked_rows()] == ["1051"]
    assert texts(page.pickups, 3)[0] == "Overdue: 10 days"  # arrived 20 Nov 09:00
    assert page.tabs.tabText(0) == "Pickups (4, 1 overdue)"
    # ship-to-home: newest first; #1042 paid and shipped with its tracking; the dead one marked
    page.tabs.setCurrentIndex(1)
    ship = page.ship
    rows = ship.shown_rows()
    assert [r.local.completed_at.strftime("%H:%M") for r in rows] == ["16:20", "15:40"]
    sent = next(r for r in rows if r.local.display_id == 1042)
    dead = next(r for r in rows if r.local.display_id is None)
    assert (sent.local.amount, dead.local.amount) == (30800, 38850 + 4900)
    i_sent = rows.index(sent)
    assert texts(ship, 0)[i_sent] == f"L-K2-{sent.local.receipt_no:06d} (#1042)"
    assert texts(ship, 3)[i_sent] == "308,00"
    assert texts(ship, 4)[i_sent] == "Paid · Shipped · tracking PN123456789SE"
    assert texts(ship, 4)[rows.index(dead)] == "Not sent: set aside (Sync)"
    assert ship.marked_rows() == [dead]
    # returns: the day's T-shirt back at K2, received centrally
    page.tabs.setCurrentIndex(2)
    [ret] = page.returns.shown_rows()
    assert (ret.local.amount, ret.local.refunded, ret.local.kind) == (19900, 19900, "store_sale")
    assert texts(page.returns, 5) == ["Received"]
    # one batched question per kind, for exactly the ids the page shows
    central = orders_window.ctx.central()
    assert central.order_status.asked == [("orders", ("order_01SHIPTOHOME1042",)),
                                          ("returns", ("return_01K2RETURN",))]


def test_filters_by_status_text_and_dates_and_sorts(qtbot, orders_window):
    page = show_orders(qtbot, orders_window)
    status = page.status_choice
    status.setCurrentIndex(status.findData("overdue"))
    assert texts(page.pickups, 0) == ["#1051"]
    status.setCurrentIndex(status.findData("on_the_way"))
    assert texts(page.pickups, 0) == ["#1052"]
    status.setCurrentIndex(status.findData("all"))
    page.text.setText("eva")
    assert texts(page.pickups, 0) == ["#1053"]
    page.text.setText("#1054")
    assert texts(page.pickups, 0) == ["#1054"]
    page.text.clear()
    # sorting: the total column, both ways
    page.pickups.view.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    assert texts(page.pickups, 4) == ["59,90", "129,50", "199,00", "398,00"]
    page.pickups.view.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert texts(page.pickups, 4)[0] == "398,00"

    page.tabs.setCurrentIndex(1)
    status.setCurrentIndex(status.findData("local"))
    assert [r.local.display_id for r in page.ship.shown_rows()] == [None]
    status.setCurrentIndex(status.findData("shipped"))
    assert [r.local.display_id for r in page.ship.shown_rows()] == [1042]
    status.setCurrentIndex(status.findData("delivered"))
    assert page.ship.shown_rows() == []
    status.setCurrentIndex(status.findData("all"))
    page.text.setText("1042")
    assert [r.local.display_id for r in page.ship.shown_rows()] == [1042]
    page.text.clear()
    # a date range before the day: no local rows (and the page asks the store for none)
    from datetime import date
    from ui.backoffice.dashboard_page import to_qdate
    page.first.setDate(to_qdate(date(2026, 11, 1)))
    page.last.setDate(to_qdate(date(2026, 11, 29)))
    idle(qtbot, orders_window)
    assert page.ship.shown_rows() == []
    page.tabs.setCurrentIndex(0)
    # the overdue parcel stays whatever the dates; #1052..1054 were ordered on 2026-11-...
    assert "#1051" in texts(page.pickups, 0)


def test_enter_opens_the_detail_with_lines_payments_fulfilments_and_journal(qtbot,
                                                                              orders_window):
    page = show_orders(qtbot, orders_window)
    qtbot.keyClick(page, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentIndex() == 1
    page.ship.select_where(lambda r: r.local.display_id == 1042)
    page.ship.view.setFocus()
    qtbot.keyClick(page.ship.view, Qt.Key.Key_Return)
    idle(qtbot, orders_window)
    dialog = page.detail
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.loaded)
    text = dialog.body.toPlainText()
    assert "Ship-to-home order L-K2" in dialog.heading.text()
    for expected in ("Bok: Röda rummet", "POS-FRAKT", "308,00", "PN123456789SE",
                     "pp_system_default", "Storgatan 1", "Sale"):
        assert expected in text, expected
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_mark_arrived_and_send_the_notice_again_are_journaled_with_who(qtbot, orders_window,
                                                                       central, notices):
    page = show_orders(qtbot, orders_window)
    page.pickups.select_where(lambda r: r.order.number == "1052")  # on its way
    assert page.arrived_button.isEnabled() and not page.notice_button.isEnabled()
    qtbot.keyClick(page, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, orders_window)
    assert central.pickups.orders["order_00000000000000000000001052"].stage is PickupStage.READY
    assert notices.sent == [("1052", "Omnihandeln Göteborg")]
    assert "marked arrived" in page.message.text()
    page.pickups.select_where(lambda r: r.order.number == "1051")  # told 10 days ago
    assert page.notice_button.isEnabled() and not page.arrived_button.isEnabled()
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, orders_window)
    assert notices.sent[-1] == ("1051", "Omnihandeln Göteborg")
    uow = SqlUnitOfWork(orders_window.ctx.session_factory)
    with uow:
        entries = [e for e in uow.journal.entries("BACKOFFICE")
                   if e.kind in ("pickup_received", "pickup_notice_sent_again")]
    assert [(e.kind, e.payload["order_no"], e.payload["user"]) for e in entries] == [
        ("pickup_received", "1052", "maja"), ("pickup_notice_sent_again", "1051", "maja")]
    # the order's detail shows its lines and the journal entry naming it, with who
    page.pickups.select_where(lambda r: r.order.number == "1052")
    page.pickups.view.setFocus()
    qtbot.keyClick(page.pickups.view, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.loaded)
    text = page.detail.body.toPlainText()
    assert "T-shirt Bas blå M" in text and "398,00" in text
    assert "Parcel received" in text and "maja" in text


def test_offline_the_local_rows_stay_with_central_status_unknown(qtbot, orders_window, central):
    central.down = True
    page = show_orders(qtbot, orders_window)
    assert "offline" in page.central_label.text()
    page.tabs.setCurrentIndex(1)
    rows = page.ship.shown_rows()
    assert len(rows) == 2
    sent = rows.index(next(r for r in rows if r.local.display_id == 1042))
    assert texts(page.ship, 4)[sent] == "Central status unknown (offline)"
    assert texts(page.ship, 3)[sent] == "308,00"
    page.tabs.setCurrentIndex(2)
    assert texts(page.returns, 5) == ["Central status unknown (offline)"]
    page.tabs.setCurrentIndex(0)
    assert page.pickups.shown_rows() == []
    assert "offline" in page.message.text()
    assert not page.arrived_button.isEnabled()
    # back online: F5 asks again
    central.down = False
    qtbot.keyClick(orders_window.main, Qt.Key.Key_F5)
    idle(qtbot, orders_window)
    assert len(page.pickups.shown_rows()) == 4


def test_a_dead_message_opens_on_the_sync_page(qtbot, orders_window):
    from ui.backoffice.sync_page import SyncPage
    page = show_orders(qtbot, orders_window)
    page.tabs.setCurrentIndex(1)
    page.ship.select_where(lambda r: r.local.outbox.status == "dead")
    qtbot.keyClick(page, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, orders_window)
    sync = orders_window.current_page()
    assert isinstance(sync, SyncPage)
    qtbot.waitUntil(lambda: [r.status for r in sync.table.shown_rows()] == ["dead"])
    assert sync.table.shown_rows()[0].key.startswith("delivery:")
