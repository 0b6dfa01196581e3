"""``main.py returns``: what can still be returned of a purchase, and this store's returns.

    pos returns find R-K1-000042   # a store sale (any store of the chain), or a web order 1042
    pos returns list [--limit N]   # this store's returns, newest first

``--json`` prints JSON. Exit codes: 0 found, 1 not found (or refused: a web order while the
central store cannot be reached), 3 no central store (``find`` then answers from this store's
own record, marked "not verified").
"""
from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

import wiring
from cli.output import EXIT_FAILED, EXIT_NO_STORE, EXIT_OK, EXIT_USAGE, emit, fail


def add_returns_parser(sub: Any,
                       parents: Sequence[argparse.ArgumentParser] = ()) -> argparse.ArgumentParser:
    p = sub.add_parser("returns", parents=list(parents),
                       help="returns: what a receipt or web order can still give back; "
                            "this store's returns")
    p.add_argument("action", choices=["find", "list"])
    p.add_argument("code", nargs="?", help="find: a receipt code (R-K1-000042), a digital "
                                           "receipt's URL, or a web order's number")
    p.add_argument("--limit", type=_positive, default=50)
    return p


def _positive(text: str) -> int:
    n = int(text)
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def run(args: argparse.Namespace, cfg: Any) -> int:
    from pos.db.unit_of_work import SqlUnitOfWork

    app = wiring.open_database(cfg)
    uow = SqlUnitOfWork(app.session_factory)
    if args.action == "list":
        from pos.queries.returns import recent_returns

        rows = recent_returns(uow, args.limit)
        emit(args, [r.to_dict() for r in rows], "\n".join(_row_text(r) for r in rows)
                  or "no returns")
        return EXIT_OK
    if not args.code:
        return fail(args, "returns find needs a code: a receipt code or a web order's "
                               "number", EXIT_USAGE)
    from pos.returns import ReturnError
    from pos.services.returns import find_purchase

    store = wiring.build_commerce_store(cfg)
    records = getattr(store, "purchases", None) if store is not None else None
    try:
        purchase = find_purchase(records, uow, args.code, str(cfg.get("register",
                                                                       "location_id")))
    except ReturnError as e:
        unreachable = e.code in ("return.no_central_store", "return.web_order_offline",
                                 "return.other_store_offline")
        return fail(args, str(e), EXIT_NO_STORE if unreachable else EXIT_FAILED)
    data = purchase_dict(purchase)
    emit(args, data, _purchase_text(data))
    return EXIT_OK if purchase.verified or records is not None else EXIT_NO_STORE


def purchase_dict(p: Any) -> dict[str, Any]:
    """What a purchase can still give back: per line bought, returned, returnable and the
    öre all of the returnable units would refund; per payment what it can still refund."""
    return {"code": p.code, "kind": p.kind.value, "verified": p.verified,
            "bought_at": p.bought_at,  # printed with its UTC offset (cli.output)
            "order_id": p.order_id or None, "sale_id": p.sale_id or None,
            "customer": p.customer_name or p.customer_id,
            "lines": [{"key": ln.key, "sku": ln.sku, "name": ln.name, "bought": ln.quantity,
                       "returned": ln.returned, "returnable": ln.returnable,
                       "paid_ore": ln.total, "vat_rate": ln.vat_rate.value,
                       "refund_ore": ln.refund_for(ln.returnable) if ln.returnable else 0}
                      for ln in p.lines],
            "payments": [{"method": t.method_id, "paid_ore": t.amount,
                          "refunded_ore": t.refunded, "refundable_ore": t.refundable,
                          "reference": t.reference or None} for t in p.tenders],
            "refundable_ore": sum(ln.refund_for(ln.returnable) for ln in p.lines
                                  if ln.returnable)}


def _purchase_text(d: dict[str, Any]) -> str:
    from pos.money import format_kronor as kr

    head = f"{d['code']} ({d['kind'].replace('_', ' ')})"
    if not d["verified"]:
        head += "  NOT VERIFIED: this store's own record (the central store was not asked)"
    out = [head]
    for ln in d["lines"]:
        out.append(f"  {ln['key']:>8} {ln['sku']:<14} {ln['name'][:28]:<28} bought "
                   f"{ln['bought']:>3} returned {ln['returned']:>3} left {ln['returnable']:>3}"
                   f"  {kr(ln['refund_ore']):>10}")
    for t in d["payments"]:
        out.append(f"  paid {t['method']:<6} {kr(t['paid_ore']):>10}, can refund "
                   f"{kr(t['refundable_ore'])}")
    out.append(f"can still give back {kr(d['refundable_ore'])} kr")
    return "\n".join(out)


def _row_text(r: Any) -> str:
    from pos.money import format_kronor as kr

    methods = ", ".join(f"{m} {kr(a)}" for m, a in r.refunds)
    flag = "  REVIEW" if r.review else ""
    return (f"{r.completed_at:%Y-%m-%d %H:%M} {r.register_id}-{r.receipt_no:<6} "
            f"{', '.join(r.purchases) or '-':<24} {r.units:>3} pcs {kr(r.refunded):>10} "
            f"[{methods}] central: {r.central or '-'}{flag}")
