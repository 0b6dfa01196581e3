#!/usr/bin/env bash
# The local Medusa v2 central store for development, tests and demos, from the project's own files.
#
#   integrations/medusa/medusa.sh setup   # install what is missing (PostgreSQL, npm packages), migrate, build
#   integrations/medusa/medusa.sh start   # setup + start the server, wait for /health, seed once; prints the URL
#   integrations/medusa/medusa.sh stop    # stop the server and its database cluster
#   integrations/medusa/medusa.sh status  # running or not (exit 0 when /health answers)
#   integrations/medusa/medusa.sh reset   # stop and wipe all state (database, seed, build)
#   integrations/medusa/medusa.sh url     # the base URL of a running server
#
# State lives in integrations/medusa/.state (gitignored): the PostgreSQL cluster, logs, pids,
# medusa.json (URL, publishable key, channel/location/region ids: no secret) for the till, and
# admin.json (mode 0600: the admin login, for the seed, enrolment and the tests; never a till's).
# A till authenticates with its register's own key: `python main.py central enroll --register K1`.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
APP=$HERE/app
STATE=${MEDUSA_STATE:-$HERE/.state}  # another directory runs a second, separate instance
PGDATA=$STATE/pg
PGLOG=$STATE/pg.log
ADMIN_EMAIL=admin@omnipos.test
ADMIN_PASSWORD=omnipos-admin
export MEDUSA_DISABLE_TELEMETRY=true
export NEXT_TELEMETRY_DISABLED=1

log() { echo "medusa.sh: $*" >&2; }
die() { log "$*"; exit 1; }

# A free port on 127.0.0.1: the one given if it is still free (a restart keeps its URL), else any.
free_port() {
    python3 - "${1:-0}" <<'PY'
import socket, sys
for port in (int(sys.argv[1]), 0):
    s = socket.socket()
    # as node binds (SO_REUSEADDR): the last run's connections in TIME_WAIT do not make the port
    # look taken, and a restart keeps its URL (a till's medusa.json, a test's session)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        continue
    print(s.getsockname()[1])
    break
PY
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
        log "installing PostgreSQL from Debian"
        if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
        dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
    echo "$dir"
}

# As root the cluster belongs to the postgres user, who must reach it: when the checkout is not
# open to it (e.g. under /root), the cluster lives in /tmp under a name derived from the state path.
pg_paths() {
    mkdir -p "$STATE"
    if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 \
            && ! runuser -u postgres -- test -x "$STATE" 2>/dev/null; then
        local dir; dir=/tmp/omnipos-medusa-$(printf %s "$STATE" | md5sum | cut -c1-12)
        mkdir -p "$dir" && chmod 755 "$dir"
        PGDATA=$dir/pg
        PGLOG=$dir/pg.log
        PGHOME=$dir
    fi
}

