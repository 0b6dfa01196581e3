"""Demo data: a Swedish department store's catalogue and stock, the same on every machine."""
