"""The back office's Stock page (pytest-qt, offscreen): an article's stock fresh or marked not
fresh, a stock count scanned, typed, confirmed and posted with its differences sent, a transfer
scanned and received with its shortfall, a ship-to-store parcel received by its scan."""
from __future__ import annotations

import json
from dataclasses import replace
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import text

from pos.pickups import PickupStage
from pos.stock_transfers import Transfer, TransferLine
from tests.backoffice.conftest import idle, log_in
from tests.backoffice.day import BOK, KAFFE, TSHIRT
from tests.fakes.pickups import FakePickups, pickup_order
from tests.services.conftest import ARTICLES
from tests.stock.test_stock_outbox import CentralStock
from ui.backoffice.stock_page import StockPage


class Directory:
    def __init__(self, stocked: dict[str, int], down: bool = False):
        self.stocked, self.down = stocked, down

    def stock_of(self, sku):
        from pos.ports import CommerceUnavailable
        from pos.stock import StockLevel
        if self.down:
            raise CommerceUnavailable("connection refused")
        return [StockLevel(sku, "store-gbg", "Butik Göteborg", self.stocked.get(sku, 0), 2),
                StockLevel(sku, "store-sthlm", "Butik Stockholm", 7, 0),
                StockLevel(sku, "web-warehouse", "Webblager", 40, 5)]


class Transfers:
    def __init__(self, *transfers: Transfer):
        self.transfers = {t.id: t for t in transfers}
        self.received: list[tuple[str, dict[str, int], str, str]] = []

    def incoming(self, location_key, include_received=False):
        return [t for t in self.transfers.values()
                if t.to_location == location_key and (include_received or not t.received)]

    def receive(self, transfer_id, received, key, by):
        self.received.append((transfer_id, dict(received), key, by))
        t = self.transfers[transfer_id]
        done = replace(t, status="received", lines=tuple(
            replace(ln, received=received.get(ln.sku, 0)) for ln in t.lines))
        self.transfers[transfer_id] = done
        return done


@pytest.fixture
def central():
    return SimpleNamespace(
        stock=Directory({"TSH-1": 12, "KAF-1": 30, "BOK-1": 4}),
        stock_adjustments=CentralStock({"TSH-1": 12, "KAF-1": 30, "BOK-1": 4}), orders=None,
        stock_transfers=Transfers(Transfer(
            "postr_1", "TR-1001", "store-sthlm", "store-gbg", "sent", "2026-11-29T15:00:00Z",
            (TransferLine("KAF-1", 2), TransferLine("TSH-1", 3)))),
        pickups=FakePickups(pickup_order(1050, [(ARTICLES[0], 1)], stage=PickupStage.ON_THE_WAY),
                            pickup_order(1051, [(ARTICLES[1], 1)])))


@pytest.fixture
def page(qtbot, bo_window, central):
    w = bo_window
    w.ctx.central = lambda: central
    log_in(qtbot, w)
    page = w.page(StockPage)
    w.show_page(w.page_list.index(page))
    idle(qtbot, w)
    return page


def enter(qtbot, field, code):
    field.setText(code)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_the_stock_page_is_the_eighth_page(bo_window):  # Ctrl+8
    assert isinstance(bo_window.page_list[7], StockPage)


def test_an_articles_stock_fresh_then_marked_not_fresh(qtbot, page, central):
    panel = page.lookup
    enter(qtbot, panel.code, TSHIRT)
    idle(qtbot, page.window())
    rows = panel.table.shown_rows()
    assert [(lv.location_id, lv.available, lv.stocked, lv.reserved) for lv in rows] == [
        ("store-gbg", 10, 12, 2), ("store-sthlm", 7, 7, 0), ("web-warehouse", 35, 40, 5)]
    assert panel.status.text().startswith("Fresh from the central store at")
    assert panel.table.view.model().index(0, 0).data() == "Butik Göteborg (this store)"
    central.stock.down = True
    enter(qtbot, panel.code, "KAF-1")
    idle(qtbot, page.window())
    assert panel.status.text().startswith("NOT FRESH") and panel.status.property("level") == "error"
    central.stock.down = False
    enter(qtbot, panel.code, "kaffe")  # one name matches: its stock at once
    idle(qtbot, page.window())
    assert panel.report.sku == "KAF-1" and panel.matches.isHidden()
    enter(qtbot, panel.code, "b")  # several: the manager chooses
    idle(qtbot, page.window())
    assert panel.matches.count() >= 2 and not panel.matches.isHidden()
    i = panel.matches.findData("BOK-1")
    panel.matches.setCurrentIndex(i)
    panel.matches.activated.emit(i)
    idle(qtbot, page.window())
    assert panel.report.sku == "BOK-1"
    enter(qtbot, panel.code, "0000000000000")
    idle(qtbot, page.window())
    assert "No article has the code 0000000000000" in panel.status.text()


