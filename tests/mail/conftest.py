import pytest

from tests.mail.smtp_server import SmtpServer, self_signed
from tests.services.conftest import make_till, printer, terminal, till  # noqa: F401 - fixtures


@pytest.fixture
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def cert(tmp_path):
    return self_signed(tmp_path)


@pytest.fixture
def smtp_tls(cert):
    server = SmtpServer(tls=cert, user=("kassa@butik.test", "hemligt-lösen-42")).start()
    yield server
    server.stop()
