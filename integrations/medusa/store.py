"""The central store over Medusa v2 (``pos.ports.CommerceStore``): one small adapter per capability,
all over one ``MedusaClient`` and the ids of ``medusa.json``, built in one place.

    store = MedusaStore.for_register(STATE_FILE, "K1")          # a till: its register's own key
    store = MedusaStore.from_state(location_key="store-gbg")   # the seed, the tests: admin login
    store.catalog      # CatalogFeed + PromotionFeed  (catalog_feed.py)
    store.orders       # OrderSink                    (order_sink.py)
    store.web_carts    # WebCarts                     (web_carts.py)
    store.customers    # CustomerDirectory            (customers.py)
    store.stock        # StockDirectory               (stock_directory.py)
    store.deliveries   # DeliveryOrders               (delivery_orders.py)
    store.addresses    # CustomerAddresses            (customer_addresses.py)
    store.pickups      # PickupOrders                 (pickups.py)
    store.purchases    # PurchaseRecords              (purchases.py)
    store.returns      # ReturnsDesk                  (returns.py)
    store.stored_value # StoredValue: gift cards, store credit (gift_cards.py)
    store.stock_adjustments # StockAdjustments: posted stock counts (stock_adjustments.py)
    store.stock_transfers   # StockTransfers: goods between locations (stock_transfers.py)
    store.interest     # CentralInterest: shelf-QR scans counted centrally (product_interest.py)
    store.order_status # OrderStatuses: the back office's Orders page (order_status.py)
    store.ping()

A new capability (pickups, returns, gift cards...) is a module beside these with a class over the
same client and ids, and one more attribute here. Medusa's objects become domain objects in
``mapping.py``; HTTP, retries and Medusa's errors are ``client.py``'s.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from integrations.credential_store import CredentialStore, Secret, default_store
from integrations.medusa.catalog_feed import MedusaCatalogFeed
from integrations.medusa.client import AdminLogin, MedusaClient, RegisterKey
from integrations.medusa.customer_addresses import MedusaCustomerAddresses
from integrations.medusa.customer_history import MedusaCustomerHistory
from integrations.medusa.customer_records import MedusaCustomerRecords
from integrations.medusa.customers import MedusaCustomers
from integrations.medusa.delivery_orders import MedusaDeliveryOrders
from integrations.medusa.invoices import MedusaInvoices
from integrations.medusa.order_sink import MedusaOrderSink
from integrations.medusa.stock_adjustments import MedusaStockAdjustments
from integrations.medusa.order_status import MedusaOrderStatuses
from integrations.medusa.stock_directory import MedusaStockDirectory
from integrations.medusa.stock_transfers import MedusaStockTransfers
from integrations.medusa.pickups import MedusaPickups
from integrations.medusa.product_interest import MedusaProductInterest
from integrations.medusa.purchases import MedusaPurchaseRecords
from integrations.medusa.returns import MedusaReturnsDesk
from integrations.medusa.gift_cards import MedusaStoredValue
from integrations.medusa.web_carts import MedusaWebCarts

# medusa.sh's state directory ($MEDUSA_STATE runs a second instance, and then the tests use it)
STATE_DIR = Path(os.environ.get("MEDUSA_STATE") or Path(__file__).with_name(".state"))
# What a till needs of the central store: its URL, publishable key and ids; no secret.
STATE_FILE = STATE_DIR / "medusa.json"
# The local instance's admin login (0600), for the seed, enrolment and the tests; never a till's.
ADMIN_FILE_NAME = "admin.json"


def read_state(path: Path = STATE_FILE) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    return data


def admin_login(path: Path = STATE_FILE) -> AdminLogin | None:
    """The admin login of the instance whose ``medusa.json`` is ``path``: from ``admin.json``
    beside it (what medusa.sh writes now), or from ``medusa.json`` itself (as it did before);
    None when neither has one (a till's state file)."""
    path = Path(path)
    for source in (path.with_name(ADMIN_FILE_NAME), path):
        try:
            data = json.loads(source.read_text(encoding="utf-8"))
        except FileNotFoundError:
            continue
        if data.get("admin_email") and data.get("admin_password"):
            return AdminLogin(str(data["admin_email"]), Secret(str(data["admin_password"])))
    return None


def central_id(ids: dict[str, Any]) -> str:
    """Which central store this is, for naming its keys in the credential store: its Medusa
    store id (the same when its URL or port changes), else its URL."""
    return str(ids.get("store_id") or ids["url"]).rstrip("/")


def key_name(ids: dict[str, Any], register: str) -> str:
    """The credential store's name of a register's key for this central store."""
    return f"central/{central_id(ids)}/{register}"


class MedusaStore:
    """``ids``: medusa.json (region, sales channels and stock locations by the till's location
    keys, ...); ``location_key``: the till's location (its sales channel, its promotions' context,
    where its orders are looked for)."""

    def __init__(self, client: MedusaClient, ids: dict[str, Any], location_key: str = "store-gbg"):
        self.client = client
        self.ids = ids
        self.location_key = location_key
        self.catalog = MedusaCatalogFeed(client, ids, location_key)
        self.orders = MedusaOrderSink(client, ids, location_key)
        self.web_carts = MedusaWebCarts(client)
        self.customers = MedusaCustomers(client)
        self.customer_records = MedusaCustomerRecords(client)  # CustomerRecords
        self.customer_history = MedusaCustomerHistory(client)  # CustomerHistory
        self.stock = MedusaStockDirectory(client, ids)  # StockDirectory
        self.deliveries = MedusaDeliveryOrders(client, ids, location_key)  # DeliveryOrders
        self.addresses = MedusaCustomerAddresses(client)  # CustomerAddresses
        self.pickups = MedusaPickups(client, ids)
        self.purchases = MedusaPurchaseRecords(client, ids)  # PurchaseRecords
        self.returns = MedusaReturnsDesk(client, ids, self.purchases)  # ReturnsDesk
        self.invoices = MedusaInvoices(client)  # CentralInvoices
        self.stored_value = MedusaStoredValue(client)  # StoredValue (loyalty plugin)
        self.stock_adjustments = MedusaStockAdjustments(client, ids)  # StockAdjustments
        self.stock_transfers = MedusaStockTransfers(client, ids)  # StockTransfers
        self.interest = MedusaProductInterest(client)  # CentralInterest (shelf-QR scans)
        self.order_status = MedusaOrderStatuses(client, ids)  # OrderStatuses (back office)

    @classmethod
    def from_state(cls, path: Path = STATE_FILE, location_key: str = "store-gbg",
                   **client_kw: Any) -> "MedusaStore":
        """Connect to the Medusa a ``medusa.json`` names (default: the local one ``medusa.sh``
        started) with its admin login (``admin_login``): the seed's, enrolment's and the tests'
        way in, never a till's (``for_register``). ``client_kw`` go to ``MedusaClient`` (timeout,
        retries, backoff...; ``auth=`` another credential)."""
        ids = read_state(path)
        if "auth" not in client_kw:
            login = admin_login(path)
            if login is None:
                raise ValueError(f"{path} and {ADMIN_FILE_NAME} beside it name no admin login: a "
                                 f"till connects with its register's key (MedusaStore.for_register)")
            client_kw["auth"] = login
        client = MedusaClient(ids["url"], publishable_key=ids.get("publishable_key", ""),
                              **client_kw)
        return cls(client, ids, location_key)

    @classmethod
    def for_register(cls, path: Path, register: str, location_key: str = "store-gbg", *,
                     credentials: CredentialStore | None = None,
                     **client_kw: Any) -> "MedusaStore":
        """A till's connection: the Medusa its ``medusa.json`` names (URL, publishable key, ids;
        no admin login is read), authenticated with register ``register``'s own key from the
        credential store (default: the system keyring or the 0600 file). The key is looked up at
        each authentication: a till enrolled while it runs connects without a restart; one not
        enrolled gets ``CentralAccessRefused`` (``central.not_enrolled``) from its calls."""
        ids = read_state(path)
        store = credentials if credentials is not None else default_store()
        name = key_name(ids, register)
        auth = RegisterKey(register, lambda: store.get(name), where=store.describe())
        client = MedusaClient(ids["url"], publishable_key=ids.get("publishable_key", ""),
                              auth=auth, **client_kw)
        return cls(client, ids, location_key)

    def ping(self) -> bool:
        return self.client.health()
