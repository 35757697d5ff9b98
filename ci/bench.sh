#!/usr/bin/env bash
# Throughput benchmark: `migralint lint --format json` against libpg_query alone
# (bench/raw_parse.cc: read + pg_query_parse of every file, nothing else) on the same .sql files.
#
#   ci/bench.sh            # BENCH_RUNS=5 runs per tool and input (median reported)
#
# Inputs: ../shared/corpus-real (skipped when absent: it exists on dev machines and CI only) and
# a generated 10,000-file numbered set (build-bench/gen-10000, made once, reused while the
# generator is unchanged). migralint gets the directory; raw_parse gets every *.sql file under it,
# rollbacks included, in one process. Wall time per run from bash's EPOCHREALTIME, peak RSS and
# CPU time (user + sys; migralint uses every core, raw_parse one) from /usr/bin/time. The ratio
# is median wall over median wall. The table goes to stdout, progress to stderr. migralint's
# exit status 1 (findings) is normal; any other failure of a tool is reported and makes the
# script exit 1.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C  # EPOCHREALTIME and awk use '.' as the decimal point

runs=${BENCH_RUNS:-5}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_RUNS must be a positive integer" >&2; exit 2; }
build=build-bench
gen_n=10000
gen_seed=42
gen_dir=$build/gen-$gen_n
real_corpus=../shared/corpus-real
work=$build/bench-work

log() { echo "bench: $*" >&2; }

# --- tools ------------------------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
  log "installing time(1)"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq time >&2
fi

log "building Release in $build/"
# Tests are not needed here; skipping them keeps the first build (and rebuilds) short.
bash ci/build.sh "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >&2
migralint=$build/migralint
raw_parse=$build/bench/migralint_raw_parse
gen_corpus=$build/bench/migralint_gen_corpus
for tool in "$migralint" "$raw_parse" "$gen_corpus"; do
  [[ -x $tool ]] || { echo "bench: $tool was not built" >&2; exit 1; }
done

# --- generated set (reused while complete and newer than the generator) ------------------------
stamp=$gen_dir/.generated
if [[ -f $stamp && $stamp -nt $gen_corpus && "$(cat "$stamp")" == "n=$gen_n seed=$gen_seed" ]] &&
   [[ $(find "$gen_dir/migrations" -maxdepth 1 -name '*.sql' | wc -l) -eq $gen_n ]]; then
  log "reusing $gen_dir"
else
  log "generating $gen_n files into $gen_dir"
  rm -f "$stamp"
  "$gen_corpus" "$gen_dir" "$gen_n" --seed "$gen_seed" >&2
  echo "n=$gen_n seed=$gen_seed" > "$stamp"
fi

# --- measurement -------------------------------------------------------------------------------
mkdir -p "$work"
failed=0

# run_timed OUT_FILE CMD... : one run; appends "wall_s rss_kib cpu_s" to $samples.
run_timed() {
  local out=$1; shift
  local start end rc=0
  start=$EPOCHREALTIME
  /usr/bin/time -f "%M %U %S" -o "$work/rss" "$@" > "$out" 2> "$work/stderr" || rc=$?
  end=$EPOCHREALTIME
  last_rc=$rc
  # (time writes "Command exited with non-zero status" first: its last line is ours.)
  tail -n 1 "$work/rss" | awk -v s="$start" -v e="$end" '{ printf "%.4f %d %.2f\n", e - s, $1, $2 + $3 }' \
    >> "$samples"
}

