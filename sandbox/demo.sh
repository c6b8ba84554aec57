#!/usr/bin/env bash
# npm run demo: start the sandbox (building it the first time) and open kt on it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bash "$here/up.sh" >/dev/null
kubeconfig=$here/../.sandbox/kubeconfig
if [ -t 1 ]; then
  exec node "$here/../bin/kt.js" --kubeconfig "$kubeconfig" "$@"
fi
# Not a terminal: show the cluster state instead of the TUI.
kubectl=$(bash "$here/build.sh" 2>/dev/null | tail -n1)/kubectl
"$kubectl" --kubeconfig "$kubeconfig" get nodes,daemonsets,pods -A -o wide
