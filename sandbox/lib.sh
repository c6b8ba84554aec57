# Shared settings and helpers for the sandbox scripts (sourced, not run).
# shellcheck shell=bash
SANDBOX_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SANDBOX_SRC/.." && pwd)
STATE=${KT_SANDBOX_DIR:-$REPO_ROOT/.sandbox}
PKI=$STATE/pki LOGS=$STATE/logs PIDS=$STATE/pids
KUBECONFIG_OUT=$STATE/kubeconfig
HOST=127.0.0.1
ETCD_PORT=${KT_ETCD_PORT:-2379} ETCD_PEER_PORT=${KT_ETCD_PEER_PORT:-2380}
APISERVER_PORT=${KT_APISERVER_PORT:-6443}
KCM_PORT=${KT_KCM_PORT:-10257} SCHED_PORT=${KT_SCHED_PORT:-10259}
KWOK_PORT=${KT_KWOK_PORT:-10247} PROM_PORT=${KT_PROM_PORT:-9090}
PROM_URL=http://$HOST:$PROM_PORT
# kwok's streams (streams.sh): log files, the exec scratch directory, and the HTTP server that
# port-forwards reach (its port defaults to kwok's + 33, inside each engineer's port block).
STREAMS=$STATE/streams HTTP_PORT=${KT_STREAM_HTTP_PORT:-$((KWOK_PORT + 33))}
# kube-state-metrics.mjs, the restart counters Prometheus scrapes (kwok's + 34, in the same block).
KSM_PORT=${KT_KSM_PORT:-$((KWOK_PORT + 34))}
# The address of the monitoring/prometheus-k8s-0 pod: a veth on this host (not loopback, which the
# API server refuses to proxy to) where prom-relay forwards to Prometheus. See prom-net.sh.
# The port is the pod's containerPort "web" in manifests/30-prometheus.yaml.
PROM_POD_IP=${KT_PROM_POD_IP:-10.201.90.2} PROM_POD_PORT=9090 PROM_LINK=${KT_PROM_LINK:-ktprom0}
# Start order; down stops them in reverse.
COMPONENTS=(etcd kube-apiserver kube-controller-manager kube-scheduler stream-http kwok kube-state-metrics prometheus)

t0=${t0:-$SECONDS}
say() { printf '[sandbox %4ss] %s\n' "$((SECONDS - t0))" "$*" >&2; }
fail() { echo "sandbox: $*" >&2; exit 1; }

pid_of() { local f=$PIDS/$1.pid; [ -f "$f" ] && cat "$f"; }
# Alive and still the process we started (guards against pid reuse).
is_running() {
  local pid; pid=$(pid_of "$1") || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -qa -- "$1" "/proc/$pid/cmdline" 2>/dev/null
}
# Listeners that would clash with ours on $HOST: on $HOST itself or on every address. Another
# sandbox's prom-relay on its own pod address (10.201.9x.2:9090) does not.
clashing_listeners() { ss -Hltn${2:-} "sport = :$1" 2>/dev/null | awk -v host="$HOST" '$4 ~ "^(" host "|0\\.0\\.0\\.0|\\*|\\[::\\]|\\[::ffff:" host "\\]):"'; }
port_holder() { # prints "pid/name" of the listener on a TCP port, if any
  clashing_listeners "$1" p | sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/\2 (\1)/p' | head -n1
}
port_in_use() { clashing_listeners "$1" | grep -q .; }

# start NAME BINARY ARGS...: runs detached in its own session, logs to $LOGS/NAME.log
start_component() {
  local name=$1; shift
  setsid "$@" >"$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! >"$PIDS/$name.pid"
}

stop_component() {
  local name=$1 pid
  pid=$(pid_of "$name") || return 0
  if is_running "$name"; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"; }
  fi
  rm -f "$PIDS/$name.pid"
}

# wait_for SECONDS DESCRIPTION CMD...: polls CMD until it succeeds
wait_for() {
  local limit=$1 what=$2; shift 2
  local end=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < end)) || return 1
    sleep 0.5
  done
}
