#!/usr/bin/env bash
# Builds the sandbox binaries once per version set into ~/.cache/kt/sandbox/<versions>/bin.
# Prints the bin directory on the last line of stdout. Progress goes to stderr.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/versions.env"
set_id="k8s-${K8S_VERSION}_etcd-${ETCD_VERSION}_kwok-${KWOK_VERSION}"
cache=${KT_SANDBOX_CACHE:-$HOME/.cache/kt/sandbox}/$set_id
bin=$cache/bin
logs=$cache/logs
mkdir -p "$bin" "$logs"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod

die() { echo "sandbox build: $*" >&2; exit 1; }
start=$SECONDS
say() { printf '[build %4ss] %s\n' "$((SECONDS - start))" "$*" >&2; }

command -v go >/dev/null || die "Go is not installed; install Go >= $GO_MIN (https://go.dev/dl) and retry."
gov=$(go env GOVERSION | sed 's/^go//')
printf '%s\n%s\n' "$GO_MIN" "$gov" | sort -V -C ||
  die "Go $gov is too old; the sandbox needs Go >= $GO_MIN (Kubernetes ${K8S_VERSION} declares go 1.26.0)."

# component module package outputs...
build() {
  local component=$1 module=$2 ldflags=$3; shift 3
  local missing=()
  for out in "$@"; do [ -x "$bin/${out%%=*}" ] || missing+=("$out"); done
  [ ${#missing[@]} -eq 0 ] && { say "$component: cached"; return; }
  local t0=$SECONDS log=$logs/$component.log
  say "$component: downloading modules"
  (cd "$here/go/$module" && go mod download) >"$log" 2>&1 || {
    tail -n 20 "$log" >&2; die "$component: module download failed (log: $log)"; }
  for out in "${missing[@]}"; do
    local name=${out%%=*} pkg=${out#*=} b0=$SECONDS
    say "$component: building $name"
    (cd "$here/go/$module" && go build -trimpath -ldflags "-s -w $ldflags" -o "$bin/$name.tmp" "$pkg") >>"$log" 2>&1 || {
      tail -n 20 "$log" >&2; die "$component: building $name failed; last lines above, full log: $log"; }
    mv "$bin/$name.tmp" "$bin/$name"
    say "$component: built $name in $((SECONDS - b0))s"
  done
  say "$component: done in $((SECONDS - t0))s"
}

kv=${K8S_VERSION#v}; major=${kv%%.*}; minor=${kv#*.}; minor=${minor%%.*}
stamp=""
for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  stamp+=" -X $p.gitVersion=$K8S_VERSION -X $p.gitMajor=$major -X $p.gitMinor=$minor"
  stamp+=" -X $p.gitCommit=0000000000000000000000000000000000000000 -X $p.gitTreeState=clean"
  stamp+=" -X $p.buildDate=1970-01-01T00:00:00Z"
done

build etcd etcd "" etcd=go.etcd.io/etcd/server/v3 etcdctl=go.etcd.io/etcd/etcdctl/v3
build kwok kwok "-X sigs.k8s.io/kwok/pkg/consts.Version=${KWOK_VERSION}" kwok=sigs.k8s.io/kwok/cmd/kwok
build kubernetes kubernetes "$stamp" \
  kube-apiserver=k8s.io/kubernetes/cmd/kube-apiserver \
  kube-controller-manager=k8s.io/kubernetes/cmd/kube-controller-manager \
  kube-scheduler=k8s.io/kubernetes/cmd/kube-scheduler \
  kubectl=k8s.io/kubernetes/cmd/kubectl
# kwok's stages and metric definitions ship in its module; keep a copy beside the binaries.
if [ ! -s "$cache/kwok-stages.yaml" ]; then
  kdir=$(cd "$here/go/kwok" && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)
  for f in stage/node/fast/node-initialize.yaml stage/node/heartbeat-with-lease/node-heartbeat-with-lease.yaml \
    stage/pod/fast/pod-ready.yaml stage/pod/fast/pod-complete.yaml stage/pod/fast/pod-delete.yaml \
    metrics/resource/metrics-resource.yaml; do
    [ -f "$kdir/kustomize/$f" ] || die "kwok: $kdir/kustomize/$f is missing from the module"
    printf -- '---\n'; grep -v '^---$' "$kdir/kustomize/$f"
  done > "$cache/kwok-stages.yaml.tmp" && mv "$cache/kwok-stages.yaml.tmp" "$cache/kwok-stages.yaml"
fi
# The Logs CRD lets the sandbox give each pod its own log files (streams.sh).
if [ ! -s "$cache/kwok-logs-crd.yaml" ]; then
  kdir=$(cd "$here/go/kwok" && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)
  cp "$kdir/kustomize/crd/bases/kwok.x-k8s.io_logs.yaml" "$cache/kwok-logs-crd.yaml.tmp" &&
    mv "$cache/kwok-logs-crd.yaml.tmp" "$cache/kwok-logs-crd.yaml"
fi
say "all binaries ready in $bin"
echo "$bin"
