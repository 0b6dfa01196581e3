"""The sale page's flows, one small helper each: lines, discounts, codes, customer, parking,
payment, receipts, shift. Each gets the page (its messages, selection and dialogs), the lanes
and the till, and calls named operations (``ui.till.operations``); the page shows the sale from
``Lanes.changed`` and keeps its layout."""
