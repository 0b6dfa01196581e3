"""Documents laid out by Qt for paper and e-mail (PDF from HTML): reports, invoices, receipts."""
