#!/usr/bin/env bash
# Set up everything and run the whole test suite: unit, database (SQLite and a private PostgreSQL
# cluster), devices, UI (offscreen) and integration (the local Medusa central store).
# Extra arguments go to pytest, e.g. `bash scripts/test.sh tests/unit -x`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

# The servers the integration tests need, started here where their set-up is visible: PostgreSQL
# for the database tests, Medusa (the first time: npm install, migrations, build, seed) for the
# central-store tests. Outside CI a server that cannot start only skips its tests; in CI
# (CI=true) those tests fail.
started=()
if [ "${CI:-}" = true ]; then
    trap 'for s in "${started[@]}"; do bash "$s" stop >/dev/null 2>&1 || true; done' EXIT
fi
if POS_TEST_PG_URL=$(bash scripts/postgres.sh start); then
    export POS_TEST_PG_URL
    started+=(scripts/postgres.sh)
else
    echo "test.sh: PostgreSQL did not start; its tests will say so" >&2
fi
if [ "${SKIP_MEDUSA:-}" != 1 ]; then
    echo "test.sh: starting the local Medusa (the first time takes a few minutes)" >&2
    if timeout 1800 bash integrations/medusa/medusa.sh start >/dev/null; then
        started+=(integrations/medusa/medusa.sh)
    else
        echo "test.sh: Medusa did not start; its tests will say so" >&2
    fi
fi

.venv/bin/python -m pytest -p no:cacheprovider "$@"