def test_a_count_scanned_typed_confirmed_and_posted(qtbot, page, central, day_db):
    sf, _ = day_db
    w = page.window()
    page.show_tab(1)
    idle(qtbot, w)
    panel = page.counting
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    idle(qtbot, w)
    assert panel.count is not None and panel.code.hasFocus() or panel.count is not None
    for code in (TSHIRT, TSHIRT, KAFFE, TSHIRT):
        enter(qtbot, panel.code, code)
        idle(qtbot, w)
    assert [(ln.sku, ln.expected, ln.counted) for ln in panel.count.lines] == [
        ("TSH-1", 12, 3), ("KAF-1", 30, 1)]
    panel.table.select_where(lambda ln: ln.sku == "KAF-1")
    panel.counted.setValue(14)
    qtbot.mouseClick(panel.set_button, Qt.MouseButton.LeftButton)
    idle(qtbot, w)
    enter(qtbot, panel.code, BOK)
    idle(qtbot, w)
    line = panel.count.line("v-kaffe")
    assert (line.counted, line.difference, line.difference_value) == (14, -16, -95840)
    # -9 x 199,00 - 16 x 59,90 - 3 x 129,50
    assert panel.totals.text().replace("\u00a0", " ").endswith("difference -3 137,90 kr")
    asked = []
    panel.confirm_big = lambda big: asked.append([ln.sku for ln in big]) or False
    panel.post()
    idle(qtbot, w)
    assert asked == [["TSH-1", "KAF-1"]] and panel.count is not None  # refused: still open
    panel.confirm_big = lambda big: True
    panel.post()
    idle(qtbot, w)
    qtbot.waitUntil(lambda: not panel.sending)
    assert panel.count is None and "3 difference(s) sent" in panel.status.text()
    # the central store got each difference once, on top of its own figures
    assert central.stock_adjustments.stocked == {"TSH-1": 3, "KAF-1": 14, "BOK-1": 1}
    with sf() as s:
        (payload,) = s.execute(text("SELECT payload_json FROM journal WHERE kind = "
                                    "'stock_count_posted'")).one()
    assert json.loads(payload)["user"] == "maja" and json.loads(payload)["confirmed"] is True


def test_a_count_in_progress_is_opened_again(qtbot, page, bo_window):
    w = bo_window
    page.show_tab(1)
    idle(qtbot, w)
    qtbot.mouseClick(page.counting.start_button, Qt.MouseButton.LeftButton)
    idle(qtbot, w)
    enter(qtbot, page.counting.code, TSHIRT)
    idle(qtbot, w)
    page.counting.show_count(None)  # as a new window would start
    page.activate()
    idle(qtbot, w)
    assert [ln.counted for ln in page.counting.count.lines] == [1]


