"""What the back office's screens work with: the store's database (the tills' own, SQLite or
PostgreSQL), the store's details for printed reports, the central store when there is one, and
the clock. No register, no till, no cashier: the read side (``pos.queries``) and the back
office's use cases (``pos.services.backoffice``) need a unit of work alone."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from pos.db.unit_of_work import SqlUnitOfWork
from pos.receipt_layout import StoreInfo
from pos.staff import StaffMember


@dataclass
class BackofficeContext:
    session_factory: Any
    store: StoreInfo = field(default_factory=StoreInfo)
    # builds the central store (``pos.ports.CommerceStore``) on the calling thread, or None
    central: Callable[[], Any] | None = None
    clock: Callable[[], datetime] = datetime.now
    data_dir: Path | None = None
    user: StaffMember | None = None  # the manager logged in
    # builds the back office's receipt printer (``pos.ports.ReceiptPrinter``, its config's
    # ``[devices] printer``) on the calling worker, or None: no printer here
    printer: Callable[[], Any] | None = None
    control_unit_serial: str = ""  # printed on a receipt's copy (the till prints its own)
    # the registers' devices as this config knows them (``pos.register_devices``): its own
    # register's id and [devices], and [register_devices.ID] of the others
    own_register: str = ""
    own_devices: dict[str, Any] = field(default_factory=dict)
    other_devices: dict[str, dict[str, Any]] = field(default_factory=dict)
    # this store's stock location (the till's ``[register] location_id``) and its name
    location_id: str = "store-gbg"
    # builds the customer notifier (``pos.ports.CustomerNotifier``: a parcel arrived) on the
    # calling worker, or None
    notifier: Callable[[], Any] | None = None
    location_name: str = ""
    # the Orders page: the days after arrival a pickup not collected is overdue ([orders])
    pickup_overdue_days: int = 7
    # shelf labels: the QR's address and store (``pos.shelf_labels.LabelSettings``; None: no
    # QR) and the A4 sheet's layout (``ui.documents.label_sheet.LAYOUTS``)
    labels: Any = None
    label_layout: str = "3x8"
    # the registers' configured discount limit ([register] cashier_max_discount_percent): what
    # applies when neither the cashier nor the store has one in the database (Staff page)
    config_discount_limit: Decimal = Decimal(10)

    def uow(self) -> SqlUnitOfWork:
        """A unit of work of its own (one per call on a worker: they are not shared)."""
        return SqlUnitOfWork(self.session_factory)

    def now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    def require_user(self) -> StaffMember:
        assert self.user is not None, "the back office's pages are shown after a login"
        return self.user
