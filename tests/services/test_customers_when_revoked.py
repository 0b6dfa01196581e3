"""A register the central store will not serve (not enrolled, or its key revoked) is told so when
it searches customers, not that the store cannot be reached; the sale goes on."""
import pytest

from pos.ports import CentralAccessRefused
from tests.services.conftest import ARTICLES
from tests.services.fakes import ANNA, Customers


@pytest.mark.parametrize("code", ["central.register_revoked", "central.not_enrolled"])
def test_a_refused_register_is_told_why_and_the_sale_goes_on(make_till, code):
    store = Customers(ANNA)

    def refused(query, limit=20):
        raise CentralAccessRefused(code, "K1")
    store.find_customers = refused
    till = make_till()
    till.customers = store
    till.login("kim", "1234")
    till.open_shift(200000)
    till.scan(ARTICLES[0].ean)
    with pytest.raises(CentralAccessRefused) as e:
        till.find_customers("anna")
    assert e.value.code == code and e.value.params == {"register": "K1"}
    assert till.pay_cash(20000).sale is not None
