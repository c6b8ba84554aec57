#!/usr/bin/env bash
# Starts the sandbox on 127.0.0.1: etcd, kube-apiserver, controller-manager, scheduler, kwok and
# Prometheus; seeds the tutorial cluster; exits 0 only once it is ready. Safe to run again.
set -uo pipefail
t0=$SECONDS
source "$(dirname "$0")/lib.sh"
source "$SANDBOX_SRC/pki.sh"
source "$SANDBOX_SRC/prom-net.sh"
source "$SANDBOX_SRC/streams.sh"
READY_TIMEOUT=${KT_SANDBOX_READY_TIMEOUT:-120}

started=()
cleanup_on_failure() {
  local code=$?
  [ "$code" -eq 0 ] && return
  for ((i = ${#started[@]} - 1; i >= 0; i--)); do stop_component "${started[i]}"; done
  [ ${#started[@]} -gt 0 ] && prom_net_down
  [ ${#started[@]} -gt 0 ] && echo "sandbox: stopped what this run had started (${started[*]})" >&2
}
trap cleanup_on_failure EXIT

BIN=$(bash "$SANDBOX_SRC/build.sh" | tail -n1) || exit 1
CACHE=$(dirname "$BIN")
K="$BIN/kubectl --kubeconfig=$KUBECONFIG_OUT"
mkdir -p "$LOGS" "$PIDS"

apiserver_ready() {
  curl -sf --max-time 2 --cacert "$PKI/ca.crt" --cert "$PKI/admin.crt" --key "$PKI/admin.key" \
    "https://$HOST:$APISERVER_PORT/readyz" >/dev/null
}

running=0
for c in "${COMPONENTS[@]}"; do is_running "$c" && running=$((running + 1)); done
if ((running > 0 && running < ${#COMPONENTS[@]})); then
  say "found a partly running sandbox ($running of ${#COMPONENTS[@]}); restarting it"
  bash "$SANDBOX_SRC/down.sh" >/dev/null
  running=0
fi

if ((running == 0)); then
  prom_net_down # leftovers of a sandbox whose processes died
  ports=("etcd:$ETCD_PORT" "etcd-peer:$ETCD_PEER_PORT" "kube-apiserver:$APISERVER_PORT" \
    "kube-controller-manager:$KCM_PORT" "kube-scheduler:$SCHED_PORT" "kwok:$KWOK_PORT" "prometheus:$PROM_PORT" "stream-http:$HTTP_PORT" "kube-state-metrics:$KSM_PORT")
  for entry in "${ports[@]}"; do
    port=${entry#*:}
    if port_in_use "$port"; then
      holder=$(port_holder "$port")
      fail "port $port (needed by ${entry%%:*}) is taken by ${holder:-an unknown process}; stop it or run 'npm run sandbox:down'"
    fi
  done
  if ! command -v prometheus >/dev/null; then
    say "installing Debian's prometheus package"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus; } \
      >"$LOGS/apt.log" 2>&1 || fail "could not install prometheus with apt-get (log: $LOGS/apt.log)"
  fi
  command -v openssl >/dev/null || fail "openssl is missing; install it (apt-get install openssl) and retry"
  make_pki || fail "could not create certificates in $PKI"
  write_kubeconfig

  # A cold start is a fresh cluster: state left in etcd by a stopped sandbox (pods that the
  # node controller marked NotReady while kwok was down) would never settle again.
  rm -rf "$STATE/etcd" "$STATE/prometheus" "$STREAMS" && mkdir -p "$STATE/etcd" "$STATE/prometheus"
  say "starting etcd"
  start_component etcd "$BIN/etcd" --name=kt --data-dir="$STATE/etcd" --unsafe-no-fsync \
    --listen-client-urls="http://$HOST:$ETCD_PORT" --advertise-client-urls="http://$HOST:$ETCD_PORT" \
    --listen-peer-urls="http://$HOST:$ETCD_PEER_PORT" --initial-advertise-peer-urls="http://$HOST:$ETCD_PEER_PORT" \
    --initial-cluster="kt=http://$HOST:$ETCD_PEER_PORT" --auto-compaction-retention=1 --quota-backend-bytes=8589934592
  started+=(etcd)
  wait_for 30 etcd curl -sf "http://$HOST:$ETCD_PORT/health" ||
    fail "etcd did not become healthy within 30s; see $LOGS/etcd.log"

  say "starting kube-apiserver"
  start_component kube-apiserver "$BIN/kube-apiserver" --etcd-servers="http://$HOST:$ETCD_PORT" \
    --bind-address=$HOST --advertise-address=$HOST --secure-port="$APISERVER_PORT" \
    --tls-cert-file="$PKI/server.crt" --tls-private-key-file="$PKI/server.key" \
    --client-ca-file="$PKI/ca.crt" --token-auth-file="$PKI/tokens.csv" \
    --authorization-mode=Node,RBAC --allow-privileged=true \
    --service-account-issuer=https://kubernetes.default.svc.cluster.local \
    --service-account-key-file="$PKI/sa.pub" --service-account-signing-key-file="$PKI/sa.key" \
    --service-cluster-ip-range=10.96.0.0/16 --enable-priority-and-fairness=false
  started+=(kube-apiserver)
  wait_for "$READY_TIMEOUT" apiserver apiserver_ready ||
    fail "kube-apiserver was not ready within ${READY_TIMEOUT}s; see its log: $LOGS/kube-apiserver.log"

  say "starting kube-controller-manager and kube-scheduler"
  start_component kube-controller-manager "$BIN/kube-controller-manager" --kubeconfig="$KUBECONFIG_OUT" \
    --leader-elect=false --bind-address=$HOST --secure-port="$KCM_PORT" \
    --root-ca-file="$PKI/ca.crt" --service-account-private-key-file="$PKI/sa.key" \
    --use-service-account-credentials=false --node-monitor-period=5s --node-monitor-grace-period=2m \
    --authorization-always-allow-paths=/healthz,/readyz,/livez,/metrics \
    --kube-api-qps=200 --kube-api-burst=400
  started+=(kube-controller-manager)
  start_component kube-scheduler "$BIN/kube-scheduler" --kubeconfig="$KUBECONFIG_OUT" \
    --leader-elect=false --bind-address=$HOST --secure-port="$SCHED_PORT" \
    --authorization-always-allow-paths=/healthz,/readyz,/livez,/metrics \
    --kube-api-qps=200 --kube-api-burst=400
  started+=(kube-scheduler)

  say "starting kwok, with log, exec, attach and port-forward streams"
  streams_crd "$K" "$CACHE/kwok-logs-crd.yaml" || exit 1
  start_stream_http
  started+=(stream-http)
  { cat "$CACHE/kwok-stages.yaml"; printf -- "---\n"; cat "$SANDBOX_SRC/kwok-usage.yaml"; printf -- "---\n"
    cat "$SANDBOX_SRC/kwok-metrics.yaml"; printf -- "---\n"; streams_config; } > "$STATE/kwok.yaml"
  start_component kwok "$BIN/kwok" --kubeconfig="$KUBECONFIG_OUT" --config="$STATE/kwok.yaml" --enable-crds=Logs \
    --manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake \
    --node-ip=$HOST --node-port="$KWOK_PORT" --server-address="$HOST:$KWOK_PORT" \
    --cidr=10.244.0.0/16 --node-lease-duration-seconds=40
  started+=(kwok)

  say "starting kube-state-metrics (restart counters) and prometheus"
  start_component kube-state-metrics node "$SANDBOX_SRC/kube-state-metrics.mjs" "$HOST:$KSM_PORT" "https://$HOST:$APISERVER_PORT" "$PKI"
  started+=(kube-state-metrics)
  start_prometheus
  started+=(prometheus)
else
  apiserver_ready || fail "the sandbox processes run but kube-apiserver is not ready; see $LOGS/kube-apiserver.log"
  write_kubeconfig
  say "already running"
fi

say "seeding the tutorial cluster"
wait_for 60 "default service account" $K get serviceaccount default -n default ||
  fail "the controller-manager did not create the default service account; see $LOGS/kube-controller-manager.log"
# CRDs first: their objects can be applied only once the CRDs are established.
{ $K apply -f "$SANDBOX_SRC/manifests/crds" &&
  $K wait --for=condition=Established crd --all --timeout=60s &&
  $K apply -f "$SANDBOX_SRC/manifests" &&
  $K apply -f "$SANDBOX_SRC/manifests/crs"; } >"$LOGS/seed.log" 2>&1 || { tail -n 5 "$LOGS/seed.log" >&2; fail "seeding failed (log: $LOGS/seed.log)"; }

say "waiting for nodes, workloads and metrics"
$K wait --for=condition=Ready node/k8smaster01 node/k8snode01 node/k8snode02 --timeout="${READY_TIMEOUT}s" >>"$LOGS/seed.log" 2>&1 ||
  fail "nodes did not become Ready; see $LOGS/kwok.log"
# kwok's nodes default to 1k CPUs and 1Ti; tutorial sizes make %CPU, %MEM and the header's totals
# meaningful. kwok keeps a node's allocatable once set.
for spec in k8smaster01:2:4Gi k8snode01:4:8Gi k8snode02:4:8Gi; do
  IFS=: read -r node cpu mem <<<"$spec"
  size="{\"cpu\":\"$cpu\",\"memory\":\"$mem\"}"
  $K patch node "$node" --subresource=status --type=merge -p "{\"status\":{\"capacity\":$size,\"allocatable\":$size}}" >>"$LOGS/seed.log" 2>&1 ||
    fail "could not size node $node; see $LOGS/seed.log"
done
for w in "deployment/nginx-deployment -n default" "deployment/kube-state-metrics -n monitoring" \
  "daemonset/kube-proxy -n kube-system" "daemonset/node-exporter -n monitoring"; do
  # shellcheck disable=SC2086
  $K rollout status $w --timeout="${READY_TIMEOUT}s" >>"$LOGS/seed.log" 2>&1 ||
    fail "$w did not become ready; see $LOGS/kube-controller-manager.log and $LOGS/kwok.log"
done
SEEDED_PODS=9 # nginx 2, kube-proxy 3, node-exporter 2, kube-state-metrics 1, prometheus-k8s 1
metrics_ready() {
  local n
  n=$(curl -sf "$PROM_URL/api/v1/query" --data-urlencode \
    'query=count(count by (namespace, pod) (container_cpu_usage_seconds_total{namespace=~"default|kube-system|monitoring"}))' |
    sed -n 's/.*"value":\[[^,]*,"\([0-9]*\)"\].*/\1/p')
  [ "${n:-0}" -ge "$SEEDED_PODS" ]
}
wait_for "$READY_TIMEOUT" prometheus metrics_ready ||
  fail "Prometheus has no CPU series for the seeded pods; see $LOGS/prometheus.log and $LOGS/kwok.log"

say "serving Prometheus as monitoring/prometheus-k8s (pod address $PROM_POD_IP)"
prom_net_up || exit 1
prom_pod_address "$K" || exit 1
wait_for 30 "service proxy" prom_proxy_ready ||
  fail "Prometheus does not answer through the API server's service proxy (monitoring/prometheus-k8s:web); see $LOGS/prom-relay.log"

trap - EXIT
say "ready"
echo "export KUBECONFIG=$KUBECONFIG_OUT"
echo "Prometheus: $PROM_URL"
