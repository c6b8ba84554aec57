# Prometheus and its in-cluster address (sourced by up.sh, down.sh and prometheus.sh, after lib.sh).
# The API server's service proxy only dials endpoints that are pod IPs, never loopback. So the
# sandbox gives the prometheus-k8s-0 pod (kwok runs it) the address $PROM_POD_IP, puts that address
# on a veth pair of its own, and runs prom-relay there, forwarding to Prometheus on $PROM_URL.
# shellcheck shell=bash

start_prometheus() {
  sed -e "s/@HOST@/$HOST/g" -e "s/@PROM_PORT@/$PROM_PORT/g" -e "s/@KWOK_PORT@/$KWOK_PORT/g" -e "s/@KSM_PORT@/$KSM_PORT/g" \
    "$SANDBOX_SRC/prometheus.yml.tmpl" > "$STATE/prometheus.yml"
  start_component prometheus prometheus --config.file="$STATE/prometheus.yml" \
    --storage.tsdb.path="$STATE/prometheus" --storage.tsdb.retention.time=6h \
    --web.listen-address="$HOST:$PROM_PORT" --web.enable-lifecycle
}

prometheus_ready() { curl -sf --max-time 2 "$PROM_URL/-/ready" >/dev/null; }

# The veth pair and the relay; safe to run again.
prom_net_up() {
  command -v ip >/dev/null || { echo "sandbox: the ip command is missing; install iproute2" >&2; return 1; }
  if ! ip link show "$PROM_LINK" >/dev/null 2>&1; then
    ip link add "$PROM_LINK" type veth peer name "${PROM_LINK}p" 2>"$LOGS/prom-net.log" || {
      echo "sandbox: cannot create the veth pair $PROM_LINK (needs root / CAP_NET_ADMIN): $(head -n1 "$LOGS/prom-net.log")" >&2
      return 1
    }
  fi
  if ! ip -br addr show dev "$PROM_LINK" | grep -qw "$PROM_POD_IP/32"; then
    ip addr add "$PROM_POD_IP/32" dev "$PROM_LINK" 2>"$LOGS/prom-net.log" || {
      echo "sandbox: cannot add $PROM_POD_IP to $PROM_LINK: $(head -n1 "$LOGS/prom-net.log")" >&2
      return 1
    }
  fi
  ip link set "$PROM_LINK" up && ip link set "${PROM_LINK}p" up || {
    echo "sandbox: cannot bring $PROM_LINK up" >&2
    return 1
  }
  if ! is_running prom-relay; then
    start_component prom-relay node "$SANDBOX_SRC/prom-relay.mjs" "$PROM_POD_IP:$PROM_POD_PORT" "$HOST:$PROM_PORT"
  fi
}

prom_net_down() {
  stop_component prom-relay
  if ip link show "$PROM_LINK" >/dev/null 2>&1; then ip link del "$PROM_LINK" 2>/dev/null; fi
  return 0
}

# Gives the prometheus-k8s-0 pod the relay's address once kwok has started it (kwok leaves running pods alone).
prom_pod_address() {
  local kubectl=$1 ip
  for _ in $(seq 120); do
    ip=$($kubectl get pod prometheus-k8s-0 -n monitoring -o jsonpath='{.status.phase}/{.status.podIP}' 2>/dev/null)
    [ "${ip%%/*}" = Running ] && break
    sleep 0.5
  done
  [ "${ip%%/*}" = Running ] || { echo "sandbox: pod monitoring/prometheus-k8s-0 is not Running; see $LOGS/kwok.log" >&2; return 1; }
  [ "${ip#*/}" = "$PROM_POD_IP" ] && return 0
  $kubectl patch pod prometheus-k8s-0 -n monitoring --subresource=status --type=merge \
    -p "{\"status\":{\"podIP\":\"$PROM_POD_IP\",\"podIPs\":[{\"ip\":\"$PROM_POD_IP\"}]}}" >/dev/null 2>"$LOGS/prom-net.log" || {
    echo "sandbox: cannot set the address of pod monitoring/prometheus-k8s-0: $(head -n1 "$LOGS/prom-net.log")" >&2
    return 1
  }
}

# Prometheus answers through the API server's service proxy.
prom_proxy_ready() {
  curl -sf --max-time 2 --cacert "$PKI/ca.crt" --cert "$PKI/admin.crt" --key "$PKI/admin.key" \
    "https://$HOST:$APISERVER_PORT/api/v1/namespaces/monitoring/services/prometheus-k8s:web/proxy/-/ready" >/dev/null
}
