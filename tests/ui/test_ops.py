"""The serial worker: results on the GUI thread, in order; domain errors to the screen, bugs to
show_exception."""
import threading

from PySide6.QtCore import QThread

import pos.services.parking  # noqa: F401 - registers the parking codes the test raises
from pos.cart import ApprovalRequired, CartError
from ui.ops import Ops


def test_results_arrive_on_the_gui_thread_in_order(qtbot, qapp):
    ops = Ops("test-worker")
    seen, threads = [], []
    gui = QThread.currentThread()
    for i in range(5):
        ops.run(lambda i=i: (threads.append(threading.current_thread().name), i)[1],
                lambda r: seen.append((r, QThread.currentThread() is gui)))
    qtbot.waitUntil(ops.is_idle, timeout=5000)
    assert seen == [(i, True) for i in range(5)]
    assert all(name != threading.main_thread().name for name in threads)
    ops.shutdown()


def test_domain_errors_go_to_on_error_or_the_message_area_and_bugs_to_show_exception(qtbot):
    ops = Ops("test-worker")
    handled, messages, bugs = [], [], []
    ops.user_error.connect(messages.append)
    ops.unexpected_error.connect(lambda exc, tb: bugs.append((exc, tb)))

    def fail(exc):
        def fn():
            raise exc
        return fn

    ops.run(fail(ApprovalRequired("approval.price_change", "x")), on_error=handled.append)
    ops.run(fail(CartError("parking.nothing_to_park")))
    ops.run(fail(ZeroDivisionError("oops")), on_error=handled.append)
    qtbot.waitUntil(ops.is_idle, timeout=5000)
    assert [type(e) for e in handled] == [ApprovalRequired]
    assert [str(e) for e in messages] == ["Nothing to park"]
    assert isinstance(bugs[0][0], ZeroDivisionError) and "ZeroDivisionError" in bugs[0][1]
    ops.shutdown()
