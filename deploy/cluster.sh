#!/usr/bin/env bash
# The production set-up on one machine, for trying and testing: PostgreSQL, `monitor init`,
# N app processes (streamlit run serve.py) and HAProxy in front, on a free port.
# Runs in the foreground; Ctrl-C (or SIGTERM) stops everything it started.
#
#   deploy/cluster.sh              (or: make cluster N=2)
#
# Environment:
#   CLUSTER_N      number of app processes (default 2)
#   CLUSTER_PORT   proxy port (default: a free one)
#   CLUSTER_DIR    where config, logs and cluster.env go (default test-output/cluster)
#   DATABASE_URL   an existing PostgreSQL (postgresql+psycopg://…); without it a throwaway
#                  database is made through scripts/ensure_postgres.sh and dropped afterwards
#   MONITOR_DEMO   1 (default here): load the demo rounds into an empty database
#
# When everything answers, $CLUSTER_DIR/cluster.env holds URL, PROXY_PID, APP_PORTS, APP_PIDS
# and DATABASE_URL, and the last line of stdout is "cluster: klaar op URL".
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}

if [[ "${DATABASE_URL:-}" != postgresql* ]]; then
    if [[ -z "${TEST_DATABASE_URL:-}" ]]; then
        exec scripts/ensure_postgres.sh "$0" "$@"
    fi
    export DATABASE_URL=$TEST_DATABASE_URL
fi

if ! command -v haproxy >/dev/null; then
    if [[ $(id -u) -ne 0 ]]; then
        echo "cluster: HAProxy ontbreekt; installeer het (apt-get install haproxy)" >&2
        exit 1
    fi
    echo "cluster: Debian's haproxy installeren"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy >/dev/null
fi

N=${CLUSTER_N:-2}
DIR=$(mkdir -p "${CLUSTER_DIR:-test-output/cluster}" && cd "${CLUSTER_DIR:-test-output/cluster}" && pwd)
export MONITOR_DEMO=${MONITOR_DEMO:-1}
# One key for every process: each one can read the session cookie the others set.
export MONITOR_SESSIE_GEHEIM=${MONITOR_SESSIE_GEHEIM:-$("$PY" -c 'import secrets; print(secrets.token_urlsafe(48))')}
export STREAMLIT_SERVER_COOKIE_SECRET=${STREAMLIT_SERVER_COOKIE_SECRET:-$MONITOR_SESSIE_GEHEIM}
export STREAMLIT_SERVER_HEADLESS=true STREAMLIT_BROWSER_GATHER_USAGE_STATS=false

PIDS=()
stop() {
    trap - EXIT INT TERM
    local pid
    for pid in "${PIDS[@]+"${PIDS[@]}"}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]+"${PIDS[@]}"}"; do
        wait "$pid" 2>/dev/null || true
    done
    rm -f "$DIR/cluster.env"
    echo "cluster: gestopt"
}
trap stop EXIT
trap 'exit 130' INT TERM

wacht_op() {  # URL: until it answers 200 (at most 90 s)
    for _ in $(seq 1 180); do
        if "$PY" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "$1" 2>/dev/null; then
            return 0
        fi
        sleep 0.5
    done
    echo "cluster: $1 antwoordt niet; zie de logs in $DIR" >&2
    return 1
}

echo "cluster: database bijwerken (monitor init)"
"$PY" -m monitor init
if [[ "$MONITOR_DEMO" != 0 ]]; then
    "$PY" -m monitor demo >/dev/null 2>&1 || echo "cluster: demo niet geladen (database niet leeg)"
fi

read -r -a PORTS <<<"$("$PY" - "$((N + 1))" <<'PYEOF'
import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
PYEOF
)"
PROXY_PORT=${CLUSTER_PORT:-${PORTS[$N]}}
APP_PORTS=("${PORTS[@]:0:$N}")

APP_PIDS=()
for port in "${APP_PORTS[@]}"; do
    .venv/bin/streamlit run serve.py --server.address=127.0.0.1 --server.port="$port" \
        >"$DIR/app-$port.log" 2>&1 &
    PIDS+=($!)
    APP_PIDS+=($!)
done
for port in "${APP_PORTS[@]}"; do
    wacht_op "http://127.0.0.1:$port/_stcore/health"
done

HAPROXY_LOG="log stdout format raw local0 warning" \
    deploy/haproxy-config.sh "127.0.0.1:$PROXY_PORT" "${APP_PORTS[@]}" >"$DIR/haproxy.cfg"
haproxy -db -f "$DIR/haproxy.cfg" >"$DIR/haproxy.log" 2>&1 &
PROXY_PID=$!
PIDS+=("$PROXY_PID")
URL="http://127.0.0.1:$PROXY_PORT"
wacht_op "$URL/_stcore/health"

cat >"$DIR/cluster.env" <<ENVEOF
URL=$URL
PROXY_PID=$PROXY_PID
APP_PORTS="${APP_PORTS[*]}"
APP_PIDS="${APP_PIDS[*]}"
DATABASE_URL=$DATABASE_URL
ENVEOF
echo "cluster: klaar op $URL ($N app-processen: ${APP_PORTS[*]})"
while true; do
    sleep 1 &
    wait $! || true
done
