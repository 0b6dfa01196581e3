"""The demo store runs in Swedish: Qt's translator turns every screen string - and the domain's
messages - into Swedish."""
import pytest
from PySide6.QtCore import QCoreApplication

from pos.gtin import GtinError
from pos.staff import AuthError
from tests.ui.conftest import demo_articles, log_in, wait_idle
from ui.i18n import install_translators
from ui.i18n.messages import message_for


@pytest.fixture
def swedish(qapp):
    assert install_translators(qapp, "sv")
    yield
    install_translators(qapp, "en")


def test_the_compiled_swedish_file_loads_and_translates(qapp, swedish):
    assert QCoreApplication.translate("SalePage", "Pay (F9)") == "Betala (F9)"
    assert message_for(AuthError("auth.wrong_pin")) == "Fel PIN-kod"
    bad = GtinError("gtin.wrong_check_digit", symbology="EAN-13", code="7350000000012", digit="2",
                    expected=9)
    assert message_for(bad).startswith("EAN-13 7350000000012 har fel kontrollsiffra (2, ska vara 9)")


def test_a_swedish_till_shows_swedish_text(qtbot, qapp, swedish, till):
    from ui.till.main_window import MainWindow

    window = MainWindow(till)
    qtbot.addWidget(window)
    window.show()
    page = window.login_page
    qtbot.waitUntil(lambda: bool(page.staff), timeout=10000)
    assert page.message.text() == "Välj ditt namn och slå din PIN-kod."
    assert window.user_label.text() == "Inte inloggad"
    page.select("kim")
    page.submit("0000")
    qtbot.waitUntil(lambda: page.message.text() == "Fel PIN-kod", timeout=10000)

    log_in(qtbot, window)
    sale = window.sale_page
    assert sale.pay_button.text() == "Betala (F9)"
    assert sale.buttons["park"].text().startswith("Parkera")
    assert sale.model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "Vara"
    sale.scanned(demo_articles(till)[0].ean)
    qtbot.waitUntil(lambda: sale.model.rowCount() == 1, timeout=10000)
    assert sale.count_label.text() == "1 vara"
    assert sale.vat_label.text().startswith("Moms ")
    sale.scanned("7350000000000")
    qtbot.waitUntil(lambda: "kontrollsiffra" in sale.message.text() or
                    "sortimentet" in sale.message.text(), timeout=10000)
    wait_idle(qtbot, window)
    window.close()
