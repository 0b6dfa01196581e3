"""The PySide6 faces of omnipos: till (``ui/till``), back office, kiosk."""
