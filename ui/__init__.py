"""The PySide6 faces of omnipos. Importing it mends the binding's reference counting first
(``ui.qt_compat``)."""
from ui import qt_compat  # noqa: F401 - pins None/True/False before any Qt call (see the module)
