"""Every page and dialog of the till on the screens tills have, checked and photographed.

    QT_QPA_PLATFORM=offscreen:configfile=SCREENS.json \
        python -m tests.ui.screen_fit [--language sv] [--shots DIR]

Run in a process of its own on Qt's offscreen platform with one virtual screen per size (see
``screens_config``): for each screen a till on a fresh demo database is shown there as
``ui.till.app`` shows it, and a cashier's whole day is walked through (login, open shift, sale,
search, quantity, discounts with a manager's approval, price, codes, customer, pickups, void, help,
shift menu, cash in, no sale, X report, payment by card, Swish and cash, the change, the preview
printer's receipt, park and resume, close shift, Z report). Each page and dialog is checked:

* the window (and each dialog) lies on its screen;
* every button, key and field is shown whole (inside its window and every parent), at least
  ``MIN_TOUCH`` px high, its text not cut;
* every list row and table row is at least ``MIN_TOUCH`` px high;
* no label's text is cut: a one-line label's size hint fits its size, a wrapped label's height
  for its width fits its height (an ``ElidedLabel`` elides by design and is left alone).

Prints one JSON object: ``{"screens": {name: [problem, ...]}, "shots": [path, ...]}``.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

MIN_TOUCH = 44
SIZES = ((1024, 768), (1366, 768), (1920, 1080))


def screens_config(sizes=SIZES) -> dict[str, Any]:
    """The offscreen platform's configuration: the screens side by side, named WxH."""
    screens, x = [], 0
    for w, h in sizes:
        screens.append({"name": f"{w}x{h}", "x": x, "y": 0, "width": w, "height": h,
                        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1})
        x += w
    return {"screens": screens}


# --- the checks ------------------------------------------------------------------------------------


def _in_top(widget, top):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, QRect
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def _shown_rect(widget, top):  # type: ignore[no-untyped-def]
    """What of ``widget`` its window and every parent leave visible (``top``'s coordinates)."""
    rect = _in_top(widget, top)
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        rect = rect.intersected(_in_top(parent, top))
        parent = parent.parentWidget()
    return rect.intersected(top.rect())


def _name(widget) -> str:  # type: ignore[no-untyped-def]
    """The widget's class, object name and the start of its text, for a problem's report."""
    text = getattr(widget, "text", None)
    text = str(text()).replace("\n", " ")[:40] if callable(text) else ""
    return f"{type(widget).__name__}#{widget.objectName() or '-'}" + (f" '{text}'" if text else "")


