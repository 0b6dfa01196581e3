"""The omnichannel flows' operator commands: ``cart show`` (a web cart), ``orders pickups``,
``deliveries`` (ship-to-home) and ``stock`` (an article at every location)."""
from __future__ import annotations

import argparse
import sys
from typing import Any

import wiring
from cli.output import EXIT_FAILED, EXIT_NO_STORE, EXIT_OK, EXIT_USAGE, _time, emit, fail
from pos.config import Config


def cmd_cart(args: argparse.Namespace, cfg: Config) -> int:
    """``cart show CODE``: a web cart (QR URL or id) as the central store has it (lines,
    totals, customer, codes, status: open, or bought with its order number) and what this
    store's database knows (the sale that bought it, registers holding it). Exit 0 when found,
    1 when there is no such cart, 3 when the central store cannot be reached (what this store
    knows is still shown)."""
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.services.web_carts import show

    ctx = wiring.open_database(cfg)
    store = wiring.build_commerce_store(cfg)
    report = show(SqlUnitOfWork(ctx.session_factory), store.web_carts if store else None,
                  args.code)
    data = report.to_dict()
    if report.status == "not_found":
        return fail(args, f"there is no web cart {report.cart_id}", EXIT_FAILED, **data)
    if report.cart is None:  # what this store knows is in the JSON; the text says it too
        if report.local_sale is not None and not args.json:
            print(_cart_text(data))
        return fail(args, f"the central store cannot be reached: {report.central_error}",
                    EXIT_NO_STORE, **data)
    emit(args, data, _cart_text(data))
    return EXIT_OK


def _cart_text(d: dict[str, Any]) -> str:
    from pos.money import format_kronor as kr

    status = {"open": "open", "bought_here": "bought at this store (not yet closed centrally)",
              "unknown": "unknown (the central store cannot be reached)"}.get(d["status"], "")
    if d["status"] == "bought":
        o = d["order"]
        number = f"#{o['display_id']}" if o["display_id"] is not None else (o["id"] or "?")
        status = f"bought, order {number} ({'at a till' if o['bought_at'] == 'till' else 'online'})"
    out = [f"web cart {d['cart_id']}: {status}"]
    if d["customer"]:
        c = d["customer"]
        name = " ".join(x for x in (c.get("first_name"), c.get("last_name")) if x)
        out.append(f"customer: {name + ' ' if name else ''}<{c.get('email') or c.get('id')}>")
    if d["promo_codes"]:
        out.append("codes: " + ", ".join(d["promo_codes"]))
    for ln in d["lines"]:
        off = f"  (-{kr(ln['discount'])})" if ln["discount"] else ""
        out.append(f"  {ln['quantity']:>3} x {ln['sku']:<20} {ln['name'][:30]:<30} "
                   f"{kr(ln['unit_price']):>9} {kr(ln['total']):>10}{off}")
    if d["totals"]:
        t = d["totals"]
        out.append(f"discount {kr(t['discount'])}  VAT {kr(t['tax'])}  total {kr(t['total'])} "
                   f"{t['currency']}")
    if d["local_sale"]:
        s = d["local_sale"]
        out.append(f"sold here: register {s['register']} receipt {s['receipt_no']}, "
                   f"{kr(s['total'])} kr, {s['completed_at']}")
    if d["held_by"]:
        out.append("in the sale in progress of register(s): " + ", ".join(d["held_by"]))
    if d["conflict"]:
        out.append("CONFLICT: sold here too, but bought centrally by another sale or online: "
                   "two sales of one cart, check with the customer")
    return "\n".join(out)


