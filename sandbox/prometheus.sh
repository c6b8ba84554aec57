#!/usr/bin/env bash
# Stops or starts the sandbox's Prometheus alone: bash sandbox/prometheus.sh stop|start|status.
# Other tests share it; prefer a TcpProxy in front of it (test/helpers/tcp-proxy.ts) to take it away.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$SANDBOX_SRC/prom-net.sh"
case ${1:-} in
  stop) stop_component prometheus; say "prometheus stopped" ;;
  start)
    [ -f "$STATE/prometheus.yml" ] || fail "no sandbox state in $STATE; run 'npm run sandbox:up'"
    if ! is_running prometheus; then
      # Only a listener on loopback or every address is in the way (each sandbox's prom-relay
      # listens on the same port on its own pod address).
      ss -Hltn "sport = :$PROM_PORT" 2>/dev/null | awk '{print $4}' | grep -Eq '^(127\.0\.0\.1|0\.0\.0\.0|\*|\[::\]):' &&
        fail "port $PROM_PORT is taken by $(port_holder "$PROM_PORT")"
      mkdir -p "$LOGS" "$PIDS"
      start_prometheus
    fi
    wait_for 30 prometheus prometheus_ready || fail "Prometheus was not ready within 30s; see $LOGS/prometheus.log"
    say "prometheus running on $PROM_URL" ;;
  status) if is_running prometheus; then echo running; else echo stopped; exit 3; fi ;;
  *) fail "usage: bash sandbox/prometheus.sh stop|start|status" ;;
esac
