"""Issue 3's 'done when' through real protocols: a serial scanner on a pty, the nexo simulator as
its own process, the Concert simulator on a pty, a network printer on 127.0.0.1 that runs out of
paper, a lost terminal answer, and a till killed between sending a payment and its result."""
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
import tty
import urllib.request
from pathlib import Path

import pytest

from hardware.control_unit_simulator import SimulatedControlUnit
from hardware.printers.factory import make_printer
from hardware.scanners.serial_scanner import SerialScanner
from hardware.simulators.concert_terminal import ConcertSimulator
from hardware.simulators.escpos_printer import PrinterSimulator
from hardware.terminals.factory import make_terminal
from pos.db.engine import make_engine
from pos.db.migrate import upgrade
from pos.db.session import session_factory
from pos.db.unit_of_work import SqlUnitOfWork
from pos.payment_methods import CARD
from pos.services.setup import load_demo_data
from pos.services.till import Devices, Till, TillConfig

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout=15.0, what="condition"):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def nexo_process():
    """The nexo terminal simulator in its own process, as a real terminal would be."""
    procs = []

    def start(*args):
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-m", "hardware.simulators.nexo_terminal",
                                 "--port", str(port), *args], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        procs.append(proc)
        wait_for(lambda: _can_connect(port), what="the nexo simulator to listen")
        return port
    yield start
    for p in procs:
        p.terminate()
        p.wait(10)


def _can_connect(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


def transactions(port: int) -> list[dict]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/transactions", timeout=5) as r:
        return json.loads(r.read())


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'till.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    sf = session_factory(engine)
    load_demo_data(SqlUnitOfWork(sf))
    return url, sf


@pytest.fixture
def printer_sim():
    sim = PrinterSimulator(port=0).start()
    yield sim
    sim.stop()


def make_till(sf, printer_url, terminal_url):
    till = Till(sf, Devices(make_printer(printer_url), make_terminal(terminal_url),
                            SimulatedControlUnit()), TillConfig(card_status_interval=0.2))
    till.login("kim", "1234")
    if till.current_shift() is None:
        till.open_shift(100000)
    return till


def test_serial_scan_nexo_card_paper_out_and_a_lost_answer(db, printer_sim, nexo_process):
    _, sf = db
    port = nexo_process()
    till = make_till(sf, printer_sim.url, f"nexo://127.0.0.1:{port}")
    articles = till.search("kaffe")[:1] + till.search("jeans")[:1]

    # A serial scanner on a pty pair: the till's reader opens the slave, the "scanner" writes.
    master, slave = os.openpty()
    tty.setraw(slave)
    scans: list[str] = []
    scanner = SerialScanner(os.ttyname(slave), scans.append, suffix="\r")
    try:
        assert scanner.wait_open()
        os.write(master, b"\x00\xff garbage \xfe\r")  # line noise must not break anything
        for v in articles:
            os.write(master, v.ean.encode() + b"\r")
        wait_for(lambda: len([s for s in scans if s.isdigit()]) == 2, what="two scans")
    finally:
        scanner.close()
        os.close(master)
        os.close(slave)
    for payload in scans:
        if payload.isdigit():
            till.scan(payload)
    assert [lt.line.variant.id for lt in till.totals().lines] == [v.id for v in articles]

    # The printer runs out of paper: the sale completes anyway and is printed later.
    printer_sim.paper_out = True
    urllib.request.urlopen(urllib.request.Request(
        f"http://127.0.0.1:{port}/control", data=json.dumps({"next": "lost_response"}).encode(),
        headers={"Content-Type": "application/json"}), timeout=5).read()
    view = till.pay_card()
    sale = view.sale
    assert sale is not None and [t.method for t in sale.tenders] == [CARD]
    approved = [t for t in transactions(port) if t["approved"] and not t["refund"]]
    assert len(approved) == 1 and approved[0]["amount"] == sale.total

    outcome = till.print_sale(sale.id)
    assert not outcome.ok and till.unprinted_sales() == [sale.id]
    printer_sim.paper_out = False
    assert all(till.print_sale(sid).ok for sid in till.unprinted_sales())
    printer_sim.wait_for_jobs(1)
    assert articles[0].name[:20] in printer_sim.texts[-1]


def test_card_payment_on_the_concert_terminal(db, printer_sim):
    _, sf = db
    with ConcertSimulator() as sim:
        till = make_till(sf, printer_sim.url, sim.url)
        till.scan(till.search("kaffe")[0].ean)
        sale = till.pay_card().sale
        assert sale is not None and sale.tenders[0].method == CARD
        assert sim.charged_total == sale.total


CHILD = textwrap.dedent("""
    import sys
    from hardware.control_unit_simulator import SimulatedControlUnit
    from hardware.printers.factory import make_printer
    from hardware.terminals.factory import make_terminal
    from pos.db.engine import make_engine
    from pos.db.session import session_factory
    from pos.services.till import Devices, Till, TillConfig
    sf = session_factory(make_engine(sys.argv[1]))
    till = Till(sf, Devices(make_printer("dummy"), make_terminal(sys.argv[2]),
                            SimulatedControlUnit()), TillConfig())
    till.login("kim", "1234")
    till.open_shift(100000)
    till.scan(sys.argv[3])
    print("paying", flush=True)
    till.pay_card()          # killed while the terminal works on it
    print("should not get here", flush=True)
""")


def test_a_till_killed_mid_payment_completes_the_sale_once_after_restart(db, nexo_process):
    url, sf = db
    port = nexo_process("--fault", "timeout", "--timeout-delay", "3")
    probe = make_till(sf, "dummy", "simulator")
    ean = probe.search("kaffe")[0].ean
    probe.close_shift(100000)  # the child opens its own shift

    child = subprocess.Popen([sys.executable, "-c", CHILD, url, f"nexo://127.0.0.1:{port}", ean],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for(lambda: transactions(port), what="the payment to reach the terminal")
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    assert "should not get here" not in child.stdout.read()

    # A new till process on the same database asks the terminal what became of the payment.
    till = make_till(sf, "dummy", f"nexo://127.0.0.1:{port}")
    assert till.payment_view().paid == 0 and till.totals().item_count == 1
    wait_for(lambda: any(t["approved"] for t in transactions(port)), what="approval", timeout=20)
    messages = till.resolve_card_attempts()
    assert any("approved" in m for m in messages), messages
    assert till.totals().lines == ()
    sales = till.recent_sales()
    assert len(sales) == 1 and sales[0].tenders[0].method == CARD
    assert till.resolve_card_attempts() == []
    approved = [t for t in transactions(port) if t["approved"]]
    assert len(approved) == 1 and approved[0]["amount"] == sales[0].total
