"""Network printer adapter against the ESC/POS simulator on 127.0.0.1 (ephemeral port)."""
from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from hardware.printers.escpos_printers import NetworkPrinter
from hardware.printers.factory import make_printer
from hardware.simulators.escpos_printer import PrinterSimulator
from pos.ports import CoverOpen, PaperOut, PrinterError, PrinterOffline, ReceiptPrinter
from pos.receipt import Align, Barcode, Columns, ReceiptDocument, Text


@pytest.fixture
def sim() -> Iterator[PrinterSimulator]:
    s = PrinterSimulator(port=0).start()
    try:
        yield s
    finally:
        s.stop()


def doc(no: str = "000042", drawer: bool = False) -> ReceiptDocument:
    return ReceiptDocument(
        blocks=(
            Text("Kvitto", Align.CENTER, bold=True),
            Columns("Räksmörgås", "89,00"),
            Barcode(f"R-K1-{no}"),
        ),
        receipt_no=no,
        open_drawer=drawer,
    )


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_a_job_arrives_with_its_text(sim: PrinterSimulator) -> None:
    p = make_printer(sim.url)
    assert isinstance(p, ReceiptPrinter)
    p.print_document(doc())
    jobs = sim.wait_for_jobs(1)
    assert len(jobs) == 1
    assert "Räksmörgås" in sim.texts[0]
    assert sim.drawer_kicks == []
    # the status was asked before the job was sent
    assert sim.status_queries[:3] == [1, 2, 4]


def test_jobs_arrive_in_order_and_drawer_kick_is_logged(sim: PrinterSimulator) -> None:
    p = make_printer(sim.url)
    p.print_document(doc("000001"))
    p.print_document(doc("000002", drawer=True))
    p.open_drawer()
    sim.wait_for_jobs(2)
    assert ["R-K1-000001" in t for t in sim.texts] == [False, False]  # barcode data is not text
    from hardware.simulators.escpos_decode import barcodes

    assert [barcodes(j) for j in sim.jobs] == [["R-K1-000001"], ["R-K1-000002"]]
    assert sim.wait_until(lambda s: len(s.drawer_kicks) >= 2)
    assert sim.drawer_kicks == [2, 2]


def test_status_reads_ok_near_end_paper_out_cover_open_and_drawer(sim: PrinterSimulator) -> None:
    p = make_printer(sim.url)
    st = p.status()
    assert st.online and st.paper == "ok" and not st.cover_open and st.drawer_open is False and st.ready
    sim.paper_near_end = True
    sim.drawer_open = True
    st = p.status()
    assert st.paper == "near_end" and st.ready and st.drawer_open is True
    sim.paper_out = True
    st = p.status()
    assert st.paper == "out" and not st.online and not st.ready
    sim.paper_out = False
    sim.cover_open = True
    st = p.status()
    assert st.cover_open and not st.ready and st.paper == "near_end"


def test_paper_out_raises_before_sending_and_nothing_is_lost(sim: PrinterSimulator) -> None:
    p = make_printer(sim.url)
    sim.paper_out = True
    with pytest.raises(PaperOut) as e:
        p.print_document(doc())
    assert "paper" in str(e.value).lower()
    # nothing was sent: no job, not even a rejected one
    assert sim.jobs == [] and sim.rejected_jobs == []
    sim.paper_out = False
    p.print_document(doc())
    sim.wait_for_jobs(1)
    assert len(sim.jobs) == 1 and "Räksmörgås" in sim.texts[0]


def test_cover_open_raises_cover_open(sim: PrinterSimulator) -> None:
    sim.cover_open = True
    with pytest.raises(CoverOpen):
        make_printer(sim.url).print_document(doc())
    assert sim.jobs == []


def test_drawer_opens_even_when_paper_is_out_if_printer_takes_it(sim: PrinterSimulator) -> None:
    # open_drawer does not refuse because of paper; the simulator (offline) ignores ESC p like a TM does
    sim.paper_out = True
    make_printer(sim.url).open_drawer()  # must not raise PaperOut


def test_closed_port_raises_printer_offline() -> None:
    p = make_printer(f"network://127.0.0.1:{free_port()}")
    with pytest.raises(PrinterOffline) as e:
        p.print_document(doc())
    assert "does not answer" in str(e.value)
    with pytest.raises(PrinterOffline):
        p.status()
    with pytest.raises(PrinterOffline):
        p.open_drawer()


def test_printer_that_does_not_answer_status_still_prints(sim: PrinterSimulator) -> None:
    sim.silent = True
    p = NetworkPrinter("127.0.0.1", sim.port, status_timeout=0.2)
    st = p.status()
    assert st.paper == "unknown" and st.online
    p.print_document(doc())
    assert len(sim.wait_for_jobs(1)) == 1


def test_printer_offline_is_a_printer_error() -> None:
    assert issubclass(PrinterOffline, PrinterError)


def test_a_drawer_kick_alone_is_not_a_job(sim: PrinterSimulator) -> None:
    p = make_printer(sim.url)
    p.open_drawer()
    p.print_document(doc())
    sim.wait_for_jobs(1)
    assert sim.wait_until(lambda s: len(s.drawer_kicks) == 1)
    p.print_document(doc("000043"))
    assert len(sim.wait_for_jobs(2)) == 2
    import time

    time.sleep(0.1)  # give a wrongly counted kick-only "job" time to show up
    assert len(sim.jobs) == 2
