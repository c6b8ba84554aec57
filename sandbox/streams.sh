# kwok's log, exec, attach and port-forward streams (sourced by up.sh after lib.sh).
# Log files live under $STREAMS/logs in the CRI format a kubelet reads; exec runs in $STREAMS/scratch;
# port-forward reaches stream-http.mjs on $HOST:$HTTP_PORT. See kwok-streams.yaml.tmpl.
# shellcheck shell=bash

# Writes the kwok config part for streams to stdout and prepares the files it names.
streams_config() {
  mkdir -p "$STREAMS/logs" "$STREAMS/scratch"
  local now
  now=$(date -u +%Y-%m-%dT%H:%M:%S.000000000Z)
  [ -s "$STREAMS/logs/cluster.log" ] || printf '%s stdout F kt sandbox: a container log (sandbox/logs.ts writes per-pod ones)\n' "$now" >"$STREAMS/logs/cluster.log"
  [ -s "$STREAMS/logs/cluster.previous.log" ] || printf '%s stdout F kt sandbox: the previous container log\n' "$now" >"$STREAMS/logs/cluster.previous.log"
  sed -e "s#@STREAMS@#$STREAMS#g" -e "s/@HTTP_PORT@/$HTTP_PORT/g" "$SANDBOX_SRC/kwok-streams.yaml.tmpl"
}

# kwok watches Logs objects (per-pod log files); their CRD must exist before it starts.
streams_crd() {
  local kubectl=$1 crd=$2
  [ -s "$crd" ] || { echo "sandbox: kwok's Logs CRD is missing ($crd); run npm run sandbox:build" >&2; return 1; }
  $kubectl apply -f "$crd" >>"$LOGS/seed.log" 2>&1 &&
    $kubectl wait --for=condition=Established crd/logs.kwok.x-k8s.io --timeout=30s >>"$LOGS/seed.log" 2>&1 || {
    echo "sandbox: could not install kwok's Logs CRD; see $LOGS/seed.log" >&2
    return 1
  }
}

start_stream_http() {
  start_component stream-http node "$SANDBOX_SRC/stream-http.mjs" "$HOST:$HTTP_PORT"
}