def check(top, screen, where: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The problems of the window ``top`` (a page's window or a dialog) on ``screen``."""
    from PySide6.QtWidgets import (QAbstractButton, QComboBox, QLabel, QLineEdit, QListWidget,
                                   QTableView, QWidget)

    from ui.widgets.elided_label import ElidedLabel

    problems: list[str] = []
    area = screen.availableGeometry()
    frame = top.frameGeometry()
    if not area.contains(frame):
        problems.append(f"{where}: {_name(top)} at {_rect(frame)} is not inside the screen "
                        f"{_rect(area)}")
    for w in top.findChildren(QWidget):
        if not w.isVisible() or w.window() is not top:
            continue
        full = _in_top(w, top)
        shown = _shown_rect(w, top)
        touch = isinstance(w, (QAbstractButton, QLineEdit, QComboBox)) \
            and not isinstance(w.parentWidget(), QComboBox)  # the combo box is the target
        if touch:
            if shown != full:
                problems.append(f"{where}: {_name(w)} is cut off: {_rect(shown)} of "
                                f"{_rect(full)} shown")
            if w.height() < MIN_TOUCH:
                problems.append(f"{where}: {_name(w)} is {w.height()} px high "
                                f"(< {MIN_TOUCH})")
        if isinstance(w, QAbstractButton) and w.text():
            fm = w.fontMetrics()
            lines = w.text().replace("&&", "&").split("\n")
            wide = max(fm.horizontalAdvance(line) for line in lines)
            if wide + 8 > w.width() or fm.height() * len(lines) > w.height():
                problems.append(f"{where}: {_name(w)}: its text ({wide} px) does not fit "
                                f"{w.width()}x{w.height()}")
        if isinstance(w, QLabel) and not isinstance(w, ElidedLabel) and w.text() \
                and w.pixmap().isNull():
            if shown != full and shown.height() < full.height() - 2:
                problems.append(f"{where}: {_name(w)} is cut off: {_rect(shown)} of "
                                f"{_rect(full)} shown")
            if w.wordWrap():
                need = w.heightForWidth(w.width())
                if need > w.height() + 1:
                    problems.append(f"{where}: {_name(w)} needs {need} px of height, has "
                                    f"{w.height()}")
            else:
                hint = w.sizeHint()
                if hint.width() > w.width() + 1 or hint.height() > w.height() + 1:
                    problems.append(f"{where}: {_name(w)} needs {hint.width()}x{hint.height()}, "
                                    f"has {w.width()}x{w.height()}")
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                r = w.visualItemRect(w.item(i))
                if r.isValid() and w.viewport().rect().intersects(r) and r.height() < MIN_TOUCH:
                    problems.append(f"{where}: {_name(w)} row {i} is {r.height()} px high")
        elif isinstance(w, QTableView):
            for row in range(w.model().rowCount() if w.model() else 0):
                if w.rowHeight(row) < MIN_TOUCH:
                    problems.append(f"{where}: {_name(w)} row {row} is {w.rowHeight(row)} px "
                                    "high")
    return problems


def _rect(r) -> str:  # type: ignore[no-untyped-def]
    return f"{r.x()},{r.y()} {r.width()}x{r.height()}"


# --- the walk --------------------------------------------------------------------------------------


class Walk:
    def __init__(self, app, screen_name: str, language: str, shots: Path | None) -> None:  # type: ignore[no-untyped-def]
        self.app, self.screen_name, self.language, self.shots = app, screen_name, language, shots
        self.problems: list[str] = []
        self.saved: list[str] = []
        self.window: Any = None

    @property
    def screen(self):  # type: ignore[no-untyped-def]
        """The screen (looked up each time: a wrapper kept across Qt calls can go stale)."""
        return next(s for s in self.app.screens() if s.name() == self.screen_name)

    # pumping
    def pump(self, ms: int = 40) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.003)

    def wait(self, cond: Callable[[], Any], what: str, timeout: float = 20) -> None:
        end = time.monotonic() + timeout
        while not cond():
            if time.monotonic() > end:
                raise RuntimeError(f"timed out waiting for {what}")
            self.pump(15)

    def idle(self) -> None:
        self.wait(self.window.lanes.idle, "the lanes")
        self.pump(60)

    # looking
    def look(self, top, where: str) -> None:  # type: ignore[no-untyped-def]
        self.pump(60)
        self.problems += check(top, self.screen, where)
        if self.shots is not None:
            self.photo(where)

    def photo(self, where: str) -> None:
        """The whole screen as the cashier sees it: every visible window of the app, painted
        where it is, in the order it was shown (dialogs over the till)."""
        from PySide6.QtGui import QColor, QPainter, QPixmap
        from PySide6.QtWidgets import QApplication

        area = self.screen.geometry()
        shot = QPixmap(area.size())
        shot.fill(QColor("#202020"))
        painter = QPainter(shot)
        tops = [w for w in QApplication.topLevelWidgets() if w.isVisible()
                and w.screen().name() == self.screen_name and w.objectName() != "customerDisplay"]
        order = self._stacking(tops)
        for w in order:
            painter.drawPixmap(w.geometry().topLeft() - area.topLeft(), w.grab())
        painter.end()
        assert self.shots is not None
        path = self.shots / f"{self.screen.name()}_{len(self.saved) + 1:02d}_{where}.png"
        shot.save(str(path))
        self.saved.append(str(path))

    def _stacking(self, tops):  # type: ignore[no-untyped-def]
        """Bottom first: the till's window, then the others in the order they were last shown
        or raised."""
        others = [w for w in tops if w is not self.window]
        others.sort(key=lambda w: w.property("shownAt") or 0)
        return [w for w in tops if w is self.window] + others

    def dialog(self) -> Any:
        d = self.window.sale_page.dialog
        self.wait(lambda: d is not None and d.isVisible(), "a dialog")
        return d

    def close(self, d, accept: bool = False) -> None:  # type: ignore[no-untyped-def]
        (d.accept if accept else d.reject)()
        self.pump()
        self.idle()

    # the day
    def run(self) -> None:
        data = Path(tempfile.mkdtemp(prefix=f"omnipos-fit-{self.screen.name()}-"))
        os.environ["POS_DATA_DIR"] = str(data)
        self.config = data / "pos.toml"
        self.config.write_text('[devices]\nprinter = "preview"\n'
                               'terminal = "simulator?delay=0.4"\n'
                               f'[register]\nid = "K1"\nlanguage = "{self.language}"\n'
                               f'[medusa]\nstate = "{data / "no-central-store.json"}"\n'
                               '[swish]\nurl = "simulator"\nsimulator_pay_delay = 1.5\n',
                               encoding="utf-8")
        till, ctx = self.open_till()
        try:
            self.day(till)
            self.idle()
            self.crash(till)
        finally:
            self.close_till(ctx)
        till, ctx = self.open_till()  # the restart
        try:
            self.restart()
        finally:
            self.close_till(ctx)

    def open_till(self):  # type: ignore[no-untyped-def]
        """A till on the walk's database, shown on its screen as ``run_till`` shows it."""
        from main import build_till
        from pos.config import load_config
        from ui.till import app as till_app
        from ui.widgets import style

        till, ctx = build_till(load_config(self.config), with_customers=True)
        if hasattr(till_app, "size_for_screen"):
            till_app.size_for_screen(self.app, till, self.screen)
        else:  # before the till scaled to its screen
            style.apply_style(self.app)
        window = self.window = till_app.build_window(till, customer_display=False)
        if hasattr(till_app, "show_till"):
            till_app.show_till(window, self.screen)
        else:  # as run_till showed it before
            window.move(self.screen.geometry().topLeft())
            window.resize(1280, 800)
            window.show()
        return till, ctx

    def close_till(self, ctx) -> None:  # type: ignore[no-untyped-def]
        self.idle()
        self.window.close()
        self.pump()
        ctx.engine.dispose()

    def crash(self, till) -> None:  # type: ignore[no-untyped-def]
        """The till stops between a sale's completion and its receipt, with the next sale
        begun (the sale is stored and the sale in progress is saved at every change)."""
        till.login("kim", "1234")
        till.open_shift(150000)
        book = [v for v in till.search("bok", 50) if v.ean][0]
        till.scan(book.ean)
        till.start_payment()
        till.pay_cash(100000)
        till.scan(book.ean)
        till.scan(book.ean)

    def restart(self) -> None:
        w = self.window
        login, sale = w.login_page, w.sale_page
        self.wait(lambda: bool(login.staff), "the staff tiles")
        self.idle()
        self.look(w, "restart_login")
        login.submit("1234")
        self.wait(lambda: w.pages.currentWidget() is sale, "the sale page")
        self.idle()
        self.look(w, "restart_sale")

    def customer_record(self, till, anna) -> None:  # type: ignore[no-untyped-def]
        """A new customer with a look-alike offered, and a customer's history (the central
        store's records in memory: the walk has no central store)."""
        from datetime import datetime, timedelta, timezone

        from pos.customer_history import Channel, HistoryEntry, HistoryLine
        from pos.customers import CustomerDetails, EmailOffers, PostalAddress
        from tests.fakes.customer_records import FakeHistory, FakeRecords

        records = FakeRecords()
        records.add(CustomerDetails(anna, PostalAddress("Storgatan 1", "412 63", "Göteborg"),
                                    email_offers=EmailOffers(True, "2026-11-02T14:05:00+01:00",
                                                             "till K1")), ("412 63",))
        now = datetime(2026, 11, 30, 11, 0, tzinfo=timezone.utc)
        rows = [HistoryEntry(
            f"order_{n}", 1040 + n, Channel.STORE if n % 2 else Channel.WEB,
            now - timedelta(days=3 * n), 12345 + 1000 * n, "SEK",
            "awaiting" if n == 2 else "captured",
            (HistoryLine("Kaffe Mellanrost 500 g", 2, 9980, 0),
             HistoryLine("Bomullströja, blå, stl. M", 1, 2365 + 1000 * n, 1 if n == 3 else 0)),
            receipt_code=f"R-K1-{n:06d}" if n % 2 else "",
            location="store-gbg" if n % 2 else "web") for n in range(1, 15)]
        till.customer_records, till.order_history = records, FakeHistory({anna.id: rows})
        sale = self.window.sale_page
        sale.customers.new_customer("Ana Svensson")
        form = self.dialog()
        form.last.setText("Svenson")
        form.first.setText("Anna")
        form.phone.setText("070-765 43 21")
        form.street.setText("Storgatan 1")
        form.postcode.setText("41263")
        form.city.setText("Göteborg")
        self.look(form, "customer_new")
        form.save()
        self.wait(lambda: form.dup_box.isVisible(), "the look-alikes")
        self.idle()
        self.look(form, "customer_duplicates")
        self.close(form)
        sale.customers.edit_customer(anna)
        self.wait(lambda: sale.dialog is not None and sale.dialog.objectName()
                  == "customerFormDialog" and sale.dialog.isVisible(), "the customer's details")
        edit = self.dialog()
        self.idle()
        self.look(edit, "customer_edit")
        self.close(edit)
        history = sale.customers.history(anna)
        self.wait(lambda: history.table.rowCount() == 10, "the customer's history")
        self.idle()
        self.look(history, "customer_history")
        self.close(history)

    def pickups(self, till, coffee, book, shirt, longest) -> None:  # type: ignore[no-untyped-def]
        """Web orders for pickup (Shift+F8), from a central store of the test's own."""
        from pos.pickups import PickupStage
        from tests.fakes.pickups import FakePickups, pickup_order
        before = till.pickups
        till.pickups = FakePickups(
            pickup_order(1042, [(shirt, 2), (book, 1)], off=3333,
                         name="Karl-Johan Wästerbergsson-Lindqvist"),
            pickup_order(1043, [(coffee, 1)], paid=True, source="store-gbg"),
            pickup_order(1044, [(longest, 3)], stage=PickupStage.ON_THE_WAY),
            pickup_order(1039, [(coffee, 2)], paid=True, stage=PickupStage.COLLECTED))
        self.window.sale_page.pickups.open_list()
        orders = self.dialog()
        self.wait(lambda: orders.table.rowCount() == 4, "the pickup orders")
        self.idle()
        orders.table.selectRow(1)
        self.look(orders, "pickups")
        self.close(orders)
        till.pickups = before

    def day(self, till) -> None:  # type: ignore[no-untyped-def]
        w = self.window
        login, sale = w.login_page, w.sale_page
        self.wait(lambda: bool(login.staff), "the staff tiles")
        login.select("kim")
        login.pad.display.setText("12")
        self.look(w, "login")
        login.pad.clear()
        login.submit("1234")
        self.wait(lambda: sale.dialog is not None and sale.dialog.objectName() == "openShiftDialog",
                  "the open-shift dialog")
        d = self.dialog()
        d.field.setText("1500")
        self.look(d, "open_shift")
        self.close(d, accept=True)
        self.wait(lambda: sale.shift is not None, "the shift")

        coffee = [v for v in till.search("kaffe", 50) if v.ean]
        books = [v for v in till.search("bok", 50) if v.ean and v.vat_rate.value == "6"]
        shirts = [v for v in till.search("t-shirt", 50) if v.ean and v.vat_rate.value == "25"]
        longest = max(till.search("a", 200), key=lambda v: len(v.name))
        for v in (coffee[0], books[0], shirts[0], coffee[0]):
            sale.scanned(v.ean)
        sale.scanned(longest.ean or longest.sku)
        self.idle()
        sale.customers.customer()
        who = self.dialog()
        who.field.setText("070-123 45 67")
        who.search()
        self.wait(lambda: who.results.count() > 0, "the customer search")
        self.idle()
        self.look(who, "customer")
        anna = who.found[0]
        who.choose()
        self.idle()
        self.customer_record(till, anna)
        sale.codes.promo_code()
        codes = self.dialog()
        codes.field.setText("host10")
        codes.submit()
        self.wait(lambda: "HOST10" in codes.codes.item(0).text(), "the code")
        self.idle()
        self.look(codes, "codes")
        self.close(codes)
        self.pickups(till, coffee[0], books[0], shirts[0], longest)
        sale.table.selectRow(1)
        self.look(w, "sale")

        sale.search_input.setText("kaf")
        self.wait(lambda: sale.search_results.isVisible() and sale.search_results.count() > 0,
                  "search results")
        self.idle()
        self.look(w, "sale_search")
        sale.search_input.clear()
        sale.search_results.hide()
        self.pump(200)

        sale.change_quantity()
        d = self.dialog()
        self.look(d, "quantity")
        self.close(d)
        sale.price_override()
        d = self.dialog()
        self.look(d, "price")
        self.close(d)
        sale.cart_discount()
        d = self.dialog()
        self.look(d, "sale_discount")
        self.close(d)
        sale.line_discount()
        d = self.dialog()
        d.field.setText("50")
        self.look(d, "line_discount")
        d.accept()
        self.wait(lambda: sale.property("approvalDialog") is not None
                  and sale.property("approvalDialog").isVisible(), "the approval dialog")
        approval = sale.property("approvalDialog")
        approval.pad.display.setText("12")
        self.look(approval, "approval")
        approval.pad.submitted.emit("9999")
        self.idle()

        sale.lines.void_sale()
        d = self.dialog()
        self.look(d, "void_confirm")
        self.close(d)
        sale.show_help()
        d = self.dialog()
        self.look(d, "help")
        self.close(d)

        sale.shift_menu()
        self.idle()
        d = self.dialog()
        self.look(d, "shift_menu")
        self.close(d)
        sale.cash_movement(True)
        d = self.dialog()
        self.look(d, "cash_in")
        self.close(d)
        sale.x_report()
        self.idle()
        d = self.dialog()
        self.look(d, "x_report")
        self.close(d, accept=True)

        sale.pay()
        self.wait(lambda: sale.payment_dialog is not None and sale.payment_dialog.isVisible(),
                  "the payment dialog")
        pay = sale.payment_dialog
        self.look(pay, "payment")
        pay.amount.setText("100")
        pay.pay_card()
        self.pump(100)
        self.look(pay, "payment_card")
        self.wait(lambda: pay.tender_count == 1, "the card payment")
        self.idle()
        pay.amount.setText("50")  # Swish: how the customer pays, then the QR code to scan
        pay.choose_mobile()
        self.look(pay, "payment_swish")
        pay.mobile.phone.setText("070-123 45 67")
        self.look(pay, "payment_swish_phone")
        pay.pay_mobile("")
        self.wait(lambda: not pay.mobile.qr.pixmap().isNull(), "the Swish QR code")
        self.look(pay, "payment_swish_qr")
        self.wait(lambda: pay.tender_count == 2, "the Swish payment")
        self.idle()
        pay.amount.setText("2000")
        pay.pay_cash()
        self.wait(lambda: pay.sale is not None, "the completed sale")
        self.idle()
        self.look(pay, "payment_change")
        preview = getattr(w, "preview_window", None)
        if preview is not None and preview.isVisible() and preview.isWindow():
            self.look(preview, "receipt_preview")
        self.close(pay, accept=True)
        self.look(w, "after_sale")
        sale.no_sale()  # between sales: during one it is refused before anything is asked
        d = self.dialog()
        self.look(d, "no_sale")
        self.close(d)

        sale.scanned(books[0].ean)
        self.idle()
        sale.park()
        self.idle()
        sale.resume()
        self.idle()
        d = self.dialog()
        self.look(d, "parked")
        self.close(d)

        sale.close_shift()  # the parked sales are looked up first: the count opens after
        self.wait(lambda: sale.dialog is not None and sale.dialog.objectName() == "cashCountDialog"
                  and sale.dialog.isVisible(), "the cash count")
        d = self.dialog()
        for kronor, n in ((1000, 1), (500, 1), (200, 1), (20, 2)):  # 1 740 kr
            d.fields[kronor * 100].setText(str(n))
        self.look(d, "close_shift")
        d.accept()
        self.idle()
        approval = sale.property("approvalDialog")
        if approval is not None and approval.isVisible():  # the count is off by over the limit
            self.look(approval, "close_shift_variance")
            approval.pad.submitted.emit("9999")
            self.idle()
        self.wait(lambda: sale.dialog is not None and sale.dialog.objectName() != "cashCountDialog"
                  and sale.dialog.isVisible(), "the Z report")
        d = self.dialog()
        self.look(d, "z_report")
        self.close(d, accept=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="sv", choices=["sv", "en"])
    parser.add_argument("--shots", default=None, help="save a screenshot of each step here")
    opts = parser.parse_args(argv)
    shots = Path(opts.shots) if opts.shots else None
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    from ui.till.app import make_app

    app = make_app(["screen_fit"], opts.language)

    class ShownAt(QObject):
        """Notes when each window was shown or raised (the screenshots stack them so)."""
        n = 0

        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]  # noqa: N802
            if event.type() in (QEvent.Type.Show, QEvent.Type.ZOrderChange) \
                    and isinstance(obj, QWidget) and obj.isWindow():
                ShownAt.n += 1
                obj.setProperty("shownAt", ShownAt.n)
            return False

    stamp = ShownAt()
    app.installEventFilter(stamp)
    result: dict[str, Any] = {"screens": {}, "shots": []}
    for name in [s.name() for s in app.screens()]:
        walk = Walk(app, name, opts.language, shots)
        try:
            walk.run()
        except Exception as e:  # noqa: BLE001 - reported with what was found so far
            walk.problems.append(f"the walk stopped: {type(e).__name__}: {e}")
            traceback.print_exc()
        result["screens"][name] = walk.problems
        result["shots"] += walk.saved
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
