#!/usr/bin/env bash
# Run a command with TEST_DATABASE_URL pointing at a reachable, throwaway PostgreSQL database.
#
#   scripts/ensure_postgres.sh COMMAND [ARGS...]
#
# 1. TEST_DATABASE_URL given: used as it is (it must be reachable).
# 2. Else a server on 127.0.0.1:5432 (user $PGUSER, default postgres, trust/peer/.pgpass):
#    a database monitor_test_<random> is created there and dropped afterwards.
# 3. Else Debian's postgresql is installed when missing (needs root) and a throwaway cluster
#    (initdb, fsync off, free port) is started and removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -eq 0 ]]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

PY=${PYTHON:-.venv/bin/python}
PGTOOL=("$PY" scripts/pgtool.py)
PG_USER=${PGUSER:-postgres}
LOCAL_PORT=${ENSURE_POSTGRES_PORT:-5432}  # override only to exercise the fallback
CLEANUP=()

on_exit() {
    local c
    for c in "${CLEANUP[@]+"${CLEANUP[@]}"}"; do
        eval "$c" || true
    done
}
trap on_exit EXIT
trap 'exit 130' INT TERM

as_postgres() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
    if ! "${PGTOOL[@]}" probe "$TEST_DATABASE_URL"; then
        echo "ensure_postgres: TEST_DATABASE_URL is set but not reachable" >&2
        exit 1
    fi
    echo "ensure_postgres: using the given TEST_DATABASE_URL"
else
    ADMIN_URL=""
    for db in postgres test template1; do
        url="postgresql://${PG_USER}@127.0.0.1:${LOCAL_PORT}/${db}"
        if "${PGTOOL[@]}" probe "$url" 2>/dev/null; then
            ADMIN_URL=$url
            break
        fi
    done
    if [[ -n "$ADMIN_URL" ]]; then
        NAME="monitor_test_$(od -An -N4 -tx4 /dev/urandom | tr -d ' \n')"
        "${PGTOOL[@]}" createdb "$ADMIN_URL" "$NAME"
        CLEANUP+=("\"\${PGTOOL[@]}\" dropdb '$ADMIN_URL' '$NAME'")
        export TEST_DATABASE_URL="postgresql+psycopg://${PG_USER}@127.0.0.1:${LOCAL_PORT}/${NAME}"
        echo "ensure_postgres: throwaway database ${NAME} on 127.0.0.1:${LOCAL_PORT}"
    else
        if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
            if [[ $(id -u) -ne 0 ]]; then
                echo "ensure_postgres: no PostgreSQL found; install Debian's postgresql" \
                    "(as root) or set TEST_DATABASE_URL" >&2
                exit 1
            fi
            echo "ensure_postgres: installing Debian's postgresql"
            apt-get update -q
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
        fi
        PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
        PGPORT=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
        PGDATA=$(mktemp -d /tmp/monitor-pg.XXXXXX)
        [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$PGDATA"
        CLEANUP+=("as_postgres '$PGBIN/pg_ctl' -D '$PGDATA' -m fast stop >/dev/null 2>&1; rm -rf '$PGDATA'")
        as_postgres "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 \
            --locale=C.UTF-8 >/dev/null
        as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -o \
            "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null
        export TEST_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:${PGPORT}/postgres"
        echo "ensure_postgres: throwaway cluster on 127.0.0.1:${PGPORT} ($PGBIN)"
    fi
fi

"$@"
