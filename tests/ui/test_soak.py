"""A day at the till in about a minute: three thousand scans and a hundred payments through the
window (tests/ui/soak_till.py, its own process). The till stays up (a binding that miscounts
references aborts it), keeps no more Python objects sale after sale, stores every sale once and
the journal holds."""
import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

SALES = 100


@pytest.mark.slow
def test_three_thousand_scans_and_a_hundred_payments_through_the_window():
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "ui" / "soak_till.py"), str(SALES)],
                          capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-1500:]
    r = json.loads(done.stdout.strip().splitlines()[-1])
    assert r["sales"] == SALES and r["completed"] == SALES
    assert r["receipts"] == list(range(1, SALES + 1))
    assert r["stored_total"] == r["shown_total"] > 0
    assert r["journal_ok"]
    # no object kept per sale (a screen or a lane holding on to each sale's things would add
    # hundreds per sale; what Python's and SQLAlchemy's caches settle into stays far below)
    assert r["objects_grown"] < 10 * (SALES - 10), r
