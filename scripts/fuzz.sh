#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzzing build for a fixed time each (make fuzz; .ci/run).
#
#   scripts/fuzz.sh BUILD_DIR [SECONDS]
#
# Targets are the executables BUILD_DIR/fuzz/fuzz_<name>; each starts from a copy of its seed corpus
# fuzz/corpus/<name>/ (the repository's corpus is never modified) and, when present, uses the dictionary
# fuzz/<name>.dict. Crash inputs of the last run are kept under BUILD_DIR/fuzz-artifacts/fuzz_<name>/.
# Fails when no target is found, when a corpus is missing, when a target executes no input, or when any
# target finds a crash, leak, timeout or out-of-memory.
set -euo pipefail

die() {
  echo "fuzz: error: $*" >&2
  exit 1
}

[[ $# -ge 1 && $# -le 2 ]] || die "usage: scripts/fuzz.sh BUILD_DIR [SECONDS]"
build_dir="$1"
seconds="${2:-60}"
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || die "SECONDS must be a positive integer, got '$seconds'"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fuzz_bin_dir="$build_dir/fuzz"
[[ -d "$fuzz_bin_dir" ]] || die "no $fuzz_bin_dir directory: was $build_dir configured with -DCENTINELA_FUZZ=ON?"

targets=()
while IFS= read -r -d '' f; do
  targets+=("$f")
done < <(find "$fuzz_bin_dir" -maxdepth 1 -type f -name 'fuzz_*' -perm -u+x -print0 | sort -z)
((${#targets[@]} > 0)) || die "no fuzz targets (executables named fuzz_*) found in $fuzz_bin_dir"

# Check every corpus before spending time fuzzing.
for bin in "${targets[@]}"; do
  name="$(basename "$bin")"
  corpus="$repo/fuzz/corpus/${name#fuzz_}"
  [[ -d "$corpus" ]] || die "$name: seed corpus $corpus does not exist"
  [[ -n "$(find "$corpus" -type f -print -quit)" ]] || die "$name: seed corpus $corpus is empty"
done

export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

work="$(mktemp -d "${TMPDIR:-/tmp}/centinela-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "fuzz: ${#targets[@]} target(s), ${seconds}s each"
failed=()
for bin in "${targets[@]}"; do
  name="$(basename "$bin")"
  short="${name#fuzz_}"
  corpus="$work/$short"
  cp -R "$repo/fuzz/corpus/$short" "$corpus"
  seeds="$(find "$corpus" -type f | wc -l)"
  artifacts="$build_dir/fuzz-artifacts/$name"
  rm -rf "$artifacts"
  mkdir -p "$artifacts"
  log="$work/$name.log"
  args=(-max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560 -print_final_stats=1
    -artifact_prefix="$artifacts/")
  [[ -f "$repo/fuzz/$short.dict" ]] && args+=(-dict="$repo/fuzz/$short.dict")

  echo "fuzz: $name: $seeds seed(s) from fuzz/corpus/$short, ${seconds}s"
  start=$SECONDS
  rc=0
  # The hard timeout only guards against a hang outside libFuzzer's own time accounting.
  timeout --kill-after=10 $((seconds + 120)) "$bin" "${args[@]}" "$corpus" >"$log" 2>&1 || rc=$?
  elapsed=$((SECONDS - start))
  execs="$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)"
  if ((rc != 0)); then
    echo "fuzz: $name: FAILED (exit $rc after ${elapsed}s); last lines of its output:"
    tail -n 80 "$log" | sed 's/^/    /'
    if [[ -n "$(find "$artifacts" -type f -print -quit)" ]]; then
      echo "fuzz: $name: reproducers (turn each into a test under tests/regressions/):"
      find "$artifacts" -type f | sed 's/^/    /'
    fi
    failed+=("$name")
  elif [[ -z "$execs" || "$execs" -eq 0 ]]; then
    echo "fuzz: $name: FAILED: it executed no input; last lines of its output:"
    tail -n 40 "$log" | sed 's/^/    /'
    failed+=("$name")
  else
    cov="$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 || true)"
    echo "fuzz: $name: ok: $execs inputs in ${elapsed}s (${cov:-cov: ?}), corpus $seeds -> $(find "$corpus" -type f | wc -l)"
  fi
done

if ((${#failed[@]} > 0)); then
  die "${#failed[@]} of ${#targets[@]} target(s) failed: ${failed[*]}"
fi
echo "fuzz: all ${#targets[@]} target(s) passed"