def test_a_transfer_scanned_and_received_with_its_shortfall(qtbot, page, central, day_db):
    sf, _ = day_db
    w = page.window()
    page.show_tab(2)
    idle(qtbot, w)
    panel = page.receiving
    assert [t.number for t in panel.transfer_table.shown_rows()] == ["TR-1001"]
    assert [o.display_id for o in panel.parcel_table.shown_rows()] == [1050]
    assert panel.parcel_table.view.model().index(0, 2).data() == "On the way"  # as Orders says
    enter(qtbot, panel.code, "tr-1001")
    for code in (TSHIRT, TSHIRT, TSHIRT, TSHIRT):
        enter(qtbot, panel.code, code)
    assert "all 3 sent are counted already" in panel.status.text()
    enter(qtbot, panel.code, KAFFE)
    assert [panel._came(ln) for ln in panel.line_table.shown_rows()] == [1, 3]
    asked = []
    panel.confirm_short = lambda t, short: asked.append(short) or True
    qtbot.mouseClick(panel.receive_button, Qt.MouseButton.LeftButton)
    idle(qtbot, w)
    assert asked == [1]
    ((tid, got, key, by),) = central.stock_transfers.received
    assert (tid, got, key, by) == ("postr_1", {"KAF-1": 1, "TSH-1": 3},
                                   "transfer-receipt:postr_1", "maja")
    assert "4 unit(s) added" in panel.status.text() and "1 short" in panel.status.text()
    assert panel.transfer_table.shown_rows() == []
    with sf() as s:
        (payload,) = s.execute(text("SELECT payload_json FROM journal WHERE kind = "
                                    "'transfer_received'")).one()
    assert json.loads(payload)["shortfall"] == 1


def test_a_parcel_received_by_its_scan(qtbot, page, central):
    w = page.window()
    page.show_tab(2)
    idle(qtbot, w)
    enter(qtbot, page.receiving.code, "1050")
    idle(qtbot, w)
    assert ("arrived", "order_" + "0" * 22 + "1050") in central.pickups.calls
    assert "Order #1050 arrived" in page.receiving.status.text() \
        or "1050 arrived" in page.receiving.status.text()


def test_lines_counted_without_the_central_store_are_confirmed_as_absolute_counts(
        qtbot, page, central):
    w = page.window()
    page.show_tab(1)
    idle(qtbot, w)
    panel = page.counting
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    idle(qtbot, w)
    central.stock.down = True  # offline: the synced figure is expected, marked not fresh
    enter(qtbot, panel.code, BOK)
    idle(qtbot, w)
    (line,) = panel.count.lines
    assert not line.expected_fresh
    asked = []
    panel.confirm_big = lambda big: True
    panel.confirm_absolute = lambda stale: asked.append([ln.sku for ln in stale]) or False
    panel.post()
    idle(qtbot, w)
    assert asked == [["BOK-1"]] and panel.count is not None  # refused: still open
    panel.confirm_absolute = lambda stale: True
    panel.post()
    idle(qtbot, w)
    qtbot.waitUntil(lambda: not panel.sending)
    assert panel.count is None
    assert central.stock_adjustments.stocked["BOK-1"] == 1  # set to the counted figure


def synced_here(sf, levels: dict[str, int]) -> None:
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.stock import StockLevel
    uow = SqlUnitOfWork(sf)
    with uow:
        uow.catalog.set_stock([StockLevel(vid, "store-gbg", "Butik Göteborg", n)
                               for vid, n in levels.items()])
        uow.commit()


def test_a_whole_store_count_shows_what_is_set_to_zero_before_posting(qtbot, page, central,
                                                                       day_db):
    sf, _ = day_db
    synced_here(sf, {"v-tshirt": 12, "v-kaffe": 30, "v-bok": 4})
    w = page.window()
    page.show_tab(1)
    idle(qtbot, w)
    panel = page.counting
    panel.scope_choice.setCurrentIndex(panel.scope_choice.findData("store"))
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    idle(qtbot, w)
    assert panel.count.scope.zeroes_uncounted
    assert "the whole store (what is not counted is set to 0)" in panel.title.text()
    assert panel.scope_note.isVisibleTo(panel)
    enter(qtbot, panel.code, TSHIRT)
    idle(qtbot, w)
    shown = []
    panel.confirm_big = lambda big: True
    panel.confirm_uncounted = lambda lines: shown.append(
        [(ln.sku, ln.expected) for ln in lines]) or False
    panel.post()
    idle(qtbot, w)
    assert shown == [[("BOK-1", 4), ("KAF-1", 30)]]  # by name: Bok, Kaffe
    assert panel.count is not None and "Not posted" in panel.status.text()
    panel.confirm_uncounted = lambda lines: True
    panel.post()
    idle(qtbot, w)
    qtbot.waitUntil(lambda: not panel.sending)
    assert panel.count is None
    assert central.stock_adjustments.stocked == {"TSH-1": 1, "KAF-1": 0, "BOK-1": 0}
    with sf() as s:
        (payload,) = s.execute(text("SELECT payload_json FROM journal WHERE kind = "
                                    "'stock_count_posted'")).one()
    posted = json.loads(payload)
    assert posted["user"] == "maja" and posted["uncounted_set_to_zero"] == [
        {"sku": "BOK-1", "expected": 4}, {"sku": "KAF-1", "expected": 30}]


