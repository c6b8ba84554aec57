#!/usr/bin/env bash
# Builds k9s once into a cache outside the repo, for `npm run bench -- --live` to compare against.
#   bash bench/k9s.sh            # prints the path of the k9s binary
# Tries v0.51.0 (the version the issue names); falls back to v0.50.16 if the Go proxy refuses it.
set -euo pipefail
BIN_DIR="${KT_BENCH_CACHE:-$HOME/.cache/kt/bench}/bin"
mkdir -p "$BIN_DIR"
for version in ${K9S_VERSIONS:-v0.51.0 v0.50.16}; do
  out="$BIN_DIR/k9s-$version"
  if [[ -x "$out" ]]; then echo "$out"; exit 0; fi
done
for version in ${K9S_VERSIONS:-v0.51.0 v0.50.16}; do
  tmp="$(mktemp -d)"
  echo "[k9s.sh] go install github.com/derailed/k9s@$version (takes minutes)" >&2
  if (cd "$tmp" && GOBIN="$tmp" nice -n 10 go install "github.com/derailed/k9s@$version" >&2); then
    mv "$tmp/k9s" "$BIN_DIR/k9s-$version"
    rm -rf "$tmp"
    echo "$BIN_DIR/k9s-$version"
    exit 0
  fi
  rm -rf "$tmp"
  echo "[k9s.sh] $version could not be built; trying the next version" >&2
done
echo "[k9s.sh] no k9s version could be built" >&2
exit 1
