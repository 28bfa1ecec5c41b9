#!/usr/bin/env bash
# Benchmarks (make bench): generates the inputs, runs the Google Benchmark binaries, then times the whole CLI
# and compares the figures with the targets of the issue.
#
#   scripts/bench.sh [BUILD_DIR]          (default build-bench; expects centinela, bench/bench_parse and
#                                          bench/bench_scan built there in Release; bench/bench_phases, when
#                                          built, adds the time and memory of each phase of a scan)
#
# Environment: BENCH_RUNS (hyperfine runs per input, default 5), BENCH_MIN_TIME (seconds per Google Benchmark
# case, default 2), BENCH_STRICT=1 (exit 1 when a target is missed; by default misses are only reported).
#
# Targets (2 cores): the 20,000-Deployment YAML stream (~19 MB) scanned with all checks in < 0.5 s wall
# (>= 40 MB/s); JSON >= 200 MB/s; peak RSS <= 3x the input size.
set -euo pipefail

die() {
  echo "bench: error: $*" >&2
  exit 1
}

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="$(cd "${1:-$repo/build-bench}" && pwd)" || die "no build directory ${1:-build-bench}"
runs="${BENCH_RUNS:-5}"
min_time="${BENCH_MIN_TIME:-2}"
centinela="$build_dir/centinela"
for bin in "$centinela" "$build_dir/bench/bench_parse" "$build_dir/bench/bench_scan"; do
  [[ -x "$bin" ]] || die "$bin not built (make bench builds it)"
done
for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not installed (scripts/install-deps --bench)"
done

data="$build_dir/data"
results="$build_dir/results"
mkdir -p "$data" "$results"
generator="$repo/bench/gen_manifests.py"

# name N kinds: the issue's 20,000-Deployment stream, and a mixed cluster of about the same size.
inputs=(
  "deployments-20000 20000 deployments"
  "mixed-24000 24000 mixed"
)

echo "== inputs ($data)"
files=()
for spec in "${inputs[@]}"; do
  read -r name n kinds <<<"$spec"
  for format in yaml json; do
    file="$data/$name.$format"
    if [[ ! -s "$file" || "$generator" -nt "$file" ]]; then
      python3 "$generator" "$n" --kinds "$kinds" --format "$format" -o "$file.tmp"
      mv "$file.tmp" "$file"
    fi
    awk -v f="$(basename "$file")" -v b="$(stat -c %s "$file")" 'BEGIN { printf "   %-26s %6.1f MB\n", f, b / 1e6 }'
    files+=("$file")
  done
done

echo
echo "== bench_parse (parse only)"
"$build_dir/bench/bench_parse" --benchmark_min_time="$min_time" \
  --benchmark_out="$results/bench_parse.json" --benchmark_out_format=json "${files[@]}"
echo
echo "== bench_scan (parse + snapshot + all checks; checks alone)"
"$build_dir/bench/bench_scan" --benchmark_min_time="$min_time" \
  --benchmark_out="$results/bench_scan.json" --benchmark_out_format=json "${files[@]}"

if [[ -x "$build_dir/bench/bench_phases" ]]; then
  echo
  echo "== bench_phases (one scan as the CLI runs it, -o json: wall and CPU time, resident memory per phase)"
  for file in "${files[@]}"; do
    echo "   $(basename "$file")"
    "$build_dir/bench/bench_phases" "$file" json
  done
fi

echo
echo "== whole CLI: centinela scan FILE -o json --output /dev/null --fail-on none"
cli_results="$results/cli.tsv"
printf 'file\tbytes\twall_mean_s\twall_stddev_s\tmax_rss_kb\tfindings\n' >"$cli_results"
for file in "${files[@]}"; do
  base="$(basename "$file")"
  report="$results/$base.report.json"
  time_log="$results/$base.time.txt"
  # One checked run: with --fail-on none the exit code must be 0 (2 or 3, an input or internal error, would make
  # the timings meaningless), the report must be the documented JSON, and the peak RSS comes from GNU time.
  rc=0
  /usr/bin/time -v -o "$time_log" "$centinela" scan "$file" -o json --output "$report" --fail-on none || rc=$?
  ((rc == 0)) || die "centinela scan $base exited with $rc (see $report and $time_log)"
  findings="$(python3 - "$report" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
