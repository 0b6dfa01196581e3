#!/usr/bin/env bash
# A private PostgreSQL cluster for the tests and benchmarks, in .pgtest/ (gitignored).
#   bash scripts/postgres.sh start   # install if missing, init, start; prints the URL
#   bash scripts/postgres.sh url     # prints postgresql+psycopg://postgres@127.0.0.1:PORT/pos_test
#   bash scripts/postgres.sh status  # exit 0 when running
#   bash scripts/postgres.sh stop
# Trust auth on 127.0.0.1 only, fsync off (test data, speed over durability). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD/.pgtest"
PORT_FILE="$ROOT/port"
DB=pos_test
# The cluster lives in .pgtest/ unless the postgres user cannot reach it (root's checkout under a
# private home directory): then in /tmp, named after this checkout; .pgtest/rundir says where.
if [[ -f "$ROOT/rundir" ]]; then RUN=$(cat "$ROOT/rundir"); else RUN="$ROOT"; fi
DATA="$RUN/data"
LOG="$RUN/postgres.log"

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -z "$d" ]] && command -v initdb >/dev/null 2>&1; then d=$(dirname "$(command -v initdb)"); fi
    echo "$d"
}

install_postgres() {
    command -v apt-get >/dev/null 2>&1 || { log "no initdb and no apt-get: install PostgreSQL"; exit 1; }
    local sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    log "installing PostgreSQL with apt-get"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
}

# Run a command as the cluster's owner: root may not run postgres, so use the postgres user.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

free_port() {
    python3 - <<'PY'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

url() { echo "postgresql+psycopg://postgres@127.0.0.1:$(cat "$PORT_FILE")/$DB"; }

running() {
    [[ -f "$DATA/PG_VERSION" && -f "$PORT_FILE" ]] || return 1
    local bin; bin=$(find_bin)
    [[ -n "$bin" ]] || return 1
    as_owner "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

start() {
    if running; then url; return 0; fi
    local bin; bin=$(find_bin)
    if [[ -z "$bin" ]]; then install_postgres; bin=$(find_bin); fi
    [[ -n "$bin" ]] || { log "initdb not found after installing"; exit 1; }
    mkdir -p "$ROOT"
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        chown postgres "$ROOT"
        if ! (cd / && runuser -u postgres -- test -w "$ROOT" -a -x "$ROOT"); then
            RUN="/tmp/omnipos-pgtest-$(echo "$PWD" | md5sum | cut -c1-10)"
            DATA="$RUN/data"; LOG="$RUN/postgres.log"
            mkdir -p "$RUN"; chown postgres "$RUN"; chmod 700 "$RUN"
            echo "$RUN" >"$ROOT/rundir"
        fi
    fi
    if [[ ! -f "$DATA/PG_VERSION" ]]; then
        rm -rf "$DATA"
        local locale=C
        locale -a 2>/dev/null | grep -qix 'c.utf-\?8' && locale=C.UTF-8
        as_owner "$bin/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale="$locale" >"$ROOT/initdb.log" 2>&1 \
            || { cat "$ROOT/initdb.log" >&2; exit 1; }
    fi
    local port; port=$(free_port)
    echo "$port" >"$PORT_FILE"
    as_owner "$bin/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
        -o "-p $port -k $RUN -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null || { tail -n 30 "$LOG" >&2; exit 1; }
    local psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA)
    if [[ -z "$("${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]]; then
        "${psql[@]}" -d postgres -c "CREATE DATABASE $DB" >/dev/null
    fi
    # In template1 too, so databases the tests create per test have it already.
    "${psql[@]}" -d template1 -c "CREATE EXTENSION IF NOT EXISTS pg_trgm" >/dev/null
    "${psql[@]}" -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS pg_trgm" >/dev/null
    url
}

stop() {
    if running; then as_owner "$(find_bin)/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null; fi
    log "stopped"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) if running; then log "running on port $(cat "$PORT_FILE")"; else log "not running"; exit 1; fi ;;
    url) if running; then url; else log "not running (bash scripts/postgres.sh start)"; exit 1; fi ;;
    *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
