"""The read side: what the screens, the command line and the back office read (sales, shift
reports, the journal, the outbox), without a logged-in cashier or a register's state.

Each function takes a unit of work, opens it, reads, and returns plain domain objects.
"""
