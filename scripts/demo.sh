#!/usr/bin/env bash
# The demo (make demo): scans the Picturesocial API as deployed after its security review
# (examples/picturesocial/app), then as it was during the incident of seed 000
# (examples/picturesocial/incident), and shows what changed, control by control.
# Expects a built binary in build/ (or CENTINELA=path). A scan that finds problems exits 1; that is the
# point of the demo, so only exit codes 2 (input error) and 3 (internal error) fail it.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
centinela="${CENTINELA:-$repo/build/centinela}"
[[ -x "$centinela" ]] || {
  echo "demo: error: $centinela not found; run 'make build' first" >&2
  exit 1
}
cd "$repo"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

scan() {
  local dir="$1" name="$2" rc=0
  echo
  echo "=== centinela scan $dir"
  echo
  "$centinela" scan "$dir" || rc=$?
  if ((rc > 1)); then
    echo "demo: error: 'centinela scan $dir' exited with $rc" >&2
    exit "$rc"
  fi
  "$centinela" scan "$dir" -o json --output "$tmp/$name.json" --fail-on none
}

scan examples/picturesocial/app app
scan examples/picturesocial/incident incident

echo
echo "=== What changed between the reviewed application and the incident"
python3 - "$tmp/app.json" "$tmp/incident.json" <<'PY'
import json, sys
app, incident = (json.load(open(p)) for p in sys.argv[1:3])
controls = ["permissions", "network", "data", "orchestrator"]
print(f"{'control':<14}{'app':>6}{'incident':>10}")
for c in controls:
    print(f"{c.capitalize():<14}{app['summary']['byControl'][c]['total']:>6}"
          f"{incident['summary']['byControl'][c]['total']:>10}")
print(f"{'Total':<14}{app['summary']['total']:>6}{incident['summary']['total']:>10}")
seen = {f["check"] for f in app["findings"]}
new = {}
for f in incident["findings"]:
    if f["check"] not in seen:
        new.setdefault((f["control"], f["severity"], f["check"]), []).append(
            f"{f['object']['kind']} {f['object']['name']}")
order = {"critical": 0, "high": 1, "medium": 2, "low": 3, "info": 4}
print("\nChecks that fail only in the incident (control, severity, check: objects):")
for (control, severity, check), objects in sorted(new.items(), key=lambda kv: (controls.index(kv[0][0]), order[kv[0][1]], kv[0][2])):
    print(f"  {control:<13}{severity:<9}{check}: {', '.join(sorted(set(objects)))}")
PY