def cmd_orders(args: argparse.Namespace, cfg: Config) -> int:
    """``orders pickups``: this store's web orders to be collected here, with where each is."""
    if args.action in ("placed", "returns"):
        from cli.orders import run
        return run(args, cfg)
    from pos.money import format_kronor
    from pos.services.pickups import pickup_list

    store = wiring.build_commerce_store(cfg)
    if store is None:
        return fail(args, "no central store configured: start it with integrations/medusa/"
                          "medusa.sh start or set [medusa] state in the config", EXIT_NO_STORE)
    location = str(cfg.get("register", "location_id"))
    orders = pickup_list(store.pickups, location, include_collected=not args.open)
    rows = [{"id": o.id, "number": o.display_id, "status": o.stage.value, "paid": o.paid,
             "payment_status": o.payment_status, "customer": o.customer_name, "email": o.email,
             "total_ore": o.total, "items": o.item_count, "from_location": o.source_location,
             "ship_to_store": o.ship_to_store, "created_at": o.created_at,
             "arrived_at": o.arrived_at or None, "customer_told_at": o.notified_at or None,
             "collected_at": o.collected_at or None} for o in orders]
    emit(args, {"location": location, "orders": rows}, "\n".join(
        f"#{o.display_id:<6} {o.stage.value:<11} {'paid' if o.paid else 'UNPAID':<7}"
        f"{format_kronor(o.total):>11}  {o.item_count:>3} pcs  "
        f"{(o.source_location + ' -> ') if o.ship_to_store else ''}{o.customer_name or o.email}"
        for o in orders) or f"no pickup orders for {location}")
    return EXIT_OK


def cmd_deliveries(args: argparse.Namespace, cfg: Config) -> int:
    """The sales' deliveries (ship-to-home): order reference, where from, when, to whom, and the
    central store's order (its display number) once the outbox has sent it."""
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.queries.deliveries import recent_deliveries

    ctx = wiring.open_database(cfg)
    rows = recent_deliveries(SqlUnitOfWork(ctx.session_factory), args.limit)
    emit(args, rows, "\n".join(
        f"{r.order_ref:<16} {r.location_name:<16} {r.expected_on}  "
        f"{('#' + str(r.display_id)) if r.display_id is not None else (r.status or '-'):<8} "
        f"{r.address}" for r in rows) or "no deliveries")
    return 0


def cmd_stock(args: argparse.Namespace, cfg: Config) -> int:
    """An article's stock at every location (here, the other stores, the web warehouse): fresh
    from the central store, or the last synced figures marked not fresh (exit 3) when it cannot
    be reached."""
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.delivery import DeliveryRules
    from pos.errors import UserError
    from pos.services.stock_lookup import find_article, report_dict, stock_report

    if args.code == "count":
        from cli.stock import run_count
        return run_count(args, cfg)
    if getattr(args, "file", None) is not None:
        return fail(args, f"stock takes one article code, or 'count FILE.csv' (got {args.file})",
                    EXIT_USAGE)
    ctx = wiring.open_database(cfg)
    uow = SqlUnitOfWork(ctx.session_factory)
    try:
        variant = find_article(uow, args.code)
    except UserError as e:
        return fail(args, str(e))
    store = wiring.build_commerce_store(cfg)
    here = str(cfg.get("register", "location_id"))
    report = stock_report(uow, store.stock if store is not None else None, variant, here,
                          DeliveryRules.from_config(cfg.data.get("delivery")))
    data = report_dict(report)
    when = _time(report.as_of) if report.as_of else "never synced"
    head = (f"{report.name} (SKU {report.sku}): "
            + (f"fresh from the central store at {when}" if report.fresh
               else f"NOT FRESH: last synced figures ({when}); {report.why_not_fresh}"))
    rows = [f"  {'*' if lv.location_id == here else ' '} {lv.location_name:<24} available "
            f"{lv.available:>5}  stocked {lv.stocked:>5}  reserved {lv.reserved:>5}"
            for lv in report.levels] or ["  no stock at any location"]
    if not report.fresh:
        data["error"] = f"not fresh: {report.why_not_fresh}"
    emit(args, data, "\n".join([head, *rows]))
    if not report.fresh:
        print(f"pos: not fresh: {report.why_not_fresh}; these are the last synced figures",
              file=sys.stderr)
        return EXIT_NO_STORE
    return 0