pg_start() {
    local bin; bin=$(pg_bin)
    pg_paths
    if [ ! -f "$PGDATA/PG_VERSION" ]; then
        mkdir -p "$PGDATA"
        [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$PGDATA"
        as_postgres "$bin/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$PGDATA"
    if [ -f "$STATE/pg.port" ] && as_postgres "$bin/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
        return 0
    fi
    # The previous port when free: a server still running (or a till's config) keeps working.
    local port; port=$(free_port "$(cat "$STATE/pg.port" 2>/dev/null || echo 0)")
    echo "$port" > "$STATE/pg.port"
    touch "$PGLOG"; [ "$(id -u)" = 0 ] && chown postgres "$PGLOG"
    as_postgres "$bin/pg_ctl" -D "$PGDATA" -l "$PGLOG" -w -t 60 \
        -o "-p $port -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
        || die "PostgreSQL did not start: $(tail -n 20 "$PGLOG")"
    "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='medusa'" \
        | grep -q 1 || "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres medusa
}

pg_stop() {
    pg_paths
    [ -f "$PGDATA/PG_VERSION" ] || return 0
    local bin; bin=$(pg_bin)
    as_postgres "$bin/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
}

write_env() {
    local pgport; pgport=$(cat "$STATE/pg.port")
    # The environment wins over .env (dotenv never overrides), so every medusa command below sees
    # this state's database even when another state directory wrote .env.
    export DATABASE_URL=postgres://postgres@127.0.0.1:$pgport/medusa
    [ "$STATE" = "$HERE/.state" ] || return 0
    cat > "$APP/.env" <<ENV
DATABASE_URL=$DATABASE_URL
JWT_SECRET=omnipos-dev-jwt
COOKIE_SECRET=omnipos-dev-cookie
STORE_CORS=http://localhost
ADMIN_CORS=http://localhost
AUTH_CORS=http://localhost
MEDUSA_DISABLE_TELEMETRY=true
ENV
}

npm_install() {
    command -v npm >/dev/null || die "npm is missing: install Node.js 20 (Debian: nodejs npm)"
    # again when package.json or its lock changed since (a merge that moves @medusajs/* or adds
    # a plugin: its modules come with it)
    if [ ! -d "$APP/node_modules/@medusajs/medusa" ] || [ "$APP/package.json" -nt "$APP/node_modules/.omnipos-stamp" ] \
        || [ "$APP/package-lock.json" -nt "$APP/node_modules/.omnipos-stamp" ]; then
        # npm ci installs exactly what package-lock.json says and never rewrites it: a test run
        # leaves the checkout as it found it (npm install rewrote the lock for this npm).
        log "npm ci (about 90 s the first time)"
        (cd "$APP" && npm ci --no-audit --no-fund --loglevel=error >"$STATE/npm.log" 2>&1) \
            || die "npm ci failed: $(tail -n 30 "$STATE/npm.log")"
        touch "$APP/node_modules/.omnipos-stamp"
    fi
}

setup() {
    mkdir -p "$STATE"
    npm_install
    pg_start
    write_env
    # again when the packages changed (a plugin's or a new Medusa's migrations) or the config did
    # (a plugin registered there)
    if [ ! -f "$STATE/migrated.stamp" ] || [ "$APP/package.json" -nt "$STATE/migrated.stamp" ] \
        || [ "$APP/package-lock.json" -nt "$STATE/migrated.stamp" ] \
        || [ "$APP/medusa-config.ts" -nt "$STATE/migrated.stamp" ]; then
        log "migrating the database"
        (cd "$APP" && npx medusa db:migrate >"$STATE/migrate.log" 2>&1) \
            || die "migration failed: $(tail -n 30 "$STATE/migrate.log")"
        (cd "$APP" && npx medusa user -e "$ADMIN_EMAIL" -p "$ADMIN_PASSWORD" >"$STATE/user.log" 2>&1) || true
        touch "$STATE/migrated.stamp"
    fi
    # built again when the config or the app's own routes (src/) changed since the last build
    if [ ! -f "$APP/.medusa/server/package.json" ] || [ "$APP/medusa-config.ts" -nt "$APP/.medusa/server/package.json" ] \
        || [ "$APP/package-lock.json" -nt "$APP/.medusa/server/package.json" ] \
        || [ -n "$(find "$APP/src" -newer "$APP/.medusa/server/package.json" -type f 2>/dev/null | head -n 1)" ]; then
        log "building the server"
        (cd "$APP" && npx medusa build >"$STATE/build.log" 2>&1) || die "build failed: $(tail -n 30 "$STATE/build.log")"
        # The build is run from its own folder with the project's node_modules.
        ln -sfn "$APP/node_modules" "$APP/.medusa/server/node_modules"
    fi
    [ ! -f "$APP/.env" ] || cp "$APP/.env" "$APP/.medusa/server/.env"
}

healthy() {
    [ -f "$STATE/server.port" ] || return 1
    python3 - "$(cat "$STATE/server.port")" <<'PY'
import sys, urllib.request
try:
    urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/health", timeout=2).read()
except Exception:
    sys.exit(1)
PY
}

start() {
    # The database first: a server whose cluster was stopped answers /health but nothing else.
    if healthy; then
        local before; before=$(cat "$STATE/pg.port" 2>/dev/null || true)
        pg_start
        if [ "$(cat "$STATE/pg.port")" = "$before" ]; then
            write_env
            seed
            echo "http://127.0.0.1:$(cat "$STATE/server.port")"
            return 0
        fi
        log "the database came back on another port: restarting the server"
        stop_server
    fi
    setup
    local port; port=$(free_port "$(cat "$STATE/server.port" 2>/dev/null || echo 0)")
    echo "$port" > "$STATE/server.port"
    log "starting the server on 127.0.0.1:$port"
    # The subshell becomes the server (exec), in a session of its own (setsid): the pid file names
    # the node process, which is also its process group; stop() ends the group.
    (cd "$APP/.medusa/server" || exit 1
     NODE_ENV=production PORT=$port HOST=127.0.0.1 \
         exec setsid node node_modules/@medusajs/cli/cli.js start >"$STATE/server.log" 2>&1 </dev/null) &
    echo $! > "$STATE/server.pid"
    for _ in $(seq 1 240); do
        if healthy; then
            seed
            echo "http://127.0.0.1:$port"
            return 0
        fi
        if ! kill -0 "$(cat "$STATE/server.pid")" 2>/dev/null; then
            die "the server exited: $(tail -n 40 "$STATE/server.log")"
        fi
        sleep 0.5
    done
    die "no answer on /health after 120 s: $(tail -n 40 "$STATE/server.log")"
}

# medusa.json names the URL of this run (the port may differ from the run that seeded it).
note_url() {
    [ -f "$STATE/medusa.json" ] || return 0
    python3 - "$STATE/medusa.json" "http://127.0.0.1:$(cat "$STATE/server.port")" <<'PY'
import json, sys
path, url = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    ids = json.load(f)
if ids.get("url") != url:
    ids["url"] = url
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        json.dump(ids, f, indent=2, ensure_ascii=False)
    import os
    os.replace(path + ".tmp", path)
PY
}

seed() {
    note_url
    # Again when the seed or the demo data it reads changed since (it is idempotent: what is
    # there stays, what is new is added).
    if [ ! -f "$STATE/seeded.stamp" ] || [ ! -f "$STATE/medusa.json" ] \
        || [ "$HERE/seed.py" -nt "$STATE/seeded.stamp" ] || [ "$HERE/seed_orders.py" -nt "$STATE/seeded.stamp" ] \
        || [ -n "$(find "$ROOT/pos/demo" -name '*.py' -newer "$STATE/seeded.stamp" | head -n 1)" ]; then
        log "seeding the demo retailer"
        # A state whose medusa.json holds the admin login (seeded before admin.json) keeps it
        # there: tills and tests of an older checkout may share this state and read it there.
        local legacy=""
        if [ -f "$STATE/medusa.json" ] && [ ! -f "$STATE/admin.json" ]; then legacy=1; fi
        local py="$ROOT/.venv/bin/python"; [ -x "$py" ] || py=python3
        (umask 077; cd "$ROOT" && "$py" -m integrations.medusa.seed --url "http://127.0.0.1:$(cat "$STATE/server.port")" \
            --email "$ADMIN_EMAIL" --password "$ADMIN_PASSWORD" --out "$STATE/medusa.json" \
            >"$STATE/seed.log" 2>&1) || die "seed failed: $(tail -n 40 "$STATE/seed.log")"
        [ -n "$legacy" ] || split_admin_login
        touch "$STATE/seeded.stamp"
    fi
}

# The admin login moves from medusa.json (which a till reads) to admin.json, readable by this user
# only: right after the seed of a new state (or of one split before).
split_admin_login() {
    python3 - "$STATE/medusa.json" "$STATE/admin.json" <<'PY'
import json, os, sys
state, admin = sys.argv[1], sys.argv[2]
with open(state, encoding="utf-8") as f:
    ids = json.load(f)
login = {k: ids.pop(k) for k in ("admin_email", "admin_password") if k in ids}
if login:
    fd = os.open(admin + ".tmp", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(login, f, indent=2)
    os.replace(admin + ".tmp", admin)
    with open(state + ".tmp", "w", encoding="utf-8") as f:
        json.dump(ids, f, indent=2, ensure_ascii=False)
    os.replace(state + ".tmp", state)
PY
}

# The pid and all its descendants (by parent id, never by name: other projects run node too).
kill_tree() {
    local pid=$1 sig=${2:-TERM} child
    for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do kill_tree "$child" "$sig"; done
    kill "-$sig" "$pid" 2>/dev/null || true
}

# The pid listening on our server port, if it is this app's server (a pid file can be stale).
pid_on_port() {
    [ -f "$STATE/server.port" ] || return 0
    local pid
    pid=$(ss -ltnpH "sport = :$(cat "$STATE/server.port")" 2>/dev/null \
          | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2 || true)
    [ -n "$pid" ] && [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$APP/.medusa/server" ] \
        && echo "$pid"
    return 0
}

stop_server() {
    local listener; listener=$(pid_on_port)
    if [ -n "$listener" ] && [ "$listener" != "$(cat "$STATE/server.pid" 2>/dev/null)" ]; then
        echo "$listener" > "$STATE/server.pid"
    fi
    if [ -f "$STATE/server.pid" ]; then
        local pid; pid=$(cat "$STATE/server.pid")
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM -- "-$pid" 2>/dev/null || true  # its process group (started with setsid)
            kill_tree "$pid"
            for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
            # A server stuck in its graceful shutdown (e.g. waiting on a full database pool).
            kill -KILL -- "-$pid" 2>/dev/null || true
            kill_tree "$pid" KILL
        fi
        rm -f "$STATE/server.pid"
    fi
}

stop() {
    stop_server
    pg_stop
}

case "${1:-}" in
    setup) setup ;;
    start) start ;;
    stop) stop ;;
    status) if healthy; then echo "running at http://127.0.0.1:$(cat "$STATE/server.port")"; else echo "stopped"; exit 1; fi ;;
    reset) stop; pg_paths; rm -rf "$PGDATA" "$PGLOG" "${PGHOME:-$PGDATA}" "$STATE"
           # The build and .env are shared by every state directory: only the default one owns them.
           [ "$STATE" != "$HERE/.state" ] || rm -rf "$APP/.medusa" "$APP/.env" ;;
    url) healthy && echo "http://127.0.0.1:$(cat "$STATE/server.port")" ;;
    *) echo "usage: $0 setup|start|stop|status|reset|url" >&2; exit 2 ;;
esac
