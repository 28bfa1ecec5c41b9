#!/usr/bin/env bash
# The demo (make demo): scans the picturesocial example as deployed, then as it was during the incident.
# Expects a built binary in build/ (or CENTINELA=path). A scan that finds problems exits 1; that is the
# point of the demo, so only exit codes 2 (input error) and 3 (internal error) fail it.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
centinela="${CENTINELA:-$repo/build/centinela}"
[[ -x "$centinela" ]] || {
  echo "demo: error: $centinela not found; run 'make build' first" >&2
  exit 1
}

scan() {
  local dir="$1"
  echo
  echo "=== centinela scan ${dir#"$repo"/}"
  local rc=0
  "$centinela" scan "$dir" || rc=$?
  if ((rc > 1)); then
    echo "demo: error: 'centinela scan $dir' exited with $rc" >&2
    exit "$rc"
  fi
}

scan "$repo/examples/picturesocial"
scan "$repo/examples/picturesocial/incident"