def test_the_uncounted_dialog_lists_each_article_and_its_units(qtbot):
    from pos.stock_count import CountLine
    from ui.backoffice.uncounted_dialog import UncountedDialog
    lines = [CountLine("v-bok", "BOK-1", "", "Bok: Röda rummet", 4, 0, 12950),
             CountLine("v-kaffe", "KAF-1", "", "Kaffe Mörkrost 450 g", 30, 0, 5990)]
    d = UncountedDialog(lines)
    qtbot.addWidget(d)
    # (the English plural when a test before installed the English translation)
    assert d.findChild(QLabel, "uncountedHeading").text() in (
        "2 articles not counted will be set to 0", "2 article(s) not counted will be set to 0")
    model = d.table.view.model()
    assert [[model.index(r, c).data() for c in range(5)] for r in range(2)] == [
        ["Bok: Röda rummet", "BOK-1", "4", "0", "518,00"],
        ["Kaffe Mörkrost 450 g", "KAF-1", "30", "0", "1 797,00"]]
    assert d.enter_button is None  # Enter confirms nothing
    qtbot.keyClick(d, Qt.Key.Key_Escape)
    assert d.result() == UncountedDialog.DialogCode.Rejected


def test_a_transfer_received_while_the_central_store_is_down_waits_to_be_sent(
        qtbot, page, central, day_db):
    sf, _ = day_db
    w = page.window()
    page.show_tab(2)
    idle(qtbot, w)
    panel = page.receiving
    transfers = central.stock_transfers
    real_receive = transfers.receive

    def down(*_a, **_k):
        from pos.ports import CommerceUnavailable
        raise CommerceUnavailable("connection refused")
    transfers.receive = down
    enter(qtbot, panel.code, "TR-1001")
    qtbot.mouseClick(panel.all_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.receive_button, Qt.MouseButton.LeftButton)
    idle(qtbot, w)
    qtbot.waitUntil(lambda: "did not take it now" in panel.status.text())
    model = panel.transfer_table.view.model()
    assert model.index(0, 1).data() == "Received, waiting to be sent"
    assert not panel.receive_button.isEnabled() and not panel.all_button.isEnabled()
    assert "waits to be sent" in panel.receipt_note.text() and panel.receipt_note.isVisibleTo(w)
    assert [panel._came(ln) for ln in panel.line_table.shown_rows()] == [2, 3]  # what came
    with sf() as s:
        (payload,) = s.execute(text("SELECT payload_json FROM journal WHERE kind = "
                                    "'transfer_received'")).one()
        assert s.execute(text("SELECT status FROM outbox WHERE kind = 'transfer_receipt'")
                         ).scalars().all() == ["failed"]
    assert json.loads(payload)["user"] == "maja"
    # the list cannot be read either: the receipt waiting here is still shown
    transfers.incoming = down
    panel.transfers = []
    panel.load()
    idle(qtbot, w)
    qtbot.waitUntil(lambda: panel.transfer_table.shown_rows() != [])
    assert [t.number for t in panel.transfer_table.shown_rows()] == ["TR-1001"]
    assert model.index(0, 1).data() == "Received, waiting to be sent"
    transfers.receive = real_receive  # it answers again: the outbox sends it
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.sync.outbox import OutboxWorker
    from pos.sync.stock_events import stock_handlers
    from datetime import datetime, timedelta
    OutboxWorker(SqlUnitOfWork(sf), None, handlers=stock_handlers(central),
                 kinds=("transfer_receipt",),
                 clock=lambda: datetime.utcnow() + timedelta(hours=1)).run_once()
    assert [r[0] for r in transfers.received] == ["postr_1"]
    del transfers.incoming
    panel.load()
    idle(qtbot, w)
    qtbot.waitUntil(lambda: panel.transfer_table.shown_rows() == [])
