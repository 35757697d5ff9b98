#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan + LeakSanitizer) in build-asan/ (the tree
# ci/test.sh also runs the tests under the sanitizers in) and runs each
# for SECONDS (default 60), seeded from fuzz/corpus/<target>/ (kept in the repository: hostile
# shapes — deep nesting, long lines — and every finding) and from the repository's migrations,
# configs and lock files (copied into a temporary folder, removed afterwards). Inputs may be as
# long as -max_len (256 KiB for SQL: long lines and deep nesting need room). Prints the executions per target; fails
# on any crash, leak, timeout (an input taking over 10 s) or out-of-memory. Crashing inputs are
# kept in build-asan/artifacts/ — replay one with `build-asan/fuzz/fuzz_<target> FILE`, then
# add it under tests/regressions/<target>/ (tests/regressions_test.cc replays those) and under
# fuzz/corpus/<target>/ (the seeds of the next runs).
# Usage: ci/fuzz.sh [SECONDS] [TARGET...]     JOBS=N sets the build parallelism (default nproc).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(lint_file lint_stdin parse_cache config lock_file discover redact)

bash ci/install-deps.sh

dir=build-asan
echo "== build ($dir: clang, libFuzzer + ASan + UBSan)"
CC=clang CXX=clang++ cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMIGRALINT_FUZZ=ON \
  >/dev/null
if ! cmake --build "$dir" -j "${JOBS:-$(nproc 2>/dev/null || echo 2)}" --target "${targets[@]/#/fuzz_}" \
  >"$dir/build.log" 2>&1; then
  tail -40 "$dir/build.log"
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/migralint-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
artifacts="$root/$dir/artifacts"
mkdir -p "$artifacts"

# Seeds: each file of the repository's examples, copied under a numbered name.
seed() {  # seed TARGET FILE...
  local out="$work/seeds/$1" n
  mkdir -p "$out"
  shift
  n=$(find "$out" -type f | wc -l)
  for f in "$@"; do
    n=$((n + 1))
    cp "$f" "$out/$n"
  done
}
sources=(corpus rules tests/cases)
mapfile -t sql < <(find "${sources[@]}" -type f -name '*.sql' | sort)
seed lint_file "${sql[@]}"
seed lint_stdin "${sql[@]}"
seed parse_cache "${sql[@]}"
mapfile -t tomls < <(find "${sources[@]}" -type f -name migralint.toml | sort)
seed config "${tomls[@]}"
sed -n '/^```toml$/,/^```$/p' README.md | sed '/^```/d' >"$work/readme.toml"
seed config "$work/readme.toml"
mapfile -t locks < <(find "${sources[@]}" -type f -name migralint.lock | sort)
seed lock_file "${locks[@]}"
# discover: every example set as the tree description fuzz/targets.h reads ("@@ PATH" + bytes).
mkdir -p "$work/seeds/discover"
n=0
while IFS= read -r set; do
  n=$((n + 1))
  (cd "$set" && find . -type f -size -64k | sort | while IFS= read -r f; do
    printf '@@ %s\n' "${f#./}"
    cat "$f"
    [[ -z $(tail -c 1 "$f") ]] || echo
  done) >"$work/seeds/discover/$n"
done < <(find corpus tests/cases/sets -mindepth 1 -maxdepth 1 -type d; find rules -mindepth 2 -maxdepth 2 -type d)

# redact: a form number, the password, user and host (fuzz/fuzz_redact.cc).
mkdir -p "$work/seeds/redact"
n=0
for seed in '\x00Zq7s3@cr3t\nuser\nlocalhost:5432' '\x01Zq7%zzs3cr3t\nuser\n[::1' \
  '\x02Zq7s3cr3t#x\n\n/tmp' '\x03Zq7s3cr3t\n\ndb' '\x04Zq7 s3\x27cr3t\x5c\n\ndb'; do
  n=$((n + 1))
  printf "$seed" >"$work/seeds/redact/$n"
done

export ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1
export LSAN_OPTIONS=suppressions=$root/fuzz/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

failed=()
for t in "${targets[@]}"; do
  dict=()
  max_len=(-max_len=65536)
  case $t in
    lint_file | lint_stdin | parse_cache) dict=(-dict="$root/fuzz/sql.dict") max_len=(-max_len=262144) ;;
    discover) dict=(-dict="$root/fuzz/sql.dict") ;;
    config) dict=(-dict="$root/fuzz/toml.dict") ;;
  esac
  mkdir -p "$work/corpus/$t" "$work/seeds/$t"
  if [[ -d $root/fuzz/corpus/$t ]]; then cp "$root/fuzz/corpus/$t"/* "$work/seeds/$t/"; fi
  log="$work/$t.log"
  echo "== fuzz_$t for ${seconds}s ($(find "$work/seeds/$t" -type f | wc -l) seeds)"
  rc=0
  "$dir/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    "${max_len[@]}" "${dict[@]}" -artifact_prefix="$artifacts/$t-" "$work/corpus/$t" "$work/seeds/$t" >"$log" 2>&1 || rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [[ -n $runs ]] || runs=$(sed -n 's/^#\([0-9]*\).*DONE.*/\1/p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
  if ((rc != 0)); then
    echo "fuzz_$t: FAILED (exit $rc) after ${runs:-?} executions; log tail:"
    grep -E 'ERROR|SUMMARY|fuzz_'"$t"':|Test unit written|timeout|leak' "$log" | head -20 || true
    tail -5 "$log"
    failed+=("$t")
  else
    echo "fuzz_$t: ${runs:-?} executions, ${cov:-cov ?}, no crash, leak or timeout"
  fi
done

if ((${#failed[@]})); then
  echo "fuzz: failures in ${failed[*]}; inputs in $artifacts/" >&2
  exit 1
fi
