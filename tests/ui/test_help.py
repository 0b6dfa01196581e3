"""F1 lists the shortcuts in the cashier's language, keys named as their keyboard names them."""
import pytest
from ui.till.help_dialog import HelpDialog

from tests.ui.conftest import log_in


@pytest.fixture
def swedish_window(qtbot, qapp, window):
    from ui.i18n import install_translators
    assert install_translators(qapp, "sv")
    yield window
    install_translators(qapp, "en")


def test_the_help_names_keys_and_actions_in_swedish(qtbot, swedish_window):
    window = swedish_window
    log_in(qtbot, window)
    page = window.sale_page
    page.show_help()
    box = page.dialog
    assert isinstance(box, HelpDialog) and box.objectName() == "helpDialog"
    text = box.text()
    assert "<b>Ctrl+Skift+V</b>" in text  # Qt's own Swedish key names
    assert "<b>Upp / Ned</b>" in text
    assert "Up / Down" not in text and "Shift" not in text
    assert "Parkera köpet" in text
    box.reject()
