#!/usr/bin/env bash
# Stops every sandbox process that up.sh started, newest first. Data under .sandbox/ is kept.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do
  c=${COMPONENTS[i]}
  if is_running "$c"; then say "stopping $c"; fi
  stop_component "$c"
done
say "stopped"
