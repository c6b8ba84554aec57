#!/usr/bin/env bash
# Stops every sandbox process that up.sh started, newest first. Data under .sandbox/ is kept.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$SANDBOX_SRC/prom-net.sh"
for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do
  c=${COMPONENTS[i]}
  if is_running "$c"; then say "stopping $c"; fi
  stop_component "$c"
done
if is_running prom-relay || ip link show "$PROM_LINK" >/dev/null 2>&1; then say "removing $PROM_LINK and prom-relay"; fi
prom_net_down
say "stopped"
