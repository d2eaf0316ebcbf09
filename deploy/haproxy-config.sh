#!/usr/bin/env bash
# Write a HAProxy configuration for app processes on loopback ports.
#
#   deploy/haproxy-config.sh BIND PORT [PORT ...] > haproxy.cfg
#
#   BIND   HAProxy's bind line, e.g. ':80' or ':443 ssl crt /etc/haproxy/certs/monitor.pem'
#   PORT   the port of each app process (streamlit run serve.py --server.port=PORT)
#
# HAPROXY_LOG replaces the global log line (default 'log /dev/log local0'; the cluster logs
# to stdout).
set -euo pipefail
if [[ $# -lt 2 ]]; then
    sed -n '2,11p' "$0" >&2
    exit 2
fi
BIND=$1
shift
LOG=${HAPROXY_LOG:-log /dev/log local0}
SERVERS=""
i=0
for port in "$@"; do
    i=$((i + 1))
    SERVERS+="    server app$i 127.0.0.1:$port check cookie app$i"$'\n'
done
while IFS= read -r line; do
    case "$line" in
    "@SERVERS@") printf '%s' "$SERVERS" ;;
    *)
        line=${line//@BIND@/$BIND}
        printf '%s\n' "${line//@GLOBAL_LOG@/$LOG}"
        ;;
    esac
done <"$(dirname "$0")/haproxy.cfg.in"
