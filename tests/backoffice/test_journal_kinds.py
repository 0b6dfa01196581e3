"""Every kind of journal entry has a name on the back office's screens, translated into Swedish,
and a broken journal is described in Swedish too."""
from __future__ import annotations

import pytest

from pos.journal import JournalProblem, Kind, Verification
from pos.services.invoices import INVOICE_APPROVED, INVOICE_ISSUED, INVOICE_PAYMENT
from ui.backoffice.journal_kinds import LABELS, kind_label


@pytest.fixture
def swedish(qapp):
    from ui.i18n import install_translators

    assert install_translators(qapp, "sv")
    yield
    install_translators(qapp, "en")


def test_every_kind_has_a_name():
    kinds = {v for k, v in vars(Kind).items() if k.isupper()}
    kinds |= {INVOICE_ISSUED, INVOICE_APPROVED, INVOICE_PAYMENT}
    assert kinds - set(LABELS) == set()


def test_kinds_and_problems_in_swedish(swedish):
    from ui.i18n.messages import message_for

    assert kind_label("z_report") == "Z-rapport"
    assert kind_label("invoice_issued") == "Faktura utfärdad"
    assert kind_label("something_new") == "something_new"  # shown as stored
    v = Verification(False, 7, 5, JournalProblem("journal.deleted", first=5, last=9))
    assert v.reason == "entries 5..9 were deleted"  # the command line's English
    assert message_for(v.problem) == "poster 5..9 har raderats"
