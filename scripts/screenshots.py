"""Screenshots of every till screen, on a temporary database with the demo store's data.

    python scripts/screenshots.py [--language sv|en] [--out screenshots]

Drives the real window the way a cashier would (scans, a refused code, a manager approval,
split tender, X and Z reports) and saves each screen with ``widget.grab()``. Runs offscreen.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--language", default="sv", choices=["sv", "en"])
    args.add_argument("--out", default=str(ROOT / "screenshots"))
    opts = args.parse_args(argv)
    out = Path(opts.out)
    out.mkdir(parents=True, exist_ok=True)

    data_dir = Path(tempfile.mkdtemp(prefix="omnipos-shots-"))
    os.environ["POS_DATA_DIR"] = str(data_dir)
    config = data_dir / "pos.toml"
    config.write_text('[devices]\nprinter = "preview"\nterminal = "simulator?delay=1.5"\n'
                      f'[medusa]\nstate = "{data_dir / "no-central-store.json"}"\n',
                      encoding="utf-8")  # the demo's customers, whatever runs on this machine

    from PySide6.QtWidgets import QApplication, QWidget

    from main import build_till
    from pos.config import load_config
    from ui.till.app import build_window, make_app

    app = make_app(["screenshots"], opts.language)
    till, _ctx = build_till(load_config(config), with_customers=True)
    window = build_window(till)
    window.resize(1280, 800)
    window.show()
    display = window.customer_display  # type: ignore[attr-defined]
    display.show()
    saved: list[str] = []

    def pump(ms: int = 50) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.005)

    def wait(cond: Callable[[], Any], what: str, timeout: float = 15) -> None:
        end = time.monotonic() + timeout
        while not cond():
            if time.monotonic() > end:
                raise SystemExit(f"screenshots: timed out waiting for {what}")
            pump(20)

    def idle() -> None:
        wait(window.lanes.idle, "the lanes")
        pump(80)

    def shot(widget: QWidget, name: str) -> None:
        pump(120)
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        saved.append(path.name)

    page, sale = window.login_page, window.sale_page
    wait(lambda: bool(page.staff), "staff tiles")
    page.select("kim")
    page.pad.display.setText("12")
    shot(window, "01_login")
    page.pad.clear()

    page.submit("1234")
    wait(lambda: sale.dialog is not None and sale.dialog.objectName() == "openShiftDialog",
         "the open-shift dialog")
    sale.dialog.field.setText("1500")
    shot(sale.dialog, "02_shift_open")
    sale.dialog.accept()
    wait(lambda: sale.shift is not None, "the shift")
    idle()

    coffee = [v for v in till.search("kaffe", 50) if v.ean]
    books = [v for v in till.search("bok", 50) if v.ean and v.vat_rate.value == "6"]
    shirts = [v for v in till.search("t-shirt", 50) if v.ean and v.vat_rate.value == "25"]
    picks = [coffee[0], books[0], shirts[0]]
    for v in picks:
        sale.scanned(v.ean)
    sale.scanned(picks[0].ean)
    idle()
    bad = picks[1].ean[:-1] + str((int(picks[1].ean[-1]) + 3) % 10)
    sale.scanned(bad)
    idle()
    sale.table.selectRow(0)
    shot(window, "03_sale_with_lines")
    shot(display, "04_customer_display")

    sale.search_input.setText("kaf")
    wait(lambda: sale.search_results.isVisible() and sale.search_results.count() > 0,
         "search results")
    idle()
    shot(window, "05_search_results")
    sale.search_input.clear()
    pump(300)

    sale.promo_code()
    codes = sale.dialog
    codes.field.setText("vinter")
    codes.submit()
    wait(lambda: "VINTER" in codes.error.text(), "the refused code")
    codes.field.setText("host10")
    codes.submit()
    wait(lambda: codes.codes.count() and "HOST10" in codes.codes.item(0).text(), "the code")
    idle()
    shot(codes, "05b_promotion_code")
    codes.reject()
    pump()
    shot(window, "05c_sale_with_promotions")

    sale.customer()
    who = sale.dialog
    who.field.setText("070-123 45 67")
    who.search()
    wait(lambda: who.results.count() > 0, "the customer search")
    idle()
    shot(who, "05d_customer_search")
    who.choose()
    idle()
    shot(window, "05e_sale_with_customer")
    sale.scanned("CUST-10000009")  # a loyalty card nobody has
    wait(lambda: "10000009" in sale.message.text(), "the card's message")
    shot(window, "05f_customer_card_unknown")
    sale.scanned("CUST-10000001")  # Anna's card: she stays on the sale
    idle()

    sale.table.selectRow(2)
    sale.line_discount()
    sale.dialog.field.setText("30")
    shot(sale.dialog, "06_discount_dialog")
    sale.dialog.accept()
    wait(lambda: sale.property("approvalDialog") is not None, "the approval dialog")
    approval = sale.property("approvalDialog")
    wait(lambda: approval.isVisible(), "the approval dialog shown")
    approval.pad.display.setText("1234")
    approval.pad.submit()
    idle()
    shot(approval, "07_approval_dialog")
    approval.pad.submitted.emit("9999")
    idle()

    sale.shift_menu()
    idle()
    shot(sale.dialog, "08_shift_menu")
    sale.dialog.reject()
    pump()

    sale.show_help()
    shot(sale.dialog, "09_help_shortcuts")
    sale.dialog.reject()
    pump()

    sale.pay()
    wait(lambda: sale.payment_dialog is not None, "the payment dialog")
    pay = sale.payment_dialog
    shot(pay, "10_payment_dialog")
    pay.amount.setText("100")
    pay.pay_card()
    pump(300)
    shot(pay, "11a_card_follow_the_terminal")
    wait(lambda: pay.tender_count == 1, "the card payment")
    idle()
    shot(pay, "11_payment_split_after_card")
    pay.amount.setText("1000")
    pay.pay_cash()
    wait(lambda: pay.sale is not None, "the completed sale")
    idle()
    shot(pay, "12_change_shown")
    shot(display, "13_customer_display_thanks")
    preview = window.preview_window
    if preview is not None:
        wait(lambda: preview.view.document is not None, "the preview printer")
        shot(preview, "14_receipt_preview")
    pay.accept()
    idle()

    sale.scanned(picks[1].ean)
    idle()
    sale.park()
    idle()
    sale.resume()
    idle()
    shot(sale.dialog, "15_parked_sales")
    sale.dialog.reject()
    pump()

    sale.x_report()
    idle()
    shot(sale.dialog, "16_x_report")
    sale.dialog.accept()
    pump()
    sale.close_shift()
    idle()
    for kronor, pieces in ((1000, 1), (500, 1), (200, 1), (20, 2)):  # 1 740 kr
        sale.dialog.fields[kronor * 100].setText(str(pieces))
    shot(sale.dialog, "17_close_shift_counted_cash")
    sale.dialog.accept()
    idle()
    approval = sale.property("approvalDialog")  # the drawer is off by more than the limit
    if approval is not None and approval.isVisible():
        shot(approval, "17b_variance_approval")
        approval.pad.submitted.emit("9999")
        idle()
    shot(sale.dialog, "18_z_report")
    sale.dialog.accept()
    pump()
    shot(window, "19_after_z_report")

    window.close()
    display.close()
    print("\n".join(f"{out / name}" for name in saved))
    return 0


if __name__ == "__main__":
    sys.exit(main())
