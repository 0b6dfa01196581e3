"""The customer dialog's parts: search by any form, create with duplicates offered, edit, and
the customer's history in every channel."""
