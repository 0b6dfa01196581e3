"""UI tests: offscreen Qt, and a real Till on a temporary SQLite database with demo data."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