if doc.get("schema") != "centinela.dev/v1" or not isinstance(doc.get("findings"), list):
    sys.exit("bench: the JSON report does not follow the centinela.dev/v1 schema")
if doc.get("diagnostics"):
    errors = [d for d in doc["diagnostics"] if d.get("level") == "error"]
    if errors:
        sys.exit(f"bench: {len(errors)} error diagnostic(s) in the report, first: {errors[0]}")
print(len(doc["findings"]))
EOF
)" || die "unusable report for $base"
  ((findings > 0)) || die "no finding on $base: the checks did not run"
  rm -f "$report"  # hundreds of MB for these inputs
  rss_kb="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$time_log")"
  [[ -n "$rss_kb" ]] || die "no peak RSS in $time_log"

  # --shell=none: no shell start-up in the figures. hyperfine fails on any non-zero exit.
  hyperfine --shell=none --warmup 1 --runs "$runs" --style basic \
    --export-json "$results/$base.hyperfine.json" \
    "'$centinela' scan '$file' -o json --output /dev/null --fail-on none"
  read -r mean stddev < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(r["mean"], r["stddev"] or 0)' "$results/$base.hyperfine.json")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$base" "$(stat -c %s "$file")" "$mean" "$stddev" "$rss_kb" "$findings" \
    >>"$cli_results"
done

echo
echo "== summary"
python3 - "$results" "${BENCH_STRICT:-0}" <<'EOF'
import csv, json, os, sys

results, strict = sys.argv[1], sys.argv[2] == "1"
MB = 1e6


def bench_rows(path):
    rows = {}
    for b in json.load(open(path))["benchmarks"]:
        if b.get("error_occurred"):
            sys.exit(f"bench: {b['name']}: {b.get('error_message')}")
        # "parse/deployments-20000.yaml/real_time" -> ("parse", "deployments-20000.yaml")
        parts = b["name"].split("/")
        rows[(parts[0], parts[1])] = b
    return rows


rows = {}
rows.update(bench_rows(os.path.join(results, "bench_parse.json")))
rows.update(bench_rows(os.path.join(results, "bench_scan.json")))

print("in-process (Google Benchmark; wall time per iteration):")
print(f"  {'benchmark':<40} {'ms':>9} {'MB/s':>9} {'objects/s':>11}")
ORDER = {"parse": 0, "scan": 1, "checks_only": 2}
for (kind, name), b in sorted(rows.items(), key=lambda kv: (kv[0][1], ORDER.get(kv[0][0], 9))):
    print(f"  {kind + '/' + name:<40} {b['real_time']:>9.1f} {b['MB']:>9.1f} {b['objects']:>11.0f}")

misses = 0


def check(ok, what):
    global misses
    if not ok:
        misses += 1
    return ("ok  " if ok else "MISS") + "  " + what


print()
print("whole CLI (hyperfine mean; peak RSS from /usr/bin/time -v):")
print(f"  {'input':<26} {'MB':>7} {'wall s':>8} {'MB/s':>8} {'RSS MB':>8} {'RSS/in':>7} {'findings':>9}  targets")
with open(os.path.join(results, "cli.tsv")) as f:
    for r in csv.DictReader(f, delimiter="\t"):
        size = int(r["bytes"])
        wall = float(r["wall_mean_s"])
        rss = int(r["max_rss_kb"]) * 1024
        rate = size / MB / wall
        ratio = rss / size
        targets = []
        if r["file"].endswith(".json"):
            targets.append(check(rate >= 200, "JSON >= 200 MB/s"))
        else:
            targets.append(check(rate >= 40, "YAML >= 40 MB/s"))
            if r["file"].startswith("deployments-20000"):
                targets.append(check(wall < 0.5, "20,000 Deployments < 0.5 s"))
        targets.append(check(ratio <= 3, "RSS <= 3x input"))
        print(f"  {r['file']:<26} {size / MB:>7.1f} {wall:>8.3f} {rate:>8.1f} {rss / MB:>8.1f} "
              f"{ratio:>6.2f}x {int(r['findings']):>9}  " + "; ".join(targets))

print()
if misses:
    print(f"bench: {misses} target(s) missed" + ("" if strict else " (BENCH_STRICT=1 makes this an error)"))
    sys.exit(1 if strict else 0)
print("bench: all targets met")
EOF
echo "bench: raw results in $results"
