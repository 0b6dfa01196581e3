#!/usr/bin/env bash
# Set up everything and run the whole test suite: unit, database (SQLite and a private PostgreSQL
# cluster this script's fixtures start), devices, UI (offscreen) and integration (a local Medusa).
# Extra arguments go to pytest, e.g. `bash scripts/test.sh tests/unit -x`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
