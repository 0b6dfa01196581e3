"""The messages of the errors meant for a person (``pos.errors.UserError``), in the screen's
language.

Every error code has its template here, written as the domain writes it (``{name}``
placeholders), in the "Errors" context with the code as its disambiguation, so Qt Linguist shows
the translator the code beside the English; the Swedish lives in ``omnipos_sv.ts``. A test checks
that every code the code base can raise has a template here equal to the domain's English and a
finished Swedish translation with the same placeholders, so a reworded sentence cannot silently
lose its translation.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from pos.errors import UserError

log = logging.getLogger(__name__)

translate = QCoreApplication.translate
CONTEXT = "Errors"

TEMPLATES: dict[str, Callable[[], str]] = {
    "approval.cash_variance": lambda: translate(
        "Errors",
        "The drawer is {variance} kr off (more than {limit} kr): a manager must accept it",
        "approval.cash_variance"),
    "approval.discount_above": lambda: translate(
        "Errors",
        "A discount above {percent} % needs a manager",
        "approval.discount_above"),
    "approval.line_discount_of": lambda: translate(
        "Errors",
        "{off} kr off {name} ({share} % of {base} kr) is above {percent} %: a manager must "
        "approve it",
        "approval.line_discount_of"),
    "approval.no_sale": lambda: translate(
        "Errors",
        "Opening the drawer without a sale needs a manager",
        "approval.no_sale"),
    "approval.price_change": lambda: translate(
        "Errors",
        "A price change needs a manager",
        "approval.price_change"),
    "approval.price_change_of": lambda: translate(
        "Errors",
        "Changing the price of {name} from {old} kr to {new} kr needs a manager",
        "approval.price_change_of"),
    "approval.sale_discount_of": lambda: translate(
        "Errors",
        "{off} kr off the whole sale ({share} % of {base} kr) is above {percent} %: a manager"
        " must approve it",
        "approval.sale_discount_of"),
    "auth.approvals_locked": lambda: translate(
        "Errors",
        "Too many wrong manager PINs at this register: approvals are locked, try again in "
        "{minutes} min",
        "auth.approvals_locked"),
    "auth.locked": lambda: translate(
        "Errors",
        "Too many wrong PINs: locked, try again in {minutes} min",
        "auth.locked"),
    "auth.log_in_first": lambda: translate("Errors", "Log in first", "auth.log_in_first"),
    "auth.not_a_manager": lambda: translate(
        "Errors",
        "That is not a manager's PIN",
        "auth.not_a_manager"),
    "auth.pin_format": lambda: translate("Errors", "A PIN is 4 to 8 digits", "auth.pin_format"),
    "auth.unknown_user": lambda: translate("Errors", "Unknown user", "auth.unknown_user"),
    "auth.wrong_pin": lambda: translate("Errors", "Wrong PIN", "auth.wrong_pin"),
    "auth.wrong_pin_locked": lambda: translate(
        "Errors",
        "Wrong PIN. Too many attempts: locked for 5 minutes",
        "auth.wrong_pin_locked"),
    "backoffice.last_manager": lambda: translate(
        "Errors",
        "{name} is the last active manager: the back office would have no one to log in",
        "backoffice.last_manager"),
    "backoffice.managers_only": lambda: translate(
        "Errors",
        "The back office is for managers: {name} is a cashier",
        "backoffice.managers_only"),
    "backoffice.no_printer": lambda: translate(
        "Errors",
        "No receipt printer is configured for the back office ([devices] printer)",
        "backoffice.no_printer"),
    "backoffice.no_receipt": lambda: translate(
        "Errors",
        "Register {register} has no receipt {receipt}",
        "backoffice.no_receipt"),
    "backoffice.not_dead": lambda: translate(
        "Errors",
        "The message {key} is not dead: only dead messages are retried",
        "backoffice.not_dead"),
    "backoffice.receipt_code": lambda: translate(
        "Errors",
        "{code} is no receipt: scan its barcode or type the register and the receipt number "
        "(K1 12)",
        "backoffice.receipt_code"),
    "backoffice.staff_exists": lambda: translate(
        "Errors",
        "There is already a staff member {staff_id}",
        "backoffice.staff_exists"),
    "backoffice.staff_id": lambda: translate(
        "Errors",
        "A staff id is 1 to 40 letters, digits, '-' or '_'",
        "backoffice.staff_id"),
    "backoffice.staff_name": lambda: translate(
        "Errors",
        "Give the staff member's name",
        "backoffice.staff_name"),
    "backoffice.unknown_staff": lambda: translate(
        "Errors",
        "There is no staff member {staff_id}",
        "backoffice.unknown_staff"),
    "barcodes.layout_invalid": lambda: translate(
        "Errors",
        "The variable-measure barcode layout with prefix {prefix} is not valid: {detail}",
        "barcodes.layout_invalid"),
    "cart.code_already_on_sale": lambda: translate(
        "Errors",
        "The code {code} is already on this sale",
        "cart.code_already_on_sale"),
    "cart.code_not_on_sale": lambda: translate(
        "Errors",
        "The code {code} is not on this sale",
        "cart.code_not_on_sale"),
    "cart.discount_amount_positive": lambda: translate(
        "Errors",
        "A discount amount must be above zero",
        "cart.discount_amount_positive"),
    "cart.discount_kind": lambda: translate(
        "Errors",
        "A discount is either a percentage or an amount",
        "cart.discount_kind"),
    "cart.discount_percent_range": lambda: translate(
        "Errors",
        "A percentage discount must be above 0 and at most 100 %",
        "cart.discount_percent_range"),
    "cart.negative_price": lambda: translate(
        "Errors",
        "A price cannot be negative",
        "cart.negative_price"),
    "cart.no_longer_sold": lambda: translate(
        "Errors",
        "{name} is no longer sold",
        "cart.no_longer_sold"),
    "cart.no_such_line": lambda: translate(
        "Errors",
        "There is no line {line} in this sale",
        "cart.no_such_line"),
    "cart.not_sold_by_weight": lambda: translate(
        "Errors",
        "{name} is sold by the piece, not by weight: type a whole number",
        "cart.not_sold_by_weight"),
    "cart.nothing_left_on_line": lambda: translate(
        "Errors",
        "Nothing left to discount on this line",
        "cart.nothing_left_on_line"),
    "cart.nothing_to_discount": lambda: translate(
        "Errors",
        "Nothing to discount: the cart is empty",
        "cart.nothing_to_discount"),
    "cart.quantity_at_least_one": lambda: translate(
        "Errors",
        "The quantity must be at least 1: to take the article off the sale, remove its line "
        "(Del)",
        "cart.quantity_at_least_one"),
    "cart.quantity_too_large": lambda: translate(
        "Errors",
        "The quantity can be at most {max}",
        "cart.quantity_too_large"),
    "cart.quantity_whole": lambda: translate(
        "Errors",
        "The quantity must be a whole number",
        "cart.quantity_whole"),
    "cart.return_line_fixed": lambda: translate(
        "Errors",
        "A returned article's line gives back what was paid for it: remove it and return it "
        "again to change it",
        "cart.return_line_fixed"),
    "cart.weighed_line_quantity": lambda: translate(
        "Errors",
        "{name} is weighed: its weight is its quantity (scan each package's own label)",
        "cart.weighed_line_quantity"),
    "cart.weight_needed": lambda: translate(
        "Errors",
        "{name} is sold by weight: type its weight in kg (for example 0,512) before scanning "
        "it, or scan the label from the scale",
        "cart.weight_needed"),
    "catalog.unknown_code": lambda: translate(
        "Errors",
        "No article with code {code} in the catalogue",
        "catalog.unknown_code"),
    "catalog.unknown_plu": lambda: translate(
        "Errors",
        "No article with code {code}: no article has the short number {plu} its label names",
        "catalog.unknown_plu"),
    "central.not_enrolled": lambda: translate(
        "Errors",
        "Register {register} is not enrolled with the central store: sales are kept here "
        "until an administrator enrols it",
        "central.not_enrolled"),
    "central.register_revoked": lambda: translate(
        "Errors",
        "The central store refuses register {register}'s key (revoked): sales are kept here "
        "until an administrator enrols it again",
        "central.register_revoked"),
    "central.unreachable": lambda: translate(
        "Errors",
        "The central store cannot be reached now",
        "central.unreachable"),
    "count.negative": lambda: translate(
        "Errors",
        "A count cannot be negative ({amount}: {count})",
        "count.negative"),
    "count.unknown_denomination": lambda: translate(
        "Errors",
        "{amount} is not a Swedish note or coin",
        "count.unknown_denomination"),
    "customers.address_incomplete": lambda: translate(
        "Errors",
        "An address needs a street, a postcode and a city",
        "customers.address_incomplete"),
    "customers.bad_email": lambda: translate(
        "Errors",
        "'{email}' is not an e-mail address",
        "customers.bad_email"),
    "customers.bad_postcode": lambda: translate(
        "Errors",
        "'{postcode}' is not a Swedish postcode (five digits, e.g. 123 45)",
        "customers.bad_postcode"),
    "customers.card_unreachable": lambda: translate(
        "Errors",
        "The central store cannot be reached, so customer card {card} cannot be read now. "
        "Sell without it",
        "customers.card_unreachable"),
    "customers.cards_need_central_store": lambda: translate(
        "Errors",
        "No central store is set up: customer cards cannot be read",
        "customers.cards_need_central_store"),
    "customers.contact_required": lambda: translate(
        "Errors",
        "Give the customer's e-mail or phone number, so they can be found again",
        "customers.contact_required"),
    "customers.email_taken": lambda: translate(
        "Errors",
        "Another customer ({name}) already has the e-mail {email}",
        "customers.email_taken"),
    "customers.name_required": lambda: translate(
        "Errors",
        "Type the customer's first and last name",
        "customers.name_required"),
    "customers.no_central_store": lambda: translate(
        "Errors",
        "No central store is set up: customers cannot be searched",
        "customers.no_central_store"),
    "customers.no_such_card": lambda: translate(
        "Errors",
        "No customer has card {card}",
        "customers.no_such_card"),
    "customers.no_such_customer": lambda: translate(
        "Errors",
        "The central store has no customer {id}",
        "customers.no_such_customer"),
    "customers.no_such_token": lambda: translate(
        "Errors",
        "This customer code is not valid (any more): ask the customer to open it again under "
        "My account",
        "customers.no_such_token"),
    "customers.possible_duplicates": lambda: translate(
        "Errors",
        "{count} customer(s) already look like this one: use one of them, or give a reason to"
        " create a new customer",
        "customers.possible_duplicates"),
    "customers.reason_required": lambda: translate(
        "Errors",
        "Say why this is another customer (at least {min} characters)",
        "customers.reason_required"),
    "customers.records_failed": lambda: translate(
        "Errors",
        "The central store refused: {detail}",
        "customers.records_failed"),
    "customers.records_unavailable": lambda: translate(
        "Errors",
        "No central store is set up: customers cannot be created, changed or looked up here",
        "customers.records_unavailable"),
    "customers.records_unreachable": lambda: translate(
        "Errors",
        "The central store cannot be reached, so customers cannot be created, changed or "
        "looked up now",
        "customers.records_unreachable"),
    "customers.same_email": lambda: translate(
        "Errors",
        "{name} already has the e-mail {email}: use that customer",
        "customers.same_email"),
    "customers.search_failed": lambda: translate(
        "Errors",
        "The customer search failed: {detail}",
        "customers.search_failed"),
    "customers.unreachable": lambda: translate(
        "Errors",
        "The central store cannot be reached, so customers cannot be searched now. Sell "
        "without one",
        "customers.unreachable"),
    "db.busy": lambda: translate(
        "Errors",
        "The store's database is busy (another program is writing to it): nothing was "
        "changed, try again in a moment",
        "db.busy"),
    "delivery.address_incomplete": lambda: translate(
        "Errors",
        "The delivery address lacks {missing}",
        "delivery.address_incomplete"),
    "delivery.no_address": lambda: translate(
        "Errors",
        "Lines marked for delivery need a delivery address",
        "delivery.no_address"),
    "delivery.postcode_invalid": lambda: translate(
        "Errors",
        "{postcode} is not a Swedish postcode: five digits, written 123 45, the first one 1-9",
        "delivery.postcode_invalid"),
    "delivery.shipping_line": lambda: translate(
        "Errors",
        "The shipping line follows the delivery: it cannot be changed",
        "delivery.shipping_line"),
    "delivery.unknown_location": lambda: translate(
        "Errors",
        "{location} is not a location this store sends from",
        "delivery.unknown_location"),
    "diag.bad_width": lambda: translate(
        "Errors",
        "The paper width in the config is not a number: {value}",
        "diag.bad_width"),
    "diag.cannot_print": lambda: translate(
        "Errors",
        "No test receipt can be made with these settings ({kind})",
        "diag.cannot_print"),
    "diag.check_failed": lambda: translate(
        "Errors",
        "The check itself failed",
        "diag.check_failed"),
    "diag.cover_open": lambda: translate("Errors", "Cover open", "diag.cover_open"),
    "diag.display_window": lambda: translate(
        "Errors",
        "Customer display window: shown by the till",
        "diag.display_window"),
    "diag.nothing_to_check": lambda: translate(
        "Errors",
        "{url}: nothing to check here",
        "diag.nothing_to_check"),
    "diag.paper_near_end": lambda: translate(
        "Errors",
        "Ready ({profile}, {columns} columns on {width} mm, {code_page}); the paper roll is "
        "nearly finished",
        "diag.paper_near_end"),
    "diag.paper_out": lambda: translate("Errors", "Out of paper", "diag.paper_out"),
    "diag.port_closed": lambda: translate("Errors", "Cannot open {url}", "diag.port_closed"),
    "diag.port_opens": lambda: translate("Errors", "The port opens", "diag.port_opens"),
    "diag.printer_offline": lambda: translate(
        "Errors",
        "The printer is offline",
        "diag.printer_offline"),
    "diag.printer_ready": lambda: translate(
        "Errors",
        "Ready ({profile}, {columns} columns on {width} mm, {code_page})",
        "diag.printer_ready"),
    "diag.printer_settings": lambda: translate(
        "Errors",
        "The printer's settings do not work: {error}",
        "diag.printer_settings"),
    "diag.printer_silent": lambda: translate(
        "Errors",
        "The printer does not answer",
        "diag.printer_silent"),
    "diag.status_unreadable": lambda: translate(
        "Errors",
        "Connected ({profile}, {columns} columns on {width} mm, {code_page}); its status "
        "cannot be read",
        "diag.status_unreadable"),
    "diag.terminal_answers": lambda: translate(
        "Errors",
        "The terminal answers",
        "diag.terminal_answers"),
    "diag.terminal_fails": lambda: translate(
        "Errors",
        "The terminal cannot be reached",
        "diag.terminal_fails"),
    "diag.terminal_fails_because": lambda: translate(
        "Errors",
        "The terminal cannot be reached: {error}",
        "diag.terminal_fails_because"),
    "diag.terminal_silent": lambda: translate(
        "Errors",
        "The terminal does not answer",
        "diag.terminal_silent"),
    "diag.terminal_simulated": lambda: translate(
        "Errors",
        "Simulated terminal (no real payments)",
        "diag.terminal_simulated"),
    "diag.wedge": lambda: translate(
        "Errors",
        "Keyboard wedge: test by scanning in the till",
        "diag.wedge"),
    "drawer.sale_in_progress": lambda: translate(
        "Errors",
        "A sale is in progress: finish or park it before opening the drawer without a sale",
        "drawer.sale_in_progress"),
    "giftcard.amount_out_of_range": lambda: translate(
        "Errors",
        "A gift card is sold for {min} to {max} kr",
        "giftcard.amount_out_of_range"),
    "giftcard.empty": lambda: translate(
        "Errors",
        "The gift card {code} has nothing left",
        "giftcard.empty"),
    "giftcard.expired": lambda: translate(
        "Errors",
        "The gift card {code} expired on {date}",
        "giftcard.expired"),
    "giftcard.insufficient": lambda: translate(
        "Errors",
        "The gift card has only {balance} kr left",
        "giftcard.insufficient"),
    "giftcard.invalid_code": lambda: translate(
        "Errors",
        "{code} is not a gift card code",
        "giftcard.invalid_code"),
    "giftcard.not_found": lambda: translate(
        "Errors",
        "There is no gift card {code}",
        "giftcard.not_found"),
    "giftcard.not_issued_yet": lambda: translate(
        "Errors",
        "The gift card {code} is not active yet: it was sold at a till whose sale has not "
        "reached the central store",
        "giftcard.not_issued_yet"),
    "giftcard.offline": lambda: translate(
        "Errors",
        "The gift card cannot be redeemed now: the central store cannot be reached. Nothing "
        "was charged; take another payment",
        "giftcard.offline"),
    "giftcard.pay_in_payment": lambda: translate(
        "Errors",
        "Gift card {code}: pay with it in the payment (F9, then F7)",
        "giftcard.pay_in_payment"),
    "gtin.not_digits": lambda: translate(
        "Errors",
        "'{code}' is not a barcode number (digits only)",
        "gtin.not_digits"),
    "gtin.wrong_check_digit": lambda: translate(
        "Errors",
        "{symbology} {code} has a wrong check digit ({digit}, should be {expected}): scan "
        "again or type it",
        "gtin.wrong_check_digit"),
    "gtin.wrong_check_digit_8": lambda: translate(
        "Errors",
        "{code} has a wrong check digit: {digit} is right neither for an EAN-8 (should be "
        "{ean8}) nor for a UPC-E (should be {upce}): scan again or type it",
        "gtin.wrong_check_digit_8"),
    "gtin.wrong_length": lambda: translate(
        "Errors",
        "'{code}' has {digits} digits; a GTIN has 8, 12, 13 or 14",
        "gtin.wrong_length"),
    "invoice.already_paid": lambda: translate(
        "Errors",
        "Invoice {number} is already paid",
        "invoice.already_paid"),
    "invoice.amount_due": lambda: translate(
        "Errors",
        "Invoice {number}: {amount} kr is due",
        "invoice.amount_due"),
    "invoice.customer_overdue": lambda: translate(
        "Errors",
        "{customer} has an overdue invoice ({number}, due {due}): a manager must approve a "
        "new invoice",
        "invoice.customer_overdue"),
    "invoice.no_billing_address": lambda: translate(
        "Errors",
        "{customer} has no billing address: add one before paying by invoice",
        "invoice.no_billing_address"),
    "invoice.no_customer": lambda: translate(
        "Errors",
        "An invoice needs an identified customer: find the customer first",
        "invoice.no_customer"),
    "invoice.not_found": lambda: translate(
        "Errors",
        "No invoice has reference {reference}",
        "invoice.not_found"),
    "invoice.not_offered": lambda: translate(
        "Errors",
        "This till does not offer invoices (no bankgiro in [invoice])",
        "invoice.not_offered"),
    "invoice.ocr_check_digit": lambda: translate(
        "Errors",
        "OCR reference {reference} has a wrong check digit",
        "invoice.ocr_check_digit"),
    "invoice.ocr_length": lambda: translate(
        "Errors",
        "OCR reference {reference} has {count} digits; a payment reference has 2 to 25",
        "invoice.ocr_length"),
    "invoice.ocr_length_digit": lambda: translate(
        "Errors",
        "OCR reference {reference} has a wrong length digit ({digit}, should be {expected})",
        "invoice.ocr_length_digit"),
    "invoice.ocr_not_digits": lambda: translate(
        "Errors",
        "OCR reference {reference} must be digits only",
        "invoice.ocr_not_digits"),
    "invoice.other_customer": lambda: translate(
        "Errors",
        "The invoice is for {customer}, not the sale's customer",
        "invoice.other_customer"),
    "invoice.over_credit_limit": lambda: translate(
        "Errors",
        "{customer} would owe {owed} kr on invoices, over the credit limit of {limit} kr: a "
        "manager must approve",
        "invoice.over_credit_limit"),
    "invoice.paid_elsewhere": lambda: translate(
        "Errors",
        "Invoice {ocr} is already paid in the central store ({detail}): refund this payment",
        "invoice.paid_elsewhere"),
    "invoice.sale_not_empty": lambda: translate(
        "Errors",
        "Finish or park the sale first: an invoice is paid on a sale of its own",
        "invoice.sale_not_empty"),
    "invoice.series_invalid": lambda: translate(
        "Errors",
        "The invoice series {series} must be 1 to 3 digits",
        "invoice.series_invalid"),
    "invoice.whole_sale": lambda: translate(
        "Errors",
        "An invoice pays the whole sale: take the other payments back first",
        "invoice.whole_sale"),
    "invoice_mail.no_such_invoice": lambda: translate(
        "Errors",
        "No invoice {number} at this till",
        "invoice_mail.no_such_invoice"),
    "invoice_mail.not_offered": lambda: translate(
        "Errors",
        "This till does not e-mail invoices (no mail server in [mail])",
        "invoice_mail.not_offered"),
    "journal.changed": lambda: translate(
        "Errors",
        "its content was changed after it was written",
        "journal.changed"),
    "journal.control_code": lambda: translate(
        "Errors",
        "receipt {receipt_no}'s control code is not the control unit's",
        "journal.control_code"),
    "journal.control_unit_ahead": lambda: translate(
        "Errors",
        "the control unit registered receipt {registered}, the register's records end at "
        "{last} (rows deleted, a database restored, or a sale whose completion failed and was"
        " not finished)",
        "journal.control_unit_ahead"),
    "journal.deleted": lambda: translate(
        "Errors",
        "entries {first}..{last} were deleted",
        "journal.deleted"),
    "journal.entry_missing": lambda: translate(
        "Errors",
        "entry {seq} is missing (found {found} next)",
        "journal.entry_missing"),
    "journal.entry_without_sale": lambda: translate(
        "Errors",
        "the journal's sale {receipt_no} is not among the sales",
        "journal.entry_without_sale"),
    "journal.head_mismatch": lambda: translate(
        "Errors",
        "the journal does not end where its head says",
        "journal.head_mismatch"),
    "journal.next_receipt": lambda: translate(
        "Errors",
        "the register's next receipt is {next}, its sales end at {last}",
        "journal.next_receipt"),
    "journal.not_linked": lambda: translate(
        "Errors",
        "does not link to the entry before it",
        "journal.not_linked"),
    "journal.receipts_missing": lambda: translate(
        "Errors",
        "receipt numbers are broken: {missing} missing",
        "journal.receipts_missing"),
    "journal.sale_differs": lambda: translate(
        "Errors",
        "sale {receipt_no} differs from its journal entry",
        "journal.sale_differs"),
    "journal.sale_unjournaled": lambda: translate(
        "Errors",
        "sale {receipt_no} ({sale_id}) has no journal entry",
        "journal.sale_unjournaled"),
    "journal.skv_nothing": lambda: translate(
        "Errors",
        "the period holds nothing the tax authority's format records (no receipts, reports, "
        "drawer openings or log-ins)",
        "journal.skv_nothing"),
    "kiosk.bad_contact": lambda: translate(
        "Errors",
        "'{text}' is neither an e-mail address nor a phone number",
        "kiosk.bad_contact"),
    "kiosk.call_taken": lambda: translate(
        "Errors",
        "The call from {place} was already taken by {by}",
        "kiosk.call_taken"),
    "kiosk.cart_empty": lambda: translate(
        "Errors",
        "The cart is empty: add an article first",
        "kiosk.cart_empty"),
    "kiosk.cart_offline": lambda: translate(
        "Errors",
        "The cart cannot be saved now: the central store cannot be reached. It is kept here: "
        "try again in a moment, or ask the staff at a till",
        "kiosk.cart_offline"),
    "kiosk.cart_out_of_stock": lambda: translate(
        "Errors",
        "The central store did not save the cart: an article in it is not in stock for this "
        "store. Remove it or ask the staff",
        "kiosk.cart_out_of_stock"),
    "kiosk.customer_not_found": lambda: translate(
        "Errors",
        "No customer has the phone number {phone}: give your e-mail address instead",
        "kiosk.customer_not_found"),
    "kiosk.not_in_central_store": lambda: translate(
        "Errors",
        "{name} cannot be saved in a web cart: the central store does not know it yet",
        "kiosk.not_in_central_store"),
    "kiosk.not_staff": lambda: translate(
        "Errors",
        "That PIN is no staff member's",
        "kiosk.not_staff"),
    "kiosk.pin_locked": lambda: translate(
        "Errors",
        "Too many wrong PINs at this kiosk: it takes none for {minutes} min",
        "kiosk.pin_locked"),
    "kiosk_order.city_missing": lambda: translate(
        "Errors",
        "Write the town or city",
        "kiosk_order.city_missing"),
    "kiosk_order.contact_invalid": lambda: translate(
        "Errors",
        "'{text}' is neither a phone number nor an e-mail address",
        "kiosk_order.contact_invalid"),
    "kiosk_order.contact_missing": lambda: translate(
        "Errors",
        "Give a phone number or an e-mail address, so that we can tell you when the order is "
        "on its way",
        "kiosk_order.contact_missing"),
    "kiosk_order.name_missing": lambda: translate(
        "Errors",
        "Write your name",
        "kiosk_order.name_missing"),
    "kiosk_order.not_a_pickup_store": lambda: translate(
        "Errors",
        "{location} is not a store that can hand over the order",
        "kiosk_order.not_a_pickup_store"),
    "kiosk_order.nothing": lambda: translate(
        "Errors",
        "Choose an article to order first",
        "kiosk_order.nothing"),
    "kiosk_order.paying": lambda: translate(
        "Errors",
        "The order is being paid: wait for the card terminal",
        "kiosk_order.paying"),
    "kiosk_order.street_missing": lambda: translate(
        "Errors",
        "Write the street address the parcel goes to",
        "kiosk_order.street_missing"),
    "labels.not_printed": lambda: translate(
        "Errors",
        "Shelf labels printed: {printed} of {total}; the printer stopped: {reason}",
        "labels.not_printed"),
    "labels.nothing_chosen": lambda: translate(
        "Errors",
        "Choose articles, a category or a date to make shelf labels",
        "labels.nothing_chosen"),
    "labels.qr_base": lambda: translate(
        "Errors",
        "The shelf labels' QR address {base} is not a web address: set [labels] qr_base to "
        "https://...",
        "labels.qr_base"),
    "labels.too_many": lambda: translate(
        "Errors",
        "{count} articles is more than {max} labels at a time: choose fewer",
        "labels.too_many"),
    "mail.login_refused": lambda: translate(
        "Errors",
        "The mail server refused the login: check [mail] username and the password (`pos mail"
        " set-password`)",
        "mail.login_refused"),
    "mail.no_credential_store": lambda: translate(
        "Errors",
        "No credential store to keep the mail password in: {detail}",
        "mail.no_credential_store"),
    "mail.no_password": lambda: translate(
        "Errors",
        "The mail server's password is not set: run `pos mail set-password`",
        "mail.no_password"),
    "mail.not_configured": lambda: translate(
        "Errors",
        "No mail server is configured: set [mail] host and from in the configuration",
        "mail.not_configured"),
    "mail.refused": lambda: translate(
        "Errors",
        "The mail server refused the e-mail to {to}: {reason}",
        "mail.refused"),
    "mail.unreachable": lambda: translate(
        "Errors",
        "The mail server cannot be reached now; the e-mail waits and is sent when it answers",
        "mail.unreachable"),
    "money.empty": lambda: translate("Errors", "Enter an amount", "money.empty"),
    "money.not_a_value": lambda: translate(
        "Errors",
        "{value} is not an amount",
        "money.not_a_value"),
    "money.not_an_amount": lambda: translate(
        "Errors",
        "'{text}' is not an amount",
        "money.not_an_amount"),
    "money.too_large": lambda: translate(
        "Errors",
        "'{text}' is too large: at most {maximum} kr",
        "money.too_large"),
    "money.too_many_decimals": lambda: translate(
        "Errors",
        "'{text}' has more than two decimals",
        "money.too_many_decimals"),
    "orders.no_notifier": lambda: translate(
        "Errors",
        "No way to tell customers is set up here (e-mail or a record)",
        "orders.no_notifier"),
    "orders.not_arrived": lambda: translate(
        "Errors",
        "Web order #{number} has not arrived here yet: there is nothing to tell the customer",
        "orders.not_arrived"),
    "parking.gone": lambda: translate(
        "Errors",
        "That parked sale is gone (resumed on another till?)",
        "parking.gone"),
    "parking.nothing_to_park": lambda: translate(
        "Errors",
        "Nothing to park",
        "parking.nothing_to_park"),
    "parking.payment_started": lambda: translate(
        "Errors",
        "Payment has started: finish or cancel it first",
        "parking.payment_started"),
    "parking.sale_in_progress": lambda: translate(
        "Errors",
        "Finish or park the sale in progress first",
        "parking.sale_in_progress"),
    "payment.already_paid": lambda: translate(
        "Errors",
        "The sale is already paid",
        "payment.already_paid"),
    "payment.amount_positive": lambda: translate(
        "Errors",
        "A {method} payment must be above 0",
        "payment.amount_positive"),
    "payment.at_most": lambda: translate(
        "Errors",
        "{method} can pay at most {amount} kr (what is left)",
        "payment.at_most"),
    "payment.card_amount_positive": lambda: translate(
        "Errors",
        "A card payment must be above 0",
        "payment.card_amount_positive"),
    "payment.card_at_most": lambda: translate(
        "Errors",
        "A card can pay at most {amount} kr (what is left)",
        "payment.card_at_most"),
    "payment.card_cancelled": lambda: translate(
        "Errors",
        "Cancelled{detail}",
        "payment.card_cancelled"),
    "payment.card_declined": lambda: translate(
        "Errors",
        "Card declined{detail}",
        "payment.card_declined"),
    "payment.card_refund_refused": lambda: translate(
        "Errors",
        "The card payment was not given back ({outcome}{detail}); it still counts for this "
        "sale",
        "payment.card_refund_refused"),
    "payment.card_without_sale": lambda: translate(
        "Errors",
        "An approved card payment of {amount} öre has no open sale: refund it (ref {ref})",
        "payment.card_without_sale"),
    "payment.cash_received_positive": lambda: translate(
        "Errors",
        "Enter the cash received (more than 0)",
        "payment.cash_received_positive"),
    "payment.detail": lambda: translate("Errors", ": {text}", "payment.detail"),
    "payment.finish_before_logout": lambda: translate(
        "Errors",
        "A payment has started: finish it (or take its payments back) before logging out",
        "payment.finish_before_logout"),
    "payment.method_invalid": lambda: translate(
        "Errors",
        "The payment method {method} is not valid: {detail}",
        "payment.method_invalid"),
    "payment.method_needs_provider": lambda: translate(
        "Errors",
        "The payment method {method} needs a provider",
        "payment.method_needs_provider"),
    "payment.method_twice": lambda: translate(
        "Errors",
        "The payment method {method} is configured twice",
        "payment.method_twice"),
    "payment.mobile_busy": lambda: translate(
        "Errors",
        "{method} cannot take the payment now{detail}",
        "payment.mobile_busy"),
    "payment.mobile_declined": lambda: translate(
        "Errors",
        "{method} did not pay{detail}",
        "payment.mobile_declined"),
    "payment.mobile_never_received": lambda: translate(
        "Errors",
        "{method} never received the payment{detail}",
        "payment.mobile_never_received"),
    "payment.mobile_no_answer": lambda: translate(
        "Errors",
        "{method} did not answer in time. Nothing is lost: check the payment before taking "
        "another",
        "payment.mobile_no_answer"),
    "payment.no_cash_method": lambda: translate(
        "Errors",
        "No payment method counts as cash",
        "payment.no_cash_method"),
    "payment.no_provider": lambda: translate(
        "Errors",
        "Nothing here takes {method} payments",
        "payment.no_provider"),
    "payment.no_such_card_tender": lambda: translate(
        "Errors",
        "There is no such card payment on this sale",
        "payment.no_such_card_tender"),
    "payment.no_such_tender": lambda: translate(
        "Errors",
        "There is no such payment on this sale",
        "payment.no_such_tender"),
    "payment.not_a_provider_tender": lambda: translate(
        "Errors",
        "{method} is not taken through a payment provider",
        "payment.not_a_provider_tender"),
    "payment.not_cash": lambda: translate(
        "Errors",
        "{method} does not count as cash",
        "payment.not_cash"),
    "payment.not_paid_in_full": lambda: translate(
        "Errors",
        "The sale is not paid in full yet",
        "payment.not_paid_in_full"),
    "payment.nothing_to_refund": lambda: translate(
        "Errors",
        "Nothing is owed back on this sale",
        "payment.nothing_to_refund"),
    "payment.refund_at_most": lambda: translate(
        "Errors",
        "At most {amount} kr is owed back",
        "payment.refund_at_most"),
    "payment.refund_due": lambda: translate(
        "Errors",
        "This sale gives back {amount} kr: refund it (nothing is taken)",
        "payment.refund_due"),
    "payment.refund_negative": lambda: translate(
        "Errors",
        "A refund gives money back: its amount is below 0",
        "payment.refund_negative"),
    "payment.sale_empty": lambda: translate("Errors", "The sale is empty", "payment.sale_empty"),
    "payment.tenders_taken": lambda: translate(
        "Errors",
        "Payments are already taken: complete the payment, or take them back first (Del)",
        "payment.tenders_taken"),
    "payment.terminal_busy": lambda: translate(
        "Errors",
        "The terminal is busy{detail}",
        "payment.terminal_busy"),
    "payment.terminal_never_received": lambda: translate(
        "Errors",
        "The terminal never received the payment{detail}",
        "payment.terminal_never_received"),
    "payment.terminal_no_answer": lambda: translate(
        "Errors",
        "The terminal did not answer. Nothing is lost: ask it again with 'Check card payment'"
        " before taking another payment",
        "payment.terminal_no_answer"),
    "payment.unknown_method": lambda: translate(
        "Errors",
        "There is no payment method {method}",
        "payment.unknown_method"),
    "phone.bad_country": lambda: translate(
        "Errors",
        "{text} starts with a country code no country has",
        "phone.bad_country"),
    "phone.empty": lambda: translate("Errors", "No phone number was given", "phone.empty"),
    "phone.invalid": lambda: translate(
        "Errors",
        "{text} is no phone number in use in {country} (check the digits)",
        "phone.invalid"),
    "phone.not_a_number": lambda: translate(
        "Errors",
        "'{text}' is not a phone number: only digits, spaces, - ( ) and a leading + belong in"
        " one",
        "phone.not_a_number"),
    "phone.too_long": lambda: translate(
        "Errors",
        "{text} is too long for a phone number",
        "phone.too_long"),
    "phone.too_short": lambda: translate(
        "Errors",
        "{text} is too short for a phone number (a Swedish mobile number has 10 digits: "
        "070-123 45 67)",
        "phone.too_short"),
    "pickup.already_in_sale": lambda: translate(
        "Errors",
        "Web order #{number} is already in this sale",
        "pickup.already_in_sale"),
    "pickup.already_paid": lambda: translate(
        "Errors",
        "Web order #{number} is paid already: hand it over without a sale",
        "pickup.already_paid"),
    "pickup.canceled": lambda: translate(
        "Errors",
        "Web order #{number} is cancelled",
        "pickup.canceled"),
    "pickup.collected": lambda: translate(
        "Errors",
        "Web order #{number} has already been collected",
        "pickup.collected"),
    "pickup.handed_over_here": lambda: translate(
        "Errors",
        "Web order #{number} was already handed over at this till",
        "pickup.handed_over_here"),
    "pickup.line_fixed": lambda: translate(
        "Errors",
        "This line belongs to web order #{number}: its price and quantity are the order's "
        "(remove the line to take the whole order out of the sale)",
        "pickup.line_fixed"),
    "pickup.no_central_store": lambda: translate(
        "Errors",
        "Web orders cannot be looked up: this till has no central store",
        "pickup.no_central_store"),
    "pickup.not_found": lambda: translate(
        "Errors",
        "No web order {code} for pickup here",
        "pickup.not_found"),
    "pickup.not_paid": lambda: translate(
        "Errors",
        "Web order #{number} is not paid: take its payment at the till first",
        "pickup.not_paid"),
    "pickup.not_this_store": lambda: translate(
        "Errors",
        "Web order #{number} is to be collected at {location}, not here",
        "pickup.not_this_store"),
    "pickup.total_mismatch": lambda: translate(
        "Errors",
        "Web order #{number}'s lines add up to {lines} öre but the order is for {total} öre: "
        "it cannot be paid here",
        "pickup.total_mismatch"),
    "printer.cannot_prepare": lambda: translate(
        "Errors",
        "The receipt could not be prepared for printing: {detail}",
        "printer.cannot_prepare"),
    "printer.cover_open": lambda: translate(
        "Errors",
        "The receipt printer ({name}) has its cover open. Close the cover; then print again.",
        "printer.cover_open"),
    "printer.no_answer": lambda: translate(
        "Errors",
        "The receipt printer ({name}) does not answer: {what}. Check that it is switched on "
        "and connected; the sale is saved and the receipt can be printed again. [{error}]",
        "printer.no_answer"),
    "printer.offline": lambda: translate(
        "Errors",
        "The receipt printer ({name}) is offline{detail}. Check the printer's lights, paper "
        "and cover; then print again.",
        "printer.offline"),
    "printer.paper_out": lambda: translate(
        "Errors",
        "The receipt printer ({name}) is out of paper. Put in a new roll and close the cover;"
        " then print again.",
        "printer.paper_out"),
    "printer.paper_width": lambda: translate(
        "Errors",
        "A paper width of {width} mm is not a receipt roll: set devices.paper_width_mm to the"
        " roll's width, e.g. 58 or 80",
        "printer.paper_width"),
    "printer.profile_cannot_print": lambda: translate(
        "Errors",
        "A receipt cannot be printed with the printer profile {profile} on {width} mm paper: "
        "{detail}",
        "printer.profile_cannot_print"),
    "printer.profile_no_code_page": lambda: translate(
        "Errors",
        "The printer profile {profile} has no code page with the Swedish letters å, ä and ö; "
        "choose another profile",
        "printer.profile_no_code_page"),
    "printer.profile_not_a_printer": lambda: translate(
        "Errors",
        "The printer profile {profile} ({model}) is a customer display, not a receipt "
        "printer; set devices.printer_profile to the receipt printer's model",
        "printer.profile_not_a_printer"),
    "printer.unknown_profile": lambda: translate(
        "Errors",
        "The printer profile {profile} is not one python-escpos knows; set "
        "devices.printer_profile to one of: {known}",
        "printer.unknown_profile"),
    "printer.url_bad_port": lambda: translate(
        "Errors",
        "Printer URL {url} has a bad port",
        "printer.url_bad_port"),
    "printer.url_no_host": lambda: translate(
        "Errors",
        "Printer URL {url} has no host: use network://HOST:9100",
        "printer.url_no_host"),
    "printer.url_no_path": lambda: translate(
        "Errors",
        "Printer URL {url} has no path: use file:///PATH",
        "printer.url_no_path"),
    "printer.url_no_port": lambda: translate(
        "Errors",
        "Printer URL {url} has no port: use serial:///dev/ttyS0?baud=19200",
        "printer.url_no_port"),
    "printer.url_not_number": lambda: translate(
        "Errors",
        "Printer URL {url}: {key} must be a number",
        "printer.url_not_number"),
    "printer.url_unknown": lambda: translate(
        "Errors",
        "Unknown printer URL {url}: use preview, dummy, network://HOST:9100, "
        "serial:///dev/ttyS0?baud=19200, usb://VID:PID or file:///PATH",
        "printer.url_unknown"),
    "printer.url_usb_ids": lambda: translate(
        "Errors",
        "Printer URL {url}: use usb://VID:PID in hex, e.g. usb://04b8:0e15",
        "printer.url_usb_ids"),
    "printer.usb_missing": lambda: translate(
        "Errors",
        "USB printing needs pyusb and libusb: install with `pip install 'python-escpos[usb]'`"
        " (and `apt install libusb-1.0-0`), or use a network or serial printer.",
        "printer.usb_missing"),
    "promotion.automatic": lambda: translate(
        "Errors",
        "{code} applies by itself: the customer needs no code for it",
        "promotion.automatic"),
    "promotion.budget_used_up": lambda: translate(
        "Errors",
        "The code {code} has used up its campaign's budget",
        "promotion.budget_used_up"),
    "promotion.no_such_code": lambda: translate(
        "Errors",
        "There is no promotion code {code}",
        "promotion.no_such_code"),
    "promotion.not_at_till": lambda: translate(
        "Errors",
        "The code {code} cannot be used at the till",
        "promotion.not_at_till"),
    "promotion.not_valid_now": lambda: translate(
        "Errors",
        "The code {code} is not valid now",
        "promotion.not_valid_now"),
    "promotion.shipping_only": lambda: translate(
        "Errors",
        "The code {code} is for shipping only",
        "promotion.shipping_only"),
    "promotion.type_a_code": lambda: translate(
        "Errors",
        "Type a promotion code",
        "promotion.type_a_code"),
    "receipt_mail.bad_address": lambda: translate(
        "Errors",
        '"{address}" is not an e-mail address',
        "receipt_mail.bad_address"),
    "receipt_mail.no_such_sale": lambda: translate(
        "Errors",
        "No such receipt: {receipt}",
        "receipt_mail.no_such_sale"),
    "receipt_mail.not_offered": lambda: translate(
        "Errors",
        "Receipts are not e-mailed from this till: no mail server is configured",
        "receipt_mail.not_offered"),
    "receipts.copy_already_printed": lambda: translate(
        "Errors",
        "Receipt {receipt} already has its copy: a receipt gets one copy (KOPIA)",
        "receipts.copy_already_printed"),
    "receipts.document_not_printed": lambda: translate(
        "Errors",
        "Not printed: {reason}",
        "receipts.document_not_printed"),
    "receipts.no_such_sale": lambda: translate("Errors", "No such sale", "receipts.no_such_sale"),
    "receipts.not_printed": lambda: translate(
        "Errors",
        "Receipt {receipt} not printed: {reason}. The sale is saved; reprint it when the "
        "printer is back",
        "receipts.not_printed"),
    "report.not_written": lambda: translate(
        "Errors",
        "The report could not be written to {path}: {reason}",
        "report.not_written"),
    "return.cash_only_by_policy": lambda: translate(
        "Errors",
        "The store's policy refunds to the original payment",
        "return.cash_only_by_policy"),
    "return.central_refused": lambda: translate(
        "Errors",
        "The central store refused the return of {code}: {reason}",
        "return.central_refused"),
    "return.needs_receipt_approval": lambda: translate(
        "Errors",
        "A return without a receipt needs a manager's approval",
        "return.needs_receipt_approval"),
    "return.no_central_store": lambda: translate(
        "Errors",
        "No central store is configured here: the web order {code} cannot be looked up",
        "return.no_central_store"),
    "return.no_such_line": lambda: translate(
        "Errors",
        "The purchase has no line {line}",
        "return.no_such_line"),
    "return.no_terminal_refund": lambda: translate(
        "Errors",
        "Nothing here can refund {method}: give it back in cash",
        "return.no_terminal_refund"),
    "return.not_a_return": lambda: translate(
        "Errors",
        "This sale gives nothing back",
        "return.not_a_return"),
    "return.not_found": lambda: translate(
        "Errors",
        "No purchase found for {code}",
        "return.not_found"),
    "return.other_store_offline": lambda: translate(
        "Errors",
        "{code} was not sold here, and the central store that knows it cannot be reached: it "
        "cannot be returned now",
        "return.other_store_offline"),
    "return.quantity_positive": lambda: translate(
        "Errors",
        "Return at least one unit",
        "return.quantity_positive"),
    "return.refund_refused": lambda: translate(
        "Errors",
        "The refund of {amount} kr to {method} was not made ({outcome}{detail}): try again, "
        "or give it back in cash",
        "return.refund_refused"),
    "return.returned_meanwhile": lambda: translate(
        "Errors",
        "{name} of {code} was returned meanwhile at another register: at most {max} can still"
        " come back. Remove the line and find the purchase again",
        "return.returned_meanwhile"),
    "return.too_many": lambda: translate(
        "Errors",
        "{name}: at most {max} can be returned (bought {bought}, returned {returned})",
        "return.too_many"),
    "return.too_many_with_sale": lambda: translate(
        "Errors",
        "{name}: at most {max} more can be returned (bought {bought}, returned before "
        "{returned}, {in_sale} already on this sale)",
        "return.too_many_with_sale"),
    "return.unknown_reason": lambda: translate(
        "Errors",
        "There is no return reason {reason}",
        "return.unknown_reason"),
    "return.web_order_offline": lambda: translate(
        "Errors",
        "A web order cannot be returned while the central store cannot be reached: its order "
        "is the only record of what was returned",
        "return.web_order_offline"),
    "sale.card_paid_refund_first": lambda: translate(
        "Errors",
        "A card has already paid part of this sale: refund it first",
        "sale.card_paid_refund_first"),
    "sale.control_unit_mismatch": lambda: translate(
        "Errors",
        "The control unit's newest receipt for register {register} is number {unit}, the "
        "register's own records end at {records}: they were changed. Sales stop here: call "
        "support",
        "sale.control_unit_mismatch"),
    "sale.not_completed": lambda: translate(
        "Errors",
        "The sale could not be completed: {detail}. It is paid and saved: complete it again, "
        "or take a payment back",
        "sale.not_completed"),
    "sale.nothing_to_void": lambda: translate(
        "Errors",
        "There is no sale to void",
        "sale.nothing_to_void"),
    "sale.payment_started": lambda: translate(
        "Errors",
        "Payment has started: finish or cancel it before changing the sale",
        "sale.payment_started"),
    "scan.bad_characters": lambda: translate(
        "Errors",
        "No article with code {code}: {chars} cannot be in an article code (letters, digits "
        "and . _ / - can)",
        "scan.bad_characters"),
    "scan.bad_start": lambda: translate(
        "Errors",
        "No article with code {code}: an article code starts with a letter or a digit, not "
        "'{char}'",
        "scan.bad_start"),
    "scan.broken_url": lambda: translate(
        "Errors",
        "'{text}' is a broken web address",
        "scan.broken_url"),
    "scan.empty": lambda: translate(
        "Errors",
        "No article: the scan was empty (nothing was read): scan again",
        "scan.empty"),
    "scan.not_for_sale.digital_receipt": lambda: translate(
        "Errors",
        "Digital receipt {value} scanned: returns are not taken at this till yet.",
        "scan.not_for_sale.digital_receipt"),
    "scan.not_for_sale.invoice_reference": lambda: translate(
        "Errors",
        "Invoice reference {value} scanned: paying invoices comes in a later release.",
        "scan.not_for_sale.invoice_reference"),
    "scan.not_for_sale.order": lambda: translate(
        "Errors",
        "Web order {value} scanned: pickups come in a later release.",
        "scan.not_for_sale.order"),
    "scan.not_for_sale.product": lambda: translate(
        "Errors",
        "Product link {value} scanned: scan the article's barcode instead.",
        "scan.not_for_sale.product"),
    "scan.not_for_sale.receipt": lambda: translate(
        "Errors",
        "Receipt {value} scanned: returns are not taken at this till yet.",
        "scan.not_for_sale.receipt"),
    "scan.not_for_sale.web_cart": lambda: translate(
        "Errors",
        "Web cart {value} scanned: this till is not connected to the central store, so web "
        "carts cannot be loaded here.",
        "scan.not_for_sale.web_cart"),
    "scan.ocr_check_digit": lambda: translate(
        "Errors",
        "OCR reference {digits} has a wrong check digit ({digit}, should be {expected}): scan"
        " again or type it from the invoice",
        "scan.ocr_check_digit"),
    "scan.ocr_length": lambda: translate(
        "Errors",
        "OCR reference {digits} has {count} digits; a payment reference has 2 to 25",
        "scan.ocr_length"),
    "scan.ocr_not_digits": lambda: translate(
        "Errors",
        "'{text}' is no OCR reference: after OCR: come 2 to 25 digits",
        "scan.ocr_not_digits"),
    "scan.quantity_too_large": lambda: translate(
        "Errors",
        "The quantity {quantity} before '*' is too large: at most 9999 (with at most three "
        "decimals)",
        "scan.quantity_too_large"),
    "scan.too_long": lambda: translate(
        "Errors",
        "No article with code {code}: {count} characters are more than any code has (an "
        "article number has at most 40)",
        "scan.too_long"),
    "scan.unknown_article_number": lambda: translate(
        "Errors",
        "No article with code {code}: no article has it as its article number, and it is no "
        "promotion code",
        "scan.unknown_article_number"),
    "scan.unknown_short_number": lambda: translate(
        "Errors",
        "No article with code {code}: no article has it as its article number or short "
        "number, and a barcode has 8, 12, 13 or 14 digits, not {count}",
        "scan.unknown_short_number"),
    "scan.unreadable": lambda: translate(
        "Errors",
        "The code could not be read: scan again or type it",
        "scan.unreadable"),
    "scan.url_not_for_till": lambda: translate(
        "Errors",
        "The web address '{text}' is not a cart, an order, a product or a receipt: nothing to"
        " do with it here",
        "scan.url_not_for_till"),
    "scan.wrong_length": lambda: translate(
        "Errors",
        "No article with code {code}: it has {count} digits, and a barcode has 8, 12, 13 or "
        "14 (an article number at most 7)",
        "scan.wrong_length"),
    "shift.already_open": lambda: translate(
        "Errors",
        "A shift is already open on this register",
        "shift.already_open"),
    "shift.cash_out_exceeds": lambda: translate(
        "Errors",
        "{amount} kr cannot be taken out: the drawer should hold {available} kr",
        "shift.cash_out_exceeds"),
    "shift.drawer_reason": lambda: translate(
        "Errors",
        "Give a reason for opening the drawer",
        "shift.drawer_reason"),
    "shift.enter_amount": lambda: translate("Errors", "Enter an amount", "shift.enter_amount"),
    "shift.movement_reason": lambda: translate(
        "Errors",
        "Give a reason for the cash movement",
        "shift.movement_reason"),
    "shift.negative_count": lambda: translate(
        "Errors",
        "Counted cash cannot be negative",
        "shift.negative_count"),
    "shift.negative_float": lambda: translate(
        "Errors",
        "The float cannot be negative",
        "shift.negative_float"),
    "shift.open_first": lambda: translate("Errors", "Open a shift first (F10)", "shift.open_first"),
    "shift.sale_in_progress": lambda: translate(
        "Errors",
        "Finish or void the sale in progress before closing",
        "shift.sale_in_progress"),
    "staff.discount_limit_range": lambda: translate(
        "Errors",
        "A discount limit is a percentage from 0 to 100 (at most two decimals), or empty for "
        "the store's default",
        "staff.discount_limit_range"),
    "stock.unknown_code": lambda: translate(
        "Errors",
        "No article has the code {code}",
        "stock.unknown_code"),
    "stock_count.csv_empty": lambda: translate(
        "Errors",
        "The file has no count lines",
        "stock_count.csv_empty"),
    "stock_count.csv_errors": lambda: translate(
        "Errors",
        "The file has {count} error(s); nothing was posted: {errors}",
        "stock_count.csv_errors"),
    "stock_count.csv_fraction": lambda: translate(
        "Errors",
        "line {line}: '{value}' is not a whole number: the central store (Medusa) keeps whole"
        " units, so a weighed article is counted in whole units (kg rounded to a whole "
        "number)",
        "stock_count.csv_fraction"),
    "stock_count.csv_header": lambda: translate(
        "Errors",
        "The file's first line must name the columns ean_or_sku;counted (found: {found})",
        "stock_count.csv_header"),
    "stock_count.csv_negative": lambda: translate(
        "Errors",
        "line {line}: a counted quantity cannot be negative ({value})",
        "stock_count.csv_negative"),
    "stock_count.csv_number": lambda: translate(
        "Errors",
        "line {line}: '{value}' is not a whole number of units",
        "stock_count.csv_number"),
    "stock_count.csv_too_many": lambda: translate(
        "Errors",
        "line {line}: {value} units is more than a count accepts (0 to {max})",
        "stock_count.csv_too_many"),
    "stock_count.csv_twice": lambda: translate(
        "Errors",
        "line {line}: {code} was already counted on line {first}",
        "stock_count.csv_twice"),
    "stock_count.csv_unknown": lambda: translate(
        "Errors",
        "line {line}: no article has the code {code}",
        "stock_count.csv_unknown"),
    "stock_count.needs_confirmation": lambda: translate(
        "Errors",
        "{lines} line(s) differ by more than {threshold} units or {value} kr: confirm to post"
        " them",
        "stock_count.needs_confirmation"),
    "stock_count.negative": lambda: translate(
        "Errors",
        "A counted quantity cannot be negative ({counted})",
        "stock_count.negative"),
    "stock_count.none_open": lambda: translate(
        "Errors",
        "No stock count is open here: there is nothing to cancel",
        "stock_count.none_open"),
    "stock_count.not_open": lambda: translate(
        "Errors",
        "The stock count {count_id} is {status}: it can no longer be changed",
        "stock_count.not_open"),
    "stock_count.nothing_counted": lambda: translate(
        "Errors",
        "Nothing has been counted yet: there is nothing to post",
        "stock_count.nothing_counted"),
    "stock_count.one_open": lambda: translate(
        "Errors",
        "A stock count is already open here (started {started} by {by}): finish or cancel it "
        "first",
        "stock_count.one_open"),
    "stock_count.out_of_scope": lambda: translate(
        "Errors",
        "{name} is not among the articles this count takes",
        "stock_count.out_of_scope"),
    "stock_count.too_many": lambda: translate(
        "Errors",
        "{counted} units is more than a count accepts (at most {max})",
        "stock_count.too_many"),
    "stock_count.uncounted_changed": lambda: translate(
        "Errors",
        "The articles not counted changed since they were shown ({articles} now): look at the"
        " list again before posting",
        "stock_count.uncounted_changed"),
    "stock_count.uncounted_unconfirmed": lambda: translate(
        "Errors",
        "This is a whole-store count: {articles} article(s) not counted ({units} units) will "
        "be set to 0: confirm to post",
        "stock_count.uncounted_unconfirmed"),
    "stock_count.unknown": lambda: translate(
        "Errors",
        "There is no stock count {count_id}",
        "stock_count.unknown"),
    "storecredit.empty": lambda: translate(
        "Errors",
        "{customer} has no store credit",
        "storecredit.empty"),
    "storecredit.no_customer": lambda: translate(
        "Errors",
        "Store credit needs a customer on the sale",
        "storecredit.no_customer"),
    "storecredit.offline": lambda: translate(
        "Errors",
        "Store credit cannot be used now: the central store cannot be reached. Nothing was "
        "charged; take another payment",
        "storecredit.offline"),
    "storecredit.refund_needs_customer": lambda: translate(
        "Errors",
        "A refund to store credit needs a customer on the return",
        "storecredit.refund_needs_customer"),
    "swish.cancelled_by_payer": lambda: translate(
        "Errors",
        "the customer cancelled in the Swish app",
        "swish.cancelled_by_payer"),
    "swish.cancelled_unseen": lambda: translate(
        "Errors",
        "the request's QR code was never shown, so it was cancelled; nothing was charged: try"
        " again",
        "swish.cancelled_unseen"),
    "swish.declined": lambda: translate(
        "Errors",
        "the customer's bank declined the payment",
        "swish.declined"),
    "swish.no_answer": lambda: translate(
        "Errors",
        "no answer from Swish: the request's status is asked",
        "swish.no_answer"),
    "swish.no_original": lambda: translate(
        "Errors",
        "the Swish payment to refund has no reference",
        "swish.no_original"),
    "swish.no_status_answer": lambda: translate(
        "Errors",
        "Swish does not answer the status question; try again",
        "swish.no_status_answer"),
    "swish.payer_not_enrolled": lambda: translate(
        "Errors",
        "the number {phone} does not have Swish",
        "swish.payer_not_enrolled"),
    "swish.phone_invalid": lambda: translate(
        "Errors",
        "{phone} is not a mobile number Swish takes",
        "swish.phone_invalid"),
    "swish.refund_too_large": lambda: translate(
        "Errors",
        "more than the Swish payment has left to refund",
        "swish.refund_too_large"),
    "swish.refused": lambda: translate("Errors", "Swish refused it ({code})", "swish.refused"),
    "swish.request_open": lambda: translate(
        "Errors",
        "the customer already has an open Swish request: let them finish or cancel it first",
        "swish.request_open"),
    "swish.timed_out": lambda: translate(
        "Errors",
        "the customer did not answer in time",
        "swish.timed_out"),
    "swish.unknown_request": lambda: translate(
        "Errors",
        "Swish does not know this payment request",
        "swish.unknown_request"),
    "swish.unreachable": lambda: translate(
        "Errors",
        "Swish cannot be reached ({address}); nothing was charged",
        "swish.unreachable"),
    "swish.unreadable_answer": lambda: translate(
        "Errors",
        "an answer from Swish the till cannot read",
        "swish.unreadable_answer"),
    "terminal.declined_by_issuer": lambda: translate(
        "Errors",
        "declined by the card issuer",
        "terminal.declined_by_issuer"),
    "terminal.failure": lambda: translate(
        "Errors",
        "the terminal answered {condition}",
        "terminal.failure"),
    "terminal.in_progress": lambda: translate(
        "Errors",
        "the payment is still in progress on the terminal",
        "terminal.in_progress"),
    "terminal.invalid_amount": lambda: translate(
        "Errors",
        "an amount or currency the terminal does not take",
        "terminal.invalid_amount"),
    "terminal.no_answer": lambda: translate(
        "Errors",
        "no answer from the card terminal: check the payment's status",
        "terminal.no_answer"),
    "terminal.no_answer_see_receipt": lambda: translate(
        "Errors",
        "no answer from the terminal: see the terminal's last receipt before taking the "
        "payment again",
        "terminal.no_answer_see_receipt"),
    "terminal.no_reversal_answer": lambda: translate(
        "Errors",
        "no answer to the reversal: check its status",
        "terminal.no_reversal_answer"),
    "terminal.no_status_answer": lambda: translate(
        "Errors",
        "the card terminal does not answer the status question; try again",
        "terminal.no_status_answer"),
    "terminal.not_available": lambda: translate(
        "Errors",
        "{kind} terminals are not available in this build: {detail}",
        "terminal.not_available"),
    "terminal.not_received": lambda: translate(
        "Errors",
        "the terminal did not take the payment; nothing was charged",
        "terminal.not_received"),
    "terminal.status_without_result": lambda: translate(
        "Errors",
        "the terminal's status answer has no result",
        "terminal.status_without_result"),
    "terminal.unexpected_answer": lambda: translate(
        "Errors",
        "an unexpected answer from the card terminal",
        "terminal.unexpected_answer"),
    "terminal.unknown_transaction": lambda: translate(
        "Errors",
        "the terminal does not know this payment",
        "terminal.unknown_transaction"),
    "terminal.unreachable": lambda: translate(
        "Errors",
        "the card terminal cannot be reached ({address}); nothing was charged",
        "terminal.unreachable"),
    "terminal.unreadable_answer": lambda: translate(
        "Errors",
        "an unreadable answer from the card terminal: check the payment's status",
        "terminal.unreadable_answer"),
    "terminal.url_no_host": lambda: translate(
        "Errors",
        "Terminal URL {url} has no host: use nexo://HOST:PORT",
        "terminal.url_no_host"),
    "terminal.url_no_port": lambda: translate(
        "Errors",
        "Terminal URL {url} has no port: use concert:///dev/ttyUSB0?baud=9600",
        "terminal.url_no_port"),
    "terminal.url_not_number": lambda: translate(
        "Errors",
        "Terminal URL {url}: {key} must be a number",
        "terminal.url_not_number"),
    "terminal.url_unknown": lambda: translate(
        "Errors",
        "Unknown terminal URL {url}: use simulator, nexo://HOST:PORT or "
        "concert:///dev/ttyUSB0?baud=9600",
        "terminal.url_unknown"),
    "transfer.already_received": lambda: translate(
        "Errors",
        "Transfer {number} was already received",
        "transfer.already_received"),
    "transfer.not_found": lambda: translate(
        "Errors",
        "No transfer on its way here is called {code}",
        "transfer.not_found"),
    "transfer.not_in_transfer": lambda: translate(
        "Errors",
        "{code} is not in transfer {number}",
        "transfer.not_in_transfer"),
    "transfer.too_many": lambda: translate(
        "Errors",
        "{name}: {received} received, but only {sent} were sent",
        "transfer.too_many"),
    "web_cart.already_bought": lambda: translate(
        "Errors",
        "Web cart {cart} is already bought: order {order}",
        "web_cart.already_bought"),
    "web_cart.already_bought_here": lambda: translate(
        "Errors",
        "Web cart {cart} is already bought at this store: receipt {receipt} on register "
        "{register}",
        "web_cart.already_bought_here"),
    "web_cart.bought_meanwhile": lambda: translate(
        "Errors",
        "Web cart {cart} was bought meanwhile (order {order}): take no payment for it here; "
        "void the sale or remove its lines, and check with the customer",
        "web_cart.bought_meanwhile"),
    "web_cart.conflict": lambda: translate(
        "Errors",
        "Web cart {cart} was already bought ({order}) when this sale's order {sale_order} "
        "closed it: two sales of one cart, check with the customer",
        "web_cart.conflict"),
    "web_cart.currency": lambda: translate(
        "Errors",
        "Web cart {cart} is in {currency}: this till sells in SEK only",
        "web_cart.currency"),
    "web_cart.empty": lambda: translate(
        "Errors",
        "Web cart {cart} is empty: there is nothing to sell",
        "web_cart.empty"),
    "web_cart.no_central_store": lambda: translate(
        "Errors",
        "Web cart {cart} cannot be loaded: this till is not connected to the central store",
        "web_cart.no_central_store"),
    "web_cart.not_found": lambda: translate(
        "Errors",
        "There is no web cart {cart} in the central store",
        "web_cart.not_found"),
    "web_cart.one_per_sale": lambda: translate(
        "Errors",
        "This sale already continues web cart {cart}: pay it first",
        "web_cart.one_per_sale"),
    "web_cart.other_customer": lambda: translate(
        "Errors",
        "Web cart {cart} belongs to {customer}, this sale to another customer: take the "
        "customer off the sale first",
        "web_cart.other_customer"),
    "web_cart.unknown_articles": lambda: translate(
        "Errors",
        "Web cart {cart} has articles this till does not know: {articles}. Nothing was "
        "loaded: sync the catalogue or scan the articles",
        "web_cart.unknown_articles"),
    "web_cart.unreachable": lambda: translate(
        "Errors",
        "Web cart {cart} cannot be loaded: the central store cannot be reached now. Scan the "
        "articles instead, or try again later",
        "web_cart.unreachable"),
    "weight.not_a_weight": lambda: translate(
        "Errors",
        "'{text}' is not a weight in kg (for example 0,512)",
        "weight.not_a_weight"),
    "weight.out_of_range": lambda: translate(
        "Errors",
        "A weight must be above 0 and at most {max} kg",
        "weight.out_of_range"),
    "weight.too_many_decimals": lambda: translate(
        "Errors",
        "'{text}' has more than three decimals: a weight is in whole grams (for example 0,512"
        " kg)",
        "weight.too_many_decimals"),
}


def message_for(exc: BaseException) -> str:
    """What to show for ``exc`` in the current language: a ``UserError``'s template for its code
    with its parameters (a parameter that is itself a ``UserError`` is shown the same way);
    any other exception's own text (a screen's own, already translated)."""
    if not isinstance(exc, UserError):
        return str(exc)
    params = {k: _shown(v) for k, v in exc.params.items()}
    template = TEMPLATES.get(exc.code)
    if template is None:  # tests keep this from happening; English is still a clear message
        log.warning("no screen template for error code %s", exc.code)
        return str(exc)
    try:
        text = template()
        for name, value in exc.params.items():
            # an error inside an error ends its own sentence: the template's full stop after
            # it would make two ("...then print again.. The sale is saved")
            if isinstance(value, UserError) and "{" + name + "}." in text:
                params[name] = str(params[name]).rstrip(".")
        return text.format(**params)
    except (KeyError, IndexError, ValueError):  # a broken translation: the English is right
        log.warning("the translation of %s does not fit its parameters", exc.code)
        return str(exc)


def _shown(value: Any) -> Any:
    return message_for(value) if isinstance(value, UserError) else value
