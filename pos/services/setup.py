"""First-run set-up: the demo store's catalogue and staff, loaded only into an empty database."""
from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from pos.db import till_repositories as repo
from pos.db.catalog_repository import CatalogRepository
from pos.staff import Role, StaffMember, hash_pin

# The README lists these; they are demo credentials, never a real store's.
DEMO_STAFF = (
    (StaffMember("kim", "Kim Kassör", Role.CASHIER), "1234"),
    (StaffMember("maja", "Maja Chef", Role.MANAGER), "9999"),
)


def ensure_demo_staff(sf: sessionmaker[Session]) -> int:
    with sf() as s, s.begin():
        if repo.list_staff(s):
            return 0
        for member, pin in DEMO_STAFF:
            repo.add_staff(s, member, hash_pin(pin))
        return len(DEMO_STAFF)


def ensure_demo_catalog(sf: sessionmaker[Session]) -> int:
    from pos.demo.catalog import load_demo_catalog
    with sf() as s, s.begin():
        if CatalogRepository(s).count() > 0:
            return 0
        return load_demo_catalog(s)


def ensure_demo_promotions(sf: sessionmaker[Session], force: bool = False) -> int:
    """The demo's winter sale and code, unless promotions are stored already (e.g. synced from
    the central store, whose set wins); returns how many were written."""
    from pos.demo.promotions import demo_promotions
    from pos.sync.promotion_sync import load_promotions, store_promotions
    with sf() as s, s.begin():
        if load_promotions(s) and not force:
            return 0
        return store_promotions(s, demo_promotions())


def load_demo_data(sf: sessionmaker[Session], force_catalog: bool = False) -> dict[str, int]:
    if force_catalog:
        from pos.demo.catalog import load_demo_catalog
        with sf() as s, s.begin():
            variants = load_demo_catalog(s)
    else:
        variants = ensure_demo_catalog(sf)
    promotions = ensure_demo_promotions(sf, force=force_catalog)
    return {"variants": variants, "staff": ensure_demo_staff(sf), "promotions": promotions}