# median COLUMN FILE; peak_rss FILE (largest second column).
median() {
  awk -v c="$1" '{ print $c }' "$2" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
peak_rss() { sort -g -k2,2 "$1" | tail -n 1 | awk '{ print $2 }'; }

rows=()  # "input files bytes tool median_wall peak_rss_kib median_cpu", "ratio input lint raw",
         # and "model input lint lint-without-model"
no_model_flags=()
for rule in unknown-object unsafe-not-null unsafe-type-change non-concurrent-index destructive-change \
            fk-missing-index updated-at-trigger rls-disabled policy-without-rls; do
  no_model_flags+=(--disable "$rule")
done

bench_input() {
  local label=$1 dir=$2
  local list=$work/$label.list
  find "$dir" -type f -name '*.sql' | LC_ALL=C sort > "$list"
  local files bytes
  files=$(wc -l < "$list")
  bytes=$(tr '\n' '\0' < "$list" | du -cb --files0-from=- | tail -n 1 | cut -f1)
  log "$label: $files .sql files, $bytes bytes, $runs runs per tool"

  local tool med_lint med_raw med_nomodel
  for tool in migralint no-model raw-parse; do
    samples=$work/$label.$tool.samples
    : > "$samples"
    local i
    for ((i = 1; i <= runs; i++)); do
      if [[ $tool == migralint || $tool == no-model ]]; then
        # no-model: the same run with every rule that needs the replayed schema turned off.
        local extra=()
        [[ $tool == no-model ]] && extra=("${no_model_flags[@]}")
        run_timed "$work/$label.$tool.json" "$migralint" lint --format json "${extra[@]}" "$dir"
        if ((last_rc > 1)); then
          log "$label: migralint failed (exit $last_rc): $(head -c 500 "$work/stderr")"
          failed=1
        fi
      else
        run_timed "$work/$label.raw-parse.out" "$raw_parse" "@$list"
        if ((last_rc != 0)); then
          log "$label: raw_parse failed (exit $last_rc): $(head -c 500 "$work/stderr")"
          failed=1
        fi
      fi
    done
    local med
    med=$(median 1 "$samples")
    case $tool in
      migralint) med_lint=$med ;;
      no-model) med_nomodel=$med ;;
      *) med_raw=$med ;;
    esac
    rows+=("$label $files $bytes $tool $med $(peak_rss "$samples") $(median 3 "$samples")")
  done
  rows+=("ratio $label $med_lint $med_raw")
  rows+=("model $label $med_lint $med_nomodel")
  log "$label: raw_parse says: $(cat "$work/$label.raw-parse.out")"
}

if [[ -d $real_corpus ]]; then
  bench_input corpus-real "$real_corpus"
else
  log "skipping corpus-real: $real_corpus does not exist on this machine"
fi
bench_input "gen-$gen_n" "$gen_dir"

# --- table -------------------------------------------------------------------------------------
echo
echo "migralint vs libpg_query alone ($runs runs each, median wall time; $(nproc) CPUs; $(date -u +%Y-%m-%dT%H:%MZ))"
echo "(no-model: the rules that need the replayed schema off; model:X = migralint with them / without them)"
declare -A ratio model
for row in "${rows[@]}"; do
  read -r a b c d <<< "$row"
  value=$(awk -v l="$c" -v r="$d" 'BEGIN { if (r > 0) printf "%.2f", l / r; else print "n/a" }')
  [[ $a == ratio ]] && ratio[$b]=$value
  [[ $a == model ]] && model[$b]=$value
done
fmt="%-12s %6s %7s  %-10s %9s %9s %7s %13s %14s %10s\n"
# shellcheck disable=SC2059
printf "$fmt" input files MB tool median_s files/s MB/s peak_RSS_MiB migralint/raw cpu_s
for row in "${rows[@]}"; do
  read -r input files bytes tool med rss cpu <<< "$row"
  [[ $input == ratio || $input == model ]] && continue
  rat="-"
  [[ $tool == migralint ]] && rat=${ratio[$input]}
  [[ $tool == no-model ]] && rat="model:${model[$input]}"
  awk -v fmt="$fmt" -v name="$input" -v f="$files" -v b="$bytes" -v t="$tool" -v m="$med" \
      -v r="$rss" -v rat="$rat" -v cpu="$cpu" 'BEGIN {
    mb = b / 1e6
    printf fmt, name, f, sprintf("%.2f", mb), t, sprintf("%.3f", m),
           sprintf("%.0f", m > 0 ? f / m : 0), sprintf("%.1f", m > 0 ? mb / m : 0),
           sprintf("%.1f", r / 1024), rat, sprintf("%.2f", cpu)
  }'
done

exit "$failed"
