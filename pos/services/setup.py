"""First-run set-up: the demo store's catalogue, staff and promotions, loaded only into an empty
database (the central store's synced promotions win over the demo's)."""
from __future__ import annotations

from pos.services.unit_of_work import UnitOfWork
from pos.staff import Role, StaffMember, hash_pin

# The README lists these; they are demo credentials, never a real store's.
DEMO_STAFF = (
    (StaffMember("kim", "Kim Kassör", Role.CASHIER), "1234"),
    (StaffMember("maja", "Maja Chef", Role.MANAGER), "9999"),
)


def ensure_demo_staff(uow: UnitOfWork) -> int:
    """The demo's cashier and manager, unless there is staff already; returns how many."""
    with uow:
        if uow.staff.active():
            return 0
        for member, pin in DEMO_STAFF:
            uow.staff.add(member, hash_pin(pin))
        uow.commit()
    return len(DEMO_STAFF)


def ensure_demo_catalog(uow: UnitOfWork, force: bool = False) -> int:
    """The demo catalogue (unless articles exist, or ``force``); returns how many variants."""
    from pos.demo.catalog import demo_stock, demo_variants
    with uow:
        if uow.catalog.count() > 0 and not force:
            return 0
        count = uow.catalog.bulk_upsert(demo_variants())
        uow.catalog.set_stock(demo_stock())
        uow.commit()
    return count


def ensure_demo_promotions(uow: UnitOfWork, force: bool = False) -> int:
    """The demo's winter sale and code, unless promotions are stored already (e.g. synced from
    the central store, whose set wins); returns how many were written."""
    from pos.demo.promotions import demo_promotions
    from pos.sync.promotion_sync import load_promotions, store_promotions
    with uow:
        if load_promotions(uow.sync_state) and not force:
            return 0
        count = store_promotions(uow.sync_state, demo_promotions())
        uow.commit()
    return count


def load_demo_data(uow: UnitOfWork, force_catalog: bool = False) -> dict[str, int]:
    variants = ensure_demo_catalog(uow, force=force_catalog)
    promotions = ensure_demo_promotions(uow, force=force_catalog)
    return {"variants": variants, "staff": ensure_demo_staff(uow), "promotions": promotions}
